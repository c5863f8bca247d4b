"""The start-up alerts: a panel above the lists that says what needs attention today.

Non-blocking: the alerts are computed in a background job after the window is shown,
again whenever a transaction changes the book (:mod:`ui.changes`), and when the day
changes (a timer checks every minute, which also covers a laptop waking up). It shows what
``python main.py alerts`` prints.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.core import clock
from services.core.errors import AppError
from services.followup import alerts
from services.followup.alerts import Alert
from ui import format as fmt
from ui import i18n, jobs
from ui.changes import Change, watch
from ui.labels import ALERT_KINDS, label
from ui.widgets import DateEdit

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60_000


class AlertsPanel(QFrame):
    open_kind = Signal(str)  # the main window shows the right place for a kind
    open_invoice = Signal(int)
    open_client = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsPanel")
        self.setStyleSheet(
            "#alertsPanel { background: #fff8e6; border: 1px solid #e8cf85; border-radius: 4px; }"
        )
        self.found: alerts.Found | None = None
        self.day: dt.date | None = None
        self.dismissed_on: dt.date | None = None
        self._job: jobs.Job | None = None
        self._again = False
        self._stopped = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        self.chips = QHBoxLayout()
        layout.addLayout(self.chips, 1)
        self.hide_button = QPushButton(
            QCoreApplication.translate("AlertsPanel", "Hide until tomorrow")
        )
        self.hide_button.setFlat(True)
        self.hide_button.clicked.connect(self.dismiss)
        layout.addWidget(self.hide_button)
        self.buttons: dict[str, QPushButton] = {}
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        # every change may move an alert; the panel hides itself, so it listens when hidden
        watch(self, Change.everything(), self._book_changed, when_hidden=True)

    # -- computing ---------------------------------------------------------------------
    def refresh(self, *, wait: bool = False) -> None:
        """Recompute in a background job (``wait``: block until shown — tests, the CLI
        agreement)."""
        if self._stopped:
            return
        if self._job is not None and self._job.running():
            self._again = True  # once this one is done: it may have read the book too early
            if not wait:
                return
            self._job.wait()
            QCoreApplication.processEvents()  # its done: shown, and the next one started
            if self._job is not None and self._job.running():
                self._job.wait()
                QCoreApplication.processEvents()
            return
        day = clock.today()
        job = jobs.Job(lambda _progress: alerts.find(day))
        job.done.connect(lambda: self._done(job, day))
        self._job = job
        job.start()
        if wait:
            job.wait()
            QCoreApplication.processEvents()

    def _book_changed(self, _change: Change) -> None:
        if self.day is not None or self._job is not None:  # the first one waits for the paint
            self.refresh()

    def _done(self, job: jobs.Job, day: dt.date) -> None:
        job.deleteLater()  # one job object per computation, not one per change forever
        if job is not self._job:
            return
        self._job = None
        if job.ok and job.result is not None:
            self.show_alerts(day, job.result)
        if self._again:
            self._again = False
            self.refresh()

    def stop(self) -> None:
        """Before the window closes (and the book with it): no job left reading."""
        self._stopped = True
        self.timer.stop()
        self._again = False
        if self._job is not None:
            self._job.wait()

    def resume(self) -> None:
        """After :meth:`stop` (the book was replaced): recompute, and follow the day again."""
        self._stopped = False
        self.timer.start()
        self.refresh()

    def _tick(self) -> None:
        if self.day is not None and clock.today() != self.day:
            self.refresh()

    # -- showing -------------------------------------------------------------------------
    def show_alerts(self, day: dt.date, found: alerts.Found) -> None:
        self.day = day
        self.found = found
        while (chip := self.chips.takeAt(0)) is not None:  # None once empty
            widget = chip.widget()
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        counts = found.counts()
        for kind in alerts.KINDS:
            if not counts.get(kind):
                continue
            button = QPushButton(
                f"{label(ALERT_KINDS, kind)} : {counts[kind]}"
                if i18n.current_language() == "fr"
                else f"{label(ALERT_KINDS, kind)}: {counts[kind]}"
            )
            button.setToolTip(QCoreApplication.translate("AlertsPanel", "Open the list"))
            button.clicked.connect(lambda _=False, k=kind: self.open_list(k))
            self.chips.addWidget(button)
            self.buttons[kind] = button
        self.chips.addStretch(1)
        total = sum(counts.values())
        self.title.setText(
            QCoreApplication.translate("AlertsPanel", "To look at on {date}:").format(
                date=fmt.date(day)
            )
        )
        self.setVisible(total > 0 and self.dismissed_on != day)

    def counts(self) -> dict[str, int]:
        return self.found.counts() if self.found is not None else {}

    def dismiss(self) -> None:
        self.dismissed_on = self.day
        self.hide()

    def open_list(self, kind: str) -> None:
        if kind == "step_due":
            self.open_kind.emit(kind)
            return
        try:
            assert self.found is not None
            shown = alerts.dress(self.found, self.found.of_kind(kind))
        except AppError as exc:
            QMessageBox.warning(self, label(ALERT_KINDS, kind), i18n.message(exc))
            return
        dialog = AlertListDialog(kind, shown, self)
        dialog.open_invoice.connect(self.open_invoice)
        dialog.open_client.connect(self.open_client)
        dialog.exec()  # a snooze is a change of the book: the panel recomputes by itself


class AlertListDialog(QDialog):
    open_invoice = Signal(int)
    open_client = Signal(int)

    def __init__(self, kind: str, items: list[Alert], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.items = items
        self.setWindowTitle(label(ALERT_KINDS, kind))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("AlertsPanel", "Client"),
                QCoreApplication.translate("AlertsPanel", "Invoice"),
                QCoreApplication.translate("AlertsPanel", "Amount"),
                QCoreApplication.translate("AlertsPanel", "Date"),
                QCoreApplication.translate("AlertsPanel", "What"),
            ]
        )
        for n, alert in enumerate(items):
            item = QTreeWidgetItem(
                [
                    alert.client,
                    alert.invoice or "",
                    fmt.money(alert.amount, alert.currency),
                    fmt.date(alert.due_date),
                    alert.render(i18n.translate),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, n)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        self.tree.itemDoubleClicked.connect(lambda *_: self._open())
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        open_button = QPushButton(QCoreApplication.translate("AlertsPanel", "Open"))
        open_button.clicked.connect(self._open)
        row.addWidget(open_button)
        row.addWidget(QLabel(QCoreApplication.translate("AlertsPanel", "Snooze until")))
        self.until = DateEdit()
        self.until.set_value(clock.today() + dt.timedelta(days=7))
        row.addWidget(self.until)
        snooze = QPushButton(QCoreApplication.translate("AlertsPanel", "Snooze"))
        snooze.clicked.connect(self._snooze)
        row.addWidget(snooze)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("AlertsPanel", "Close")
        )
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        first = self.tree.topLevelItem(0)  # None when there are no items
        if first is not None:
            self.tree.setCurrentItem(first)

    def current(self) -> Alert | None:
        item = self.tree.currentItem()
        return self.items[item.data(0, Qt.ItemDataRole.UserRole)] if item is not None else None

    def _open(self) -> None:
        alert = self.current()
        if alert is None:
            return
        if alert.kind == "rates_missing":  # about no client: where the rates are entered
            from ui.dialogs.charges_dialog import ChargesDialog

            ChargesDialog(self).exec()
        elif alert.invoice_id is not None:
            self.open_invoice.emit(alert.invoice_id)
        else:
            self.open_client.emit(alert.client_id)

    def _snooze(self) -> None:
        alert = self.current()
        if alert is None:
            return
        try:
            alerts.snooze(alert, self.until.value())
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), i18n.message(exc))
            return
        item = self.tree.currentItem()  # the snoozed alert's, as current() found one
        if item is not None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
