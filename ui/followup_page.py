"""Relances / Follow-up: today's dunning actions, one per client and step, with what
to do about each (done, registered letter, postpone, skip, call, promise, dispute,
payment plan, hand-off)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.core import clock, settings
from services.core.errors import AppError
from services.followup import dunning
from services.paper import letters
from ui import format as fmt
from ui import i18n
from ui.changes import Change, watch
from ui.dunning_dialogs import (
    CallDialog,
    DisputeDialog,
    HandOffDialog,
    PlanDialog,
    PostponeDialog,
    PromiseDialog,
    RegisteredDialog,
    SkipDialog,
)
from ui.labels import CHANNELS, STEP_ACTIONS, label
from ui.widgets import DateEdit

ActionRole = Qt.ItemDataRole.UserRole + 1
InvoiceRole = Qt.ItemDataRole.UserRole + 2
MISSED_COLOUR = QColor("#8a5a00")


class FollowUpPage(QWidget):
    open_invoice = Signal(int)
    open_client = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.due_actions: list[dunning.Action] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Actions due on")))
        self.as_of = DateEdit()
        self.as_of.set_value(clock.today())
        self.as_of.dateChanged.connect(self.reload)
        top.addWidget(self.as_of)
        today = QPushButton(self.tr("Today"))
        today.clicked.connect(lambda: self.as_of.set_value(clock.today()))
        top.addWidget(today)
        self.letters_button = QPushButton(self.tr("Prepare letters…"))
        self.letters_button.setToolTip(
            self.tr("The day's letters: preview, print or save, then record them as sent")
        )
        self.letters_button.clicked.connect(self.prepare_letters)
        top.addWidget(self.letters_button)
        top.addStretch(1)
        self.summary = QLabel()
        top.addWidget(self.summary)
        layout.addLayout(top)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels(
            [
                self.tr("Client / invoice"),
                self.tr("Step"),
                self.tr("Channel"),
                self.tr("Amount"),
                self.tr("Days late"),
                self.tr("Note"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        for column, width in enumerate((290, 250, 150, 120, 110)):
            self.tree.setColumnWidth(column, width)
        self.tree.itemSelectionChanged.connect(self._enable)
        self.tree.itemDoubleClicked.connect(self._open)
        layout.addWidget(self.tree, 1)
        self.empty = QLabel(
            self.tr(
                "Nothing to do on this date. Invoices due soon and late ones "
                "will appear here when their next step comes."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); padding: 30px;")
        layout.addWidget(self.empty)

        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("done", self.tr("Done"), self.mark_done),
            (
                "registered",
                self.tr("Sent by registered letter…"),
                lambda: self._with_action(RegisteredDialog),
            ),
            ("postpone", self.tr("Postpone…"), lambda: self._with_action(PostponeDialog)),
            ("skip", self.tr("Skip…"), lambda: self._with_action(SkipDialog)),
            ("call", self.tr("Log a call…"), self.log_call),
            ("promise", self.tr("Promise…"), self.promise),
            ("dispute", self.tr("Dispute…"), self.dispute),
            ("plan", self.tr("Payment plan…"), self.plan),
            ("handoff", self.tr("Hand off…"), self.hand_off),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        layout.addLayout(row)
        self._stale = True
        # any change may move an action (invoices, payments, scenarios, holds, settings...)
        watch(self, Change.everything(), lambda _change: self.mark_stale(), when_hidden=True)

    # -- data -----------------------------------------------------------------------------
    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        day = self.as_of.value()
        try:
            self.due_actions = dunning.actions(day)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Follow-up"), i18n.message(exc))
            self.due_actions = []
        self.tree.clear()
        for index, action in enumerate(self.due_actions):
            step = label(STEP_ACTIONS, action.step.action)
            if action.step.with_penalties:
                step += " " + self.tr("(with penalties)")
            note = ""
            if action.missed:
                note = self.tr("never done: {steps}").format(
                    steps=", ".join(
                        f"{label(STEP_ACTIONS, m.action)} (J{m.offset_days:+d})".replace("-", "−")
                        for m in action.missed
                    )
                )
            top = QTreeWidgetItem(
                [
                    f"{action.client_name} ({action.client_code})",
                    step,
                    label(CHANNELS, action.step.channel),
                    fmt.money(action.amount, action.currency),
                    str(action.max_days_late(day)) if action.max_days_late(day) else "",
                    note,
                ]
            )
            top.setData(0, ActionRole, index)
            top.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            top.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            if action.missed:
                top.setForeground(5, QBrush(MISSED_COLOUR))
            for inv in action.invoices:
                late = (day - inv.due_date).days
                child = QTreeWidgetItem(
                    [
                        self.tr("{number} — due {date}").format(
                            number=inv.number, date=fmt.date(inv.due_date)
                        ),
                        "",
                        "",
                        fmt.money(inv.balance, inv.currency),
                        str(late) if late > 0 else "",
                        "",
                    ]
                )
                child.setData(0, ActionRole, index)
                child.setData(0, InvoiceRole, inv.id)
                child.setTextAlignment(
                    3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                child.setTextAlignment(
                    4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(len(self.due_actions) <= 50)
        self.tree.setVisible(bool(self.due_actions))
        self.empty.setVisible(not self.due_actions)
        self.summary.setText(self.tr("%n action(s)", "", len(self.due_actions)))
        first = self.tree.topLevelItem(0)  # None when there is no action
        if first is not None:
            self.tree.setCurrentItem(first)
        self._enable()

    # -- selection --------------------------------------------------------------------------
    def selected_action(self) -> dunning.Action | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        index = item.data(0, ActionRole)
        return (
            self.due_actions[index] if index is not None and index < len(self.due_actions) else None
        )

    def selected_invoices(self) -> list[dunning.OpenInvoice]:
        """The invoice row selected, else every invoice of the selected action."""
        action = self.selected_action()
        if action is None:
            return []
        item = self.tree.currentItem()  # not None: it is the selected action's
        invoice_id = item.data(0, InvoiceRole) if item is not None else None
        if invoice_id is not None:
            return [i for i in action.invoices if i.id == invoice_id]
        return list(action.invoices)

    def select_action(self, client_code: str, step: str) -> bool:
        for index in range(self.tree.topLevelItemCount()):
            action = self.due_actions[index]
            item = self.tree.topLevelItem(index)  # not None: index < the count
            if (
                item is not None
                and action.client_code == client_code
                and action.step.action == step
            ):
                self.tree.setCurrentItem(item)
                return True
        return False

    def _enable(self) -> None:
        has = self.selected_action() is not None
        for button in self.buttons.values():
            button.setEnabled(has)

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        invoice_id = item.data(0, InvoiceRole)
        if invoice_id is not None:
            self.open_invoice.emit(int(invoice_id))
        else:
            action = self.selected_action()
            if action is not None:
                self.open_client.emit(action.client_id)

    # -- doing --------------------------------------------------------------------------------
    # What is recorded here changes the book: this page, the lists and the alerts reload
    # themselves (ui.changes), so no action below refreshes anything.
    def _with_action(self, dialog_class: Callable[..., QDialog]) -> None:
        action = self.selected_action()
        if action is None:
            return
        dialog_class(action, self).exec()

    def mark_done(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        try:
            dunning.mark_done(action, self.as_of.value())
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Cannot record"), i18n.message(exc))

    def prepare_letters(self) -> QDialog:
        from ui.letters_dialog import LettersDialog

        dialog = LettersDialog(self.as_of.value(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def plan(self) -> None:
        """A plan over all of the client's overdue invoices (same currency, not disputed)."""
        action = self.selected_action()
        if action is None:
            return
        whole = dunning.Action(
            action.client_id,
            action.client_code,
            action.client_name,
            action.client_kind,
            action.step,
            action.currency,
        )
        whole.invoices = [
            i
            for i in dunning.overdue_invoices(action.client_id, self.as_of.value(), action.currency)
            if not i.disputed
        ]
        dialog = PlanDialog(whole, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_agreement(action.client_code, waive=dialog.waive.isChecked())

    def show_agreement(self, client_code: str, *, waive: bool = False) -> QWidget | None:
        """The agreement for the client to sign, in the viewer (print, export); it says
        whether the late charges are waived if the plan is kept, or reserved."""
        import tempfile
        from pathlib import Path

        from services.paper import legal_docs
        from ui.viewer import DocumentViewer

        out = Path(tempfile.mkdtemp(prefix="encaisse-plan-")) / f"echeancier-{client_code}.pdf"
        charges = legal_docs.WAIVED if waive else legal_docs.RESERVED
        try:
            legal_docs.plan_agreement(client_code, out, charges=charges)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Payment plan"), i18n.message(exc))
            return None
        viewer = DocumentViewer(
            out,
            "application/pdf",
            self.tr("Payment plan to sign — {code}").format(code=client_code),
            self,
        )
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def log_call(self) -> None:
        action = self.selected_action()
        if action is not None:
            CallDialog(action.client_id, action.invoices, self).exec()

    def promise(self) -> None:
        invoices = self.selected_invoices()
        if invoices:
            PromiseDialog(invoices[0], self).exec()

    def dispute(self) -> None:
        invoices = self.selected_invoices()
        if invoices:
            DisputeDialog(invoices[0].number, self).exec()

    def hand_off(self) -> None:
        invoices = self.selected_invoices()
        if not invoices:
            return
        numbers = [i.number for i in invoices]
        if HandOffDialog(numbers, self).exec() == QDialog.DialogCode.Accepted:
            self.show_hand_off_letters(numbers)

    def show_hand_off_letters(self, numbers: list[str]) -> QWidget | None:
        """The letter telling the debtor whom the file went to and where to pay now (issue
        #13, point 8), in the viewer to print; none when no name was entered."""
        import tempfile
        from pathlib import Path

        from ui.viewer import DocumentViewer

        try:
            made = letters.hand_off_letters(numbers)
            if not made:
                return None
            out = Path(tempfile.mkdtemp(prefix="encaisse-handoff-")) / "hand-off.pdf"
            letters.write_letters(out, made, settings.read().window)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Hand off"), i18n.message(exc))
            return None
        viewer = DocumentViewer(
            out, "application/pdf", self.tr("Letter to the debtor — hand-off"), self
        )
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer
