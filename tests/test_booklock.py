"""One lock for every writer (issue #11, point 3).

The window holds ``<book>.lock`` exclusively for its life (services/book/booklock.py; the window's
own side is in tests/ui/test_app.py). Here another *process* plays the window: a tiny Python
subprocess takes the exclusive lock through services.book.booklock and keeps it. Then every
command that writes is refused with "the book is open in Encaisse; close it first" and
changes nothing (the book's SHA-256, the store, the backups, the letters' folder), while the
commands that read still work. Two command-line writers share the lock; a restore, which
replaces the whole file, waits for them and then holds it alone; a killed holder leaves no
lock behind.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from services.book import backup, booklock
from services.core import clock, db, lookups
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from services.proof import documents
from tests.helpers_cli import ROOT, run_cli
from tests.helpers_cli import book_snapshot as snapshot
from tests.test_documents import make_pdf

TODAY = dt.date(2026, 3, 15)
REFUSED = "error: the book is open in Encaisse; close it first"

#: the holder: takes the lock (``exclusive`` or ``shared``), says so, keeps it until its
#: standard input closes (or it is killed)
HOLDER = """
import sys
from pathlib import Path
from services.book import booklock
lock = booklock.acquire(Path(sys.argv[1]), exclusive=sys.argv[2] == "exclusive")
print("held", flush=True)
sys.stdin.read()
lock.release()
"""


@contextmanager
def held(book: Path, mode: str = "exclusive") -> Iterator[subprocess.Popen[str]]:
    """Another process holding the book's lock while the block runs."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(book), mode],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    try:
        assert proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        if proc.poll() is None:
            proc.stdin.close()
        proc.wait(timeout=30)
        proc.stdout.close()


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Path]:
    """A closed book: a client, an overdue invoice (so a letter is due), a document, and a
    backup of it outside the book's folder (``good.zip``)."""
    clock.freeze(TODAY)
    path = tmp_path / "shop" / "book.db"
    path.parent.mkdir()
    db.open_database(path)
    try:
        client_service.create_client({"code": "ACME", "name": "Acme Menuiserie", "kind": "pro"})
        invoice_service.create_invoice(
            {
                "number": "F1",
                "client": "ACME",
                "issue_date": "2026-01-05",
                "due_date": "2026-02-04",
                "total": "1200.00",
            }
        )
        documents.attach_files(
            documents.Owner(client_id=lookups.client_id_for("ACME")),
            [make_pdf(tmp_path / "cgv.pdf")],
            documents.Meta("other"),
        )
        backup.create(tmp_path / "good.zip")
    finally:
        db.close()
    (tmp_path / "clients.csv").write_text("code,name\nBOUL,Boulangerie\n", encoding="utf-8")
    make_pdf(tmp_path / "contract.pdf", text="contract")
    yield path
    clock.freeze(None)
    db.close()


def writing_commands(tmp: Path) -> dict[str, list[str]]:
    return {
        "demo": ["demo", "--force"],
        "import": ["import", "clients", str(tmp / "clients.csv")],
        "attach": ["attach", "--client", "ACME", "--kind", "contract", str(tmp / "contract.pdf")],
        "promise": ["promise", "--invoice", "F1", "--amount", "100", "--date", "2026-03-30"],
        "dispute": ["dispute", "open", "--invoice", "F1", "--reason", "price"],
        "letters --record": ["letters", "--out", str(tmp / "letters"), "--record"],
        "backup (rotation)": ["backup"],
        "restore --yes": ["restore", str(tmp / "good.zip"), "--yes"],
    }


