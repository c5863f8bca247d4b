"""CSV import of clients, invoices and payments — all or nothing.

The file must be a regular file (a pipe or a device is refused before it is
opened) no larger than a limit (a setting, 100 MB by default); it is read in
chunks up to that limit, never more, and never held whole: a first pass decides
its encoding, a second decodes it chunk by chunk and hands the csv module one
line at a time, so that memory holds the rows but neither the file's bytes nor
its whole text (a file that changes between the two passes is refused).  Its
encoding is detected (UTF-8 with or without BOM, UTF-16 with BOM, else
Windows-1252 when no line is UTF-8) and it must decode entirely in that one
encoding: a file mixing UTF-8 and Windows-1252 lines, or holding a byte that is
no character, is refused with the line of the first bad byte.  No value may be
larger than another limit (a setting, 256 KiB by default), and a file with a
header but no rows is refused (issue #11).
The separator is detected (``,`` ``;`` or tab,
from the header line; an Excel ``sep=;`` first line is honoured), header
names matched without regard to case, accents or punctuation, in English
or French (``code client``, ``raison sociale``, ``n° facture``,
``montant TTC``, ``date d'échéance``…).

Every row goes through the services' own ``validate`` and ``insert`` in one
transaction, so an imported row is exactly what the editor would have
saved (history included, with the action ``imported``).  Every bad row is
collected as ``line N: column: reason`` — N is the physical line in the
file (the header is line 1), the column is the header as written in the
file.  One error and the transaction is rolled back: nothing is written.
A dry run validates everything the same way and always rolls back.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import Client, Invoice
from services.core import company as company_service
from services.core import db, lookups, settings
from services.core.dto import CompanyData
from services.core.errors import UserError, ValidationError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.money import ZERO, parse_amount
from services.core.text import fold
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from services.ledger import payments as payment_service
from services.proof.store import open_regular, require_regular_file

CLIENTS = "clients"
INVOICES = "invoices"
PAYMENTS = "payments"
KINDS = (CLIENTS, INVOICES, PAYMENTS)

IMPORTED = "imported"  # the history action of every imported row

#: The largest file an import reads and the largest value it accepts in one cell are
#: settings of the book (services.core.settings): beyond them, a message (issue #11).
#: the bytes read at a time: a file is never held whole, as bytes or as text (issue #11)
_READ_CHUNK = 1024 * 1024

MSG_NO_FILE = QT_TRANSLATE_NOOP("Messages", "the file {path} cannot be read: {detail}")
MSG_EMPTY = QT_TRANSLATE_NOOP("Messages", "the file {path} is empty (no header line).")
MSG_NO_ROWS = QT_TRANSLATE_NOOP("Messages", "the file {path} has a header line but no rows.")
MSG_FILE_TOO_BIG = QT_TRANSLATE_NOOP(
    "Messages", "the file {path} is larger than the limit of {limit} MB for an import."
)
MSG_FIELD_TOO_BIG = QT_TRANSLATE_NOOP(
    "Messages",
    "line {line} of {path} holds a value of {size} KiB, "
    "over the limit of {limit} KiB for one value.",
)
MSG_MIXED_ENCODING = QT_TRANSLATE_NOOP(
    "Messages",
    "the file {path} mixes text encodings: line {line} is not UTF-8 like the "
    "other lines. Save the file again as UTF-8.",
)
MSG_BAD_BYTES = QT_TRANSLATE_NOOP(
    "Messages",
    "the file {path} is not valid {encoding}: line {line} holds a byte that is "
    "not a character. Save the file again as UTF-8.",
)
MSG_CHANGED = QT_TRANSLATE_NOOP(
    "Messages",
    "the file {path} changed while it was being read: nothing was imported. "
    "Try again once the program writing it has finished.",
)
MSG_CSV = QT_TRANSLATE_NOOP("Messages", "line {line} of {path} cannot be read as CSV: {detail}")
MSG_KIND = QT_TRANSLATE_NOOP(
    "Messages", "'{value}' cannot be imported (clients, invoices, payments)."
)
MSG_MISSING_COLUMN = QT_TRANSLATE_NOOP("Messages", "missing required column")
MSG_SAME_COLUMN = QT_TRANSLATE_NOOP("Messages", "the same column as '{other}' (appears twice)")
MSG_EXTRA_VALUE = QT_TRANSLATE_NOOP("Messages", "a value outside any column ('{value}')")
MSG_DUPLICATE_CODE = QT_TRANSLATE_NOOP(
    "Messages", "the code '{code}' appears twice in the file (first on line {line})."
)
MSG_DUPLICATE_NUMBER = QT_TRANSLATE_NOOP(
    "Messages", "the number '{number}' appears twice in the file (first on line {line})."
)
MSG_DATABASE = QT_TRANSLATE_NOOP("Messages", "refused by the database ({detail}).")

# -- column names ----------------------------------------------------------------

# the header names of a column that more than one kind of file has (one list each)
#: the client an invoice or a payment belongs to, by its code
CLIENT_REFERENCE_ALIASES = (
    "client",
    "code client",
    "client code",
    "customer",
    "customer code",
    "ref client",
    "reference client",
    "numero client",
    "n client",
)
TERMS_ALIASES = (
    "terms",
    "payment terms",
    "conditions",
    "conditions de paiement",
    "conditions de reglement",
    "delai",
    "delai de paiement",
    "delai de reglement",
)
NOTES_ALIASES = ("notes", "note", "remarques", "commentaire", "commentaires", "comments")

#: field -> accepted header names, in the normalised form of :func:`normalise_header`.
#: The first name of each field is the English name of the issue's format.
CLIENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": (
        "code",
        "code client",
        "client code",
        "customer code",
        "customer id",
        "id client",
        "ref client",
        "reference client",
        "numero client",
        "n client",
        "no client",
    ),
    "name": (
        "name",
        "nom",
        "raison sociale",
        "nom client",
        "client name",
        "customer name",
        "customer",
        "denomination",
        "societe",
        "company",
        "nom ou raison sociale",
    ),
    "kind": (
        "kind",
        "type",
        "type client",
        "type de client",
        "categorie",
        "category",
        "client type",
        "customer type",
    ),
    "contact": ("contact", "contact person", "interlocuteur", "personne a contacter"),
    "siren": ("siren", "n siren", "no siren", "numero siren"),
    "siret": ("siret", "n siret", "no siret", "numero siret"),
    "vat_number": (
        "vat number",
        "vat",
        "vat id",
        "tva",
        "n tva",
        "no tva",
        "numero tva",
        "numero de tva",
        "tva intracommunautaire",
        "n tva intracommunautaire",
        "numero de tva intracommunautaire",
        "tva intra",
        "n tva intra",
    ),
    "email": (
        "email",
        "e mail",
        "courriel",
        "mail",
        "adresse email",
        "adresse e mail",
        "email address",
    ),
    "phone": (
        "phone",
        "telephone",
        "tel",
        "phone number",
        "numero de telephone",
        "portable",
        "mobile",
    ),
    "address": ("address", "adresse", "rue", "adresse 1", "address line 1", "street"),
    "postcode": ("postcode", "code postal", "cp", "zip", "zip code", "postal code"),
    "city": ("city", "ville", "commune", "localite", "town"),
    "country": ("country", "pays", "country code", "code pays"),
    "terms": TERMS_ALIASES,
    "credit_limit": (
        "credit limit",
        "encours autorise",
        "encours maximum",
        "encours max",
        "plafond",
        "plafond d encours",
        "limite de credit",
        "limite d encours",
    ),
    "language": ("language", "langue", "lang", "langue des courriers"),
    "notes": NOTES_ALIASES,
    "insurer": ("insurer", "credit insurer", "assureur", "assureur credit", "assureur de credit"),
    "insurance_days": (
        "insurance days",
        "declaration days",
        "delai de declaration",
        "delai assureur",
        "jours assurance",
    ),
    # the debtor's legal status (issue #13, point 3; services.core.legal_status): a code or a
    # French abbreviation (SAS, SARL, SCI, EI, association…), any case
    "legal_form": ("legal form", "forme juridique", "forme", "statut juridique"),
    "registered_as": (
        "registered as",
        "immatricule comme",
        "immatriculation",
        "registre",
        "commercant ou artisan",
    ),
    "acts_professionally": (
        "acts professionally",
        "activite professionnelle",
        "agit a titre professionnel",
    ),
}

#: which invoices a payment pays, or a credit note is set against (issue #11, point 7):
#: ``F2025-001=120.00;F2025-002=30.00``
ALLOCATION_ALIASES = (
    "allocations",
    "allocation",
    "allocated to",
    "applied to",
    "imputations",
    "imputation",
    "impute sur",
    "imputee sur",
    "affectations",
    "affectation",
    "lettrage",
)

INVOICE_COLUMNS: dict[str, tuple[str, ...]] = {
    "number": (
        "number",
        "numero",
        "n",
        "no",
        "n facture",
        "no facture",
        "numero facture",
        "numero de facture",
        "facture",
        "invoice",
        "invoice number",
        "invoice no",
        "n piece",
        "numero de piece",
        "piece",
    ),
    "client": CLIENT_REFERENCE_ALIASES,
    "issue_date": (
        "issue date",
        "date",
        "date facture",
        "date de facture",
        "date d emission",
        "date emission",
        "invoice date",
        "date de la facture",
    ),
    "total": (
        "total",
        "montant ttc",
        "total ttc",
        "ttc",
        "montant",
        "amount",
        "total incl vat",
        "amount incl vat",
        "total amount",
    ),
    "kind": ("kind", "type", "type de piece", "type de document", "nature", "document type"),
    "due_date": (
        "due date",
        "echeance",
        "date d echeance",
        "date echeance",
        "date limite de paiement",
        "date de paiement prevue",
        "due",
    ),
    "terms": TERMS_ALIASES,
    "net": (
        "net",
        "montant ht",
        "ht",
        "total ht",
        "net amount",
        "amount excl vat",
        "total excl vat",
    ),
    "vat": ("vat", "tva", "montant tva", "total tva", "vat amount"),
    "currency": ("currency", "devise", "monnaie"),
    "delivery_date": (
        "delivery date",
        "date de livraison",
        "livraison",
        "date livraison",
        "date de prestation",
    ),
    "po_number": (
        "po number",
        "po",
        "purchase order",
        "bon de commande",
        "n commande",
        "no commande",
        "numero de commande",
        "n bon de commande",
        "commande",
        "reference commande",
        "order number",
    ),
    "notes": NOTES_ALIASES,
    "disputed": (
        "disputed",
        "dispute",
        "in dispute",
        "litige",
        "en litige",
        "litigieux",
        "litigieuse",
        "contested",
        "contestee",
        "conteste",
    ),
    "allocations": ALLOCATION_ALIASES,
}

PAYMENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "date de paiement",
        "date paiement",
        "date de reglement",
        "date reglement",
        "payment date",
        "date valeur",
        "value date",
        "date d encaissement",
    ),
    "client": CLIENT_REFERENCE_ALIASES,
    "amount": (
        "amount",
        "montant",
        "montant regle",
        "montant paye",
        "montant encaisse",
        "somme",
        "paid amount",
    ),
    "invoice": (
        "invoice",
        "facture",
        "n facture",
        "no facture",
        "numero facture",
        "numero de facture",
        "invoice number",
        "invoice no",
    ),
    "method": (
        "method",
        "mode",
        "mode de reglement",
        "mode de paiement",
        "moyen de paiement",
        "payment method",
        "reglement",
    ),
    "reference": ("reference", "ref", "libelle", "payment reference", "reference paiement"),
    "currency": ("currency", "devise", "monnaie"),
    "notes": NOTES_ALIASES,
    "allocations": ALLOCATION_ALIASES,
}

COLUMNS = {CLIENTS: CLIENT_COLUMNS, INVOICES: INVOICE_COLUMNS, PAYMENTS: PAYMENT_COLUMNS}
REQUIRED = {
    CLIENTS: ("code", "name"),
    INVOICES: ("number", "client", "issue_date", "total"),
    PAYMENTS: ("date", "client", "amount"),
}


def normalise_header(text: str) -> str:
    """'N° TVA ' -> 'n tva'; 'Date d'échéance' -> 'date d echeance'; 'e-mail' -> 'e mail'."""
    folded = fold(text.replace("°", " ").replace("º", " "))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", folded).split())


