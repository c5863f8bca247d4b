"""A read-only book and a full disk (issue #6, points 4 and 7).

Point 7: "If the database's folder is read-only or the disk is full, the application says so
in plain words and changes nothing (no half-written data, no crash dialog with a traceback)."

The tests run as root in CI, and root ignores file modes, so the read-only book is made in
ways that bind root too, each skipped with its reason where the system refuses it:

* SQLite's own read-only open (a ``sqlite:///file:…?mode=ro&uri=true`` URL): works for
  anyone, everywhere; used by the service, command-line and window tests;
* file modes (the book ``0400``, or its folder ``0555``), the command run without the
  capabilities that let root override them (``setpriv --bounding-set=-dac_override…``) when
  the tests run as root;
* a read-only mount of the folder (a tmpfs remounted ``ro``) and the immutable attribute
  (``chattr +i``), where the tests may mount or set it.

The full disk is SQLite's ``PRAGMA max_page_count`` on every connection of the open book
(the same SQLITE_FULL "database or disk is full" as a real full disk), and, where mounting
is allowed, a real tiny tmpfs. A backup into a full folder is an ``ENOSPC`` raised while the
zip is being written, and again a tiny tmpfs where possible.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import event

from services.book import backup
from services.core import db
from services.core.db import MSG_DISK_FULL, MSG_READ_ONLY
from services.core.errors import KnownError, UserError
from services.ledger import clients, imports
from tests.helpers_cli import ROOT, frozen_book_path, open_book
from ui import errors as crash_errors
from ui import i18n
from ui.dialogs.client_dialog import ClientDialog
from ui.dialogs.import_dialog import ImportDialog

# The plain words, without their {path}: what every failure below must say.
READ_ONLY_WORDS = MSG_READ_ONLY.split("{path} ")[1].split(":")[0]  # "is read-only"
DISK_FULL_TEXT = MSG_DISK_FULL  # no parameter
INVOICE_ROWS = 2000
CLIENT_CODES = ("ACME", "BOUL", "CITY", "DUPO", "EMIL")
IS_ROOT = os.name == "posix" and os.geteuid() == 0
#: root without the capabilities that override file modes and ownership
WITHOUT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


# -- books -----------------------------------------------------------------------------------
def _invoices_csv(path: Path, prefix: str, rows: int = INVOICE_ROWS) -> Path:
    lines = ["number,client,issue_date,total"]
    lines += [
        f"{prefix}-{i:05d},{CLIENT_CODES[i % len(CLIENT_CODES)]},2026-02-{1 + i % 28:02d},"
        f"{100 + i % 97}.{i % 100:02d}"
        for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _clients_csv(path: Path, *codes: str) -> Path:
    path.write_text("code,name\n" + "".join(f"{c},Client {c}\n" for c in codes), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A book with a few clients and INVOICE_ROWS invoices, built once for the module."""
    folder = tmp_path_factory.mktemp("template")
    for path in frozen_book_path(folder):
        with open_book(path):
            assert not imports.import_file(
                "clients", _clients_csv(folder / "c.csv", *CLIENT_CODES)
            ).errors
            assert not imports.import_file(
                "invoices", _invoices_csv(folder / "i.csv", "OLD")
            ).errors
    assert not Path(f"{path}-wal").exists()  # closed: everything is in the main file
    return path


@pytest.fixture
def book(tmp_path: Path, template: Path) -> Iterator[Path]:
    """A copy of the template in its own folder; the clock frozen; the book closed after."""
    folder = tmp_path / "books"
    folder.mkdir()
    for path in frozen_book_path(folder):
        shutil.copyfile(template, path)
        yield path


def content(book: Path) -> dict[str, str]:
    """Every table's rows, as a fingerprint per table (read with sqlite3, not the app)."""
    con = sqlite3.connect(book)
    try:
        tables = [
            name
            for name, sql in con.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if not (sql or "").upper().startswith("CREATE VIRTUAL")
        ]
        return {
            t: hashlib.sha256(
                repr(sorted(map(repr, con.execute(f'SELECT * FROM "{t}"')))).encode()
            ).hexdigest()
            for t in tables
        }
    finally:
        con.close()


