"""Settings ▸ E-mail account (issue #13, point 10): the SMTP server that sends the e-mails of
the dunning steps whose channel is e-mail — server, port, security (SSL, STARTTLS or none),
user, sender address — kept in the book; the password kept in the system keyring, never in
the book."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.core import settings
from services.core.errors import AppError
from services.paper import outbox
from ui import i18n


class EmailSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("E-mail account"))
        self.setMinimumWidth(520)
        values = settings.read()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The SMTP server that sends the e-mails of the dunning steps whose channel is "
                "e-mail. Without a server, the e-mails are written (.eml) and wait in the send "
                "queue."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.host = QLineEdit(values.smtp_host)
        self.host.setPlaceholderText(self.tr("e.g. smtp.example.org"))
        form.addRow(self.tr("SMTP server"), self.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(values.smtp_port)
        form.addRow(self.tr("Port"), self.port)
        self.security = QComboBox()
        self.security.addItem(self.tr("STARTTLS (port 587)"), "starttls")
        self.security.addItem(self.tr("SSL/TLS (port 465)"), "ssl")
        self.security.addItem(self.tr("None (not encrypted)"), "none")
        self.security.setCurrentIndex(max(self.security.findData(values.smtp_security), 0))
        self.security.currentIndexChanged.connect(self._default_port)
        form.addRow(self.tr("Security"), self.security)
        self.user = QLineEdit(values.smtp_user)
        form.addRow(self.tr("User"), self.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("kept in the system keyring; leave empty to keep the current one")
        )
        form.addRow(self.tr("Password"), self.password)
        self.sender_edit = QLineEdit(values.smtp_sender)
        self.sender_edit.setPlaceholderText(self.tr("empty: the company's e-mail address"))
        form.addRow(self.tr("Sender address"), self.sender_edit)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.test_button = QPushButton(self.tr("Test the connection"))
        self.test_button.clicked.connect(self.test_connection)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _default_port(self) -> None:
        defaults = {"starttls": 587, "ssl": 465, "none": 25}
        if self.port.value() in defaults.values():
            self.port.setValue(defaults[str(self.security.currentData())])

    def _changes(self) -> dict[str, object]:
        return {
            "smtp_host": self.host.text().strip(),
            "smtp_port": self.port.value(),
            "smtp_security": str(self.security.currentData()),
            "smtp_user": self.user.text().strip(),
            "smtp_sender": self.sender_edit.text().strip(),
        }

    def _account(self) -> outbox.Account:
        changes = self._changes()
        settings.check(changes)  # each value checked, naming its field
        return outbox.Account(
            str(changes["smtp_host"]),
            int(str(changes["smtp_port"])),
            str(changes["smtp_security"]),
            str(changes["smtp_user"]),
        )

    def test_connection(self) -> bool:
        """Connect and log in with what the dialog shows (the typed password, else the kept
        one); the result is shown under the form."""
        try:
            acc = self._account()
            if not acc.host:
                self.status.setText(self.tr("Give the SMTP server first."))
                return False
            outbox.test_account(acc, self.password.text() or None)
        except AppError as exc:
            self.status.setText(i18n.message(exc))
            return False
        self.status.setText(self.tr("The server accepted the connection."))
        return True

    def save(self) -> None:
        try:
            acc = self._account()
            settings.save(self._changes())
            if self.password.text() and acc.user:
                outbox.set_password(acc, self.password.text())
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), i18n.message(exc))
            return
        self.accept()
