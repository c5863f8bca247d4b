"""Shared GUI fixtures: the main window on a fresh book, in English, on a frozen day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from services.core import clock, db
from ui import i18n
from ui.main_window import MainWindow

#: the day the ``window`` fixture's clock shows
WINDOW_TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    QSettings().clear()
    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    clock.freeze(WINDOW_TODAY)
    db.open_database(tmp_path / "book.db")
    win = MainWindow(str(tmp_path / "book.db"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    clock.freeze(None)
    db.close()


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait until every change the services reported has reached the open views (they
    reload by themselves: ui.changes); never a refresh call."""
    from ui.changes import notifier

    qtbot.waitUntil(notifier().idle, timeout=5000)
