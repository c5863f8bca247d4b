"""Start-up guards: one window per book (the book's lock, services/book/booklock.py, issue #11), a
lock file left behind is harmless, a command writing makes the window wait then say busy;
upgrade with backup."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from services.book import booklock
from services.core import db
from services.core.errors import KnownError
from tests.helpers_cli import ROOT, first_schema_book
from ui.app import acquire_lock, make_application, open_book

pytestmark = pytest.mark.gui

#: another process holding the book's lock (``exclusive`` = a window, ``shared`` = a
#: command writing) until its standard input closes or it is killed
HOLDER = """
import sys
from pathlib import Path
from services.book import booklock
lock = booklock.acquire(Path(sys.argv[1]), exclusive=sys.argv[2] == "exclusive")
print("held", flush=True)
sys.stdin.read()
"""


def hold(book: Path, mode: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(book), mode],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def let_go(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None and proc.stdout is not None
    if proc.poll() is None:
        proc.stdin.close()
    proc.wait(timeout=30)
    proc.stdout.close()


def test_a_second_window_on_the_same_book_is_refused(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = str(tmp_path / "book.db")
    first = acquire_lock(book)
    assert first is not None
    try:
        with pytest.raises(KnownError) as caught:
            acquire_lock(book)
        assert "already open in another Encaisse window" in caught.value.render()
    finally:
        first.release()
    again = acquire_lock(book)  # released: free again
    assert again is not None
    again.release()


def test_a_window_in_another_process_keeps_the_book(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = tmp_path / "book.db"
    other = hold(book, "exclusive")
    try:
        with pytest.raises(KnownError) as caught:
            acquire_lock(str(book))
        assert "already open in another Encaisse window" in caught.value.render()
    finally:
        let_go(other)


def test_a_lock_file_left_behind_is_harmless(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The lock is the system's, held by an open file: a file left by an older version
    (Qt's QLockFile text, naming a process long gone) or by a crash means nothing."""
    book = tmp_path / "book.db"
    lock_path = booklock.lock_path(book)
    lock_path.write_text(f"{2**22 + 7}\nEncaisse\nsomehost\n")
    lock = acquire_lock(str(book))
    assert lock is not None and lock.held
    lock.release()


@pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="SIGKILL does not exist on this system (Windows)"
)
def test_the_lock_of_a_killed_window_is_released(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = tmp_path / "book.db"
    crashed = hold(book, "exclusive")
    os.kill(crashed.pid, signal.SIGKILL)  # a crash: nobody releases anything
    let_go(crashed)
    lock = acquire_lock(str(book))
    assert lock is not None and lock.held
    lock.release()


def test_a_window_waits_for_a_command_writing_then_says_busy(
    qapp, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    book = tmp_path / "book.db"
    monkeypatch.setattr(booklock, "WAIT_SECONDS", 0.3)
    command_writing = hold(book, "shared")
    try:
        with pytest.raises(KnownError) as caught:
            acquire_lock(str(book))
        assert (
            caught.value.render()
            == "the book is busy: a command is changing it; try again in a moment"
        )
    finally:
        let_go(command_writing)
    lock = acquire_lock(str(book))  # the command ended: the window gets the book
    assert lock is not None
    lock.release()


def test_a_book_that_is_not_a_file_has_no_lock(qapp) -> None:  # type: ignore[no-untyped-def]
    assert acquire_lock("sqlite://") is None
    assert acquire_lock("postgresql+psycopg://encaisse@localhost/encaisse") is None


def test_an_older_book_is_backed_up_then_upgraded(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_application([])
    book = tmp_path / "old.db"
    first_schema_book(book)
    # Pretend the book is one migration behind the code by rewinding its stamp only
    # when there is more than one migration; with a single one the book is current.
    head = db.Database(db.database_url(book)).head_revision()
    try:
        open_book(str(book))
        assert db.current().current_revision() == head
        with sqlite3.connect(book) as conn:
            assert conn.execute("SELECT name FROM clients WHERE code='OLD'").fetchone() == (
                "Ancien client",
            )
        # the copy opening took before the upgrade is a complete, consistent old book beside it
        [saved] = book.parent.glob("old.before-upgrade-0001-*.db")
        with sqlite3.connect(saved) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
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


def test_a_bug_goes_to_the_log_and_a_crash_dialog_not_to_the_user(
    qtbot, monkeypatch, caplog
) -> None:  # type: ignore[no-untyped-def]
    from ui import errors

    shown: list[str] = []
    monkeypatch.setattr(
        errors.CrashDialog, "exec", lambda self: shown.append(self.details.toPlainText())
    )
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
