"""Backups (issue #6): a round trip of the demo book with its documents, a damaged or
newer backup refused before anything changes, and the rotation over a simulated year."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from pathlib import Path

import pytest

from services.book import backup
from services.core import clock, db, lookups, settings
from services.core.errors import UserError
from services.proof import documents
from tests.book_template import demo_copy


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'invoices_search%'"
            )
        ]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()  # `with` only commits: an open connection would hold the book


def store_bytes(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (root / "objects").glob("*/*")}


@pytest.fixture
def demo_book(tmp_path: Path):  # type: ignore[no-untyped-def]
    clock.freeze(dt.date(2026, 3, 15))
    db.open_database(demo_copy(tmp_path / "book.db", dt.date(2026, 3, 15)))  # built once
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


def test_a_damaged_backup_is_refused_before_anything_changes(
    demo_book: Path, tmp_path: Path
) -> None:
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
        from services.ledger import clients

        clients.create_client({"code": "A", "name": "A"})
        [row] = documents.attach_files(
            documents.Owner(client_id=lookups.client_id_for("A")),
            [make_pdf(tmp_path / "x.pdf")],
            documents.Meta("other"),
        )
        root = documents.store_root()
        assert stat.S_IMODE(root.stat().st_mode) == 0o700
        assert stat.S_IMODE(documents.document_path(row.id).stat().st_mode) == 0o400
        info = backup.create()
        assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(info.path.parent.stat().st_mode) == 0o700
    finally:
        db.close()


def test_two_books_share_a_backup_folder_without_touching_each_other(tmp_path: Path) -> None:
    shared = tmp_path / "usb"
    clock.freeze(dt.date(2026, 1, 1))
    try:
        for name in ("shop.db", "workshop.db"):
            db.open_database(tmp_path / name)
            settings.save({"backup_folder": str(shared)})
            for n in range(40):  # 40 days of backups: rotation deletes some of each book's
                clock.freeze(dt.date(2026, 1, 1) + dt.timedelta(days=n))
                backup.rotate(backup.create().path.parent)
            db.close()
        db.open_database(tmp_path / "shop.db")
        shop = backup.list_backups()
        assert shop and all(b.path.name.startswith("shop-") for b in shop)
        db.close()
        db.open_database(tmp_path / "workshop.db")
        assert len(backup.list_backups()) == len(shop)  # the shop's rotation left these alone
    finally:
        clock.freeze(None)
        db.close()


def test_a_backup_folder_that_cannot_take_files_is_refused(tmp_path: Path) -> None:
    db.open_database(tmp_path / "book.db")
    try:
        blocker = tmp_path / "a file"
        blocker.write_text("x")
        with pytest.raises(UserError) as caught:
            settings.save({"backup_folder": str(blocker / "backups")})
        assert caught.value.render().startswith("Backup folder:")
        assert settings.read().backup_folder == ""
        settings.save({"backup_folder": str(tmp_path / "new folder")})  # created when missing
        assert backup.folder() == (tmp_path / "new folder").resolve()
        settings.save({"backup_folder": ""})
        assert backup.folder() == tmp_path / "backups"
    finally:
        db.close()


def test_an_altered_document_is_backed_up_as_it_is_but_never_restored(
    demo_book: Path, tmp_path: Path
) -> None:
    store = documents.the_store()
    sha = sorted(store.digests_on_disk())[0]
    victim = store.path_of(sha)
    victim.chmod(0o600)
    victim.write_bytes(b"scribbled over")
    info = backup.create()
    assert info.altered == (sha,)
    assert backup.read(info.path, check=True).altered == (sha,)  # the backup itself is sound
    db.close()
    other = tmp_path / "elsewhere" / "book.db"
    other.parent.mkdir()
    db.open_database(other)
    backup.restore(info.path)
    assert (
        documents.the_store().verify(sha) == "missing"
    )  # not installed as if it were the original
    report = documents.check_documents(record=False)
    assert [p.sha256 for p in report.problems if p.kind == "missing"] == [sha]


def test_rotation_deletes_nothing_while_the_newest_backup_is_damaged(demo_book: Path) -> None:
    for n in range(10):
        clock.freeze(dt.date(2026, 3, 15) + dt.timedelta(days=n))
        made = backup.create()
    with open(made.path, "r+b") as fh:
        fh.seek(made.path.stat().st_size // 2)
        fh.write(b"\xff" * 32)
    assert backup.rotate() == []
    assert len(backup.list_backups()) == 10


def test_a_damaged_book_is_replaced_by_the_latest_good_backup(
    demo_book: Path, tmp_path: Path
) -> None:
    good = backup.create()
    rows = table_rows(demo_book)
    clock.freeze(dt.date(2026, 3, 16))
    bad = backup.create()
    with open(bad.path, "r+b") as fh:  # the newest backup is damaged as well
        fh.seek(bad.path.stat().st_size // 3)
        fh.write(b"\x00" * 64)
    db.close()
    assert backup.quick_check(demo_book) == []
    con = sqlite3.connect(demo_book)  # fold the write-ahead log in: the damage lands on real pages
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    size = demo_book.stat().st_size
    with open(demo_book, "r+b") as fh:  # past the header, across the pages
        for offset in range(8192, size, 3 * 4096):
            fh.seek(offset + 100)
            fh.write(b"\xa5" * 200)
    assert backup.quick_check(demo_book) != []
    found = backup.latest_good(demo_book)
    assert found is not None and found.path == good.path
    aside = backup.recover(demo_book, found.path)
    assert aside.exists() and aside.name.startswith("book.damaged-")
    assert backup.quick_check(demo_book) == []
    assert table_rows(demo_book) == rows


def test_the_quick_check_of_a_missing_or_foreign_file(tmp_path: Path) -> None:
    assert backup.quick_check(tmp_path / "none.db") == []
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 200)
    assert backup.quick_check(junk) == ["file is not a database"]


def test_backup_commands(
    demo_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers_cli import run_cli

    db.close()
    run = run_cli(capsys, demo_book, "backup")
    assert run.code == 0 and run.out.startswith("wrote ") and " MB" in run.out
    run = run_cli(capsys, demo_book, "backups", "--json")
    [item] = run.json()["backups"]
    assert set(item) >= {"file", "created_at", "app_version", "schema", "counts", "documents"}
    assert item["counts"]["invoices"] > 300
    run = run_cli(capsys, demo_book, "restore", item["file"])
    assert run.code == 1 and "add --yes" in run.out
    run = run_cli(capsys, demo_book, "restore", item["file"], "--yes")
    assert run.code == 0 and "restored" in run.out
    run = run_cli(capsys, demo_book, "restore", str(tmp_path / "nothing.zip"), "--yes")
    assert run.code == 1 and "nothing.zip does not exist" in run.err and "Traceback" not in run.err


def test_a_flipped_byte_anywhere_is_refused_with_a_message_or_harmless(tmp_path: Path) -> None:
    """Whatever byte of a backup goes bad, reading it gives a plain refusal (never a crash),
    or — when the byte was outside every member's data — the very same content."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from services.ledger import clients

    db.open_database(tmp_path / "book.db")
    try:
        clients.create_client(
            {"code": "ACME", "name": "Acme Menuiserie", "address": "3 rue des Lilas"}
        )
        info = backup.create()
    finally:
        db.close()
    original = info.path.read_bytes()
    with zipfile.ZipFile(info.path) as zf:
        content = {name: zf.read(name) for name in zf.namelist()}

    @settings(
        max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(st.integers(0, len(original) - 1), st.integers(1, 255))
    def flip(position: int, mask: int) -> None:
        damaged = tmp_path / "damaged.zip"
        data = bytearray(original)
        data[position] ^= mask
        damaged.write_bytes(bytes(data))
        try:
            backup.read(damaged, check=True)
        except UserError as exc:
            assert "damaged.zip" in exc.render()
            return
        with zipfile.ZipFile(damaged) as zf:
            assert {name: zf.read(name) for name in zf.namelist()} == content

    flip()


def test_the_command_line_brings_a_damaged_book_back(
    demo_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers_cli import run_cli

    good = backup.create()
    rows = table_rows(demo_book)
    db.close()
    demo_book.write_bytes(b"\x00" * 100 + demo_book.read_bytes()[100:])  # the header is gone
    run = run_cli(capsys, demo_book, "clients")
    assert run.code == 1 and "is not an Encaisse database or is damaged" in run.err
    assert "restore FILE --yes" in run.err
    run = run_cli(capsys, demo_book, "backups", "--json")
    assert run.code == 0 and "is damaged" in run.err
    assert [b["file"] for b in run.json()["backups"]] == [str(good.path)]
    run = run_cli(capsys, demo_book, "restore", str(good.path))
    assert run.code == 1 and "is damaged" in run.out
    run = run_cli(capsys, demo_book, "restore", str(good.path), "--yes")
    assert run.code == 0 and "the damaged book is kept as" in run.out
    assert table_rows(demo_book) == rows
    assert run_cli(capsys, demo_book, "check").code == 0


def test_two_backups_in_the_same_second_keep_their_order(tmp_path: Path) -> None:
    # issue #12: a frozen date is a fixed instant (12:00:00 local), not the wall clock's
    # time of day, so both backups fall in the same second however slow the machine is
    clock.freeze(dt.date(2026, 5, 4))
    db.open_database(tmp_path / "book.db")
    try:
        first = backup.create()
        second = backup.create()
        assert first.path.name == "book-20260504-120000.zip"
        assert second.path.name == "book-20260504-120000-2.zip"
        assert [b.path for b in backup.list_backups()] == [first.path, second.path]
        backup.rotate()  # the newest of the day is the one kept
        assert [b.path for b in backup.list_backups()] == [second.path]
    finally:
        clock.freeze(None)
        db.close()


def test_leftovers_of_a_killed_backup_are_cleared_but_nothing_else(tmp_path: Path) -> None:
    import os

    clock.freeze(dt.date(2026, 5, 4))
    db.open_database(tmp_path / "book.db")
    try:
        where = backup.folder()
        where.mkdir()
        old = clock.now().timestamp() - 2 * 86_400
        stale_dir = where / ".encaisse-backup-abc"
        stale_dir.mkdir()
        (stale_dir / "book.db").write_bytes(b"half a copy")
        stale_zip = where / "book-20260502-101010.zip.part"
        foreign = where / "film.zip.part"  # another program's download: never ours to delete
        for path in (stale_zip, foreign):
            path.write_bytes(b"partial")
        for path in (stale_dir, stale_zip, foreign):
            os.utime(path, (old, old))
        running = where / ".encaisse-backup-now"  # a backup another window is writing
        running.mkdir()
        backup.create()
        assert not stale_dir.exists() and not stale_zip.exists()
        assert foreign.exists() and running.exists()
    finally:
        clock.freeze(None)
        db.close()
