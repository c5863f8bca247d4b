"""Tools ▸ Check the book and documents, Tools ▸ Document trash."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services import db, documents
from services.documents import CheckReport
from services.errors import AppError
from ui import format as fmt
from ui import i18n
from ui.documents_panel import preview
from ui.labels import DOCUMENT_KINDS, label

log = logging.getLogger(__name__)



class CheckThread(QThread):
    """Rehash the store off the GUI thread (the book's own check is quick and stays here)."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: CheckReport | None = None
        self.error = ""

    def run(self) -> None:
        try:
            self.report = documents.check_documents(record=False)
        except AppError as exc:
            self.error = i18n.message(exc)
        except Exception:  # a bug: logged, reported in plain words
            log.exception("document check failed")
            self.error = QCoreApplication.translate("DocumentTools", "The check could not run (the details are in the log).")


def run_check(parent: QWidget) -> tuple[list[str], CheckReport | None, str]:
    """(database problems, document report, error) — the window stays responsive."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        database = db.integrity_problems()
        thread = CheckThread()  # no parent: Python owns it, and waits for it
        thread.start()
        while thread.isRunning():
            QCoreApplication.processEvents()
            thread.wait(20)
        report = thread.report
        if report is not None:
            documents.record_verification(report)
        return database, report, thread.error
    finally:
        QApplication.restoreOverrideCursor()


class CheckDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("DocumentTools", "Check the book and the documents"))
        self.resize(680, 380)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems, 1)
        row = QHBoxLayout()
        self.clean_button = QPushButton(QCoreApplication.translate("DocumentTools", "Remove leftover files"))
        self.clean_button.setToolTip(QCoreApplication.translate("DocumentTools", "Delete partial copies and stored files that belong to no document"))
        self.clean_button.clicked.connect(self._clean)
        row.addWidget(self.clean_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(QCoreApplication.translate("DocumentTools", "Close"))
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.run()

    def run(self) -> None:
        database, report, error = run_check(self)
        self.problems.clear()
        if error:
            self.summary.setText(error)
            self.clean_button.hide()
            return
        assert report is not None
        for line in database:
            self.problems.addItem(QCoreApplication.translate("DocumentTools", "Database: {problem}").format(problem=line))
        for problem in report.problems:
            self.problems.addItem(problem.render(i18n.translate))
        if not database and report.ok:
            self.summary.setText(QCoreApplication.translate("DocumentTools", "Everything is sound: the database passed SQLite's integrity "
                                    "check and all {count} documents match their SHA-256 fingerprint.")
                                 .format(count=report.checked))
            self.problems.hide()
        else:
            self.summary.setText(QCoreApplication.translate("DocumentTools", "{count} problems found. Restore the damaged files from a backup, "
                                    "or attach them again.").format(count=self.problems.count()))
            self.problems.show()
        self.clean_button.setVisible(any(p.kind in ("orphan", "leftover") for p in report.problems))

    def _clean(self) -> None:
        documents.clean_leftovers()
        self.run()


class TrashDialog(QDialog):
    """Documents deleted in the last 30 days, restorable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changed = False
        self.setWindowTitle(QCoreApplication.translate("DocumentTools", "Document trash"))
        self.resize(760, 380)
        layout = QVBoxLayout(self)
        note = QLabel(QCoreApplication.translate("DocumentTools", "Deleted documents stay here for {days} days, then are removed for good.")
                      .format(days=documents.TRASH_DAYS))
        layout.addWidget(note)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([QCoreApplication.translate("DocumentTools", "Kind"), QCoreApplication.translate("DocumentTools", "Title"), QCoreApplication.translate("DocumentTools", "Invoice"), QCoreApplication.translate("DocumentTools", "Client"), QCoreApplication.translate("DocumentTools", "Deleted on")])
        self.tree.itemDoubleClicked.connect(lambda *_: self._preview())
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.restore_button = QPushButton(QCoreApplication.translate("DocumentTools", "Restore"))
        self.restore_button.clicked.connect(self._restore)
        preview_button = QPushButton(QCoreApplication.translate("DocumentTools", "Preview"))
        preview_button.clicked.connect(self._preview)
        row.addWidget(self.restore_button)
        row.addWidget(preview_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(QCoreApplication.translate("DocumentTools", "Close"))
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        self.rows = documents.list_documents(trash=True)
        for r in self.rows:
            item = QTreeWidgetItem([label(DOCUMENT_KINDS, r.kind), r.title, r.invoice_number,
                                    r.client_code, fmt.datetime(r.deleted_at)])
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            self.tree.addTopLevelItem(item)
        for column in range(5):
            self.tree.resizeColumnToContents(column)
        self.restore_button.setEnabled(bool(self.rows))
        if self.rows:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _current(self) -> documents.DocumentRow | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        doc_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.id == doc_id), None)

    def _restore(self) -> None:
        row = self._current()
        if row is None:
            return
        try:
            documents.restore(row.id)
        except AppError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("DocumentTools", "Cannot restore"), i18n.message(exc))
            return
        self.changed = True
        self.refresh()

    def _preview(self) -> None:
        row = self._current()
        if row is not None:
            preview(self, row)
