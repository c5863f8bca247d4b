"""Crash handling: a bug is logged and shown in a dialog with copyable details;
it never reaches the user as a bare traceback, and never kills the window."""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.core.version import __version__

log = logging.getLogger("encaisse.crash")


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Encaisse ran into an unexpected problem. Your data is safe: the action in "
                "progress was cancelled. The details below were written to the log; please "
                "send them to support."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy details"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


class CrashHandler(QObject):
    """sys.excepthook → log → signal → dialog on the GUI thread."""

    crashed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[str] = set()
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.enabled_dialog = True

    def install(self) -> None:
        sys.excepthook = self.hook
        threading.excepthook = self._thread_hook

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:  # typed optional; a raised exception always has its value
            threading.__excepthook__(args)
            return
        self.hook(args.exc_type, args.exc_value, args.exc_traceback)

    def hook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        details = (
            f"Encaisse {__version__} — Python {platform.python_version()} — "
            f"{platform.platform()}\n\n{text}"
        )
        log.critical("unhandled exception\n%s", details)
        key = f"{exc_type.__name__}:{exc}"
        if key in self._seen or not self.enabled_dialog:
            return
        self._seen.add(key)
        self.crashed.emit(details)

    def _show(self, details: str) -> None:
        CrashDialog(details).exec()
