"""Backups from the window (issue #6): Back up now runs off the GUI thread while the window
keeps answering; a backup on quitting; the backup folder chosen in Settings; a restore
from the File menu; a damaged book at start offers the latest good backup."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from services.book import backup
from services.core import clock, db, settings
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from services.proof import documents
from ui import i18n
from ui.main_window import MainWindow

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Path]:
    QSettings().clear()
    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    clock.freeze(TODAY)
    path = tmp_path / "book.db"
    db.open_database(path)
    client_service.create_client({"code": "ACME", "name": "Acme", "kind": "pro"})
    invoice_service.create_invoice(
        {
            "number": "F1",
            "client": "ACME",
            "issue_date": "2026-01-05",
            "due_date": "2026-02-04",
            "total": "1200.00",
        }
    )
    yield path
    clock.freeze(None)
    db.close()


def add_second_invoice() -> None:
    """F2, made after the first backup: a restore must take it away again."""
    invoice_service.create_invoice(
        {
            "number": "F2",
            "client": "ACME",
            "issue_date": "2026-02-01",
            "due_date": "2026-03-01",
            "total": "80.00",
        }
    )


def invoice_numbers() -> list[str]:
    return [i.number for i in invoice_service.list_invoices(invoice_service.InvoiceQuery())]


def open_window(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(str(path))
    qtbot.addWidget(win)
    win.show()
    return win


def fill_store(megabytes: int) -> None:
    """Incompressible documents straight into the store (what a backup must copy)."""
    store = documents.the_store()
    tmp = documents.store_root().parent / "incoming"
    tmp.mkdir(exist_ok=True)
    for n in range(megabytes):
        source = tmp / f"scan-{n}.pdf"
        source.write_bytes(b"%PDF-1.4\n" + os.urandom(1024 * 1024))
        store.ingest(source, max_bytes=10 * 1024 * 1024)


def click_in_message_boxes(*buttons: str, seen: list[str] | None = None) -> None:
    """Click, in the message boxes that open one after the other, the buttons ``buttons``."""
    pending = list(buttons)
    handled: list[QMessageBox] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if (
            not isinstance(modal, QMessageBox)
            or any(modal is h for h in handled)
            or not modal.isVisible()
        ):
            QTimer.singleShot(20, poll)
            return
        handled.append(modal)
        if seen is not None:
            seen.append(modal.text())
        wanted = pending.pop(0)
        for button in modal.findChildren(QPushButton):
            if button.text().replace("&", "") == wanted:
                button.click()
                break
        else:
            modal.close()
            raise AssertionError(
                f"no button {wanted!r} in {[b.text() for b in modal.findChildren(QPushButton)]}"
            )
        if pending:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def test_back_up_now_runs_off_the_gui_thread_and_the_window_stays_responsive(
    qtbot, book: Path
) -> None:  # type: ignore[no-untyped-def]
    fill_store(4)  # the wait below makes the backup long enough, whatever its size
    win = open_window(qtbot, book)
    threads: list[int] = []
    real_create = backup.create

    ticks = [0]
    turned: list[bool] = []

    def create(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        # While the backup runs, the window's event loop keeps turning: here, on the backup's
        # side, wait for the window's timer to fire three more times. A backup run on the GUI
        # thread would block that timer, and the wait would end on its guard, not on ticks.
        start = ticks[0]
        guard = time.monotonic() + 30  # against a hang only: nothing is measured
        while ticks[0] < start + 3 and time.monotonic() < guard:
            time.sleep(0.005)
        turned.append(ticks[0] >= start + 3)
        return real_create(*args, **kwargs)

    def tick() -> None:
        ticks[0] += 1

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    backup.create = create  # type: ignore[assignment]
    try:
        with qtbot.waitSignal(win.backup_finished, timeout=60_000) as finished:
            timer.start()
            assert win.backup_now()
            assert win.backup_running() and win.backup_bar.isVisible()
        timer.stop()
    finally:
        backup.create = real_create  # type: ignore[assignment]
    assert finished.args[0] is not None
    assert threads and threads[0] != threading.get_ident()  # written by the worker thread
    assert turned == [True], "the event loop did not turn while the backup ran"
    [made] = backup.list_backups()
    assert made.documents == 4 and made.counts["invoices"] == 1
    assert not win.backup_bar.isVisible()
    assert "Backed up to" in win.statusBar().currentMessage()
    win.skip_backup_on_close = True


def test_a_backup_on_quitting_but_not_when_the_language_changes(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, book)
    win.skip_backup_on_close = True  # what run_gui sets on the window it replaces
    win.close()
    assert backup.list_backups() == []
    win = open_window(qtbot, book)
    win.close()  # quitting: a backup, behind a progress dialog
    [made] = backup.list_backups()
    assert made.counts["clients"] == 1
    assert QSettings().value("backup/last_day") == TODAY.isoformat()


def test_the_daily_backup_happens_once_a_day(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, book)
    with qtbot.waitSignal(win.backup_finished, timeout=20_000):
        win._daily_backup()
    win._daily_backup()  # the same day: nothing more
    assert not win.backup_running()
    clock.freeze(TODAY + dt.timedelta(days=1))
    with qtbot.waitSignal(win.backup_finished, timeout=20_000):
        win._daily_backup()
    assert len(backup.list_backups()) == 2
    win.skip_backup_on_close = True


def test_the_backup_folder_chosen_in_settings(
    qtbot, book: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.settings_dialog import SettingsDialog

    usb = tmp_path / "usb key"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    dialog = SettingsDialog(str(book))
    qtbot.addWidget(dialog)
    assert "No backup yet" in dialog.backup_status.text()
    assert str(book.parent / "backups") in dialog.backup_folder.placeholderText()
    [choose] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Choose…"]
    choose.click()
    assert dialog.backup_folder.text() == str(usb)
    dialog.accept()
    assert backup.folder() == usb.resolve()
    win = open_window(qtbot, book)
    with qtbot.waitSignal(win.backup_finished, timeout=20_000):
        win.backup_now()
    assert [b.path.parent for b in backup.list_backups()] == [usb.resolve()]
    assert str(usb.resolve()) in QSettings().value(
        "backup/folders"
    )  # found again if the book is damaged
    win.skip_backup_on_close = True


def test_an_unusable_backup_folder_is_refused_naming_the_field(
    qtbot, book: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.settings_dialog import SettingsDialog

    if os.geteuid() == 0:
        blocker = tmp_path / "a file"
        blocker.write_text("not a folder")
        bad = blocker / "backups"  # a folder cannot be made inside a file, even by root
    else:
        bad = tmp_path / "locked"
        bad.mkdir(mode=0o500)
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: seen.append(text))
    dialog = SettingsDialog(str(book))
    qtbot.addWidget(dialog)
    dialog.backup_folder.setText(str(bad))
    dialog.accept()
    assert seen and seen[0].startswith("Backup folder:") and str(bad) in seen[0]
    assert settings.read().backup_folder == ""  # nothing saved


def test_restore_from_the_file_menu(qtbot, book: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    info = backup.create()
    add_second_invoice()
    win = open_window(qtbot, book)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(info.path), ""))
    asked: list[str] = []

    def question(_parent, _title, text, *a, **k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    win.restore_backup()
    assert "1 invoice" in asked[0] and "1 client" in asked[0]
    assert invoice_numbers() == ["F1"]
    assert len(backup.list_backups()) == 2  # the book as it was (with F2) was kept first
    assert "restored" in win.statusBar().currentMessage()
    win.skip_backup_on_close = True


def test_a_damaged_book_at_start_offers_the_latest_good_backup(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.recovery import offer_restore

    older = backup.create()
    clock.freeze(TODAY + dt.timedelta(days=1))
    add_second_invoice()
    newer = backup.create()
    with open(newer.path, "r+b") as fh:  # the newest backup is damaged too: it must be passed over
        fh.seek(newer.path.stat().st_size // 3)
        fh.write(b"\x00" * 64)
    db.close()
    damage(book)
    problems = backup.quick_check(book)
    assert problems
    seen: list[str] = []
    click_in_message_boxes("Restore this backup", "OK", seen=seen)
    assert offer_restore(book, problems)
    assert "damaged" in seen[0] and "1 invoice" in seen[0]  # the older, sound backup is offered
    assert "kept as" in seen[1]
    assert backup.quick_check(book) == []
    db.open_database(book)
    assert invoice_numbers() == ["F1"]
    assert list(book.parent.glob("book.damaged-*.db")), "the damaged file is kept aside"
    assert older.path.exists() and newer.path.exists()


def test_a_damaged_book_without_any_backup_lets_the_owner_quit(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.recovery import offer_restore

    db.close()
    damage(book)
    before = book.read_bytes()
    seen: list[str] = []
    click_in_message_boxes("Quit", seen=seen)
    assert not offer_restore(book, backup.quick_check(book))
    assert "No good backup" in seen[0]
    assert book.read_bytes() == before  # nothing touched


def damage(book: Path) -> None:
    """Scribble over the middle of the file, past the header: the book still opens, but its
    pages no longer hold together. The write-ahead log is folded in first so the damage
    lands on real pages."""
    import sqlite3

    con = sqlite3.connect(book)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    size = book.stat().st_size
    with open(book, "r+b") as fh:
        for offset in range(4096 * 2, size, 4096 * 3):
            fh.seek(offset + 100)
            fh.write(os.urandom(200))


def test_the_quick_check_runs_while_the_window_loads(book: Path) -> None:
    from ui.app import check_while_loading

    db.close()
    problems, window_class = check_while_loading(book)
    assert problems == [] and window_class is MainWindow
    damage(book)
    problems, _ = check_while_loading(book)
    assert problems and problems != ["ok"]


def test_quitting_during_a_backup_lets_it_finish_first(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    fill_store(60)
    win = open_window(qtbot, book)
    finished: list[object] = []
    win.backup_finished.connect(finished.append)
    assert win.backup_now()
    win.close()  # while the worker writes: it finishes, then the backup on quitting follows
    assert not win.backup_running()
    assert finished and finished[0] is not None
    [made] = backup.list_backups()  # rotation keeps the newest of the day: the one on quitting
    assert made.documents == 60 and made.path != finished[0].path  # type: ignore[attr-defined]
    assert not list(book.parent.glob("backups/*.part")) and not list(
        book.parent.glob("backups/.encaisse-*")
    )


def test_failing_automatic_backups_are_said_out_loud_once_they_get_old(  # type: ignore[no-untyped-def]
    qtbot, book: Path, tmp_path: Path, monkeypatch
) -> None:
    from models import Setting

    blocker = tmp_path / "usb-not-plugged"
    blocker.write_text("a file where the folder should be")
    with db.transaction() as s:  # written as it was chosen, before the key went
        s.merge(Setting(key=backup.FOLDER_SETTING, value=str(blocker / "backups")))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    win = open_window(qtbot, book)
    QSettings().setValue("backup/last_day", (TODAY - dt.timedelta(days=1)).isoformat())
    with qtbot.waitSignal(win.backup_finished, timeout=20_000):
        win.backup_now(quiet=True)  # what the daily timer and quitting do
    assert warned == []  # yesterday's backup is recent: only the status bar says it
    assert "Automatic backup failed" in win.statusBar().currentMessage()
    QSettings().setValue("backup/last_day", (TODAY - dt.timedelta(days=5)).isoformat())
    with qtbot.waitSignal(win.backup_finished, timeout=20_000):
        win.backup_now(quiet=True)
    assert len(warned) == 1 and "Last backup: 2026-02-25" in warned[0]
    with qtbot.waitSignal(win.backup_finished, timeout=20_000):
        win.backup_now(quiet=True)
    assert len(warned) == 1  # once per session
    win.skip_backup_on_close = True


def test_export_everything_and_one_clients_data_from_the_window(  # type: ignore[no-untyped-def]
    qtbot, book: Path, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    from ui.dialogs.client_dialog import ClientDialog

    client_service.create_client({"code": "OTHER", "name": "Someone Else", "kind": "consumer"})
    out = tmp_path / "exports"
    out.mkdir()
    (out / "something of mine.txt").write_text("kept")  # a folder already in use
    told: list[str] = []
    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    win = open_window(qtbot, book)
    win.export_data()  # File ▸ Export all data…
    [everything] = [p for p in out.iterdir() if p.name.startswith("encaisse-export-")]
    assert "Someone Else" in (everything / "clients.csv").read_text(encoding="utf-8")
    assert told[-1].startswith("Exported ") and opened == [str(everything)]
    dialog = ClientDialog(client_service.get_client_by_code("ACME"), win)
    qtbot.addWidget(dialog)
    [button] = [
        b for b in dialog.findChildren(QPushButton) if b.text() == "Export this client's data…"
    ]
    button.click()
    [personal] = [p for p in out.iterdir() if p.name.startswith("encaisse-ACME-")]
    clients = (personal / "clients.csv").read_text(encoding="utf-8")
    assert "Acme" in clients and "Someone Else" not in clients
    assert "F1" in (personal / "invoices.csv").read_text(encoding="utf-8")
    assert (out / "something of mine.txt").read_text() == "kept"
    win.skip_backup_on_close = True


def foreign_backup(book: Path, tmp_path: Path) -> Path:
    """A backup that passes every member's fingerprint but whose database is not an
    Encaisse book (issue #11, point 4): read() accepts it, the restore's checks do not."""
    from tests.test_restore_checks import craft, sqlite_file

    good = backup.create(tmp_path / "elsewhere" / "good.zip").path
    foreign = sqlite_file(
        tmp_path, "CREATE TABLE recipes (name TEXT)", "INSERT INTO recipes VALUES ('tarte')"
    )
    crafted = craft(
        good,
        "foreign.zip",
        replace={"book.db": foreign},
        manifest=lambda m: m.update(counts={"recipes": 1}),
    )
    assert backup.read(crafted, check=True).counts == {"recipes": 1}
    return crafted


def test_a_backup_refused_by_the_restore_checks_says_why_from_the_file_menu(  # type: ignore[no-untyped-def]
    qtbot, book: Path, tmp_path: Path, monkeypatch
) -> None:
    crafted = foreign_backup(book, tmp_path)
    add_second_invoice()
    win = open_window(qtbot, book)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(crafted), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warned.append(text))
    win.restore_backup()
    assert (
        len(warned) == 1 and "foreign.zip" in warned[0] and "is not an Encaisse book" in warned[0]
    )
    assert db.current().path == book
    assert sorted(invoice_numbers()) == ["F1", "F2"]  # nothing replaced
    assert not list(book.parent.glob("*.restoring*"))
    win.skip_backup_on_close = True


def test_a_damaged_book_is_not_replaced_by_a_backup_the_checks_refuse(
    qtbot,
    book: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch,
) -> None:
    from ui.recovery import offer_restore

    crafted = foreign_backup(book, tmp_path)
    in_folder = backup.default_folder(book) / f"{book.stem}-20260302-100000.zip"
    in_folder.parent.mkdir(exist_ok=True)
    in_folder.write_bytes(crafted.read_bytes())  # where the recovery looks first
    db.close()
    damage(book)
    before = book.read_bytes()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(crafted), ""))
    seen: list[str] = []
    click_in_message_boxes("Choose a backup…", "OK", "Quit", seen=seen)
    assert not offer_restore(book, backup.quick_check(book))
    assert "No good backup" in seen[0]  # the foreign backup in the folder is not offered
    assert "is not an Encaisse book" in seen[1]  # the chosen one is refused, with the reason
    assert book.read_bytes() == before  # nothing replaced, nothing set aside
    assert not list(book.parent.glob("book.damaged-*")) and not list(
        book.parent.glob("*.restoring*")
    )
