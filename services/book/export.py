"""Export everything (issue #6, point 5; issue #11, point 7): the owner's way out, and the
answer to a GDPR access request when limited to one client (``client_code``: the rows about
that client and their documents).

The folder holds:

- ``clients.csv``, ``invoices.csv``, ``payments.csv`` — in the format ``import`` reads
  (client codes and invoice numbers, never database ids): exported from one book and
  imported into an empty one, they give the same balances, invoice by invoice — which
  payment and which credit note pays which invoice included (the ``allocations`` column);
- ``tables/`` — every table as it is stored (ids included), the complete raw export;
- ``documents/`` — a copy of every document, and ``manifest.json``.

Every file is UTF-8 with one header row.  Text that a spreadsheet would take for a formula
(a cell beginning with ``=`` ``+`` ``-`` ``@``, a tab or a carriage return) is written with a
leading ``'`` (OWASP, CSV injection), and ``import`` takes that quote off again.  Amounts and
dates are written by us (``1234.50``, ``2026-03-15``), never escaped; amounts are positive,
as in the book, a credit note being said by its ``kind``.

The export is written into a temporary folder beside the target and renamed at the end:
an interrupted export leaves no half-filled folder behind.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, Table, or_, select
from sqlalchemy.orm import Session

from models import SCHEMA_REVISION, Allocation, Base, Client, Invoice, Payment
from services.core import clock, db, lookups
from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.money import plain
from services.core.version import __version__
from services.proof import documents
from services.proof.store import safe_name

MSG_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "Messages", "the folder {folder} is not empty: choose a new or empty folder"
)
MSG_CANNOT_WRITE = QT_TRANSLATE_NOOP(
    "Messages", "the export cannot be written in {folder}: {detail}"
)

#: tables about the business itself, not about one client: left out of a client's export
_NOT_ABOUT_A_CLIENT = {"company", "settings", "alert_snoozes", "dunning_scenarios", "dunning_steps"}

#: the raw dump of every table, beside the files ``import`` reads
TABLES_FOLDER = "tables"

#: the files ``import clients|invoices|payments`` reads back, with their columns: the names
#: of the CSV import (services/ledger/imports.py, README "CSV formats")
CLIENT_HEADER = (
    "code",
    "name",
    "kind",
    "contact",
    "address",
    "postcode",
    "city",
    "country",
    "email",
    "phone",
    "siren",
    "siret",
    "vat_number",
    "language",
    "terms",
    "credit_limit",
    "insurer",
    "insurance_days",
    "notes",
    "legal_form",
    "registered_as",
    "acts_professionally",
)
INVOICE_HEADER = (
    "number",
    "client",
    "kind",
    "issue_date",
    "due_date",
    "terms",
    "total",
    "net",
    "vat",
    "currency",
    "delivery_date",
    "po_number",
    "disputed",
    "notes",
    "allocations",
)
PAYMENT_HEADER = (
    "date",
    "client",
    "amount",
    "currency",
    "method",
    "reference",
    "notes",
    "allocations",
)
IMPORTABLE = {
    "clients.csv": CLIENT_HEADER,
    "invoices.csv": INVOICE_HEADER,
    "payments.csv": PAYMENT_HEADER,
}

#: a payment set against no invoice: kept whole as credit on the client
NO_ALLOCATION = "none"

#: text a spreadsheet would run as a formula (OWASP "CSV injection"); quotes already in
#: front count too, so that the quote ``import`` takes off is always the one added here
_FORMULA = re.compile(r"'*[=+\-@\t\r]")

#: a SELECT of any columns, its type kept through the filter
_Stmt = TypeVar("_Stmt", bound=Select[*tuple[Any, ...]])


@dataclass(frozen=True, slots=True)
class ExportInfo:
    folder: Path
    tables: dict[str, int]
    documents: int
    client: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "client": self.client,
            "tables": self.tables,
            "documents": self.documents,
        }


def spreadsheet_safe(text: str) -> str:
    """``=HYPERLINK(…)`` -> ``'=HYPERLINK(…)``: a spreadsheet shows it, never runs it.

    Only text goes through here; amounts and dates are written by us and stay numbers
    (``-120.00`` is not a formula).  ``imports.spreadsheet_text`` is the inverse.
    """
    return "'" + text if _FORMULA.match(text) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return str(value)  # dates ISO, Decimal amounts with a dot, integers


def _amount(value: Decimal | None) -> str:
    return "" if value is None else plain(value)


def _date(value: dt.date | None) -> str:
    return "" if value is None else value.isoformat()


def _allocations(pairs: Iterable[tuple[str, Decimal]]) -> str:
    """``F2025-001=120.00;F2025-002=30.00``: one entry per invoice, in allocation order."""
    totals: dict[str, Decimal] = {}
    for number, amount in pairs:
        totals[number] = totals.get(number, Decimal("0.00")) + amount
    return ";".join(f"{number}={plain(amount)}" for number, amount in totals.items())


def _owner_only(path: str, flags: int) -> int:
    """``open``'s opener: the file is created 0600 whatever the umask (issue #11, point 8)."""
    return os.open(path, flags, 0o600)


