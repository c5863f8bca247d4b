"""Backups (issue #6): a round trip of the demo book with its documents, a damaged or
newer backup refused before anything changes, and the rotation over a simulated year."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from pathlib import Path

import pytest

from services import backup, clock, db, demo, documents
from services.errors import UserError


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'invoices_search%'")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def store_bytes(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (root / "objects").glob("*/*")}


@pytest.fixture
def demo_book(tmp_path: Path):  # type: ignore[no-untyped-def]
    clock.freeze(dt.date(2026, 3, 15))
    db.open_database(tmp_path / "book.db")
    demo.fill_demo(dt.date(2026, 3, 15))
    yield tmp_path / "book.db"
    clock.freeze(None)
    db.close()


def test_round_trip_of_the_book_and_its_documents(demo_book: Path, tmp_path: Path) -> None:
    info = backup.create()
    assert info.documents > 100 and info.counts["invoices"] > 300
    rows = table_rows(demo_book)
    files = store_bytes(documents.store_root())
    db.close()
    # restore into an empty folder
    other = tmp_path / "elsewhere" / "book.db"
    other.parent.mkdir()
    db.open_database(other)
    assert documents.list_documents() == []
    backup.restore(info.path)
    assert table_rows(other) == rows
    assert store_bytes(documents.store_root()) == files
    assert documents.check_documents(record=False).ok


def test_a_damaged_backup_is_refused_before_anything_changes(demo_book: Path, tmp_path: Path) -> None:
    info = backup.create()
    damaged = tmp_path / "damaged.zip"
    damaged_member = ""
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("documents/") and not damaged_member:
                data = bytes([data[0] ^ 0xFF]) + data[1:]  # one flipped byte, in one member
                damaged_member = item.filename
            dst.writestr(item, data)
    before = table_rows(demo_book)
    with pytest.raises(UserError) as caught:
        backup.restore(damaged)
    assert damaged_member in caught.value.render()
    assert table_rows(demo_book) == before
    assert len(backup.list_backups()) == 1  # not even the safety backup was made


def test_a_backup_from_a_newer_version_is_refused(demo_book: Path, tmp_path: Path) -> None:
    import json

    info = backup.create()
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(newer, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["schema"] = "9999"
                data = json.dumps(manifest).encode()
            dst.writestr(item, data)
    with pytest.raises(UserError) as caught:
        backup.restore(newer)
    assert "newer version" in caught.value.render()


def test_rotation_over_a_simulated_year(tmp_path: Path) -> None:
    clock.freeze(dt.date(2026, 1, 1))
    db.open_database(tmp_path / "book.db")
    try:
        start = dt.date(2026, 1, 1)
        for n in range(365):
            clock.freeze(start + dt.timedelta(days=n))
            backup.create()
            backup.rotate()
        kept = [dt.datetime.fromisoformat(b.created_at).date() for b in backup.list_backups()]
        last = start + dt.timedelta(days=364)
        assert kept[-7:] == [last - dt.timedelta(days=d) for d in range(6, -1, -1)]  # 7 daily
        assert len(kept) <= 7 + 4 + 12 and len(kept) >= 12
        assert {(d.year, d.month) for d in kept} == {(2026, m) for m in range(1, 13)}  # 12 monthly
        weeks = {d.isocalendar()[:2] for d in kept}
        assert len(weeks) >= 4
    finally:
        clock.freeze(None)
        db.close()


def test_the_only_backup_is_never_deleted(tmp_path: Path) -> None:
    db.open_database(tmp_path / "book.db")
    try:
        info = backup.create()
        assert backup.rotate() == [] and info.path.exists()
    finally:
        db.close()


def test_the_book_and_the_store_are_readable_by_the_owner_only(tmp_path: Path) -> None:
    import os
    import stat

    from tests.test_documents import make_pdf

    if os.name != "posix":
        pytest.skip("file modes are a Unix matter")
    path = tmp_path / "book.db"
    path.touch(mode=0o644)
    path.chmod(0o644)
    db.open_database(path)
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        from services import clients
        clients.create_client({"code": "A", "name": "A"})
        [row] = documents.attach_files(documents.Owner(client_id=documents.client_id_for("A")),
                                       [make_pdf(tmp_path / "x.pdf")], documents.Meta("other"))
        root = documents.store_root()
        assert stat.S_IMODE(root.stat().st_mode) == 0o700
        assert stat.S_IMODE(documents.document_path(row.id).stat().st_mode) == 0o400
        info = backup.create()
        assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(info.path.parent.stat().st_mode) == 0o700
    finally:
        db.close()
