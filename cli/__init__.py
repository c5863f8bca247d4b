"""The command line: ``python main.py [--db DB] [COMMAND ...]``.

Same engine as the window, for scripting, tests and power users.  The
names, options and JSON keys below are a contract: they may gain keys,
never change meaning.

- ``demo [--date YYYY-MM-DD] [--force]``
- ``import clients|invoices|payments FILE.csv [--dry-run]``
- ``invoices [--date D] [--open] [--client CODE] [--json]``
- ``clients [--date D] [--json]``
- ``attach (--invoice NUMBER | --client CODE) --kind KIND [--signed [--signed-on D]] [--title T]
  [--date D] [--cgv-version LABEL] FILE...``
- ``documents [--invoice NUMBER | --client CODE] [--json]``
- ``evidence (--invoice NUMBER | --client CODE) --out FILE.pdf [--date D] [--language fr|en]``
- ``check [--json] [--repair [--yes]]`` — exit 1 when anything is damaged, missing, altered,
  drifted or left over; ``--repair`` backs the book up (on PostgreSQL: ``--yes`` once the
  owner has, with ``pg_dump``), recomputes the running totals, and moves the store's files
  that belong to no document (an hour old or more) to the store's trash
- ``alerts [--date D] [--json]``, ``actions [--date D] [--json]``
- ``promise --invoice NUMBER --amount A --date D [--note TEXT]``
- ``dispute open|close --invoice NUMBER [--reason R] [--note TEXT]``
- ``penalties --invoice NUMBER [--date D] [--json]``
- ``letters [--date D] --out DIR [--record] [--json]``
- ``statement --client CODE [--date D] --out FILE.pdf``
- ``agreement --client CODE --out FILE.pdf``
- ``claim --client CODE [--date D] --out FILE.pdf``
- ``print FILE.pdf [--printer NAME]``
- ``backup [--out FILE]``, ``backups [--json]``, ``restore FILE [--yes]``
- ``export --out DIR [--client CODE] [--json]``

Exit status: 0 success, 1 user error (one line on stderr, no traceback;
an import lists every bad row as ``line N: column: reason``), 2 usage
error (argparse).  Messages are the English source texts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn, TextIO

from sqlalchemy.exc import SQLAlchemyError

from models import DOCUMENT_KINDS
from services.book import demo
from services.core import clock, db, lookups
from services.core.dto import ClientBalance, OpenItem
from services.core.errors import AppError, UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.money import parse_amount, plain
from services.core.terms import MSG_BAD_DATE, parse_date
from services.core.text import visible
from services.core.version import __version__
from services.followup import alerts, dunning, penalties
from services.ledger import imports
from services.ledger import open_items as ledger
from services.paper import dossier, letters
from services.proof import documents
from services.proof import rules as proof

PROG = "encaisse"

MSG_CANNOT_OPEN = QT_TRANSLATE_NOOP("Messages", "the database {target} cannot be opened: {detail}")

DEMO_FORCE_HELP = (
    "add the demo data even if the database is not empty. Nothing existing is changed: "
    "the demo clients' codes and the demo invoice numbers get a 'DEMO-' prefix (DEMO2-, "
    "DEMO3-… if that one is taken) so they never collide with yours, and the company "
    "details are filled in only if they are still empty."
)


# -- parsing ---------------------------------------------------------------------


def _date_arg(text: str) -> dt.date:
    try:
        return parse_date(text, "date")
    except UserError as exc:
        if exc.message != MSG_BAD_DATE:  # out of range, digits other than 0-9 (issue #11)
            raise argparse.ArgumentTypeError(visible(exc.reason())) from exc
        raise argparse.ArgumentTypeError(
            f"'{visible(text)}' is not a valid date (YYYY-MM-DD or DD/MM/YYYY)"
        ) from exc


def _add_as_of(
    parser: argparse.ArgumentParser, text: str = "as of this date (default: today)"
) -> None:
    """The ``--date`` option of the reports that are read "as of" a day."""
    parser.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD", default=None, help=text)


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors show the user's arguments escaped like every other output
    (``unrecognized arguments: \\u001b[31m``), never a control character raw (issue #11).
    The sub-commands' parsers are of this class too (``add_subparsers`` uses the parent's)."""

    def error(self, message: str) -> NoReturn:
        super().error(visible(message))


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``main.py``; ``args.command`` is None when no command is given."""
    parser = _Parser(
        prog=PROG,
        description="Encaisse — receivables for French small businesses. "
        "Without a command, opens the window.",
    )
    db_help = (
        "the database: a SQLite file path or a SQLAlchemy URL "
        "(default: $ENCAISSE_DB, else the per-user data folder)"
    )
    parser.add_argument("--db", metavar="DB", default=None, help=db_help)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # --db is also accepted after the command (main.py invoices --json --db x.db)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="DB", default=argparse.SUPPRESS, help=db_help)

    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "demo",
        parents=[common],
        help="fill the database with demo data",
        description="Fill the database with realistic demo data (a joinery "
        "business near Lyon: 30+ clients, 300+ invoices over 18 months), "
        "built relative to DATE. Refuses a non-empty database unless --force.",
    )
    p.add_argument(
        "--date",
        type=_date_arg,
        metavar="YYYY-MM-DD",
        default=None,
        help="the 'today' the demo book is built around (default: today)",
    )
    p.add_argument("--force", action="store_true", help=DEMO_FORCE_HELP)

    p = sub.add_parser(
        "import",
        parents=[common],
        help="import a CSV file (all or nothing)",
        description="Import clients, invoices or payments from a CSV file "
        "(separator , ; or tab; UTF-8 or Windows-1252; English or French "
        "column names). All or nothing: one bad row and nothing is written; "
        "every bad row is reported as 'line N: column: reason'.",
    )
    p.add_argument("kind", choices=imports.KINDS, help="what the file holds")
    p.add_argument("file", metavar="FILE.csv", help="the CSV file")
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")

    p = sub.add_parser(
        "invoices",
        parents=[common],
        help="the open-item view as of a date",
        description="Invoices and credit notes as of DATE: what was issued "
        "by then, what was paid by then, days late and status.",
    )
    _add_as_of(p)
    p.add_argument("--open", action="store_true", help="only documents with a balance")
    p.add_argument("--client", metavar="CODE", default=None, help="only this client")
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "clients",
        parents=[common],
        help="client balances as of a date",
        description="Per client (and currency): balance, overdue and "
        "unallocated credit as of DATE.",
    )
    _add_as_of(p)
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "attach",
        parents=[common],
        help="attach proof documents",
        description="Copy files into the document store and attach them to an "
        "invoice or a client. All or nothing: every file is checked first.",
    )
    owner = p.add_mutually_exclusive_group(required=True)
    owner.add_argument("--invoice", metavar="NUMBER", help="attach to this invoice")
    owner.add_argument("--client", metavar="CODE", help="attach to this client")
    p.add_argument("--kind", required=True, choices=DOCUMENT_KINDS, help="what the document is")
    p.add_argument("--signed", action="store_true", help="the document is signed")
    p.add_argument(
        "--signed-on",
        type=_date_arg,
        metavar="YYYY-MM-DD",
        default=None,
        help="the date it was signed (with --signed)",
    )
    p.add_argument("--title", metavar="T", default="", help="a title (default: the file name)")
    p.add_argument(
        "--date", type=_date_arg, metavar="YYYY-MM-DD", default=None, help="the document's own date"
    )
    p.add_argument(
        "--cgv-version",
        metavar="LABEL",
        default=None,
        help="with --kind cgv --signed on a client: the CGV version accepted "
        "(default: the one in force on the signature date)",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="PDF or image files")

    p = sub.add_parser(
        "documents",
        parents=[common],
        help="list proof documents",
        description="Current documents (not in the trash), for one invoice, "
        "one client (its own and its invoices') or all.",
    )
    owner = p.add_mutually_exclusive_group()
    owner.add_argument("--invoice", metavar="NUMBER", help="only this invoice's documents")
    owner.add_argument("--client", metavar="CODE", help="only this client's documents")
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "evidence",
        parents=[common],
        help="build an evidence file (PDF)",
        description="One PDF with a cover page (parties, invoices, balance, "
        "index of documents with their SHA-256) followed by every proof "
        "document in a logical order.",
    )
    owner = p.add_mutually_exclusive_group(required=True)
    owner.add_argument("--invoice", metavar="NUMBER", help="for this invoice")
    owner.add_argument("--client", metavar="CODE", help="for all of this client's invoices")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    _add_as_of(p, "amounts as of this date (default: today)")
    p.add_argument(
        "--language",
        choices=("fr", "en"),
        default=None,
        help="language of the cover (default: the client's)",
    )

    p = sub.add_parser(
        "alerts",
        parents=[common],
        help="what needs attention on a date",
        description="What the start-up panel shows: due soon, dunning steps due, "
        "promises due or broken, clients over their credit limit, claims soon "
        "time-barred, overdue invoices with proof missing.",
    )
    _add_as_of(p, "as of this date (default: today; a future date plans ahead)")
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "actions",
        parents=[common],
        help="the day's dunning actions",
        description="One action per client and step (and currency), covering "
        "all of the client's invoices at that step.",
    )
    _add_as_of(p)
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "promise",
        parents=[common],
        help="record a promise to pay",
        description="The client promised to pay AMOUNT by DATE: the invoice's "
        "dunning pauses until then plus the grace period.",
    )
    p.add_argument("--invoice", required=True, metavar="NUMBER")
    p.add_argument("--amount", required=True, metavar="A")
    p.add_argument("--date", required=True, type=_date_arg, metavar="YYYY-MM-DD")
    p.add_argument("--note", default="", metavar="TEXT")

    p = sub.add_parser(
        "dispute",
        parents=[common],
        help="open or close a dispute",
        description="A disputed invoice leaves the dunning ladder (it still "
        "counts in the balance) until the dispute is closed.",
    )
    p.add_argument("operation", choices=("open", "close"))
    p.add_argument("--invoice", required=True, metavar="NUMBER")
    p.add_argument(
        "--reason",
        default=None,
        metavar="R",
        help="open: not_received, price, quantity, quality, delivery, already_paid, "
        "other (default other); close: resolved or rejected (default resolved)",
    )
    p.add_argument("--note", default="", metavar="TEXT")

    p = sub.add_parser(
        "letters",
        parents=[common],
        help="write the day's reminder letters",
        description="One PDF per client and step (phone calls excepted) plus all.pdf, "
        "in the client's language, with the late charges by law and an EPC QR code.",
    )
    _add_as_of(p, "the day's letters as of this date (default: today)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the PDF files")
    p.add_argument(
        "--record",
        action="store_true",
        help="record the letters as sent (actions done, letters archived as documents)",
    )
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "statement",
        parents=[common],
        help="a client's statement of account (PDF)",
        description="The invoices and credit notes still open on DATE, with the "
        "balance and the payment details.",
    )
    p.add_argument("--client", required=True, metavar="CODE")
    _add_as_of(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf")

    p = sub.add_parser(
        "agreement",
        parents=[common],
        help="the payment-plan agreement to sign (PDF)",
        description="The client's payment plan in progress, as an agreement to sign.",
    )
    p.add_argument("--client", required=True, metavar="CODE")
    p.add_argument("--out", required=True, metavar="FILE.pdf")

    p = sub.add_parser(
        "claim",
        parents=[common],
        help="the claim summary for an injonction de payer (PDF)",
        description="Principal, penalties and indemnity of the client's overdue invoices, the "
        "exhibits and the court to seize.",
    )
    p.add_argument("--client", required=True, metavar="CODE")
    _add_as_of(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf")

    p = sub.add_parser(
        "backup",
        parents=[common],
        help="back up the book and its documents",
        description="One zip: the database (SQLite's online backup), the documents and a "
        "manifest with counts and fingerprints.",
    )
    p.add_argument(
        "--out", metavar="FILE", default=None, help="where to write it (default: the backup folder)"
    )

    p = sub.add_parser(
        "backups",
        parents=[common],
        help="list the backups",
        description="The backups in the backup folder, with their dates and counts.",
    )
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="restore a backup",
        description="Verify every member, back up the current book, then replace it.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help="do it (without: show what the backup holds)")

    p = sub.add_parser(
        "export",
        parents=[common],
        help="export every table as CSV, with the documents",
        description="Write every table as a CSV file (UTF-8, with a header row) and a copy "
        "of every document into a new folder: your way out, or, with --client, the answer "
        "to a client's GDPR access request (only the rows and documents about that client).",
    )
    p.add_argument("--out", required=True, metavar="DIR", help="a new (or empty) folder")
    p.add_argument("--client", metavar="CODE", default=None, help="only this client's data")
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "print",
        parents=[common],
        help="send a PDF to a printer",
        description="Print a PDF through the same Qt print path as the window's "
        "Print button (default printer unless --printer).",
    )
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument(
        "--printer", metavar="NAME", default="", help="the printer (default: the system's)"
    )

    p = sub.add_parser(
        "penalties",
        parents=[common],
        help="late charges of an invoice, by French law",
        description="Statutory penalties (ECB rate + 10 points per half-year for a "
        "business, + 8 frozen for a public buyer, legal interest from the formal "
        "notice for a consumer) and the €40 indemnity, as of a date.",
    )
    p.add_argument("--invoice", required=True, metavar="NUMBER")
    _add_as_of(p)
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser(
        "check",
        parents=[common],
        help="check the database and the documents",
        description="Run SQLite's integrity check (on PostgreSQL: every foreign "
        "key points at a row), recompute every running total (what each invoice "
        "is paid, each credit note and payment allocated) from the allocations, "
        "and recompute the SHA-256 of every stored document. Exit status 1 when "
        "anything is wrong, with one line per problem.",
    )
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument(
        "--repair",
        action="store_true",
        help="back the book up, then set every running total to what its allocations "
        "add up to (allocations beyond an invoice's total are taken back, newest "
        "first, and kept as credit), move stored files that belong to no document "
        "and partial copies older than an hour to the store's trash (kept 30 days); "
        "then check",
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help="with --repair, on a book Encaisse cannot back up (PostgreSQL): repair "
        "without a backup (make one with the server's tools first)",
    )
    return parser


# -- output helpers ----------------------------------------------------------------


def _write(stream: TextIO, text: str) -> None:
    """Write ``text``, its control and format characters (a terminal escape, a bidi
    override in a client's name…) shown as ``\\uXXXX``, never raw; newlines kept, so JSON
    stays valid: the escape means the same character there (issue #11)."""
    text = visible(text, keep="\n")
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a console that cannot show every character
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, errors="replace").decode(encoding))