@pytest.mark.parametrize("name", list(writing_commands(Path())))
def test_a_writing_command_is_refused_while_a_window_holds_the_book(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    args = writing_commands(tmp_path)[name]
    # without the window, the command works (so the refusal below is the lock's doing)
    before = snapshot(book)
    with held(book):
        run = run_cli(capsys, book, *args)
        assert run.code == 1, run.out + run.err
        assert run.err_lines == [REFUSED]
        assert snapshot(book) == before
        assert not (tmp_path / "letters").exists()
    run = run_cli(capsys, book, *args)
    assert run.code == 0, run.err
    assert snapshot(book) != before


def test_reading_commands_work_while_a_window_holds_the_book(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with held(book):
        for args in (
            ["invoices", "--json"],
            ["clients"],
            ["check"],
            ["documents"],
            ["backups"],
            ["alerts"],
            ["actions"],
            ["penalties", "--invoice", "F1"],
            ["backup", "--out", str(tmp_path / "copy.zip")],
            ["import", "clients", str(tmp_path / "clients.csv"), "--dry-run"],
            ["letters", "--out", str(tmp_path / "draft")],
            ["export", "--out", str(tmp_path / "export")],
        ):
            run = run_cli(capsys, book, *args)
            assert run.code == 0, (args, run.err)
            assert REFUSED not in run.err
        run = run_cli(capsys, book, "restore", str(tmp_path / "good.zip"))  # shows, changes nothing
        assert run.code == 1 and "add --yes" in run.out and REFUSED not in run.err
    assert (tmp_path / "copy.zip").is_file() and backup.read(tmp_path / "copy.zip").counts[
        "invoices"
    ] == 1
    invoices = run_cli(capsys, book, "invoices", "--json").json()["invoices"]
    assert [i["number"] for i in invoices] == ["F1"]


def test_every_command_is_classified_as_reading_or_writing() -> None:
    """A new command must say whether it writes (else it is taken for a writer)."""
    import cli

    assert set(cli.COMMANDS) <= set(cli.WRITERS) | cli.READERS
    assert not set(cli.WRITERS) & cli.READERS


def test_two_command_line_writers_share_the_lock(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command writing (shared lock) does not keep another one out: they queue on
    SQLite's write lock, as before."""
    with held(book, "shared"):
        run = run_cli(
            capsys, book, "promise", "--invoice", "F1", "--amount", "100", "--date", "2026-03-30"
        )
        assert run.code == 0, run.err
    # and two real processes at once, each importing its own clients
    files = []
    for prefix in ("A", "B"):
        path = tmp_path / f"{prefix}.csv"
        path.write_text(
            "code,name\n" + "".join(f"{prefix}{i:04d},Client {i}\n" for i in range(600)),
            encoding="utf-8",
        )
        files.append(path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    procs = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--db", str(book), "import", "clients", str(f)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    codes = {c["code"] for c in run_cli(capsys, book, "clients", "--json").json()["clients"]}
    assert {f"A{i:04d}" for i in range(600)} | {f"B{i:04d}" for i in range(600)} <= codes


def test_a_restore_waits_for_a_running_command_then_holds_the_book_alone(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with held(book, "shared") as holder:
        assert holder.stdin is not None
        finisher = threading.Timer(1.0, holder.stdin.close)  # the command ends after a second
        finisher.start()
        run = run_cli(capsys, book, "restore", str(tmp_path / "good.zip"), "--yes")
        finisher.join()
    assert run.code == 0 and "restored" in run.out, run.err
    monkeypatch.setattr(booklock, "WAIT_SECONDS", 0.3)
    with held(book, "shared"):  # a command that does not end in time: busy, nothing replaced
        before = snapshot(book)
        run = run_cli(capsys, book, "restore", str(tmp_path / "good.zip"), "--yes")
        assert run.code == 1
        assert run.err_lines == [
            "error: the book is busy: a command is changing it; try again in a moment"
        ]
        assert snapshot(book) == before


@pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="SIGKILL does not exist on this system (Windows)"
)
def test_a_crashed_holder_leaves_no_lock(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with held(book) as holder:
        assert run_cli(capsys, book, "dispute", "open", "--invoice", "F1").err_lines == [REFUSED]
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        run = run_cli(capsys, book, "dispute", "open", "--invoice", "F1")
        assert run.code == 0, run.err
    assert booklock.lock_path(book).exists()  # the file stays; the lock went with the process


def test_the_lock_file_is_the_owners_only(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.name != "posix":
        pytest.skip("file modes are a Unix matter")
    lock = booklock.lock_path(book)
    lock.write_text("12345\nEncaisse\nhost\n")  # what an older version's QLockFile left
    lock.chmod(0o644)
    assert run_cli(capsys, book, "dispute", "open", "--invoice", "F1").code == 0
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600


def test_books_that_are_not_files_have_no_lock(tmp_path: Path) -> None:
    assert booklock.acquire(None, exclusive=True) is None
    assert booklock.for_command(db.sqlite_path("sqlite://")) is None  # :memory:
    assert db.sqlite_path("postgresql+psycopg://u@localhost/encaisse") is None


def test_shared_and_exclusive_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules themselves: shared + shared pass; exclusive keeps everyone out and is told
    apart from commands (a window's lock is never waited for)."""
    book = tmp_path / "book.db"
    first = booklock.acquire(book, exclusive=False)
    second = booklock.acquire(book, exclusive=False)
    assert first is not None and second is not None
    with pytest.raises(booklock.Held) as caught:
        booklock.acquire(book, exclusive=True, wait=0.2)
    assert caught.value.by_window is False  # only commands: "busy"
    first.release()
    second.release()
    window = booklock.acquire(book, exclusive=True)
    assert window is not None
    waits: list[float] = []
    real_sleep = time.sleep
    monkeypatch.setattr(booklock.time, "sleep", lambda s: waits.append(s) or real_sleep(s))
    for exclusive in (False, True):
        with pytest.raises(booklock.Held) as caught:
            booklock.acquire(book, exclusive=exclusive, wait=5)
        assert caught.value.by_window is True
    assert waits == []  # refused at the first try: a window's lock is never waited for
    window.release()
    blocker = booklock.acquire(book, exclusive=False)  # a command's lock is waited for
    with pytest.raises(booklock.Held):
        booklock.acquire(book, exclusive=True, wait=0.1)
    assert waits  # (the count above is not blind to waiting)
    blocker.release()  # type: ignore[union-attr]
    monkeypatch.undo()
    with booklock.acquire(book, exclusive=True) as again:  # type: ignore[union-attr]
        assert again.held
    assert not again.held