# -- results ---------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    """One problem in the file: ``line N: column: reason``."""

    line: int
    column: str
    reason: str  # English text
    #: the error itself, for a translated reason (``error.reason(translate)``)
    error: UserError | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.reason}"


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, on errors or a dry run, would have done)."""

    kind: str
    path: str
    rows: int  # data rows read (blank lines skipped)
    imported: int  # rows written (0 on a dry run or when there are errors)
    dry_run: bool
    encoding: str
    delimiter: str
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Rollback(Exception):
    """Raised inside the transaction to undo a dry run or a file with errors."""


# -- reading the file ------------------------------------------------------------


@dataclass(frozen=True)
class CsvTable:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (physical line number, values)
    encoding: str
    delimiter: str
    header_line: int = 1


# A file is read in chunks of _READ_CHUNK bytes, twice, and never held whole (issue #11):
# a first pass (_EncodingScan) decides the encoding and finds the line of the first byte
# that is not a character; a second decodes it chunk by chunk and hands the csv module one
# line at a time.  What stays in memory is the rows (the import checks them all before it
# writes anything), one chunk and one line — not the file's bytes, nor its whole text.

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: a byte beyond ASCII
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _cp1252_undefined() -> re.Pattern[bytes]:
    """The bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D), as Python's codec
    says: a file holding one is no Windows-1252 text."""
    undefined = b""
    for value in range(0x80, 0x100):
        try:
            bytes([value]).decode("cp1252")
        except UnicodeDecodeError:
            undefined += re.escape(bytes([value]))
    return re.compile(b"[" + undefined + b"]")


_CP1252_UNDEFINED = _cp1252_undefined()
#: the state of the line being scanned in a file without a BOM
_ASCII, _UTF8, _BAD = 0, 1, 2


class _EncodingScan:
    """The first pass: fed a file's bytes in order, in pieces of any size, it decides the
    encoding as :func:`decode` documents, or gives the line of the first byte that is not a
    character, keeping no more than a few bytes of what it was fed.

    Without a BOM the file is UTF-8 when every line is; when a line is not, Windows-1252
    provided that no line beyond ASCII is UTF-8 (a mix is refused).  Each line is checked
    on its own with an incremental decoder (a ``\\n`` is never part of a UTF-8 sequence, so
    the file is UTF-8 exactly when all its lines are); the lines of ASCII are skipped.
    """

    def __init__(self, path: str = "") -> None:
        self.path = path
        self._head = b""  # the first bytes, until they show whether a BOM starts the file
        self._bom: bytes | None = None  # None: not known yet; b"": none
        self._decoder: codecs.IncrementalDecoder = codecs.getincrementaldecoder("utf-8")()
        self._newlines = 0  # line ends in what was scanned (UTF-16: in its text)
        self._bad_line = 0  # the line of the first byte the encoding cannot decode
        self._utf8_line = False  # no BOM: a line beyond ASCII that is valid UTF-8
        self._cp1252_bad_line = 0  # no BOM: the line of the first byte Windows-1252 lacks
        self._line = _ASCII  # no BOM: the line being scanned

    def feed(self, data: bytes) -> None:
        if self._bom is None:
            self._head += data
            if len(self._head) < len(_UTF8_BOM):
                return
            data = self._start()
        if self._bom:
            self._scan_text(data)
        else:
            self._scan_lines(data)

    def finish(self) -> str:
        """The encoding once every byte was fed: ``utf-8-sig``, ``utf-16``, ``utf-8`` or
        ``cp1252`` (the codec that decodes the whole file, BOM included); a UserError with
        the line of the first bad byte otherwise."""
        if self._bom is None:
            self.feed(self._start())
        if self._bom:
            if not self._bad_line:
                try:
                    self._decoder.decode(b"", True)
                except UnicodeDecodeError as exc:
                    self._bad_line = self._text_line(exc)
            label = "UTF-8" if self._bom == _UTF8_BOM else "UTF-16"
            if self._bad_line:
                raise UserError(
                    MSG_BAD_BYTES,
                    field="file",
                    path=self.path,
                    encoding=label,
                    line=str(self._bad_line),
                )
            return "utf-8-sig" if self._bom == _UTF8_BOM else "utf-16"
        self._end_line(lambda: self._newlines + 1)  # a last line without a line end
        if not self._bad_line:
            return "utf-8"
        if self._utf8_line:
            raise UserError(
                MSG_MIXED_ENCODING, field="file", path=self.path, line=str(self._bad_line)
            )
        if self._cp1252_bad_line:
            raise UserError(
                MSG_BAD_BYTES,
                field="file",
                path=self.path,
                encoding="Windows-1252",
                line=str(self._cp1252_bad_line),
            )
        return "cp1252"

    def _start(self) -> bytes:
        """Decide from the first bytes; return them without their BOM."""
        data, self._head = self._head, b""
        if data.startswith(_UTF8_BOM):
            self._bom = _UTF8_BOM
        elif data.startswith(_UTF16_BOMS):
            self._bom = data[:2]
            codec = "utf-16-le" if self._bom == b"\xff\xfe" else "utf-16-be"
            self._decoder = codecs.getincrementaldecoder(codec)()
        else:
            self._bom = b""
        return data[len(self._bom) :]

    # -- a file with a BOM: decoded as a whole in its encoding

    def _scan_text(self, data: bytes) -> None:
        if self._bad_line:
            return
        try:
            text = self._decoder.decode(data)
        except UnicodeDecodeError as exc:
            self._bad_line = self._text_line(exc)
            return
        self._newlines += text.count("\n") if self._bom != _UTF8_BOM else data.count(b"\n")

    def _text_line(self, exc: UnicodeDecodeError) -> int:
        """The line of ``exc``: its input is the bytes the decoder held back (no line end
        among them) followed by the last piece fed; all of it before ``exc.start`` is valid."""
        before = exc.object[: exc.start]
        if self._bom == _UTF8_BOM:
            return self._newlines + before.count(b"\n") + 1
        return self._newlines + before.decode(exc.encoding, "replace").count("\n") + 1

    # -- a file without a BOM: line by line

    def _scan_lines(self, data: bytes) -> None:
        base = self._newlines  # line ends before ``data``
        self._newlines += data.count(b"\n")
        if not self._cp1252_bad_line:
            undefined = _CP1252_UNDEFINED.search(data)
            if undefined is not None:
                self._cp1252_bad_line = base + data.count(b"\n", 0, undefined.start()) + 1
        if self._bad_line and self._utf8_line:
            return  # a mix: decided

        def line_no() -> int:  # the line that starts (or goes on) at ``position``
            return base + data.count(b"\n", 0, position) + 1

        position, size = 0, len(data)
        whole_lines = True  # try them all at once, once
        while position < size:
            if whole_lines and self._line == _ASCII:  # at a line start: when the whole lines
                whole_lines = False  # up to the last line end are UTF-8, done at C speed
                last = data.rfind(b"\n", position)
                if last > position:
                    try:
                        text = str(memoryview(data)[position:last], "utf-8")
                    except UnicodeDecodeError:
                        pass  # one by one, then
                    else:
                        self._utf8_line = self._utf8_line or not text.isascii()
                        position = last + 1
                        continue
            end = data.find(b"\n", position)
            stop = size if end < 0 else end
            if self._line == _ASCII:
                beyond = _NON_ASCII.search(data, position, stop)
                if beyond is not None:
                    self._line = _UTF8
                    self._decoder.reset()
                    self._decode_line(data[beyond.start() : stop], line_no)
            elif self._line == _UTF8:
                self._decode_line(data[position:stop], line_no)
            if end < 0:
                return
            self._end_line(line_no)
            position = end + 1
            beyond = _NON_ASCII.search(data, position)
            if beyond is None:
                return  # the lines left in ``data`` are ASCII
            position = beyond.start()  # the lines before it are ASCII: on to its line

    def _decode_line(self, data: bytes, line_no: Callable[[], int]) -> None:
        try:
            self._decoder.decode(data)
        except UnicodeDecodeError:
            self._bad(line_no)

    def _end_line(self, line_no: Callable[[], int]) -> None:
        if self._line == _UTF8:
            try:
                self._decoder.decode(b"", True)
            except UnicodeDecodeError:
                self._bad(line_no)
            else:
                self._utf8_line = True
        self._line = _ASCII

    def _bad(self, line_no: Callable[[], int]) -> None:
        self._line = _BAD
        if not self._bad_line:
            self._bad_line = line_no()


def decode(data: bytes, path: str = "") -> tuple[str, str]:
    """(text, encoding): UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252.

    The whole file must decode in the one encoding: a UserError gives the line of the
    first bad byte otherwise — a file with both UTF-8 lines and lines that are not (the
    same spreadsheet saved twice, "CafÃ©") is refused, never half misread (issue #11).
    :func:`read_table` applies the same rules to a file it reads in chunks.
    """
    scan = _EncodingScan(path)
    scan.feed(data)
    encoding = scan.finish()
    return data.decode(encoding), encoding


_QUOTED = re.compile(r'"(?:[^"]|"")*"')


def detect_delimiter(header_line: str, sample: str) -> str:
    """The separator among ``,`` ``;`` and tab.

    Counted in the header line (quoted parts left out): header names seldom
    hold a separator, while amounts such as ``1 234,56`` fool a sniffer.
    When the header line does not decide (one column, or a tie), ask
    ``csv.Sniffer`` restricted to the three, else take ``,``.
    """
    bare = _QUOTED.sub("", header_line)
    counts = {sep: bare.count(sep) for sep in (";", "\t", ",")}
    best = max(counts.values())
    winners = [sep for sep, n in counts.items() if n == best]
    if best > 0 and len(winners) == 1:
        return winners[0]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return winners[0] if best > 0 else ","


def _allow_fields_of(size: int) -> None:
    """Let the csv module read a field as large as the whole text: the size of a value
    is checked here, with its line (the module's own limit of 128 KiB gives no line)."""
    wanted = min(size + 1, 2**31 - 1)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def parse_csv(text: str, *, max_field: int | None = None, path: str = "") -> CsvTable:
    """Split decoded text into a header and numbered rows (blank rows skipped).

    A value longer than ``max_field`` characters, or text the csv module cannot read,
    raises a UserError naming the line.
    """
    text = text.lstrip("\ufeff")
    return _parse_lines(io.StringIO(text, newline=""), len(text), max_field=max_field, path=path)


def _parse_lines(source: Iterator[str], size: int, *, max_field: int | None, path: str) -> CsvTable:
    """:func:`parse_csv` of the text whose lines ``source`` gives one at a time, line ends
    kept, as ``io.StringIO(text, newline="")`` splits it; ``size`` is at least the text's
    length.  The row numbers are the lines in the file (a quoted value may span lines)."""
    _allow_fields_of(size)
    offset = 0  # lines before the header
    first_line = next(source, None)
    while first_line is not None and not first_line.strip():
        offset += 1
        first_line = next(source, None)
    if first_line is None:
        return CsvTable([], [], "", ",")
    delimiter = ""
    hint = re.fullmatch(r'\s*"?sep=(.)"?\s*', first_line, flags=re.IGNORECASE)
    if hint:  # Excel's "sep=;" line
        delimiter = hint.group(1)
        offset += 1
        first_line = next(source, None)
        if first_line is None:
            return CsvTable([], [], "", delimiter)
    ahead = [first_line, *itertools.islice(source, 19)]
    if not delimiter:
        delimiter = detect_delimiter(
            first_line.rstrip("\r\n"), "\n".join(line.rstrip("\r\n") for line in ahead)
        )
    reader = csv.reader(itertools.chain(ahead, source), delimiter=delimiter)
    headers: list[str] | None = None
    header_line = 1
    rows: list[tuple[int, list[str]]] = []
    previous_end = 0
    while True:
        start = previous_end + 1
        try:
            values = next(reader, None)
        except csv.Error as exc:
            raise UserError(
                MSG_CSV, field="file", path=path, line=str(start + offset), detail=str(exc)
            ) from exc
        if values is None:
            break
        previous_end = reader.line_num
        if max_field is not None:
            _check_sizes(values, max_field, start + offset, path)
        if headers is None:
            headers = [h.strip() for h in values]
            header_line = start + offset
            continue
        if not any(v.strip() for v in values):
            continue
        rows.append((start + offset, values))
    return CsvTable(headers or [], rows, "", delimiter, header_line)


def _check_sizes(values: list[str], max_field: int, line: int, path: str) -> None:
    for value in values:
        if len(value) > max_field:
            raise UserError(
                MSG_FIELD_TOO_BIG,
                field="file",
                path=path,
                line=str(line),
                size=str(-(-len(value) // 1024)),
                limit=str(max_field // 1024),
            )


def _too_big(path: str, limit: int) -> UserError:
    return UserError(MSG_FILE_TOO_BIG, field="file", path=path, limit=str(limit // 1_048_576))


def _scan_file(fh: BinaryIO, limit: int, path: str) -> tuple[int, int, str]:
    """Pass 1: (size, CRC-32, encoding) of the open file, read in chunks up to ``limit`` + 1
    bytes, never more (a file that grew past the limit after its size was looked at is
    refused there)."""
    scan = _EncodingScan(path)
    size = crc = 0
    while size <= limit and (chunk := fh.read(min(_READ_CHUNK, limit + 1 - size))):
        size += len(chunk)
        if size > limit:
            break
        crc = zlib.crc32(chunk, crc)
        scan.feed(chunk)
    if size > limit:
        raise _too_big(path, limit)
    return size, crc, scan.finish()


class _Reread:
    """Pass 2's bytes: the ``size`` bytes pass 1 read, again in chunks, with their CRC-32."""

    def __init__(self, fh: BinaryIO, size: int) -> None:
        self.fh, self.size = fh, size
        self.read = self.crc = 0

    def chunks(self) -> Iterator[bytes]:
        while self.read < self.size and (
            chunk := self.fh.read(min(_READ_CHUNK, self.size - self.read))
        ):
            self.read += len(chunk)
            self.crc = zlib.crc32(chunk, self.crc)
            yield chunk


def _changed(path: str) -> UserError:
    return UserError(MSG_CHANGED, field="file", path=path)


def _texts(chunks: Iterable[bytes], encoding: str, path: str) -> Iterator[str]:
    """The text of ``chunks`` decoded piece by piece (``parse_csv`` drops the BOMs that
    open the text: so does this)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    opening = True
    for chunk in itertools.chain(chunks, [b""]):
        try:
            text = decoder.decode(chunk, not chunk)
        except UnicodeDecodeError as exc:  # pass 1 decoded it: the file changed since
            raise _changed(path) from exc
        if opening:
            text = text.lstrip("\ufeff")
            opening = not text
        if text:
            yield text


def _lines(texts: Iterable[str]) -> Iterator[str]:
    """The lines of a text given in pieces of any size, line ends kept, split exactly as
    ``io.StringIO(text, newline="")`` splits the whole text: at ``\\r\\n``, ``\\r`` or
    ``\\n`` (a ``\\r`` ending a piece waits for the next: it may begin a ``\\r\\n``)."""
    partial: list[str] = []  # the line that goes on in the next piece
    held = ""
    for piece in texts:
        text = held + piece if held else piece
        held = ""
        if text.endswith("\r"):
            held, text = "\r", text[:-1]
        for line in io.StringIO(text, newline=""):
            if not line.endswith(("\n", "\r")):
                partial.append(line)  # the end of the piece, not of a line
            elif partial:
                partial.append(line)
                yield "".join(partial)
                partial = []
            else:
                yield line
    if held:
        partial.append(held)
    if partial:
        yield "".join(partial)


def read_table(
    path: str | Path, *, max_file_bytes: int | None = None, max_field_chars: int | None = None
) -> CsvTable:
    """Read and decode a CSV file; a UserError naming the file when it cannot be read, is
    too large, mixes encodings, holds too large a value, or has no header or no rows.

    Only a regular file is opened.  It is read in two passes of chunks, never whole (see
    :class:`_EncodingScan`), and refused if it changed between the two.  The limits
    default to the book's settings (``Settings.import_limits``; the defaults with no book)."""
    file_limit, field_limit = settings.read().import_limits
    limit = max_file_bytes or file_limit
    name = str(path)
    if require_regular_file(path, "file", name).st_size > limit:
        raise _too_big(name, limit)
    try:
        with open_regular(path, "file", name) as fh:
            size, crc, encoding = _scan_file(fh, limit, name)
            fh.seek(0)
            again = _Reread(fh, size)
            table = _parse_lines(
                _lines(_texts(again.chunks(), encoding, name)),
                size,
                max_field=max_field_chars or field_limit,
                path=name,
            )
            if (again.read, again.crc) != (size, crc):
                raise _changed(name)
    except OSError as exc:
        raise UserError.from_os(MSG_NO_FILE, exc, field="file", path=name) from exc
    if not table.headers or not any(table.headers):
        raise UserError(MSG_EMPTY, field="file", path=name)
    if not table.rows:
        raise UserError(MSG_NO_ROWS, field="file", path=name)
    return CsvTable(table.headers, table.rows, encoding, table.delimiter, table.header_line)


# -- mapping the header ----------------------------------------------------------


def _row_error(line: int, column: str, error: UserError) -> RowError:
    return RowError(line, column, error.reason(), error)


@dataclass
class _Mapping:
    index: dict[str, int]  # field -> column index
    label: dict[str, str]  # field -> header as written
    errors: list[RowError]
    ignored: list[str]


def map_columns(kind: str, headers: list[str], header_line: int = 1) -> _Mapping:
    aliases = COLUMNS[kind]
    lookup = {alias: name for name, names in aliases.items() for alias in names}
    index: dict[str, int] = {}
    label: dict[str, str] = {}
    errors: list[RowError] = []
    ignored: list[str] = []
    for i, header in enumerate(headers):
        name = lookup.get(normalise_header(header.rstrip("*")))
        if name is None:
            if header.strip():
                ignored.append(header)
            continue
        if name in index:
            errors.append(
                _row_error(header_line, header, UserError(MSG_SAME_COLUMN, other=label[name]))
            )
            continue
        index[name] = i
        label[name] = header
    for name in REQUIRED[kind]:
        if name not in index:
            errors.append(_row_error(header_line, name, UserError(MSG_MISSING_COLUMN)))
    return _Mapping(index, label, errors, ignored)


# -- importing ------------------------------------------------------------------


class _Context:
    """What one import needs across rows: the session, caches, collected problems."""

    def __init__(self, session: Session, mapping: _Mapping) -> None:
        self.session = session
        self.mapping = mapping
        self.errors: list[RowError] = []
        self.warnings: list[RowError] = []
        self._client_ids: dict[str, int] | None = None
        self.existing_numbers: set[str] = set()
        self.invoices: dict[str, Invoice] = {}
        # The session's identity map holds objects weakly: keep what the rows
        # refer to, so that validate()/insert() find it without a query per row.
        self._keep: list[Any] = []
        #: the company's terms and end-of-month method, read once for all the rows (preload)
        self.company = CompanyData()

    def preload(self, kind: str, rows: list[dict[str, str]]) -> None:
        """Load once what the rows refer to (clients, invoices, the company)."""
        self.company = company_service.load(self.session)
        if kind == CLIENTS:
            return
        wanted = {self.client_ids().get(str(r.get("client") or "").strip().lower()) for r in rows}
        ids = sorted(i for i in wanted if i is not None)
        for chunk in _chunks(ids):
            self._keep.extend(self.session.scalars(select(Client).where(Client.id.in_(chunk))))
        if kind == INVOICES:
            # numbers are unique without regard to case: the book's numbers equal to a row's
            # one, or equal to it once lower-cased (issue #11)
            raw = sorted(
                {invoice_service.clean_number(str(r.get("number") or "")) for r in rows} - {""}
            )
            for chunk in _chunks(raw):
                keys = sorted({invoice_service.number_key(n) for n in chunk})
                query = select(Invoice.number).where(
                    or_(Invoice.number.in_(chunk), func.lower(Invoice.number).in_(keys))
                )
                self.existing_numbers.update(
                    invoice_service.number_key(n) for n in self.session.scalars(query)
                )
        elif kind == PAYMENTS:
            numbers = sorted({str(r.get("invoice") or "").strip() for r in rows} - {""})
            for chunk in _chunks(numbers):
                by_number = select(Invoice).where(Invoice.number.in_(chunk))
                for invoice in self.session.scalars(by_number):
                    self.invoices[invoice.number] = invoice
            # what the rows may allocate to, locked now in one order (issue #11)
            payment_service.lock_invoices_of(
                self.session, ids, [i.id for i in self.invoices.values()]
            )

    def column(self, name: str | None) -> str:
        if not name:
            return "-"
        aliases = {"client_id": "client", "applies_to": "invoice"}
        name = aliases.get(name, name)
        return self.mapping.label.get(name, name)

    def fail(self, line: int, exc: UserError) -> None:
        items = exc.errors if isinstance(exc, ValidationError) else [exc]
        for item in items:
            self.errors.append(_row_error(line, self.column(item.field), item))

    def warn(self, line: int, name: str, message: str, params: dict[str, str]) -> None:
        self.warnings.append(_row_error(line, self.column(name), UserError(message, **params)))

    def client_ids(self) -> dict[str, int]:
        """lower-cased code -> id of every client, loaded once (clients imported now are added).

        Two columns of every client: cheap even for a large book, and matched
        in Python, so that non-ASCII codes compare without regard to case too.
        """
        if self._client_ids is None:
            self._client_ids = {
                code.lower(): cid
                for cid, code in self.session.execute(select(Client.id, Client.code))
            }
        return self._client_ids


def _chunks(items: list[Any], size: int = 500) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _values(mapping: _Mapping, values: list[str]) -> dict[str, str]:
    data: dict[str, str] = {}
    for name, i in mapping.index.items():
        data[name] = values[i].strip() if i < len(values) else ""
    return data


def _extra_values(headers: list[str], line: int, values: list[str]) -> list[RowError]:
    errors = []
    for i in range(len(headers), len(values)):
        if values[i].strip():
            errors.append(
                _row_error(
                    line, f"column {i + 1}", UserError(MSG_EXTRA_VALUE, value=values[i].strip())
                )
            )
    return errors


MSG_YES_NO = QT_TRANSLATE_NOOP("Messages", "'{value}' is neither yes nor no.")
MSG_ALLOCATIONS = QT_TRANSLATE_NOOP(
    "Messages",
    "'{value}' is not a list of invoices with amounts (F2025-001=120.00;F2025-002=30.00).",
)
MSG_INVOICE_AND_ALLOCATIONS = QT_TRANSLATE_NOOP(
    "Messages", "give either an invoice or allocations, not both."
)
MSG_ALLOCATIONS_NOT_CREDIT = QT_TRANSLATE_NOOP(
    "Messages",
    "only a credit note is set against invoices; an invoice's payments go in the payments file.",
)

#: a cell the export wrote with a quote in front so that a spreadsheet shows it as text
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")
#: ``NUMBER=AMOUNT`` items separated by ``;`` (a number may itself hold ``=`` or ``;``:
#: the amount is what follows the last ``=`` of the item)
_ALLOCATION_ITEM = re.compile(r"\s*(.+?)\s*=\s*([^;=]*?)\s*(?:;|$)")
#: what says "set against no invoice: keep it all as credit on the client"
_NO_ALLOCATION = ("none", "aucune", "aucun", "rien")
_YES = ("1", "yes", "y", "true", "oui", "o", "vrai", "x")
_NO = ("", "0", "no", "n", "false", "non", "faux")


def spreadsheet_text(value: str) -> str:
    """``'=HYPERLINK(…)`` -> ``=HYPERLINK(…)``: the quote ``export.spreadsheet_safe`` puts in
    front of text a spreadsheet would run as a formula is taken off (one quote, and only
    before ``=`` ``+`` ``-`` ``@`` tab or carriage return), so an export imports back as it was."""
    return value[1:] if _ESCAPED.match(value) else value


def _unescaped(data: dict[str, str]) -> dict[str, str]:
    return {name: spreadsheet_text(value) for name, value in data.items()}


def _yes_no(text: str, name: str) -> bool:
    key = fold(text).strip()
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise UserError(MSG_YES_NO, field=name, value=text)


def _allocation_list(text: str) -> list[tuple[str, Decimal]] | None:
    """``F2025-001=120.00;F2025-002=30,00`` -> [(number, amount)]; ``none`` -> [];
    an empty cell -> None (nothing said)."""
    text = text.strip()
    if not text:
        return None
    if fold(text) in _NO_ALLOCATION:
        return []
    items: list[tuple[str, Decimal]] = []
    position = 0
    while position < len(text):
        match = _ALLOCATION_ITEM.match(text, position)
        if match is None or match.end() == position:
            raise UserError(MSG_ALLOCATIONS, field="allocations", value=text)
        items.append(
            (match.group(1), parse_amount(match.group(2), "allocations", allow_zero=False))
        )
        position = match.end()
    return items


def _allocation_targets(
    ctx: _Context,
    items: list[tuple[str, Decimal]],
    client_id: int,
    currency: str,
    free: Decimal,
    errors: list[UserError],
) -> list[tuple[Invoice, Decimal]]:
    """The invoices named in an ``allocations`` cell, each checked like the editor does: an
    invoice (not a credit note) of the same client and currency, with enough left to pay,
    and no more in all than the payment or credit note holds (``free``)."""
    targets: list[tuple[Invoice, Decimal]] = []
    pending: dict[int, Decimal] = {}
    for number, amount in items:
        invoice = ctx.invoices.get(number)
        if invoice is None:
            try:
                invoice = ctx.session.get(
                    Invoice, lookups.invoice_id(ctx.session, number, "allocations")
                )
            except UserError as exc:
                errors.append(exc)
                continue
            assert invoice is not None
            ctx.invoices[number] = invoice
        try:
            payment_service._check_target(client_id, currency, invoice)
        except UserError as exc:
            errors.append(UserError(exc.message, field="allocations", **exc.params))
            continue
        open_ = invoice.total - invoice.allocated - pending.get(invoice.id, ZERO)
        if amount > open_:
            errors.append(
                UserError(
                    payment_service.MSG_TOO_MUCH_FOR_INVOICE,
                    field="allocations",
                    open=f"{open_:.2f}",
                    number=invoice.number,
                )
            )
            continue
        pending[invoice.id] = pending.get(invoice.id, ZERO) + amount
        targets.append((invoice, amount))
    total = sum((amount for _, amount in items), ZERO)
    if total > free:
        errors.append(
            UserError(
                payment_service.MSG_TOO_MUCH_FROM_SOURCE, field="allocations", free=f"{free:.2f}"
            )
        )
    return targets


def _import_client(ctx: _Context, line: int, data: dict[str, str], seen: dict[str, int]) -> bool:
    data = _unescaped(data)
    errors: list[UserError] = []
    clean = client_service.validate(data, partial_errors=errors)
    code = clean.get("code") or ""
    if code:
        key = code.lower()
        if key in seen:
            errors.append(
                UserError(MSG_DUPLICATE_CODE, field="code", code=code, line=str(seen[key]))
            )
        else:
            seen[key] = line
            if key in ctx.client_ids():
                errors.append(UserError(client_service.MSG_CODE_TAKEN, field="code", code=code))
    if errors:
        ctx.fail(line, ValidationError(errors))
        return False
    client = client_service.insert(ctx.session, clean, action=IMPORTED, code_checked=True)
    ctx.client_ids()[code.lower()] = client.id
    return True


def _client_reference(ctx: _Context, data: dict[str, Any]) -> None:
    """Resolve the client code from the cache: one query per file, not per row.

    An unknown code is left as is for ``validate`` to report in its own words.
    """
    code = str(data.get("client") or "").strip()
    cid = ctx.client_ids().get(code.lower()) if code else None
    if cid is not None:
        data["client_id"] = cid
        data.pop("client", None)


def _import_invoice(ctx: _Context, line: int, data: dict[str, str], seen: dict[str, int]) -> bool:
    data = _unescaped(data)
    values: dict[str, Any] = dict(data)
    _client_reference(ctx, values)
    errors: list[UserError] = []
    try:
        values["disputed"] = _yes_no(values.get("disputed") or "", "disputed")
    except UserError as exc:
        errors.append(exc)
        values["disputed"] = False
    items = None
    try:
        items = _allocation_list(values.pop("allocations", None) or "")
    except UserError as exc:
        errors.append(exc)
    checked = None
    try:
        checked = invoice_service.validate(ctx.session, values, company=ctx.company)
    except ValidationError as exc:
        errors.extend(exc.errors)
    except UserError as exc:
        errors.append(exc)
    targets: list[tuple[Invoice, Decimal]] = []
    if items and checked is not None:
        v = checked.values
        if v["kind"] != "credit_note":
            errors.append(UserError(MSG_ALLOCATIONS_NOT_CREDIT, field="allocations"))
        else:
            targets = _allocation_targets(
                ctx, items, v["client_id"], v["currency"], v["total"], errors
            )
    number = str(data.get("number") or "").strip()
    key = invoice_service.number_key(number)  # 'f2025-1' is 'F2025-1' (issue #11)
    if number:
        if key in seen:
            errors.append(
                UserError(MSG_DUPLICATE_NUMBER, field="number", number=number, line=str(seen[key]))
            )
        else:
            seen[key] = line
            if key in ctx.existing_numbers:
                errors.append(
                    UserError(invoice_service.MSG_NUMBER_TAKEN, field="number", number=number)
                )
    if errors or checked is None:
        ctx.fail(line, ValidationError(errors))
        return False
    for message, params in checked.warnings:
        ctx.warn(line, "due_date", message, params)
    # the number was looked up above, with all the file's numbers (preload)
    credit_note = invoice_service.insert(ctx.session, checked, action=IMPORTED, number_checked=True)
    for invoice, amount in targets:
        payment_service.apply_credit_in_session(ctx.session, credit_note.id, invoice.id, amount)
    return True


def _import_payment(ctx: _Context, line: int, data: dict[str, str], seen: dict[str, int]) -> bool:
    data = _unescaped(data)
    values: dict[str, Any] = dict(data)
    _client_reference(ctx, values)
    errors: list[UserError] = []
    number = str(data.get("invoice") or "").strip()
    invoice = None
    items = None
    try:
        items = _allocation_list(values.pop("allocations", None) or "")
    except UserError as exc:
        errors.append(exc)
    if items is not None and number:
        errors.append(UserError(MSG_INVOICE_AND_ALLOCATIONS, field="allocations"))
    elif items and not values.get("currency"):
        first = ctx.invoices.get(items[0][0])
        if first is None:
            with contextlib.suppress(UserError):
                first = ctx.session.get(
                    Invoice, lookups.invoice_id(ctx.session, items[0][0], "allocations")
                )
        if first is not None:
            values["currency"] = first.currency  # as for the invoice column below
    if number:
        invoice = ctx.invoices.get(number)
        if invoice is None:
            errors.append(UserError(invoice_service.MSG_NO_INVOICE, field="invoice", number=number))
        elif not values.get("currency"):
            values["currency"] = invoice.currency  # a payment of a USD invoice is in USD
    payment = None
    try:
        payment = payment_service.validate(ctx.session, values)
    except ValidationError as exc:
        errors.extend(exc.errors)
    except UserError as exc:
        errors.append(exc)
    allocations: list[tuple[int, Any]] | None = None
    if invoice is not None and payment is not None:
        try:
            payment_service._check_target(payment.client_id, payment.currency, invoice)
        except UserError as exc:
            errors.append(UserError(exc.message, field="invoice", **exc.params))
        allocations = [(invoice.id, None)]
    elif items is not None and payment is not None:
        # exactly these allocations; what is left stays as credit on the client
        targets = _allocation_targets(
            ctx, items, payment.client_id, payment.currency, payment.amount, errors
        )
        allocations = [(target.id, amount) for target, amount in targets]
    if errors or payment is None:
        ctx.fail(line, ValidationError(errors))
        return False
    payment_service.insert(
        ctx.session, payment, allocations, confirm_overpayment=True, action=IMPORTED
    )
    return True


_ROW_IMPORTERS: dict[str, Callable[[_Context, int, dict[str, str], dict[str, int]], bool]] = {
    CLIENTS: _import_client,
    INVOICES: _import_invoice,
    PAYMENTS: _import_payment,
}


def import_file(kind: str, path: str | Path, *, dry_run: bool = False) -> ImportResult:
    """Import a CSV file of ``kind`` (clients, invoices or payments) into the current book.

    Returns the result; when ``result.errors`` is not empty nothing was
    written.  Raises UserError only when the file itself cannot be read.
    """
    if kind not in KINDS:
        raise UserError(MSG_KIND, field="file", value=kind)
    table = read_table(path)
    return import_table(kind, table, path=str(path), dry_run=dry_run)


def import_table(
    kind: str, table: CsvTable, *, path: str = "", dry_run: bool = False
) -> ImportResult:
    mapping = map_columns(kind, table.headers, table.header_line)

    def result(imported: int, errors: list[RowError], warnings: list[RowError]) -> ImportResult:
        return ImportResult(
            kind=kind,
            path=path,
            rows=len(table.rows),
            imported=imported,
            dry_run=dry_run,
            encoding=table.encoding,
            delimiter=table.delimiter,
            errors=errors,
            warnings=warnings,
            ignored_columns=mapping.ignored,
        )

    if mapping.errors:
        return result(0, mapping.errors, [])
    importer = _ROW_IMPORTERS[kind]
    ctx: _Context | None = None
    written = 0
    try:
        with db.transaction() as session, session.no_autoflush:
            ctx = _Context(session, mapping)
            rows = [(line, values, _values(mapping, values)) for line, values in table.rows]
            ctx.preload(kind, [data for _, _, data in rows])
            seen: dict[str, int] = {}
            # The services flush what they write; what is left pending between
            # rows is only history events, which no query here reads: skipping
            # the autoflush before each query halves the round trips.
            for line, values, data in rows:
                extra = _extra_values(table.headers, line, values)
                if extra:
                    ctx.errors.extend(extra)
                try:
                    ok = importer(ctx, line, data, seen)
                except UserError as exc:  # raised by insert (allocation rules…)
                    ctx.fail(line, exc)
                    ok = False
                except IntegrityError as exc:  # a rule the checks above missed: stop here
                    ctx.errors.append(
                        _row_error(
                            line, "-", UserError(MSG_DATABASE, detail=str(exc.orig).splitlines()[0])
                        )
                    )
                    break
                if ok and not extra:
                    written += 1
            if ctx.errors or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    assert ctx is not None
    imported = 0 if (ctx.errors or dry_run) else written
    return result(imported, _sorted(ctx.errors), ctx.warnings)


def _sorted(errors: list[RowError]) -> list[RowError]:
    return sorted(errors, key=lambda e: e.line)


def import_clients(path: str | Path, *, dry_run: bool = False) -> ImportResult:
    return import_file(CLIENTS, path, dry_run=dry_run)


def import_invoices(path: str | Path, *, dry_run: bool = False) -> ImportResult:
    return import_file(INVOICES, path, dry_run=dry_run)


def import_payments(path: str | Path, *, dry_run: bool = False) -> ImportResult:
    return import_file(PAYMENTS, path, dry_run=dry_run)


__all__ = [
    "CLIENTS",
    "INVOICES",
    "KINDS",
    "PAYMENTS",
    "CsvTable",
    "ImportResult",
    "RowError",
    "decode",
    "detect_delimiter",
    "import_clients",
    "import_file",
    "import_invoices",
    "import_payments",
    "import_table",
    "map_columns",
    "normalise_header",
    "parse_csv",
    "read_table",
]
