"""Record or edit a payment and choose what it pays."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.core import clock, history
from services.core.dto import PaymentRow
from services.core.errors import AppError, NeedsConfirmation, UserError
from services.core.money import parse_amount
from services.ledger import invoices as invoice_service
from services.ledger import payments as payment_service
from ui import format as fmt
from ui import i18n
from ui.dialogs.base import EditorDialog, remove_selected_allocation
from ui.labels import METHODS, label
from ui.widgets import ClientPicker, DateEdit, HistoryView, MoneyEdit

COL_NUMBER, COL_DUE, COL_BALANCE, COL_ALLOCATE = range(4)


class PaymentDialog(EditorDialog):
    def __init__(
        self,
        payment: PaymentRow | None = None,
        parent: QWidget | None = None,
        *,
        client_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.payment = payment
        self.saved: PaymentRow | None = None
        self.changed_something = False
        self.setWindowTitle(self.tr("Record a payment") if payment is None else self.tr("Payment"))
        self.resize(660, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        page = QWidget()
        box = QVBoxLayout(page)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        box.addLayout(form)
        self.tabs.addTab(page, self.tr("Payment"))
        self.client = ClientPicker()
        form.addRow(self.tr("Client"), self.client)
        self.fields["client"] = self.client
        self.date = DateEdit()
        self.date.set_value(clock.today())
        form.addRow(self.tr("Date received"), self.date)
        self.fields["date"] = self.date
        self.amount = MoneyEdit()
        form.addRow(self.tr("Amount"), self.amount)
        self.fields["amount"] = self.amount
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(["EUR", "USD", "GBP", "CHF"])
        form.addRow(self.tr("Currency"), self.currency)
        self.fields["currency"] = self.currency
        self.method = QComboBox()
        for key in METHODS:
            self.method.addItem(label(METHODS, key), key)
        form.addRow(self.tr("Method"), self.method)
        self.fields["method"] = self.method
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Cheque number, transfer label…"))
        form.addRow(self.tr("Reference"), self.reference)
        self.fields["reference"] = self.reference
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(50)
        form.addRow(self.tr("Notes"), self.notes)
        self.fields["notes"] = self.notes

        if payment is None:
            box.addWidget(QLabel(self.tr("<b>What does this payment settle?</b>")))
            self.auto = QRadioButton(
                self.tr("The oldest due invoices first (art. 1342-10 Code civil)")
            )
            self.manual = QRadioButton(self.tr("The invoices I choose below"))
            group = QButtonGroup(self)
            group.addButton(self.auto)
            group.addButton(self.manual)
            self.auto.setChecked(True)
            box.addWidget(self.auto)
            box.addWidget(self.manual)
            self.open_items = QTreeWidget()
            self.open_items.setRootIsDecorated(False)
            self.open_items.setHeaderLabels(
                [self.tr("Invoice"), self.tr("Due"), self.tr("Balance"), self.tr("To allocate")]
            )
            self.open_items.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
            box.addWidget(self.open_items, 1)
            self.allocation_hint = QLabel()
            box.addWidget(self.allocation_hint)
            self.fields["invoice"] = self.open_items
            self.client.currentIndexChanged.connect(self._load_open_items)
            self.currency.currentTextChanged.connect(self._load_open_items)
            self.manual.toggled.connect(self._mode_changed)
            self.open_items.itemChanged.connect(self._item_changed)
            self.amount.textChanged.connect(self._update_hint)
            if client_id is not None:
                self.client.set_client(client_id)
            self._mode_changed(False)
        else:
            self._build_allocations_tab(payment)
            self.history = HistoryView()
            self.history.set_events(history.events_for("payment", payment.id))
            self.tabs.addTab(self.history, self.tr("History"))
            self._load(payment)

    # -- new payment: choosing invoices ----------------------------------------------
    def _load_open_items(self) -> None:
        self.open_items.clear()
        cid = self.client.client_id()
        if cid is None:
            return
        for inv in invoice_service.open_invoices(cid, self.currency.currentText().upper() or "EUR"):
            item = QTreeWidgetItem(
                [inv.number, fmt.date(inv.due_date), fmt.money(inv.balance, inv.currency), ""]
            )
            item.setFlags(
                item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
            )
            item.setCheckState(COL_NUMBER, Qt.CheckState.Unchecked)
            item.setData(COL_NUMBER, Qt.ItemDataRole.UserRole, inv.id)
            item.setData(COL_BALANCE, Qt.ItemDataRole.UserRole, str(inv.balance))
            item.setTextAlignment(COL_BALANCE, Qt.AlignmentFlag.AlignRight)
            item.setTextAlignment(COL_ALLOCATE, Qt.AlignmentFlag.AlignRight)
            if inv.status == "overdue":
                item.setForeground(COL_DUE, Qt.GlobalColor.darkRed)
            self.open_items.addTopLevelItem(item)
        self._update_hint()

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        """Ticking an invoice proposes what is left of the payment, up to its balance."""
        if column == COL_NUMBER:
            self.open_items.blockSignals(True)
            if item.checkState(COL_NUMBER) == Qt.CheckState.Checked and not item.text(COL_ALLOCATE):
                balance = Decimal(item.data(COL_BALANCE, Qt.ItemDataRole.UserRole))
                try:
                    total = (
                        parse_amount(self.amount.text(), "amount")
                        if self.amount.text()
                        else balance
                    )
                    used = sum(
                        (
                            a or Decimal(0)
                            for i, a in self._chosen()
                            if i != item.data(COL_NUMBER, Qt.ItemDataRole.UserRole)
                        ),
                        Decimal(0),
                    )
                except UserError:
                    total, used = balance, Decimal(0)
                proposal = max(Decimal(0), min(balance, total - used))
                item.setText(COL_ALLOCATE, f"{proposal:.2f}".replace(".", ","))
            elif item.checkState(COL_NUMBER) != Qt.CheckState.Checked:
                item.setText(COL_ALLOCATE, "")
            self.open_items.blockSignals(False)
        self._update_hint()

    def _mode_changed(self, manual: bool) -> None:
        self.open_items.setEnabled(manual)
        self._update_hint()

    def _update_hint(self) -> None:
        if not self.manual.isChecked():
            self.allocation_hint.setText(
                self.tr("Anything left over stays as credit on the client.")
            )
            return
        try:
            chosen = sum((a or Decimal(0) for _i, a in self._chosen()), Decimal(0))
        except UserError:
            self.allocation_hint.setText(self.tr("An amount to allocate is not a number."))
            return
        self.allocation_hint.setText(
            self.tr("Allocated: {amount}").format(amount=fmt.money(chosen))
        )

    def _chosen(self) -> list[tuple[int, Decimal | None]]:
        chosen: list[tuple[int, Decimal | None]] = []
        for i in range(self.open_items.topLevelItemCount()):
            item = self.open_items.topLevelItem(i)
            if item is None or item.checkState(COL_NUMBER) != Qt.CheckState.Checked:
                continue
            text = item.text(COL_ALLOCATE).strip()
            amount = (
                parse_amount(text, "amount")
                if text
                else Decimal(item.data(COL_BALANCE, Qt.ItemDataRole.UserRole))
            )
            if amount == 0:
                continue
            chosen.append((int(item.data(COL_NUMBER, Qt.ItemDataRole.UserRole)), amount))
        return chosen

    # -- existing payment: its allocations -------------------------------------------
    def _build_allocations_tab(self, payment: PaymentRow) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.summary = QLabel()
        box.addWidget(self.summary)
        self.allocations = QTreeWidget()
        self.allocations.setRootIsDecorated(False)
        self.allocations.setHeaderLabels(
            [self.tr("Date"), self.tr("Invoice"), self.tr("Amount"), self.tr("State")]
        )
        box.addWidget(self.allocations, 1)
        row = QHBoxLayout()
        remove = QPushButton(self.tr("Remove allocation"))
        remove.clicked.connect(self._unallocate)
        auto = QPushButton(self.tr("Allocate the credit left (oldest due first)"))
        auto.clicked.connect(self._auto_allocate)
        row.addWidget(remove)
        row.addWidget(auto)
        row.addStretch(1)
        box.addLayout(row)
        self.tabs.addTab(page, self.tr("Allocation"))
        self._fill_allocations()

    def _fill_allocations(self) -> None:
        assert self.payment is not None
        p = self.payment
        self.summary.setText(
            self.tr("Amount {amount} — allocated {allocated} — credit left {left}").format(
                amount=fmt.money(p.amount, p.currency),
                allocated=fmt.money(p.allocated, p.currency),
                left=fmt.money(p.unallocated, p.currency),
            )
        )
        self.allocations.clear()
        for a in payment_service.allocations_of_payment(p.id, include_removed=True):
            state = (
                self.tr("active")
                if a.removed_on is None
                else self.tr("removed on {date}").format(date=fmt.date(a.removed_on))
            )
            item = QTreeWidgetItem(
                [fmt.date(a.date), a.invoice_number, fmt.money(a.amount, p.currency), state]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, a.id if a.removed_on is None else None)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            self.allocations.addTopLevelItem(item)

    def _unallocate(self) -> None:
        if remove_selected_allocation(self, self.allocations):
            self._refresh()

    def _auto_allocate(self) -> None:
        assert self.payment is not None
        try:
            payment_service.auto_allocate_payment(self.payment.id)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Cannot allocate"), i18n.message(exc))
            return
        self._refresh()

    def _refresh(self) -> None:
        assert self.payment is not None
        self.changed_something = True
        self.payment = payment_service.get_payment(self.payment.id)
        self._fill_allocations()
        self.history.set_events(history.events_for("payment", self.payment.id))

    # -- load / save -----------------------------------------------------------------
    def _load(self, p: PaymentRow) -> None:
        self.client.set_client(p.client_id)
        self.date.set_value(p.date)
        self.amount.setText(f"{p.amount:.2f}".replace(".", ","))
        self.currency.setCurrentText(p.currency)
        self.method.setCurrentIndex(self.method.findData(p.method))
        self.reference.setText(p.reference)
        self.notes.setPlainText(p.notes)

    def values(self) -> dict[str, Any]:
        return {
            "client_id": self.client.client_id(),
            "client": "" if self.client.client_id() else self.client.currentText(),
            "date": self.date.value(),
            "amount": self.amount.text(),
            "currency": self.currency.currentText(),
            "method": self.method.currentData(),
            "reference": self.reference.text(),
            "notes": self.notes.toPlainText(),
        }

    def save(self) -> None:
        try:
            if self.payment is not None:
                self.saved = payment_service.update_payment(self.payment.id, self.values())
            else:
                allocations = self._chosen() if self.manual.isChecked() else None
                try:
                    self.saved = payment_service.record_payment(self.values(), allocations)
                except NeedsConfirmation as question:
                    answer = QMessageBox.question(
                        self,
                        self.tr("Payment larger than what is due"),
                        i18n.message(question) + "\n\n" + self.tr("Record it anyway?"),
                    )
                    if answer != QMessageBox.StandardButton.Yes:
                        return
                    self.saved = payment_service.record_payment(
                        self.values(), allocations, confirm_overpayment=True
                    )
        except AppError as exc:
            self.show_error(exc)
            return
        self.accept()
