"""Tools ▸ Letter texts: the wording of each step, per language, with placeholders, a live
preview of a sample letter, "Restore default", and an error naming any unknown placeholder."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from services.core import clock, settings
from services.core.errors import AppError
from services.paper import letters
from ui import i18n
from ui.labels import LANGUAGES, label
from ui.widgets import ErrorBanner

PREVIEW_DELAY_MS = 400


def _keys() -> list[tuple[str, str]]:
    return [
        ("pre_reminder", QCoreApplication.translate("TemplatesDialog", "Pre-reminder")),
        ("reminder", QCoreApplication.translate("TemplatesDialog", "First reminder")),
        ("reminder_2", QCoreApplication.translate("TemplatesDialog", "Further reminders")),
        ("formal_notice", QCoreApplication.translate("TemplatesDialog", "Formal notice")),
        ("final_notice", QCoreApplication.translate("TemplatesDialog", "Final notice")),
        ("hand_off", QCoreApplication.translate("TemplatesDialog", "Hand-off notice")),
        ("statement", QCoreApplication.translate("TemplatesDialog", "Statement of account")),
    ]


class TemplatesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TemplatesDialog", "Letter texts"))
        self.resize(1100, 760)
        self.folder = Path(tempfile.mkdtemp(prefix="encaisse-template-"))
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 1)
        self.banner = ErrorBanner()
        left.addWidget(self.banner)
        form = QFormLayout()
        self.language = QComboBox()
        for key in ("fr", "en"):
            self.language.addItem(label(LANGUAGES, key), key)
        form.addRow(QCoreApplication.translate("TemplatesDialog", "Language"), self.language)
        self.step = QComboBox()
        for key, text in _keys():
            self.step.addItem(text, key)
        form.addRow(QCoreApplication.translate("TemplatesDialog", "Letter"), self.step)
        self.subject = QLineEdit()
        form.addRow(QCoreApplication.translate("TemplatesDialog", "Subject"), self.subject)
        left.addLayout(form)
        self.body = QPlainTextEdit()
        left.addWidget(self.body, 1)
        hint = QLabel(
            QCoreApplication.translate("TemplatesDialog", "Placeholders: {names}").format(
                names=", ".join("{" + p + "}" for p in letters.PLACEHOLDERS)
            )
        )
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(hint)
        row = QHBoxLayout()
        self.restore_button = QPushButton(
            QCoreApplication.translate("TemplatesDialog", "Restore default")
        )
        self.restore_button.clicked.connect(self.restore)
        self.save_button = QPushButton(QCoreApplication.translate("TemplatesDialog", "Save"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.restore_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("TemplatesDialog", "Close")
        )
        close.rejected.connect(self.reject)
        row.addWidget(close)
        left.addLayout(row)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(470)
        outer.addWidget(scroll, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.render_preview)
        self.language.currentIndexChanged.connect(self.load)
        self.step.currentIndexChanged.connect(self.load)
        self.subject.textChanged.connect(self.timer.start)
        self.body.textChanged.connect(self.timer.start)
        self.load()

    def key(self) -> tuple[str, str]:
        return self.language.currentData(), self.step.currentData()

    def load(self) -> None:
        subject, body = letters.template(settings.read(), *self.key())
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self.render_preview()

    def sample(self) -> letters.Letter:
        language, key = self.key()
        company = letters.Party(
            "Menuiserie Exemple",
            "12 rue des Artisans",
            "69007",
            "Lyon",
            iban="FR7630004008230001012345669",
        )
        step = {"reminder_2": "reminder", "hand_off": "agency"}.get(key, key)
        sample = letters.Letter(
            company,
            letters.Party("Client Exemple", "1 place Bellecour", "69002", "Lyon"),
            "EXEMPLE",
            "pro",
            language,
            step,
            2 if key == "reminder_2" else 1,
            False,
            clock.today(),
            "EUR",
        )
        due = clock.today() - dt.timedelta(days=20)
        sample.invoices.append(
            letters.LetterInvoice(
                "F-0042",
                due - dt.timedelta(days=30),
                due,
                Decimal("1200.00"),
                Decimal("0.00"),
                Decimal("1200.00"),
                20,
            )
        )
        sample.template = (self.subject.text(), self.body.toPlainText())
        return sample

    def render_preview(self) -> None:
        """The sample letter with the text as typed; an unknown placeholder is named."""
        self.banner.clear_message()
        try:
            letters.validate_template(self.subject.text(), "subject")
            letters.validate_template(self.body.toPlainText(), "body")
        except AppError as exc:
            self.banner.show_error(i18n.message(exc))
            return
        path = self.folder / "preview.pdf"
        letters.write_letter(path, self.sample())
        document = QPdfDocument(self)
        document.load(str(path))
        image = document.render(0, QSize(460, 650))
        document.close()
        self.preview.setPixmap(QPixmap.fromImage(image))

    def save(self) -> bool:
        try:
            letters.set_template(*self.key(), self.subject.text(), self.body.toPlainText())
        except AppError as exc:
            self.banner.show_error(i18n.message(exc))
            return False
        self.banner.clear_message()
        return True

    def restore(self) -> None:
        letters.reset_template(*self.key())
        self.load()
