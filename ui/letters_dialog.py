"""Prepare letters (Follow-up screen): build the day's letters off the GUI thread,
preview them (QtPdf), print them (QPrintDialog → QPrinter) or save them, then record
them as sent — which marks the actions done and archives each letter as a document."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import AppError
from services.paper import letters
from ui import i18n, jobs

if TYPE_CHECKING:  # at run time, imported where the viewer is built
    from ui.viewer import DocumentViewer

log = logging.getLogger(__name__)


def _write_letters(
    day: dt.date, folder: Path, progress: jobs.Progress
) -> list[tuple[letters.Letter, Any, Path]]:
    """The letters written as the command line writes them (services.paper.letters); on a
    worker thread of :mod:`ui.jobs` (Cancel stops at the next letter)."""
    prepared = letters.prepare(day)
    progress(0, max(1, len(prepared)))
    return letters.write_all(prepared, folder, progress)


class LettersDialog(QDialog):
    recorded = Signal()

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = day
        self.folder = Path(tempfile.mkdtemp(prefix="encaisse-letters-"))
        self.written: list[tuple[letters.Letter, Any, Path]] = []
        self.viewer: DocumentViewer | None = None
        self.setWindowTitle(QCoreApplication.translate("LettersDialog", "Letters of the day"))
        self.resize(900, 900)
        self.layout_ = QVBoxLayout(self)
        self.summary = QLabel(QCoreApplication.translate("LettersDialog", "Preparing the letters…"))
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        self.progress = QProgressBar()
        self.layout_.addWidget(self.progress)
        # issue #13: a letter printing an amount computed with a rate not entered yet
        # (provisional) is neither printed nor saved until the owner enters the rate (and
        # prepares the letters again) or confirms here
        self.provisional_codes: list[str] = []
        self.confirm_provisional = QCheckBox(
            QCoreApplication.translate(
                "LettersDialog", "Print and save these provisional amounts anyway"
            )
        )
        self.confirm_provisional.setVisible(False)
        self.confirm_provisional.toggled.connect(self._enable_buttons)
        self.layout_.addWidget(self.confirm_provisional)
        self.preview_box = QVBoxLayout()
        self.layout_.addLayout(self.preview_box, 1)
        row = QHBoxLayout()
        self.print_button = QPushButton(QCoreApplication.translate("LettersDialog", "Print…"))
        self.print_button.clicked.connect(self.print_all)
        self.save_button = QPushButton(QCoreApplication.translate("LettersDialog", "Save PDF…"))
        self.save_button.clicked.connect(self.save)
        self.record_button = QPushButton(
            QCoreApplication.translate("LettersDialog", "Record as sent")
        )
        self.record_button.setToolTip(
            QCoreApplication.translate(
                "LettersDialog",
                "The actions are marked done and each letter is kept in its client's documents",
            )
        )
        self.record_button.clicked.connect(self.record)
        for button in (self.print_button, self.save_button, self.record_button):
            button.setEnabled(False)
            row.addWidget(button)
        # issue #13, point 10: the letters of e-mail steps go as e-mails (queued when offline)
        self.emails_sent = False
        self.email_button = QPushButton(self.tr("Send e-mails"))
        self.email_button.setToolTip(
            self.tr(
                "The letters of steps whose channel is e-mail are sent as e-mails (the letter "
                "attached); without a connection they wait in the send queue"
            )
        )
        self.email_button.clicked.connect(self.send_emails)
        self.email_button.setEnabled(False)
        row.addWidget(self.email_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("LettersDialog", "Close")
        )
        close.rejected.connect(self.reject)
        row.addWidget(close)
        self.layout_.addLayout(row)
        self.job = jobs.Job(lambda progress: _write_letters(day, self.folder, progress), self)
        self.job.progressed.connect(self._progress)
        self.job.done.connect(self._ready)
        self.job.start()

    def _progress(self, done: int, total: int) -> None:
        value, maximum = jobs.fit(done, total)
        self.progress.setMaximum(maximum)
        self.progress.setValue(value)

    def wait_ready(self) -> None:
        """Block until the letters are built and shown (tests)."""
        self.job.wait()
        while not self.job.finished:
            QCoreApplication.processEvents()

    def _ready(self) -> None:
        self.progress.hide()
        if self.job.cancelled:
            return
        if not self.job.ok:  # a bug went to the crash dialog and the log
            self.summary.setText(
                self.job.error
                or QCoreApplication.translate(
                    "LettersDialog", "The letters could not be prepared (see the log)."
                )
            )
            return
        self.written = self.job.result
        if not self.written:
            self.summary.setText(
                QCoreApplication.translate("LettersDialog", "No letter to send on this date.")
            )
            return
        # in the user's language (issue #13, point 1: the rate warnings were English)
        warnings = sorted(
            {n.render(i18n.translate) for letter, _a, _p in self.written for n in letter.notes}
        )
        text = self.tr("%n letter(s) to send.", "", len(self.written))
        if warnings:
            text += "\n" + "\n".join(
                QCoreApplication.translate("LettersDialog", "Note: {warning}").format(warning=w)
                for w in warnings
            )
        self.provisional_codes = sorted(
            {
                letter.client_code
                for letter, _a, _p in self.written
                if any(i.charges is not None and i.charges.provisional for i in letter.invoices)
            }
        )
        if self.provisional_codes:
            text += "\n" + QCoreApplication.translate(
                "LettersDialog",
                "The late charges in the letters to {clients} use a rate not entered yet: "
                "they are provisional. Enter the rate in Settings ▸ Late charges and prepare "
                "the letters again, or confirm below to print them as they are.",
            ).format(clients=", ".join(self.provisional_codes))
            self.confirm_provisional.setVisible(True)
        text += self._email_notes()
        self.summary.setText(text)
        from ui.viewer import DocumentViewer

        self.viewer = DocumentViewer(
            self.folder / "all.pdf",
            "application/pdf",
            QCoreApplication.translate("LettersDialog", "Letters of the day"),
            self,
        )
        self.viewer.setWindowFlags(Qt.WindowType.Widget)
        self.preview_box.addWidget(self.viewer)
        self._enable_buttons()

    def may_print(self) -> bool:
        """No provisional amount, or the owner confirmed them."""
        return not self.provisional_codes or self.confirm_provisional.isChecked()

    def _enable_buttons(self) -> None:
        ready = bool(self.written) and self.viewer is not None and self.may_print()
        for button in (self.print_button, self.save_button, self.record_button):
            button.setEnabled(ready)
        from services.paper import email

        self.email_button.setEnabled(
            ready
            and not self.emails_sent
            and any(email.is_email_step(a) for _l, a, _p in self.written)
        )

    def page_count(self) -> int:
        return self.viewer.page_count() if self.viewer is not None else 0

    def print_all(self) -> None:
        from ui.printing import ask_and_print

        if not self.may_print():
            return
        if ask_and_print(
            self,
            self.folder / "all.pdf",
            "application/pdf",
            QCoreApplication.translate("LettersDialog", "Letters of the day"),
        ):
            self._offer_record()

    def save(self, folder: str | None = None) -> Path | None:
        if not self.may_print():
            return None
        target = folder or QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("LettersDialog", "Save the letters in")
        )
        if not target:
            return None
        out = Path(target)
        try:
            out.mkdir(parents=True, exist_ok=True)
            for _letter, _action, path in self.written:
                shutil.copyfile(path, out / path.name)
            shutil.copyfile(self.folder / "all.pdf", out / f"{self.day:%Y-%m-%d}-letters.pdf")
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                QCoreApplication.translate(
                    "LettersDialog", "The letters could not be saved: {detail}"
                ).format(detail=exc.strerror or str(exc)),
            )
            return None
        if folder is None:
            self._offer_record()
        return out

    def _offer_record(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            QCoreApplication.translate(
                "LettersDialog",
                "Were the letters sent? They will be recorded as done and kept in the clients' "
                "documents.",
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.record()

    def tracking_numbers(self) -> dict[str, str] | None:
        """The registered letters' tracking numbers (formal and final notices); None if
        cancelled."""
        from PySide6.QtWidgets import QFormLayout, QLineEdit

        registered = [
            letter
            for letter, _a, _p in self.written
            if letter.step in ("formal_notice", "final_notice")
        ]
        if not registered:
            return {}
        dialog = QDialog(self)
        dialog.setWindowTitle(QCoreApplication.translate("LettersDialog", "Registered letters"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "LettersDialog",
                    "The tracking number of each registered letter (it can be left empty):",
                )
            )
        )
        form = QFormLayout()
        edits: dict[str, QLineEdit] = {}
        for letter in registered:
            edit = QLineEdit()
            edit.setPlaceholderText(
                QCoreApplication.translate("LettersDialog", "e.g. 1A 123 456 7890 1")
            )
            form.addRow(f"{letter.client.name} ({letter.client_code})", edit)
            edits[letter.client_code] = edit
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("LettersDialog", "Record")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("LettersDialog", "Cancel")
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        self.tracking_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return {code: edit.text().strip() for code, edit in edits.items() if edit.text().strip()}

    def record(self) -> None:
        if not self.may_print():
            return
        numbers = self.tracking_numbers()
        if numbers is None:
            return
        try:
            letters.record_sent(self.written, tracking=numbers)
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), i18n.message(exc))
            return
        self.record_button.setEnabled(False)
        self.summary.setText(QCoreApplication.translate("LettersDialog", "Recorded as sent."))
        self.recorded.emit()

    def _email_notes(self) -> str:
        """The e-mail steps whose client has no e-mail address: they go by post (issue #13)."""
        from services.paper import email

        codes = sorted(
            {letter.client_code for letter, a, _p in self.written if email.is_email_step(a)}
        )
        known = email.client_emails(codes) if codes else {}
        return "".join(
            "\n" + QCoreApplication.translate("Messages", email.NOTE_NO_EMAIL).format(client=code)
            for code in codes
            if not known.get(code)
        )

    def send_emails(self) -> None:
        """Send the e-mail steps' letters as e-mails; "Record as sent" then records the paper
        letters only (an e-mail is recorded when the server has accepted it)."""
        from ui.outbox_dialog import email_letters

        if not self.may_print():
            return
        before = len(self.written)
        self.written = email_letters(self, self.written)
        self.emails_sent = len(self.written) < before
        self._enable_buttons()
        if self.emails_sent:
            self.recorded.emit()

    def done(self, result: int) -> None:  # noqa: A003 - QDialog API
        self.job.cancel()  # closed while writing: stop at the next letter
        self.job.wait()
        if self.viewer is not None:
            self.viewer.close()
        super().done(result)