def _write_csv(path: Path, header: Iterable[str], rows: Iterable[Iterable[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="", opener=_owner_only) as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def _importable(session: Session, folder: Path, client_id: int | None) -> None:
    """clients.csv, invoices.csv and payments.csv as ``import`` reads them back.

    Only the allocations in force are written (one taken back is history, kept in
    tables/allocations.csv).  Invoices come before credit notes, so that the invoice a
    credit note is set against is already there when the import reaches it.
    """

    def only(query: _Stmt, column: Any) -> _Stmt:
        return query if client_id is None else query.where(column == client_id)

    codes: dict[int, str] = {}
    rows: list[list[str]] = []
    for c in session.scalars(only(select(Client).order_by(Client.code, Client.id), Client.id)):
        codes[c.id] = c.code
        rows.append(
            [
                _cell(c.code),
                _cell(c.name),
                c.kind,
                _cell(c.contact),
                _cell(c.address),
                _cell(c.postcode),
                _cell(c.city),
                _cell(c.country),
                _cell(c.email),
                _cell(c.phone),
                _cell(c.siren),
                _cell(c.siret),
                _cell(c.vat_number),
                c.language,
                _cell(c.terms),
                _amount(c.credit_limit),
                _cell(c.insurer),
                "" if c.insurance_days is None else str(c.insurance_days),
                _cell(c.notes),
                c.legal_form,
                c.registered_as,
                "yes" if c.acts_professionally else "",
            ]
        )
    _write_csv(folder / "clients.csv", CLIENT_HEADER, rows)

    active = Allocation.removed_on.is_(None)
    credit = Invoice.__table__.alias("credit_note")
    target = Invoice.__table__.alias("target")
    applied: dict[int, list[tuple[str, Decimal]]] = {}
    query = (
        select(Allocation.credit_note_id, target.c.number, Allocation.amount)
        .join(target, target.c.id == Allocation.invoice_id)
        .join(credit, credit.c.id == Allocation.credit_note_id)
        .where(active)
        .order_by(Allocation.id)
    )
    for credit_id, number, amount in session.execute(only(query, credit.c.client_id)):
        applied.setdefault(credit_id, []).append((number, amount))
    rows = []
    invoices = only(select(Invoice), Invoice.client_id).order_by(
        Invoice.kind != "invoice", Invoice.number, Invoice.id
    )
    for i in session.scalars(invoices):
        rows.append(
            [
                _cell(i.number),
                _cell(codes.get(i.client_id, "")),
                i.kind,
                _date(i.issue_date),
                _date(i.due_date),
                _cell(i.terms),
                _amount(i.total),
                _amount(i.net),
                _amount(i.vat),
                i.currency,
                _date(i.delivery_date),
                _cell(i.po_number),
                "yes" if i.disputed else "",
                _cell(i.notes),
                spreadsheet_safe(_allocations(applied.get(i.id, []))),
            ]
        )
    _write_csv(folder / "invoices.csv", INVOICE_HEADER, rows)

    paid: dict[int | None, list[tuple[str, Decimal]]] = {}
    query = (
        select(Allocation.payment_id, Invoice.number, Allocation.amount)
        .join(Invoice, Invoice.id == Allocation.invoice_id)
        .join(Payment, Payment.id == Allocation.payment_id)
        .where(active)
        .order_by(Allocation.id)
    )
    for payment_id, number, amount in session.execute(only(query, Payment.client_id)):
        paid.setdefault(payment_id, []).append((number, amount))
    rows = []
    payments = only(select(Payment), Payment.client_id).order_by(Payment.date, Payment.id)
    for p in session.scalars(payments):
        rows.append(
            [
                _date(p.date),
                _cell(codes.get(p.client_id, "")),
                _amount(p.amount),
                p.currency,
                p.method,
                _cell(p.reference),
                _cell(p.notes),
                spreadsheet_safe(_allocations(paid.get(p.id, [])) or NO_ALLOCATION),
            ]
        )
    _write_csv(folder / "payments.csv", PAYMENT_HEADER, rows)


def _client_filters(client_id: int) -> dict[str, Callable[[Table], ColumnElement[bool]]]:
    """For each table about clients, the condition that keeps the rows about one client."""
    t = Base.metadata.tables
    invoices = select(t["invoices"].c.id).where(t["invoices"].c.client_id == client_id)
    payments = select(t["payments"].c.id).where(t["payments"].c.client_id == client_id)
    plans = select(t["payment_plans"].c.id).where(t["payment_plans"].c.client_id == client_id)
    acceptances = t["cgv_acceptances"]
    docs = t["documents"]
    accepted_docs = select(acceptances.c.document_id).where(acceptances.c.client_id == client_id)
    client_docs = select(docs.c.id).where(
        or_(
            docs.c.client_id == client_id,
            docs.c.invoice_id.in_(invoices),
            docs.c.id.in_(accepted_docs),
        )
    )
    return {
        "clients": lambda tb: tb.c.id == client_id,
        "invoices": lambda tb: tb.c.client_id == client_id,
        "payments": lambda tb: tb.c.client_id == client_id,
        "payment_plans": lambda tb: tb.c.client_id == client_id,
        "plan_instalments": lambda tb: tb.c.plan_id.in_(plans),
        "allocations": lambda tb: or_(
            tb.c.invoice_id.in_(invoices),
            tb.c.payment_id.in_(payments),
            tb.c.credit_note_id.in_(invoices),
        ),
        "contact_logs": lambda tb: tb.c.client_id == client_id,
        "email_outbox": lambda tb: tb.c.client_id == client_id,
        "disputes": lambda tb: tb.c.invoice_id.in_(invoices),
        "dunning_records": lambda tb: or_(
            tb.c.client_id == client_id, tb.c.invoice_id.in_(invoices)
        ),
        "invoice_holds": lambda tb: or_(tb.c.client_id == client_id, tb.c.invoice_id.in_(invoices)),
        "cgv_acceptances": lambda tb: tb.c.client_id == client_id,
        "documents": lambda tb: tb.c.id.in_(client_docs),
        "stored_files": lambda tb: tb.c.sha256.in_(
            select(docs.c.sha256).where(docs.c.id.in_(client_docs))
        ),
        "cgv_versions": lambda tb: or_(
            tb.c.id.in_(
                select(acceptances.c.cgv_version_id).where(acceptances.c.client_id == client_id)
            ),
            tb.c.id.in_(select(docs.c.cgv_version_id).where(docs.c.id.in_(client_docs))),
        ),
        "events": lambda tb: tb.c.client_id == client_id,
    }


def _prepare(out: Path) -> Path:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UserError(MSG_NOT_EMPTY, field="folder", folder=str(out))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    except OSError as exc:
        raise UserError.from_os(MSG_CANNOT_WRITE, exc, field="folder", folder=str(out)) from exc


def export(out: Path, client_code: str | None = None) -> ExportInfo:
    """Write the importable files, every table (or one client's rows) as CSV and the
    documents into ``out``."""
    client_id = None
    if client_code:  # found in any case, trimmed; named as stored (issue #12)
        client_id, client_code = lookups.client_for(client_code)
    filters = _client_filters(client_id) if client_id is not None else {}
    tmp = _prepare(out)
    counts: dict[str, int] = {}
    doc_rows: list[Any] = []
    try:
        with db.reading() as session:
            _importable(session, tmp, client_id)
            (tmp / TABLES_FOLDER).mkdir(mode=0o700)
            for table in Base.metadata.sorted_tables:
                if client_id is not None and table.name not in filters:
                    if table.name not in _NOT_ABOUT_A_CLIENT:
                        raise AssertionError(
                            f"table {table.name} has no rule for a client's export"
                        )
                    continue
                query: Select[Any] = select(table).order_by(*table.primary_key.columns)
                if client_id is not None:
                    query = query.where(filters[table.name](table))
                rows = session.execute(query).all()
                counts[table.name] = len(rows)
                _write_csv(
                    tmp / TABLES_FOLDER / f"{table.name}.csv",
                    [c.name for c in table.columns],
                    ([_cell(v) for v in row] for row in rows),
                )
                if table.name == "documents":
                    names = [c.name for c in table.columns]
                    doc_rows = [dict(zip(names, row, strict=True)) for row in rows]
        store = documents.the_store()
        written = 0
        if doc_rows:
            (tmp / "documents").mkdir(mode=0o700)
        for row in doc_rows:
            source = store.path_of(row["sha256"])
            if not source.exists():
                continue  # reported by `check`; the CSV row still says what it was
            name = "".join(
                "_" if ch in '<>:"/\\|?*' else ch for ch in safe_name(row["original_name"] or "")
            )
            target = tmp / "documents" / f"{row['id']:05d}-{name}"
            shutil.copyfile(source, target)
            os.chmod(target, 0o600)
            written += 1
        manifest = {
            "created_at": clock.local_iso(),  # local time with its offset, as in backups
            "app_version": __version__,
            "schema": SCHEMA_REVISION,
            "client": client_code,
            "importable": list(IMPORTABLE),
            "tables_folder": TABLES_FOLDER,
            "tables": counts,
            "documents": written,
            "encoding": "UTF-8",
            "money": "decimal amounts with a dot, in the invoice's currency",
        }
        with open(tmp / "manifest.json", "w", encoding="utf-8", opener=_owner_only) as fh:
            fh.write(json.dumps(manifest, indent=1, ensure_ascii=False))
        if out.exists():
            out.rmdir()  # checked empty above
        os.replace(tmp, out)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UserError.from_os(MSG_CANNOT_WRITE, exc, field="folder", folder=str(out)) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return ExportInfo(out, counts, written, client_code)


def write_aged_csv(aged: Any, path: Path) -> None:
    """The aged balance (services.ledger.aged) as CSV: one row per client and currency, then
    one total row per currency (client empty); amounts with a dot and two decimals; names a
    spreadsheet would run as formulas are written safe, as in every export (issue #14)."""
    columns = [*aged.buckets, "unallocated"]
    header = ["client", "name", "currency", *columns, "total"]
    rows = [
        [
            _cell(r.client),
            _cell(r.name),
            r.currency,
            *(plain(r.amounts[c]) for c in columns),
            plain(r.total),
        ]
        for r in [*aged.rows, *aged.totals.values()]
    ]
    _write_csv(path, header, rows)
