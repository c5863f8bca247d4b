"""Export everything (issue #6, point 5): every table as CSV (UTF-8, a header row) under
``tables/``, the files ``import`` reads back at the top (issue #11, point 7: see
test_export_roundtrip.py), plus the documents; ``--client CODE`` limits it to one client's
data (a GDPR access request)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from models import Base
from services.book import export
from services.core import clock, db
from services.core.errors import UserError
from services.ledger import imports
from services.ledger import invoices as invoice_service
from tests.book_template import demo_copy
from tests.helpers_cli import run_cli

DAY = dt.date(2026, 3, 15)


@pytest.fixture
def demo_book(tmp_path: Path) -> Iterator[Path]:
    clock.freeze(DAY)
    db.open_database(demo_copy(tmp_path / "book.db", DAY))  # built once per session
    yield tmp_path / "book.db"
    clock.freeze(None)
    db.close()


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def raw_table(out: Path, name: str) -> tuple[list[str], list[dict[str, str]]]:
    return read_csv(out / "tables" / f"{name}.csv")


def counts(book: Path) -> dict[str, int]:
    con = sqlite3.connect(book)
    try:
        return {
            t.name: con.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
            for t in Base.metadata.sorted_tables
        }
    finally:
        con.close()


def test_everything_as_csv_with_the_documents(demo_book: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    info = export.export(out)
    expected = counts(demo_book)
    assert info.tables == expected
    for table in Base.metadata.sorted_tables:
        header, rows = raw_table(out, table.name)
        assert header == [c.name for c in table.columns], table.name
        assert len(rows) == expected[table.name], table.name
    _, invoices = raw_table(out, "invoices")
    for row in invoices[:50]:  # exact amounts with two decimals, ISO dates
        stored = invoice_service.get_invoice_by_number(row["number"])
        assert (
            row["total"] == f"{abs(stored.total):.2f}"
            and row["issue_date"] == stored.issue_date.isoformat()
        )
    assert any("é" in r["notes"] for r in invoices)  # UTF-8 kept
    _, docs = raw_table(out, "documents")
    files = sorted((out / "documents").iterdir())
    assert info.documents == len(docs) == len(files) > 100
    by_id = {int(r["id"]): r for r in docs}
    for path in files:  # every copy is byte for byte the stored document
        row = by_id[int(path.name.split("-", 1)[0])]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == row["sha256"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["client"] is None and manifest["tables"] == expected


def test_one_clients_data_only(demo_book: Path, tmp_path: Path) -> None:
    con = sqlite3.connect(demo_book)
    client_id, name = con.execute(
        "SELECT id, name FROM clients WHERE code = 'ARCHIMOREAU'"
    ).fetchone()
    others = [r[0] for r in con.execute("SELECT name FROM clients WHERE id != ?", (client_id,))]
    own_invoices = {
        r[0] for r in con.execute("SELECT number FROM invoices WHERE client_id = ?", (client_id,))
    }
    con.close()
    out = tmp_path / "gdpr"
    info = export.export(out, "ARCHIMOREAU")
    assert info.client == "ARCHIMOREAU"
    _, clients = read_csv(out / "clients.csv")
    assert [c["name"] for c in clients] == [name]
    _, importable = read_csv(out / "invoices.csv")
    assert {r["number"] for r in importable} == own_invoices
    assert {r["client"] for r in importable} == {"ARCHIMOREAU"}
    _, invoices = raw_table(out, "invoices")
    assert {r["number"] for r in invoices} == own_invoices
    for name in ("payments", "payment_plans", "contact_logs", "cgv_acceptances", "events"):
        _, rows = raw_table(out, name)
        assert all(r["client_id"] == str(client_id) for r in rows), name
    _, payments = read_csv(out / "payments.csv")
    assert payments and {r["client"] for r in payments} == {"ARCHIMOREAU"}
    invoice_ids = {r["id"] for r in invoices}
    _, allocations = raw_table(out, "allocations")
    assert allocations and all(
        a["invoice_id"] in invoice_ids or a["credit_note_id"] in invoice_ids for a in allocations
    )
    _, docs = raw_table(out, "documents")
    assert docs and all(
        d["client_id"] == str(client_id) or d["invoice_id"] in invoice_ids or d["kind"] == "cgv"
        for d in docs
    )
    assert len(list((out / "documents").iterdir())) == len(docs)
    # nothing about anyone else: no other client's name in any exported file
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*.csv"))
    leaked = [other for other in others if other in text]
    assert leaked == []
    assert not (out / "tables" / "company.csv").exists()
    assert not (out / "tables" / "settings.csv").exists()


def test_a_folder_that_is_not_empty_is_refused_and_nothing_is_written(
    demo_book: Path, tmp_path: Path
) -> None:
    out = tmp_path / "busy"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    with pytest.raises(UserError) as caught:
        export.export(out)
    assert caught.value.render().startswith("Folder:")
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".busy")] == []


def test_an_unknown_client_writes_nothing(demo_book: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        export.export(tmp_path / "x", "NOBODY")
    assert "NOBODY" in caught.value.render()
    assert not (tmp_path / "x").exists()


def test_the_export_command(
    demo_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close()
    run = run_cli(capsys, demo_book, "export", "--out", str(tmp_path / "all"))
    assert run.code == 0 and run.out.startswith(f"wrote {tmp_path / 'all'}: ")
    run = run_cli(
        capsys,
        demo_book,
        "export",
        "--out",
        str(tmp_path / "one"),
        "--client",
        "ARCHIMOREAU",
        "--json",
    )
    assert run.code == 0
    payload = run.json()
    assert set(payload) >= {"folder", "client", "tables", "documents"}
    assert payload["client"] == "ARCHIMOREAU" and payload["tables"]["clients"] == 1
    run = run_cli(capsys, demo_book, "export", "--out", str(tmp_path / "all"))
    assert run.code == 1 and "not empty" in run.err and "Traceback" not in run.err


def test_the_importable_files_use_the_import_column_names(demo_book: Path, tmp_path: Path) -> None:
    """Issue #11, point 7: clients.csv, invoices.csv and payments.csv at the top of the export
    carry the import's own column names — every one understood, none ignored, none missing."""
    out = tmp_path / "export"
    export.export(out)
    for kind in imports.KINDS:
        header, rows = read_csv(out / f"{kind}.csv")
        mapping = imports.map_columns(kind, header)
        assert mapping.errors == [] and mapping.ignored == [], kind
        assert len(mapping.index) == len(header), kind
        assert rows, kind
    _, invoices = read_csv(out / "invoices.csv")
    assert not any(name in invoices[0] for name in ("id", "client_id"))
    # invoices first, then the credit notes (set against invoices already read)
    kinds = [r["kind"] for r in invoices]
    assert kinds == sorted(kinds, key=lambda k: k != "invoice") and "credit_note" in kinds


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX (issue #11, point 8)")
def test_the_export_is_owner_only_whatever_the_umask(demo_book: Path, tmp_path: Path) -> None:
    """Issue #11, point 8: the export sets its own modes (files 0600, folders 0700), so a caller
    that did not go through main() (which sets umask 077) still gets owner-only files."""
    previous = os.umask(0o022)
    try:
        export.export(tmp_path / "export")
    finally:
        os.umask(previous)
    offenders = [
        f"{p} {stat.S_IMODE(p.stat().st_mode):o}"
        for p in [tmp_path / "export", *(tmp_path / "export").rglob("*")]
        if stat.S_IMODE(p.stat().st_mode) != (0o700 if p.is_dir() else 0o600)
    ]
    assert offenders == []
