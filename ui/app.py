"""Start the window: logging, crash handler, translations, single instance, database."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from services.book import backup, booklock
from services.core import db
from services.core.errors import KnownError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.paths import resource_path
from services.core.version import APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from ui import i18n
from ui.dialogs.settings_dialog import saved_language
from ui.errors import CrashHandler

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

MSG_ALREADY_OPEN = QT_TRANSLATE_NOOP(
    "Messages",
    "This book is already open in another Encaisse window ({path}). "
    "Switch to that window, or close it first.",
)


def setup_logging() -> Path:
    folder = (
        Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        / "logs"
    )
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "encaisse.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return folder


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = resource_path("icons", "encaisse.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def acquire_lock(database: str) -> booklock.BookLock | None:
    """Hold the book for the window's whole life (issue #11, point 3): a second window is
    refused, and so is every command that writes while this one is open. A window that
    starts while a command is writing waits a moment for it, then says the book is busy.
    The system releases the lock when the process ends, a crash included: a lock file left
    behind is harmless. Books that are not files (PostgreSQL, :memory:) have no lock."""
    path = db.sqlite_path(db.database_url(database))
    if path is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return booklock.acquire(path, exclusive=True, wait=booklock.WAIT_SECONDS)
    except booklock.Held as held:
        if held.by_window:
            raise KnownError(MSG_ALREADY_OPEN, path=str(path)) from held
        raise KnownError(booklock.MSG_BUSY) from held


def open_book(database: str) -> None:
    backup = None
    opened = db.open_database(database, migrate=False)
    backup = opened.upgrade()
    if backup is not None:
        log.info("book upgraded; previous version kept at %s", backup)


def check_while_loading(book: Path | None) -> tuple[list[str], type[MainWindow]]:
    """SQLite's quick check of the book (issue #6) while the window's modules load: the
    check reads the whole file, and runs on another core instead of delaying the window."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        check = pool.submit(backup.quick_check, book) if book is not None else None
        from ui.main_window import MainWindow

        return (check.result() if check is not None else []), MainWindow


def run_gui(database: str, argv: list[str]) -> int:
    app = make_application(argv)
    setup_logging()
    crash = CrashHandler()
    crash.install()
    i18n.install(app, saved_language())
    try:
        lock = acquire_lock(database)
    except KnownError as exc:
        QMessageBox.critical(None, APP_NAME, i18n.message(exc))
        return 1
    book = db.sqlite_path(db.database_url(database))
    problems, window_class = check_while_loading(book)
    if problems and book is not None:
        from ui.recovery import offer_restore

        if not offer_restore(book, problems):
            _unlock(lock)
            return 1
    try:
        open_book(database)
    except KnownError as exc:
        QMessageBox.critical(None, APP_NAME, i18n.message(exc))
        _unlock(lock)
        return 1

    holder: dict[str, MainWindow] = {}

    def build() -> None:
        old = holder.get("window")
        window = window_class(database)
        window.language_changed.connect(build)
        holder["window"] = window
        window.show()
        if old is not None:
            old.skip_backup_on_close = True  # the same book, in another language
            old.close()
            old.deleteLater()

    build()
    code = app.exec()
    db.close()
    _unlock(lock)
    return code


def _unlock(lock: booklock.BookLock | None) -> None:
    if lock is not None:
        lock.release()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_gui(sys.argv[1], sys.argv))