def _out(text: str = "") -> None:
    """One line of output: a newline inside ``text`` (a name from an old book) is escaped."""
    _write(sys.stdout, visible(text) + "\n")


def _err(text: str) -> None:
    """One line on stderr, escaped as :func:`_out`."""
    _write(sys.stderr, visible(text) + "\n")


def _one_line(text: str) -> str:
    return "; ".join(part.strip() for part in text.splitlines() if part.strip())


def _json(payload: dict[str, Any]) -> None:
    # No indent: the C encoder, fast on 200,000 invoices.
    try:
        _write(sys.stdout, json.dumps(payload, ensure_ascii=False) + "\n")
    except UnicodeEncodeError:  # pragma: no cover - _write replaces; kept for safety
        _write(sys.stdout, json.dumps(payload) + "\n")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """Aligned text columns (numbers right-aligned)."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def fmt(cells: Sequence[str]) -> str:
        out = [
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)
        ]
        return "  ".join(out).rstrip()

    lines = [fmt(headers), "  ".join("-" * w for w in widths)]
    lines.extend(fmt(row) for row in rows)
    return lines


def _clip(text: str, width: int = 32) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# -- commands --------------------------------------------------------------------


def _cmd_demo(args: argparse.Namespace) -> int:
    today = args.date or clock.today()
    summary = demo.fill_demo(today, force=args.force)
    prefix = f" (codes prefixed '{summary.prefix}')" if summary.prefix else ""
    _out(
        f"demo data as of {today.isoformat()}: {_plural(summary.clients, 'client')}, "
        f"{_plural(summary.invoices, 'invoice')}, {_plural(summary.credit_notes, 'credit note')}, "
        f"{_plural(summary.payments, 'payment')}, {_plural(summary.documents, 'proof document')}{prefix}"
    )
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    result = imports.import_file(args.kind, args.file, dry_run=args.dry_run)
    for warning in result.warnings:
        _err(f"warning: {warning}")
    if result.errors:
        for error in result.errors:
            _err(str(error))
        _err(f"error: {_plural(len(result.errors), 'error')} in {args.file}; nothing was imported.")
        return 1
    noun = {"clients": "client", "invoices": "invoice", "payments": "payment"}[args.kind]
    if args.dry_run:
        _out(f"{_plural(result.rows, 'row')} OK, nothing written")
    else:
        _out(f"imported {_plural(result.imported, noun)}")
    return 0


def _client_code(code: str | None) -> str | None:
    """The code as stored of the client the user named (any case, trimmed), or None."""
    return lookups.client_for(code)[1] if code else None


def invoice_json(item: OpenItem) -> dict[str, Any]:
    return {
        "number": item.number,
        "client": item.client_code,
        "client_name": item.client_name,
        "kind": item.kind,
        "issue_date": item.issue_date.isoformat(),
        "due_date": item.due_date.isoformat(),
        "currency": item.currency,
        "total": plain(item.total),
        "paid": plain(item.paid),
        "balance": plain(item.balance),
        "days_late": item.days_late,
        "status": item.status,
        "disputed": item.disputed,
    }


def _with_proof(items: list[OpenItem]) -> list[dict[str, Any]]:
    statuses = proof.proof_map([i.id for i in items])
    out = []
    for item in items:
        data = invoice_json(item)
        status = statuses.get(item.id)
        data["proof"] = (
            status.to_json() if status else {"order": False, "delivery": False, "cgv": False}
        )
        out.append(data)
    return out


def _cmd_invoices(args: argparse.Namespace) -> int:
    as_of = args.date or clock.today()
    items = ledger.open_items(as_of, client_code=_client_code(args.client), open_only=args.open)
    if args.json:
        _json({"as_of": as_of.isoformat(), "invoices": _with_proof(items)})
        return 0
    rows = [
        [
            i.number,
            i.client_code,
            "credit note" if i.kind == "credit_note" else "invoice",
            i.issue_date.isoformat(),
            i.due_date.isoformat(),
            plain(i.total),
            plain(i.paid),
            plain(i.balance),
            i.currency,
            str(i.days_late) if i.days_late else "",
            i.status.replace("_", " "),
            "disputed" if i.disputed else "",
        ]
        for i in items
    ]
    headers = [
        "Number",
        "Client",
        "Kind",
        "Issued",
        "Due",
        "Total",
        "Paid",
        "Balance",
        "Cur",
        "Late",
        "Status",
        "Dispute",
    ]
    _out(f"As of {as_of.isoformat()}")
    for line in _table(headers, rows, right={5, 6, 7, 9}):
        _out(line)
    totals = _totals((i.currency, i.balance) for i in items)
    _out(f"{_plural(len(items), 'document')}; balance: {totals or '0.00'}")
    return 0


def _totals(pairs: Any) -> str:
    sums: dict[str, Decimal] = {}
    for currency, amount in pairs:
        sums[currency] = sums.get(currency, Decimal("0.00")) + amount
    return ", ".join(f"{plain(v)} {c}" for c, v in sorted(sums.items()))


def client_json(b: ClientBalance) -> dict[str, Any]:
    return {
        "code": b.code,
        "name": b.name,
        "kind": b.kind,
        "currency": b.currency,
        "invoiced": plain(b.invoiced),
        "credited": plain(b.credited),
        "received": plain(b.received),
        "balance": plain(b.balance),
        "overdue": plain(b.overdue),
        "unallocated": plain(b.unallocated),
    }


def _cmd_clients(args: argparse.Namespace) -> int:
    as_of = args.date or clock.today()
    balances = ledger.client_balances(as_of)
    if args.json:
        _json({"as_of": as_of.isoformat(), "clients": [client_json(b) for b in balances]})
        return 0
    rows = [
        [
            b.code,
            _clip(b.name),
            b.kind,
            b.currency,
            plain(b.balance),
            plain(b.overdue),
            plain(b.unallocated),
        ]
        for b in balances
    ]
    headers = ["Code", "Name", "Kind", "Cur", "Balance", "Overdue", "Unallocated"]
    _out(f"As of {as_of.isoformat()}")
    for line in _table(headers, rows, right={4, 5, 6}):
        _out(line)
    codes = {b.code for b in balances}
    totals = _totals((b.currency, b.balance) for b in balances)
    _out(f"{_plural(len(codes), 'client')}; balance: {totals or '0.00'}")
    return 0


def _cmd_attach(args: argparse.Namespace) -> int:
    if args.signed_on is not None and not args.signed:
        _err("error: --signed-on needs --signed")
        return 2
    if args.invoice:
        owner = documents.Owner(invoice_id=lookups.invoice_id_for(args.invoice))
    else:
        owner = documents.Owner(client_id=lookups.client_id_for(args.client))
    version = documents.cgv_version_id_for(args.cgv_version) if args.cgv_version else None
    meta = documents.Meta(args.kind, args.title, args.date, args.signed, args.signed_on)
    rows = documents.attach_files(
        owner, [Path(f) for f in args.files], meta, accept_cgv_version=version
    )
    for row in rows:
        flag = (
            " (unreadable PDF: kept, but it cannot be previewed or merged)"
            if row.unreadable
            else ""
        )
        _out(
            f"attached {row.original_name} as document {row.id} "
            f"({row.kind}, {row.size} bytes, sha256 {row.sha256}){flag}"
        )
    return 0


def _cmd_documents(args: argparse.Namespace) -> int:
    if args.invoice:
        rows = documents.list_documents(invoice_id=lookups.invoice_id_for(args.invoice))
    elif args.client:
        rows = documents.list_documents(client_id=lookups.client_id_for(args.client))
    else:
        rows = documents.list_documents()
    if args.json:
        _json({"documents": [r.to_json() for r in rows]})
        return 0
    table = [
        [
            str(r.id),
            r.kind,
            _clip(r.title, 28),
            "yes" if r.signed else "",
            r.signed_on.isoformat() if r.signed_on else "",
            r.invoice_number or "",
            r.client_code or (f"CGV {r.cgv_label}" if r.cgv_label else ""),
            str(r.size),
            r.sha256[:12],
        ]
        for r in rows
    ]
    headers = [
        "Id",
        "Kind",
        "Title",
        "Signed",
        "Signed on",
        "Invoice",
        "Client",
        "Bytes",
        "SHA-256",
    ]
    for line in _table(headers, table, right={0, 7}):
        _out(line)
    _out(_plural(len(rows), "document"))
    return 0


def _cmd_evidence(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if args.invoice:
        result = dossier.build(
            out,
            invoice_id=lookups.invoice_id_for(args.invoice),
            as_of=args.date,
            language=args.language,
        )
    else:
        result = dossier.build(
            out,
            client_id=lookups.client_id_for(args.client),
            as_of=args.date,
            language=args.language,
        )
    _out(
        f"wrote {out}: {_plural(result.pages, 'page')} "
        f"({result.cover_pages} cover, {_plural(result.documents, 'document')})"
    )
    for title in result.skipped:
        _out(f"warning: {title} could not be included (unreadable); its fingerprint is listed")
    return 0


def _cmd_alerts(args: argparse.Namespace) -> int:
    as_of = args.date or clock.today()
    items = alerts.alerts(as_of)
    if args.json:
        _json({"as_of": as_of.isoformat(), "alerts": [a.to_json() for a in items]})
        return 0
    rows = [
        [
            a.kind,
            a.client,
            a.invoice or "",
            f"{plain(a.amount)} {a.currency}",
            str(a.days),
            a.render(),
        ]
        for a in items
    ]
    _out(f"As of {as_of.isoformat()}")
    for line in _table(["Kind", "Client", "Invoice", "Amount", "Days", "What"], rows, right={3, 4}):
        _out(line)
    _out(_plural(len(items), "alert"))
    return 0


def action_json(action: dunning.Action, as_of: dt.date) -> dict[str, Any]:
    return {
        "client": action.client_code,
        "step": action.step.action,
        "offset_days": action.step.offset_days,
        "channel": action.step.channel,
        "with_penalties": action.step.with_penalties,
        "invoices": [i.number for i in action.invoices],
        "amount": plain(action.amount),
        "currency": action.currency,
        "max_days_late": action.max_days_late(as_of),
        "missed_steps": [m.action for m in action.missed],
    }


def _cmd_actions(args: argparse.Namespace) -> int:
    as_of = args.date or clock.today()
    items = dunning.actions(as_of)
    if args.json:
        _json({"as_of": as_of.isoformat(), "actions": [action_json(a, as_of) for a in items]})
        return 0
    rows = [
        [
            a.client_code,
            a.step.action,
            a.step.channel,
            ", ".join(i.number for i in a.invoices),
            f"{plain(a.amount)} {a.currency}",
            str(a.max_days_late(as_of)),
            ", ".join(m.action for m in a.missed),
        ]
        for a in items
    ]
    _out(f"As of {as_of.isoformat()}")
    for line in _table(
        ["Client", "Step", "Channel", "Invoices", "Amount", "Late", "Never done"],
        rows,
        right={4, 5},
    ):
        _out(line)
    _out(_plural(len(items), "action"))
    return 0


def _cmd_promise(args: argparse.Namespace) -> int:
    amount = parse_amount(args.amount, "amount")
    dunning.promise(args.invoice, amount, args.date, note=args.note)
    _out(f"promise recorded: {plain(amount)} by {args.date.isoformat()} on {args.invoice}")
    return 0


def _cmd_dispute(args: argparse.Namespace) -> int:
    if args.operation == "open":
        dunning.open_dispute(args.invoice, args.reason or "other", args.note)
        _out(f"dispute opened on {args.invoice}: its dunning is paused")
    else:
        dunning.close_dispute(args.invoice, args.reason or "resolved", args.note)
        _out(f"dispute closed on {args.invoice}: its dunning resumes")
    return 0


def _cmd_letters(args: argparse.Namespace) -> int:
    prepared = letters.prepare(args.date)
    written = letters.write_all(prepared, Path(args.out))
    if args.record:
        letters.record_sent(written)
    if args.json:
        _json({"letters": [letters.letter_json(letter, path) for letter, _action, path in written]})
        return 0
    for letter, _action, path in written:
        _out(
            f"{path.name}: {letter.client_code} {letter.step} ({letter.language}), "
            f"total claimed {plain(letter.total_claimed)} {letter.currency}"
        )
    _out(
        _plural(len(written), "letter") + (", recorded as sent" if args.record and written else "")
    )
    return 0


def _cmd_statement(args: argparse.Namespace) -> int:
    letter = letters.statement(args.client, args.date)  # finds the client (services.core.lookups)
    out = Path(args.out)
    letters.write_letter(out, letter, letters.window_setting())
    _out(
        f"wrote {out}: {_plural(len(letter.invoices), 'open item')}, balance "
        f"{plain(letter.balance)} {letter.currency}"
    )
    return 0


def _cmd_agreement(args: argparse.Namespace) -> int:
    from services.paper import legal_docs

    pages = legal_docs.plan_agreement(args.client, Path(args.out))  # finds the client first
    _out(f"wrote {args.out}: {_plural(pages, 'page')}")
    return 0


def _cmd_claim(args: argparse.Namespace) -> int:
    from services.paper import legal_docs

    pages = legal_docs.claim_summary(
        args.client, Path(args.out), args.date
    )  # finds the client first
    _out(f"wrote {args.out}: {_plural(pages, 'page')}")
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from services.book import backup

    info = backup.create(Path(args.out)) if args.out else backup.back_up()
    _out(
        f"wrote {info.path}: {_plural(sum(info.counts.values()), 'row')}, {_plural(info.documents, 'document')}, "
        f"{info.size / 1_048_576:.1f} MB"
    )
    for sha in info.altered:
        _out(
            f"warning: the stored document {sha[:12]}… no longer matches its fingerprint; "
            "it was copied as it is (run `check`)"
        )
    return 0


def _damaged_book(target: str) -> Path | None:
    """The book's path when it fails SQLite's quick check (then it is not opened)."""
    from services.book import backup

    book = db.sqlite_path(db.database_url(target))
    return book if book is not None and backup.quick_check(book) else None


def _print_backups(items: list[Any], as_json: bool) -> None:
    if as_json:
        _json({"backups": [b.to_json() for b in items]})
        return
    for b in items:
        _out(
            f"{b.created_at}  {b.path}  schema {b.schema}  {_plural(b.counts.get('invoices', 0), 'invoice')}, "
            f"{_plural(b.counts.get('clients', 0), 'client')}, {_plural(b.documents, 'document')}"
        )
    _out(_plural(len(items), "backup"))


def _cmd_backups(args: argparse.Namespace) -> int:
    from services.book import backup

    _print_backups(backup.list_backups(), args.json)
    return 0


def _describe_backup(path: Path) -> Any:
    from services.book import backup

    info = backup.read(path, check=True)
    _out(
        f"{path.name}: made {info.created_at} by Encaisse {info.app_version} (schema {info.schema}); "
        + ", ".join(f"{n} {t}" for t, n in sorted(info.counts.items()) if n)
        + f"; {info.documents} documents"
    )
    return info


def _cmd_restore(args: argparse.Namespace) -> int:
    from services.book import backup

    backup.require_file_book()  # a PostgreSQL book: said plainly, before reading anything
    _describe_backup(Path(args.file))
    if not args.yes:
        _out("nothing changed: add --yes to restore it (the current book is backed up first)")
        return 1
    backup.restore(Path(args.file), verified=True)
    _out("restored")
    return 0


def _run_on_damaged_book(args: argparse.Namespace, book: Path) -> int:
    """``backups`` and ``restore`` on a book that fails its quick check: the way back
    (issue #6) without opening it."""
    from services.book import backup

    if args.command == "backups":
        _err(f"warning: the book {book} is damaged; restore a backup with `restore FILE --yes`")
        _print_backups(sorted(backup.candidates(book), key=backup.order), args.json)
        return 0
    _describe_backup(Path(args.file))
    if not args.yes:
        _out(
            f"the book {book} is damaged: add --yes to replace it by this backup (the damaged file is kept)"
        )
        return 1
    aside = backup.recover(book, Path(args.file))
    _out(f"restored; the damaged book is kept as {aside}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from services.book import export

    info = export.export(Path(args.out), args.client)
    if args.json:
        _json(info.to_json())
        return 0
    rows = sum(info.tables.values())
    _out(
        f"wrote {info.folder}: {_plural(rows, 'row')} in {_plural(len(info.tables), 'table')}, "
        f"{_plural(info.documents, 'document')}"
        + (f" (client {info.client})" if info.client else "")
    )
    return 0


def _cmd_penalties(args: argparse.Namespace) -> int:
    number, result = penalties.for_invoice(args.invoice, args.date)
    payload = penalties.to_json(number, result)
    if args.json:
        _json(payload)
        return 0
    _out(
        f"Invoice {number} ({result.client_kind}) as of {payload['as_of']}: balance {payload['balance']}, "
        f"{result.days_late} days late"
    )
    rows = [
        [p["from"], p["to"], str(p["days"]), p["base"], p["rate"] + " %", p["amount"]]
        for p in payload["periods"]
    ]
    for line in _table(["From", "To", "Days", "Base", "Rate", "Amount"], rows, right={2, 3, 4, 5}):
        _out(line)
    _out(
        f"penalties {payload['penalties']}, indemnity {payload['indemnity']}, "
        f"total claimed {payload['total_claimed']}"
    )
    for warning in payload["warnings"]:
        _out(f"warning: {warning}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from services.book import integrity

    def files(orphans: int, leftovers: int) -> str:
        """'2 stored files that belong to no document and 1 partial copy'"""
        parts = (
            [
                f"{_plural(orphans, 'stored file')} that belong{'s' if orphans == 1 else ''} "
                "to no document"
            ]
            if orphans
            else []
        )
        if leftovers:
            parts.append(f"{leftovers} partial cop{'y' if leftovers == 1 else 'ies'}")
        return " and ".join(parts)

    repair: dict[str, Any] | None = None
    if args.repair:  # issue #11: a backup first, then the running totals from the allocations
        done, backup_path = integrity.back_up_and_repair(without_backup=args.yes)
        repair = {
            "backup": str(backup_path) if backup_path else None,
            "recomputed": done.recomputed,
            "taken_back": done.taken_back,
            "store": done.store.to_json(),
        }
        if not args.json:
            _out(
                f"backed up to {backup_path}"
                if backup_path
                else "warning: no backup was made by Encaisse (--yes)"
            )
            _out(
                f"repaired: {_plural(done.recomputed, 'running total')} recomputed, "
                f"{_plural(done.taken_back, 'allocation')} in excess taken back"
            )
            tidy = done.store
            if tidy.orphans or tidy.leftovers:
                _out(
                    f"moved to the store's trash (kept {documents.TRASH_DAYS} days): "
                    + files(tidy.orphans, tidy.leftovers)
                )
            if tidy.recovered:
                _out(
                    f"put back from the store's trash: {_plural(tidy.recovered, 'stored file')} "
                    "a document points at"
                )
    database = db.integrity_problems()
    notes = integrity.database_notes()
    totals = integrity.running_total_problems()
    report = documents.check_documents()
    # the store's files no document refers to stay problems (exit 1): an interrupted action
    # leaves them, but so does a document row that was lost, and only the owner can tell;
    # what --repair will do with them is said (issue #11)
    plan = integrity.store_plan(report)
    lines = (
        [f"database: {m}" for m in database]
        + [p.message for p in totals.problems]
        + [p.message for p in report.problems]
    )
    ok = not lines
    if args.json:
        payload: dict[str, Any] = {
            "ok": ok,
            "database": {"ok": not database, "problems": database, "notes": notes},
            "totals": {
                "checked": totals.checked,
                "problems": [p.to_json() for p in totals.problems],
            },
            "documents": {
                "checked": report.checked,
                "problems": [p.to_json() for p in report.problems],
                "repair": plan.to_json(),
            },
        }
        if repair is not None:
            payload["repair"] = repair
        _json(payload)
    else:
        for note in notes:  # what could not be checked is said, never passed off as "ok"
            _out(f"database: {note}")
        for line in lines:
            _out(line)
        if plan.to_trash:
            _out(
                f"check --repair will move {files(plan.count('orphan'), plan.count('leftover'))}"
                f" to the store's trash (kept {documents.TRASH_DAYS} days, then deleted)"
            )
        if plan.too_recent:
            _out(
                "check --repair leaves "
                + files(plan.count("orphan", recent=True), plan.count("leftover", recent=True))
                + f" alone until {integrity.STALE_AFTER_SECONDS // 60} minutes old: an "
                "attachment or a restore may still be writing it"
            )
        if ok:
            _out(
                ("database: ok" if not notes else "foreign keys: ok")
                + f"; {_plural(totals.checked, 'running total')}: ok"
                + f"; {_plural(report.checked, 'document')} verified: ok"
            )
    return 0 if ok else 1


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "attach": _cmd_attach,
    "documents": _cmd_documents,
    "evidence": _cmd_evidence,
    "check": _cmd_check,
    "penalties": _cmd_penalties,
    "letters": _cmd_letters,
    "statement": _cmd_statement,
    "agreement": _cmd_agreement,
    "backup": _cmd_backup,
    "backups": _cmd_backups,
    "restore": _cmd_restore,
    "export": _cmd_export,
    "claim": _cmd_claim,
    "alerts": _cmd_alerts,
    "actions": _cmd_actions,
    "promise": _cmd_promise,
    "dispute": _cmd_dispute,
    "demo": _cmd_demo,
    "import": _cmd_import,
    "invoices": _cmd_invoices,
    "clients": _cmd_clients,
}


def _open(target: str) -> None:
    try:
        db.open_database(target)
    except AppError:
        raise
    except (SQLAlchemyError, ImportError, OSError, ValueError) as exc:
        detail = _one_line(str(getattr(exc, "orig", None) or exc)) or type(exc).__name__
        shown = _without_password(target)
        if shown != target:
            detail = detail.replace(target, shown)
        raise UserError(MSG_CANNOT_OPEN, field="database", target=shown, detail=detail) from exc


def _without_password(target: str) -> str:
    """A database URL as it may be shown: its password replaced by ***."""
    if "://" not in target:
        return target
    try:
        from sqlalchemy.engine import make_url

        return make_url(target).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return target.split("://", 1)[0] + "://…"


#: The commands that change the book, and when (issue #11, point 3): they hold the book's
#: lock while they run, so they are refused while a window has the book open. ``restore``
#: replaces the whole file: it holds the lock alone. A command missing from both tables is
#: taken for a writer.
WRITERS: dict[str, Callable[[argparse.Namespace], bool]] = {
    "demo": lambda a: True,
    "import": lambda a: not a.dry_run,
    "attach": lambda a: True,
    "promise": lambda a: True,
    "dispute": lambda a: True,
    "letters": lambda a: bool(a.record),
    "backup": lambda a: a.out is None,  # the backup folder's rotation; --out only reads the book
    "restore": lambda a: bool(a.yes),
    "check": lambda a: bool(getattr(a, "repair", False)),
}
#: Commands that only read the book (``check`` and ``evidence`` add a line to the
#: documents' history, one short transaction behind SQLite's own lock, as a window does).
READERS = frozenset(
    {
        "invoices",
        "clients",
        "documents",
        "evidence",
        "alerts",
        "actions",
        "penalties",
        "statement",
        "agreement",
        "claim",
        "backups",
        "export",
        "print",
    }
)


def _lock_for(args: argparse.Namespace, target: str) -> Any:
    """The book's lock for a command that writes (None for the others, and for a book that
    is not a file); refused at once while a window holds the book."""
    from services.book import booklock

    writes = WRITERS.get(args.command)
    if writes is None and args.command in READERS or writes is not None and not writes(args):
        return None
    try:
        book = db.sqlite_path(db.database_url(target))
    except (SQLAlchemyError, ValueError):  # not a URL: opening it says so
        return None
    return booklock.for_command(book, replaces=args.command == "restore")


def run(args: argparse.Namespace, target: str) -> int:
    """Run the parsed command on the database ``target``; return the exit status."""
    command = COMMANDS.get(args.command or "")
    if command is None:  # main.py opens the window instead; never reached from there
        build_parser().print_usage(sys.stderr)
        return 2
    lock = None
    try:
        lock = _lock_for(args, target)
        if args.command in ("backups", "restore"):
            damaged = _damaged_book(target)
            if damaged is not None:
                return _run_on_damaged_book(args, damaged)
        _open(target)
        return command(args)
    except AppError as exc:
        _err(f"error: {_one_line(exc.render())}")
        if exc.message == db.MSG_NOT_A_DB:
            _err(
                "hint: `backups` lists this book's backups; `restore FILE --yes` puts one in its place"
            )
        return 1
    except BrokenPipeError:  # `… | head`
        return 0
    finally:
        db.close()
        if lock is not None:
            lock.release()
