"""The e-mail send queue (issue #13, point 10): the e-mails waiting to be sent (the server was
unreachable, refused the login, or no account is set yet), with why the last try failed;
"Send now" tries again (off the GUI thread), "Remove" takes one out without sending it.
An e-mail is recorded as done only once the server has accepted it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import AppError
from services.paper import outbox
from ui import format as fmt
from ui import i18n, jobs


class SendReport(QObject):
    """What a sending did, in plain words (the queue's window, the letters dialog and the main
    window say it)."""

    def text(self, report: outbox.Report) -> str:
        lines = [self.tr("%n e-mail(s) sent.", "", len(report.sent))]
        for _id, problem in report.refused:
            lines.append(i18n.message(problem))
        if report.error is not None:
            lines.append(i18n.message(report.error))
        if report.remaining:
            lines.append(self.tr("%n e-mail(s) still in the send queue.", "", report.remaining))
        return "\n".join(lines)


def report_text(report: outbox.Report) -> str:
    return SendReport().text(report)


def send_job(parent: QWidget | None) -> jobs.Job:
    """Send the queue on a worker thread (the job's ``result`` is the report)."""
    return jobs.start(lambda progress: outbox.send_queue(progress=progress), parent)


class OutboxDialog(QDialog):
    sent = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("E-mail send queue"))
        self.resize(820, 420)
        self.job: jobs.Job | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Client"),
                self.tr("To"),
                self.tr("Subject"),
                self.tr("Letter of"),
                self.tr("Tries"),
                self.tr("Last problem"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        row = QHBoxLayout()
        self.send_button = QPushButton(self.tr("Send now"))
        self.send_button.clicked.connect(self.send_now)
        self.remove_button = QPushButton(self.tr("Remove from the queue"))
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.send_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.rows = outbox.listed()
        self.table.setRowCount(len(self.rows))
        for n, item in enumerate(self.rows):
            values = [
                f"{item.client_name} ({item.client_code})",
                item.recipient,
                item.subject,
                fmt.date(item.on),
                str(item.attempts),
                item.last_error,
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)  # the last problem is long: whole in the tooltip
                self.table.setItem(n, column, cell)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 220))
        self.summary.setText(
            self.tr("%n e-mail(s) waiting to be sent.", "", len(self.rows))
            if self.rows
            else self.tr("The send queue is empty.")
        )
        busy = self.job is not None and self.job.running()
        self.send_button.setEnabled(bool(self.rows) and not busy)
        self.remove_button.setEnabled(bool(self.rows) and not busy)

    def send_now(self) -> None:
        self.send_button.setEnabled(False)
        self.remove_button.setEnabled(False)
        self.result_label.setText(self.tr("Sending…"))
        self.job = send_job(self)
        self.job.done.connect(self._sent)

    def wait_sent(self) -> None:
        """Block until the sending ended and was shown (tests)."""
        from PySide6.QtCore import QCoreApplication

        if self.job is None:
            return
        self.job.wait()
        while not self.job.finished:
            QCoreApplication.processEvents()

    def _sent(self) -> None:
        job = self.job
        assert job is not None
        if job.ok:
            self.result_label.setText(report_text(job.result))
            if job.result.sent:
                self.sent.emit()
        else:
            self.result_label.setText(
                job.error or self.tr("The e-mails could not be sent (see the log).")
            )
        self.refresh()

    def remove_selected(self) -> None:
        chosen = sorted({index.row() for index in self.table.selectedIndexes()})
        if not chosen:
            return
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("Remove %n e-mail(s) from the queue without sending them?", "", len(chosen)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            for n in chosen:
                outbox.remove(self.rows[n].id)
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), i18n.message(exc))
        self.refresh()

    def done(self, result: int) -> None:  # noqa: A003 - QDialog API
        if self.job is not None:
            self.job.wait()
        super().done(result)


def email_letters(parent: QWidget, written: list[Any]) -> list[Any]:
    """The letters dialog's "Send e-mails": each letter of an e-mail step becomes an e-mail
    (.eml beside its PDF), is queued, and the queue is sent at once (a server that cannot be
    reached leaves them queued for later). A client without an e-mail address keeps the paper
    letter, and the note says so. Returns the letters left to print and record (the paper
    ones)."""
    from services.paper import email

    title = QCoreApplication.translate("OutboxDialog", "Send e-mails")
    try:
        made = email.make_all(written)
        queued = outbox.queue(made.emails)
    except AppError as exc:
        QMessageBox.warning(parent, title, i18n.message(exc))
        return written
    lines = [
        QCoreApplication.translate("Messages", note).format(**params)
        for _letter, _action, _path, note, params in made.paper
    ]
    if made.emails:
        job = jobs.run_modal(
            parent,
            title,
            QCoreApplication.translate("OutboxDialog", "Sending the e-mails…"),
            lambda progress: outbox.send_queue(only=queued, progress=progress),
        )
        if job.ok:
            lines.insert(0, report_text(job.result))
        else:
            lines.insert(
                0,
                job.error
                or QCoreApplication.translate(
                    "OutboxDialog", "The e-mails could not be sent (see the log)."
                ),
            )
    QMessageBox.information(
        parent,
        title,
        "\n".join(lines) or QCoreApplication.translate("OutboxDialog", "No e-mail to send."),
    )
    emailed = {id(mail.letter) for mail in made.emails}
    return [w for w in written if id(w[0]) not in emailed]
