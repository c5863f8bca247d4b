"""Export everything (issue #6, point 5): every table as CSV (UTF-8, a header row) plus the
documents; ``--client CODE`` limits it to one client's data (a GDPR access request)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from models import Base
from services import clock, db, demo, export
from services import invoices as invoice_service
from services.errors import UserError
from tests.helpers_cli import run_cli

DAY = dt.date(2026, 3, 15)


@pytest.fixture
def demo_book(tmp_path: Path) -> Iterator[Path]:
    clock.freeze(DAY)
    db.open_database(tmp_path / "book.db")
    demo.fill_demo(DAY)
    yield tmp_path / "book.db"
    clock.freeze(None)
    db.close()


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def counts(book: Path) -> dict[str, int]:
    con = sqlite3.connect(book)
    try:
        return {t.name: con.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
                for t in Base.metadata.sorted_tables}
    finally:
        con.close()


def test_everything_as_csv_with_the_documents(demo_book: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    info = export.export(out)
    expected = counts(demo_book)
    assert info.tables == expected
    for table in Base.metadata.sorted_tables:
        header, rows = read_csv(out / f"{table.name}.csv")
        assert header == [c.name for c in table.columns], table.name
        assert len(rows) == expected[table.name], table.name
    _, invoices = read_csv(out / "invoices.csv")
    for row in invoices[:50]:  # exact amounts with two decimals, ISO dates
        stored = invoice_service.get_invoice_by_number(row["number"])
        assert row["total"] == f"{abs(stored.total):.2f}" and row["issue_date"] == stored.issue_date.isoformat()
    assert any("é" in r["notes"] for r in invoices)  # UTF-8 kept
    _, docs = read_csv(out / "documents.csv")
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
    client_id, name = con.execute("SELECT id, name FROM clients WHERE code = 'ARCHIMOREAU'").fetchone()
    others = [r[0] for r in con.execute("SELECT name FROM clients WHERE id != ?", (client_id,))]
    own_invoices = {r[0] for r in con.execute("SELECT number FROM invoices WHERE client_id = ?", (client_id,))}
    con.close()
    out = tmp_path / "gdpr"
    info = export.export(out, "ARCHIMOREAU")
    assert info.client == "ARCHIMOREAU"
    _, clients = read_csv(out / "clients.csv")
    assert [c["name"] for c in clients] == [name]
    _, invoices = read_csv(out / "invoices.csv")
    assert {r["number"] for r in invoices} == own_invoices
    for table in ("payments", "payment_plans", "contact_logs", "cgv_acceptances", "events"):
        _, rows = read_csv(out / f"{table}.csv")
        assert all(r["client_id"] == str(client_id) for r in rows), table
    invoice_ids = {r["id"] for r in invoices}
    _, allocations = read_csv(out / "allocations.csv")
    assert allocations and all(a["invoice_id"] in invoice_ids or a["credit_note_id"] in invoice_ids
                               for a in allocations)
    _, docs = read_csv(out / "documents.csv")
    assert docs and all(d["client_id"] == str(client_id) or d["invoice_id"] in invoice_ids
                        or d["kind"] == "cgv" for d in docs)
    assert len(list((out / "documents").iterdir())) == len(docs)
    # nothing about anyone else: no other client's name in any exported file
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*.csv"))
    leaked = [other for other in others if other in text]
    assert leaked == []
    assert not (out / "company.csv").exists() and not (out / "settings.csv").exists()


def test_a_folder_that_is_not_empty_is_refused_and_nothing_is_written(demo_book: Path, tmp_path: Path) -> None:
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


def test_the_export_command(demo_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db.close()
    run = run_cli(capsys, demo_book, "export", "--out", str(tmp_path / "all"))
    assert run.code == 0 and run.out.startswith(f"wrote {tmp_path / 'all'}: ")
    run = run_cli(capsys, demo_book, "export", "--out", str(tmp_path / "one"), "--client", "ARCHIMOREAU",
                  "--json")
    assert run.code == 0
    payload = run.json()
    assert set(payload) >= {"folder", "client", "tables", "documents"}
    assert payload["client"] == "ARCHIMOREAU" and payload["tables"]["clients"] == 1
    run = run_cli(capsys, demo_book, "export", "--out", str(tmp_path / "all"))
    assert run.code == 1 and "not empty" in run.err and "Traceback" not in run.err
