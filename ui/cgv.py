"""The company's CGV versions (company editor) and a client's acceptances (client editor)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.core import clock
from services.core.errors import AppError
from services.proof import documents
from services.proof.store import Ingested
from ui import format as fmt
from ui import i18n
from ui.changes import Change, watch
from ui.dialogs.base import FormDialog
from ui.documents_panel import documents_folder, file_filter, ingest_with_progress, preview
from ui.widgets import DateEdit


class FileField(QWidget):
    """A file path with a "Choose…" button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(QCoreApplication.translate("Cgv", "optional"))
        button = QPushButton(QCoreApplication.translate("Cgv", "Choose…"))
        button.clicked.connect(self._pick)
        row.addWidget(self.edit, 1)
        row.addWidget(button)

    def _pick(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("Cgv", "Choose a file"),
            documents_folder(),
            file_filter(),
        )
        if name:
            self.edit.setText(name)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class CgvVersionDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("Cgv", "New version of the terms of sale"),
            parent,
            QCoreApplication.translate("Cgv", "Save"),
        )
        self.label = QLineEdit()
        self.label.setPlaceholderText(QCoreApplication.translate("Cgv", "e.g. 2026-01"))
        self.form.addRow(QCoreApplication.translate("Cgv", "Version"), self.label)
        self.in_force = DateEdit()
        self.in_force.set_value(clock.today())
        self.form.addRow(QCoreApplication.translate("Cgv", "In force from"), self.in_force)
        self.file = FileField()
        self.form.addRow(QCoreApplication.translate("Cgv", "The CGV (PDF)"), self.file)

    def apply(self) -> bool:
        item = _copy_in(self, self.file.path())
        if item is False:
            return False
        documents.add_cgv_version(self.label.text(), self.in_force.value(), item=item or None)
        return True


def _copy_in(parent: QWidget, path: Path | None) -> Ingested | None | Literal[False]:
    """The chosen file copied into the store; None without a file; False when it failed
    (the user was told)."""
    if path is None:
        return None
    items = ingest_with_progress(parent, [path])
    return items[0] if items else False


class CgvVersionsPanel(QWidget):
    """Company editor: the versions of the CGV, each with its PDF."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "Cgv",
                "Keep every version of your general terms of sale. Each invoice is "
                "checked against the version in force on its issue date, and against "
                "the client's acceptance of it.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("Cgv", "Version"),
                QCoreApplication.translate("Cgv", "In force from"),
                QCoreApplication.translate("Cgv", "Document"),
                QCoreApplication.translate("Cgv", "Accepted by"),
            ]
        )
        self.tree.itemDoubleClicked.connect(lambda *_: self._preview())
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        add = QPushButton(QCoreApplication.translate("Cgv", "Add a version…"))
        add.clicked.connect(self._add)
        self.preview_button = QPushButton(QCoreApplication.translate("Cgv", "Preview"))
        self.preview_button.clicked.connect(self._preview)
        row.addWidget(add)
        row.addWidget(self.preview_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()
        watch(self, Change.DOCUMENTS, lambda _change: self.refresh())

    def refresh(self) -> None:
        self.tree.clear()
        for version in documents.list_cgv_versions():
            item = QTreeWidgetItem(
                [
                    version.label,
                    fmt.date(version.in_force_from),
                    QCoreApplication.translate("Cgv", "PDF on file")
                    if version.document_id
                    else QCoreApplication.translate("Cgv", "no file"),
                    QCoreApplication.translate("Cgv", "{n} clients").format(n=version.accepted_by),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, version.document_id)
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)

    def _add(self) -> None:
        CgvVersionDialog(self).exec()  # the list reloads itself when a version is added

    def _preview(self) -> None:
        item = self.tree.currentItem()
        document_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if document_id:
            preview(self, documents.get_document(int(document_id)))


class AcceptanceDialog(FormDialog):
    def __init__(self, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("Cgv", "Acceptance of the terms of sale"),
            parent,
            QCoreApplication.translate("Cgv", "Save"),
        )
        self.client_id = client_id
        self.version = QComboBox()
        for version in documents.list_cgv_versions():
            self.version.addItem(
                QCoreApplication.translate("Cgv", "{label} (in force from {date})").format(
                    label=version.label, date=fmt.date(version.in_force_from)
                ),
                version.id,
            )
        self.version.setCurrentIndex(self.version.count() - 1)
        self.form.addRow(QCoreApplication.translate("Cgv", "Version"), self.version)
        self.accepted_on = DateEdit()
        self.accepted_on.set_value(clock.today())
        self.form.addRow(QCoreApplication.translate("Cgv", "Accepted on"), self.accepted_on)
        self.file = FileField()
        self.form.addRow(QCoreApplication.translate("Cgv", "Signed copy"), self.file)

    def apply(self) -> bool:
        if self.version.currentData() is None:
            self.banner.show_error(
                QCoreApplication.translate(
                    "Cgv", "Add a CGV version first (Company ▸ Terms of sale)."
                )
            )
            return False
        item = _copy_in(self, self.file.path())
        if item is False:
            return False
        try:
            documents.record_acceptance(
                self.client_id,
                int(self.version.currentData()),
                self.accepted_on.value(),
                signed_copy=item or None,
            )
        except AppError:
            if item:
                documents.forget([item])
            raise
        return True


class AcceptancesBox(QWidget):
    """Client editor: which CGV versions this client accepted, and when; it reloads itself
    when they change, then says so."""

    changed = Signal()

    def __init__(self, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id = client_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            QLabel(QCoreApplication.translate("Cgv", "Terms of sale accepted by this client:"))
        )
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("Cgv", "Version"),
                QCoreApplication.translate("Cgv", "In force from"),
                QCoreApplication.translate("Cgv", "Accepted on"),
                QCoreApplication.translate("Cgv", "Signed copy"),
            ]
        )
        self.tree.setMaximumHeight(110)
        layout.addWidget(self.tree)
        row = QHBoxLayout()
        add = QPushButton(QCoreApplication.translate("Cgv", "Record an acceptance…"))
        add.clicked.connect(self._add)
        remove = QPushButton(QCoreApplication.translate("Cgv", "Remove"))
        remove.clicked.connect(self._remove)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()
        watch(self, Change.DOCUMENTS, self._acceptances_changed)

    def _acceptances_changed(self, _change: Change) -> None:
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        self.tree.clear()
        for a in documents.acceptances(self.client_id):
            item = QTreeWidgetItem(
                [
                    a.cgv_label,
                    fmt.date(a.in_force_from),
                    fmt.date(a.accepted_on),
                    QCoreApplication.translate("Cgv", "on file")
                    if a.document_id
                    else QCoreApplication.translate("Cgv", "none"),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, a.id)
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)

    def _add(self) -> None:
        if not documents.list_cgv_versions():
            QMessageBox.information(
                self,
                QCoreApplication.translate("Cgv", "No CGV version"),
                QCoreApplication.translate(
                    "Cgv", "Add the versions of your terms of sale first (Company ▸ Terms of sale)."
                ),
            )
            return
        AcceptanceDialog(self.client_id, self).exec()  # the box reloads itself

    def _remove(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("Cgv", "Remove the acceptance"),
            QCoreApplication.translate(
                "Cgv",
                "Remove the acceptance of version {label}? The signed copy stays in the documents.",
            ).format(label=item.text(0)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            documents.remove_acceptance(int(item.data(0, Qt.ItemDataRole.UserRole)))
        except AppError as exc:
            QMessageBox.warning(
                self, QCoreApplication.translate("Cgv", "Cannot remove"), i18n.message(exc)
            )