def integrity(book: Path) -> list[str]:
    con = sqlite3.connect(book)
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
        rows += [f"foreign key {r}" for r in con.execute("PRAGMA foreign_key_check")]
    finally:
        con.close()
    return [r for r in rows if r != "ok"]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count_invoices(book: Path, prefix: str) -> int:
    con = sqlite3.connect(book)
    try:
        return int(
            con.execute(
                "SELECT count(*) FROM invoices WHERE number LIKE ?", (f"{prefix}-%",)
            ).fetchone()[0]
        )
    finally:
        con.close()


def read_only_url(book: Path) -> str:
    return f"sqlite:///file:{book.as_posix()}?mode=ro&uri=true"


def run_main(
    *args: str,
    cwd: Path,
    prefix: list[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS…`` as a user runs it (offscreen), from ``cwd``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ENCAISSE_DB", None)
    return subprocess.run(
        [*(prefix or []), sys.executable, str(ROOT / "main.py"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_plain_error(run: subprocess.CompletedProcess[str], words: str) -> None:
    """Exit 1, one ``error: …`` line saying ``words``, no traceback."""
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert run.returncode == 1, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr and "unexpected problem" not in run.stderr, run.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
    assert words in lines[0], lines[0]


# -- ways of making things read-only, or full ---------------------------------------------------
def _one_line(text: str) -> str:
    return " ".join(text.split())


def _mount_tmpfs(where: Path, size_kib: int) -> str | None:
    """Mount a tmpfs of ``size_kib`` at ``where``; None, or why it cannot be done here."""
    if not IS_ROOT or shutil.which("mount") is None:
        return "mounting a tmpfs needs root and mount(8)"
    where.mkdir(exist_ok=True)
    run = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        return f"cannot mount a tmpfs here ({_one_line(run.stderr) or run.returncode})"
    return None


def _umount(where: Path) -> None:
    if subprocess.run(["umount", str(where)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.fixture
def mounts() -> Iterator[list[Path]]:
    """Mount points to unmount after the test, whatever happened."""
    points: list[Path] = []
    yield points
    for where in reversed(points):
        _umount(where)


def _without_override_works() -> str | None:
    """None when a command can be run bound by file modes, else why not."""
    if not IS_ROOT:
        return None  # an ordinary user is bound by them already
    if shutil.which("setpriv") is None:
        return "setpriv(1) is missing: root cannot be made to obey file modes"
    run = subprocess.run([*WITHOUT_OVERRIDE, "true"], capture_output=True, text=True)
    if run.returncode != 0:
        return f"setpriv cannot drop the capabilities here ({_one_line(run.stderr)})"
    return None


def _chattr(path: Path, flag: str) -> str | None:
    if shutil.which("chattr") is None:
        return "chattr(1) is missing"
    run = subprocess.run(["chattr", flag, str(path)], capture_output=True, text=True)
    if run.returncode != 0:
        return f"the immutable attribute cannot be set here ({_one_line(run.stderr)})"
    return None


WAYS = [
    ("file", "permissions"),  # the book 0400
    ("file", "immutable"),
    ("folder", "permissions"),  # the folder 0555
    ("folder", "read-only mount"),
    ("folder", "immutable"),
]


@dataclass(frozen=True)
class ReadOnlyBook:
    path: Path
    where: str  # "file" or "folder"
    how: str  # "permissions", "immutable" or "read-only mount"
    #: what runs the application bound by file modes (setpriv for root), else []
    prefix: list[str]


@pytest.fixture
def read_only_book(
    request: pytest.FixtureRequest, book: Path, tmp_path: Path, mounts: list[Path]
) -> Iterator[ReadOnlyBook]:
    """The book, its file or its folder made read-only the way ``request.param`` says; made
    writable again after the test."""
    where, how = request.param
    if os.name != "posix":
        pytest.skip("file modes, mounts and chattr: POSIX only (the URI variants run here)")
    undo: list[Callable[[], object]] = []
    prefix: list[str] = []
    target = book
    if how == "permissions":
        reason = _without_override_works()
        if reason:
            pytest.skip(reason)
        prefix = WITHOUT_OVERRIDE if IS_ROOT else []
        path = book if where == "file" else book.parent
        mode = path.stat().st_mode & 0o7777
        path.chmod(0o400 if where == "file" else 0o555)
        undo.append(lambda: path.chmod(mode))
    elif how == "immutable":
        path = book if where == "file" else book.parent
        reason = _chattr(path, "+i")
        if reason:
            pytest.skip(reason)
        undo.append(lambda: _chattr(path, "-i"))
    else:  # read-only mount: the book copied into a tmpfs, then remounted read-only
        point = tmp_path / "mnt"
        reason = _mount_tmpfs(point, 64 * 1024)
        if reason:
            pytest.skip(reason)
        mounts.append(point)
        target = point / book.name
        shutil.copyfile(book, target)
        run = subprocess.run(
            ["mount", "-o", "remount,ro", str(point)], capture_output=True, text=True
        )
        if run.returncode != 0:
            pytest.skip(f"cannot remount the tmpfs read-only ({_one_line(run.stderr)})")
    try:
        yield ReadOnlyBook(target, where, how, prefix)
    finally:
        for step in reversed(undo):
            step()


def _param(where: str, how: str) -> Any:
    return pytest.param((where, how), id=f"{where}-{how.replace(' ', '-')}")


@contextmanager
def disk_full_after(extra_pages: int) -> Iterator[int]:
    """The open book's "disk" takes only ``extra_pages`` more pages: SQLite's max_page_count
    on every connection, so a write beyond fails with SQLITE_FULL ("database or disk is
    full"), as on a full disk. Yields the limit; lifted after."""
    engine = db.current().engine
    with engine.connect() as conn:
        limit = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0) + extra_pages

    def cap(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA max_page_count = {limit}")
        cursor.close()

    event.listen(engine, "connect", cap)
    engine.dispose()  # the pooled connections are made again, with the cap
    try:
        yield limit
    finally:
        event.remove(engine, "connect", cap)
        engine.dispose()


# -- read-only: SQLite's read-only open (works for anyone, everywhere) --------------------------
def test_a_read_only_book_refuses_every_save_in_plain_words(
    book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #6, point 7: saving into a read-only book raises a KnownError that says so (no
    database exception), reading still works, and the book's bytes do not change."""
    before = file_digest(book)
    db.open_database(read_only_url(book))
    assert clients.get_client_by_code("ACME").name == "Client ACME"  # reading works
    with pytest.raises(KnownError) as created:
        clients.create_client({"code": "NEW", "name": "Nouveau client"})
    with pytest.raises(KnownError) as imported:
        imports.import_file("invoices", _invoices_csv(tmp_path / "new.csv", "NEW"))
    db.close()
    for error in (created.value, imported.value):
        assert error.message == MSG_READ_ONLY
        assert READ_ONLY_WORDS in str(error) and str(book) in str(error), str(error)
    assert file_digest(book) == before
    assert count_invoices(book, "NEW") == 0


def test_a_read_only_book_on_the_command_line(book: Path, tmp_path: Path) -> None:
    """Issue #6, point 7: ``main.py --db URL import …`` on a read-only book prints one plain
    ``error:`` line, exits 1, shows no traceback and changes nothing."""
    before = file_digest(book)
    csv = _invoices_csv(tmp_path / "new.csv", "NEW")
    run = run_main("--db", read_only_url(book), "import", "invoices", str(csv), cwd=tmp_path)
    assert_one_plain_error(run, READ_ONLY_WORDS)
    assert "nothing can be saved" in run.stderr
    assert file_digest(book) == before
    listing = run_main("--db", read_only_url(book), "clients", cwd=tmp_path)
    assert listing.returncode == 0 and "ACME" in listing.stdout, listing.stderr


# -- read-only: file modes, a read-only mount, the immutable attribute ---------------------------
@pytest.mark.parametrize("read_only_book", [_param(*w) for w in WAYS], indirect=True)
def test_a_read_only_book_or_folder_fails_cleanly_and_changes_nothing(
    read_only_book: ReadOnlyBook, tmp_path: Path
) -> None:
    """Issue #6, point 7: an import into a book whose file or folder is read-only stops with
    one plain error line (exit 1, no traceback) and leaves the book's bytes and its folder
    exactly as they were."""
    ro = read_only_book
    before = file_digest(ro.path)
    listing = {p.name for p in ro.path.parent.iterdir()}
    csv = _clients_csv(tmp_path / "c.csv", "NEW1", "NEW2")
    run = run_main(
        "--db", str(ro.path), "import", "clients", str(csv), cwd=tmp_path, prefix=ro.prefix
    )
    assert_one_plain_error(run, f"error: The database {ro.path} ")
    assert file_digest(ro.path) == before
    added = {p.name for p in ro.path.parent.iterdir()} - listing
    if ro.where == "folder":
        assert added == set()
    else:  # the folder is writable: SQLite may open its WAL beside the book, nothing else
        assert added <= {f"{ro.path.name}-wal", f"{ro.path.name}-shm"}


@pytest.mark.parametrize(
    "read_only_book",
    [
        _param("file", "permissions"),
        _param("file", "immutable"),
        _param("folder", "permissions"),
        _param("folder", "read-only mount"),
        _param("folder", "immutable"),
    ],
    indirect=True,
)
def test_a_read_only_book_or_folder_is_called_read_only(
    read_only_book: ReadOnlyBook, tmp_path: Path
) -> None:
    """Issue #6, point 7: the error says the book is read-only ("Check the folder's
    permissions"), not that it is damaged or cannot be opened."""
    ro = read_only_book
    csv = _clients_csv(tmp_path / "c.csv", "NEW1")
    run = run_main(
        "--db", str(ro.path), "import", "clients", str(csv), cwd=tmp_path, prefix=ro.prefix
    )
    assert_one_plain_error(run, READ_ONLY_WORDS)
    assert "Check the folder's permissions" in run.stderr


@pytest.mark.skipif(os.name != "posix", reason="file modes: POSIX only")
def test_opening_a_read_only_book_file_keeps_it_read_only(book: Path) -> None:
    """Issue #6, point 7: ``chmod a-w`` on the book (0444) is the user's way of making it
    read-only; opening the book must not give it its write permission back."""
    book.chmod(0o444)
    try:
        with open_book(book):
            pass
        assert book.stat().st_mode & 0o222 == 0, oct(book.stat().st_mode)
    finally:
        book.chmod(0o600)


def test_a_sqlite_uri_creates_no_folder(
    book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ``sqlite:///file:PATH?mode=ro&uri=true`` URL (the README accepts SQLAlchemy URLs)
    opens PATH and creates nothing in the current folder."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    db.open_database(read_only_url(book))
    db.close()
    assert list(cwd.iterdir()) == []


# -- full disk -------------------------------------------------------------------------------------
def test_a_disk_full_in_the_middle_of_an_import_leaves_nothing_half_written(
    book: Path, tmp_path: Path
) -> None:
    """Issue #6, points 4 and 7: the disk fills up after part of a big import was written;
    the import fails with the plain disk-full message, the book is exactly as before and
    sound, and once space is freed the same import goes through whole."""
    before = content(book)
    csv = _invoices_csv(tmp_path / "big.csv", "NEW")
    inserted = 0

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal inserted
        inserted += statement.startswith("INSERT INTO invoices ")

    with open_book(book) as database:
        event.listen(database.engine, "before_cursor_execute", count)
        # about half of what the import needs (2000 invoices take ~300 pages)
        with disk_full_after(150), pytest.raises(KnownError) as full:
            imports.import_file("invoices", csv)
        assert full.value.message == MSG_DISK_FULL
        assert str(full.value) == DISK_FULL_TEXT
        assert INVOICE_ROWS // 5 < inserted < INVOICE_ROWS, inserted  # it failed mid-way
        assert db.integrity_problems() == []
    assert content(book) == before
    assert integrity(book) == []

    with open_book(book):  # space freed: try again
        result = imports.import_file("invoices", csv)
    assert (result.errors, result.imported) == ([], INVOICE_ROWS)
    assert count_invoices(book, "NEW") == INVOICE_ROWS


def test_a_disk_full_when_saving_a_client(book: Path) -> None:
    """Issue #6, point 7: one save (a client with long notes) on a full disk: KnownError with
    the plain message, and the client is not there."""
    before = content(book)
    notes = "Relevé d'échanges. " * 4000  # ~80 KB: overflow pages the disk has no room for
    with open_book(book), disk_full_after(0), pytest.raises(KnownError) as full:
        clients.create_client({"code": "NEW", "name": "Nouveau", "notes": notes})
    assert str(full.value) == DISK_FULL_TEXT
    assert content(book) == before


def test_a_really_full_disk_on_the_command_line(
    book: Path, tmp_path: Path, mounts: list[Path]
) -> None:
    """Issue #6, point 7, on a real full file system (a tmpfs barely larger than the book):
    the import stops with the plain disk-full line, exit 1, no traceback, nothing written."""
    size_kib = book.stat().st_size // 1024 + 160  # room for the -shm and a few WAL pages
    point = tmp_path / "tiny"
    reason = _mount_tmpfs(point, size_kib)
    if reason:
        pytest.skip(reason)
    mounts.append(point)
    target = point / book.name
    shutil.copyfile(book, target)
    before = content(book)
    csv = _invoices_csv(tmp_path / "big.csv", "NEW")
    run = run_main("--db", str(target), "import", "invoices", str(csv), cwd=tmp_path)
    assert_one_plain_error(run, DISK_FULL_TEXT)
    assert content(target) == before
    assert integrity(target) == []


# -- backups into a full folder -------------------------------------------------------------------
def test_a_backup_into_a_full_folder_fails_cleanly(
    book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #6, points 4 and 7: the disk fills up while the backup zip is being written: a
    UserError naming the folder and the reason, no partial (.part) file left, no backup,
    the book unchanged."""
    out = tmp_path / "usb" / "book-backup.zip"
    real_add = backup._add
    seen_partial: list[Path] = []

    def add_then_fill_the_disk(zf: Any, source: Path, name: str, on_bytes: Any) -> str:
        real_add(zf, source, name, on_bytes)
        partial = Path(zf.filename)
        assert partial.name.endswith(".part") and partial.exists()
        seen_partial.append(partial)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(partial))

    monkeypatch.setattr(backup, "_add", add_then_fill_the_disk)
    before = content(book)
    with open_book(book), pytest.raises(UserError) as failed:
        backup.create(out=out)
    assert seen_partial, "the zip was never written"
    assert str(failed.value).endswith(
        f"the backup cannot be written in {out.parent}: {os.strerror(errno.ENOSPC)}"
    )
    assert failed.value.message == backup.MSG_CANNOT_WRITE
    assert failed.value.params == {"folder": str(out.parent), "detail": os.strerror(errno.ENOSPC)}
    assert list(out.parent.iterdir()) == []  # neither the backup nor its .part
    assert content(book) == before


def test_a_backup_onto_a_really_full_disk(book: Path, tmp_path: Path, mounts: list[Path]) -> None:
    """The same on a real full file system (a 64 KiB tmpfs, smaller than the zip)."""
    point = tmp_path / "tiny"
    reason = _mount_tmpfs(point, 64)
    if reason:
        pytest.skip(reason)
    mounts.append(point)
    with open_book(book), pytest.raises(UserError) as failed:
        backup.create(out=point / "book-backup.zip")
    assert failed.value.message == backup.MSG_CANNOT_WRITE
    assert failed.value.params["detail"] == os.strerror(errno.ENOSPC)
    assert list(point.iterdir()) == []


# -- the window: plain words, no crash dialog ------------------------------------------------------
@contextmanager
def crash_handler(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The window's crash handler installed as ``run_gui`` does; yields the crash reports
    (what the crash dialog, replaced by a recorder, would have shown)."""
    shown: list[str] = []
    monkeypatch.setattr(
        crash_errors.CrashDialog, "exec", lambda self: shown.append(self.details.toPlainText()) or 0
    )
    handler = crash_errors.CrashHandler()
    handler.crashed.connect(shown.append)
    previous = sys.excepthook, threading.excepthook
    handler.install()
    try:
        yield shown
    finally:
        sys.excepthook, threading.excepthook = previous


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every QMessageBox.warning/critical/information shown: (kind, text)."""
    shown: list[tuple[str, str]] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            lambda *a, _k=kind, **_: shown.append((_k, str(a[2]))) or QMessageBox.StandardButton.Ok,
        )
    return shown


@pytest.fixture
def english(qapp: QApplication) -> None:
    i18n.install(qapp, "en")


def _save_client(qtbot: Any, dialog: ClientDialog, notes: str = "") -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["code"].setText("NEW")  # type: ignore[attr-defined]
    dialog.fields["name"].setText("Nouveau client")  # type: ignore[attr-defined]
    dialog.notes.setPlainText(notes)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.wait(20)  # let a queued crash report arrive, if any


@pytest.mark.gui
@pytest.mark.usefixtures("english")
def test_the_client_editor_says_the_disk_is_full(
    qtbot: Any, book: Path, monkeypatch: pytest.MonkeyPatch, message_boxes: list[tuple[str, str]]
) -> None:
    """Issue #6, point 7, in the window: saving a client on a full disk shows the plain
    message in the editor, which stays open with what was typed; no crash dialog, nothing
    saved."""
    before = content(book)
    with open_book(book), crash_handler(monkeypatch) as crashes, disk_full_after(0):
        dialog = ClientDialog()
        _save_client(qtbot, dialog, notes="Relevé d'échanges. " * 4000)
    assert crashes == []
    assert not any(kind == "critical" for kind, _ in message_boxes), message_boxes
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.banner.isVisible() and dialog.banner.text() == DISK_FULL_TEXT
    assert dialog.fields["name"].text() == "Nouveau client"  # type: ignore[attr-defined]
    assert content(book) == before


@pytest.mark.gui
@pytest.mark.usefixtures("english")
def test_the_client_editor_says_the_book_is_read_only(
    qtbot: Any,
    book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
) -> None:
    """Issue #6, point 7, in the window: saving into a read-only book says so plainly."""
    before = file_digest(book)
    db.open_database(read_only_url(book))
    with crash_handler(monkeypatch) as crashes:
        dialog = ClientDialog()
        _save_client(qtbot, dialog)
    db.close()
    assert crashes == []
    assert not any(kind == "critical" for kind, _ in message_boxes), message_boxes
    assert dialog.isVisible() and dialog.saved is None
    text = dialog.banner.text()
    assert READ_ONLY_WORDS in text and "nothing can be saved" in text, text
    assert "Traceback" not in text and "sqlite" not in text.lower(), text
    assert file_digest(book) == before


@pytest.mark.gui
@pytest.mark.usefixtures("english")
def test_the_import_dialog_says_the_disk_is_full(
    qtbot: Any,
    book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
) -> None:
    """Issue #6, points 4 and 7, in the window: an import that fills the disk half-way
    says so in the dialog, which stays open; the busy cursor is gone; nothing imported."""
    before = content(book)
    csv = _invoices_csv(tmp_path / "big.csv", "NEW")
    with open_book(book), crash_handler(monkeypatch) as crashes, disk_full_after(150):
        dialog = ImportDialog("invoices")
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.path.setText(str(csv))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.wait(20)
    assert crashes == []
    assert not any(kind == "critical" for kind, _ in message_boxes), message_boxes
    assert dialog.isVisible() and dialog.outcome is None
    assert dialog.summary.text() == DISK_FULL_TEXT
    assert QApplication.overrideCursor() is None
    assert content(book) == before
