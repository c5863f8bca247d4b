"""Export everything (issue #6, point 5): every table as a CSV file (UTF-8, one header row)
plus the documents — the owner's way out, and the answer to a GDPR access request when
limited to one client (``client_code``: the rows about that client and their documents).

The export is written into a temporary folder beside the target and renamed at the end:
an interrupted export leaves no half-filled folder behind.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, or_, select

from models import SCHEMA_REVISION, Base
from services import clock, db, documents
from services.errors import UserError
from services.i18n import QT_TRANSLATE_NOOP
from services.store import safe_name
from services.version import __version__

MSG_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "Messages", "the folder {folder} is not empty: choose a new or empty folder"
)
MSG_CANNOT_WRITE = QT_TRANSLATE_NOOP(
    "Messages", "the export cannot be written in {folder}: {detail}"
)

#: tables about the business itself, not about one client: left out of a client's export
_NOT_ABOUT_A_CLIENT = {"company", "settings", "alert_snoozes", "dunning_scenarios", "dunning_steps"}


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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return str(value)  # dates ISO, Decimal amounts with a dot, text as it is


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
    """Write every table (or one client's rows) as CSV and the documents into ``out``."""
    client_id = documents.client_id_for(client_code) if client_code else None
    filters = _client_filters(client_id) if client_id is not None else {}
    tmp = _prepare(out)
    counts: dict[str, int] = {}
    doc_rows: list[Any] = []
    try:
        with db.reading() as session:
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
                with (tmp / f"{table.name}.csv").open("w", encoding="utf-8", newline="") as fh:
                    writer = csv.writer(fh)
                    writer.writerow([c.name for c in table.columns])
                    writer.writerows([_cell(v) for v in row] for row in rows)
                if table.name == "documents":
                    names = [c.name for c in table.columns]
                    doc_rows = [dict(zip(names, row, strict=True)) for row in rows]
        store = documents.the_store()
        written = 0
        if doc_rows:
            (tmp / "documents").mkdir()
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
            "created_at": clock.now().isoformat(timespec="seconds"),
            "app_version": __version__,
            "schema": SCHEMA_REVISION,
            "client": client_code,
            "tables": counts,
            "documents": written,
            "encoding": "UTF-8",
            "money": "decimal amounts with a dot, in the invoice's currency",
        }
        (tmp / "manifest.json").write_text(
            json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8"
        )
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
