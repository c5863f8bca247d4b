"""Settings: the language (kept on this computer) and the document size limit (kept in the book)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services import documents
from services.errors import AppError
from ui import i18n

LANGUAGE_KEY = "ui/language"


def saved_language() -> str:
    value = QSettings().value(LANGUAGE_KEY, "")
    return str(value or "")


class SettingsDialog(QDialog):
    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.addLayout(form)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(saved_language()), 0))
        form.addRow(self.tr("Language"), self.language)
        path = QLabel(database)
        path.setWordWrap(True)
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Database"), path)
        store = QLabel(str(documents.store_root()))
        store.setWordWrap(True)
        store.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        store.setToolTip(self.tr("Copies of the attached documents; back this folder up with the database."))
        form.addRow(self.tr("Document store"), store)
        self.max_mb = QSpinBox()
        self.max_mb.setRange(1, 2000)
        self.max_mb.setSuffix(" " + self.tr("MB"))
        self.max_mb.setValue(documents.max_bytes() // 1_048_576)
        form.addRow(self.tr("Largest document accepted"), self.max_mb)
        note = QLabel(self.tr("A change of language applies at once to menus and lists; "
                              "open windows keep their language until closed."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        QSettings().setValue(LANGUAGE_KEY, self.language.currentData())
        if self.max_mb.value() != documents.max_bytes() // 1_048_576:
            try:
                documents.set_max_mb(self.max_mb.value())
            except AppError as exc:
                QMessageBox.warning(self, self.tr("Settings"), i18n.message(exc))
                return
        super().accept()
