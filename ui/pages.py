"""The three lists: clients, invoices, payments."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QPushButton, QWidget

from services.core import clock
from services.core.dto import ClientRow, InvoiceRow, PaymentRow
from services.core.i18n import QT_TRANSLATE_NOOP
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from services.ledger import payments as payment_service
from services.proof.documents import Owner
from ui import format as fmt
from ui.changes import Change, watch
from ui.dialogs.client_dialog import ClientDialog
from ui.dialogs.invoice_dialog import InvoiceDialog
from ui.dialogs.payment_dialog import PaymentDialog
from ui.documents_panel import attach_files_interactively, proof_summary
from ui.labels import CLIENT_KINDS, INVOICE_KINDS, METHODS, PLURALS, STATUSES, label
from ui.list_page import ListPage
from ui.table_model import Column, PagedTableModel
from ui.widgets import DateRange

RED = QColor("#b3261e")
GREY = QColor("#6f6f6f")
CREDIT_BG = QColor("#eef5ff")
NO_PROOF_BG = QColor("#ffe9d6")  # overdue and proof missing: look before escalating


class ClientsPage(ListPage):
    invoices_requested = Signal(int)
    #: balances, overdue amounts and credit come from the invoices and payments
    TOPICS = Change.CLIENTS | Change.INVOICES | Change.PAYMENTS

    COLUMNS: ClassVar[list[Column[ClientRow]]] = [
        Column(QT_TRANSLATE_NOOP("Columns", "Code"), "code", lambda r: r.code),
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), "name", lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Kind"), "kind", lambda r: label(CLIENT_KINDS, r.kind)),
        Column(QT_TRANSLATE_NOOP("Columns", "City"), "city", lambda r: r.city),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Balance"), "balance", lambda r: fmt.money(r.balance), True
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Overdue"), "overdue", lambda r: fmt.money(r.overdue), True
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Unallocated credit"),
            "unallocated",
            lambda r: fmt.money(r.unallocated),
            True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Credit limit"),
            "credit_limit",
            lambda r: fmt.money(r.credit_limit),
            True,
        ),
    ]

    def __init__(self, parent: QWidget | None = None) -> None:
        model = PagedTableModel(
            self.COLUMNS,
            client_service.list_clients,
            client_service.count_clients,
            client_service.ClientQuery(),
            foreground=lambda r: RED if r.overdue > 0 else None,
        )
        super().__init__(model, parent)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), "")
        for key in CLIENT_KINDS:
            self.kind.addItem(label(CLIENT_KINDS, key), key)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.filters.addWidget(self.kind)
        self.filters.addWidget(self.overdue)
        self.kind.currentIndexChanged.connect(self.apply_filters)
        self.overdue.toggled.connect(self.apply_filters)
        self.invoices_button = QPushButton(self.tr("Invoices of this client"))
        self.invoices_button.clicked.connect(self._show_invoices)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.invoices_button.setEnabled(self.selected_row() is not None)
        )
        self.invoices_button.setEnabled(False)
        self.filters.addWidget(self.invoices_button)
        for col, width in enumerate((90, 240, 170, 130, 110, 110, 130, 110)):
            self.table.setColumnWidth(col, width)

    def _show_invoices(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.invoices_requested.emit(row.id)

    def search_placeholder(self) -> str:
        return self.tr("Search clients: code, name, city… (Ctrl+F)")

    def new_label(self) -> str:
        return self.tr("New client")

    def count_text(self, count: int) -> str:
        return self.tr("%n client(s)", "", count)

    def build_query(self, base: Any) -> Any:
        return replace(
            base,
            search=self.search.text(),
            kind=self.kind.currentData() or "",
            overdue_only=self.overdue.isChecked(),
        )

    def create_new(self) -> None:
        ClientDialog(parent=self).exec()

    def open_row(self, row: ClientRow) -> bool:
        return (
            ClientDialog(client_service.get_client(row.id), self).exec()
            == QDialog.DialogCode.Accepted
        )

    def confirm_delete_text(self, row: ClientRow) -> str:
        return self.tr("Delete the client {code} — {name}?").format(code=row.code, name=row.name)

    def delete_row(self, row: ClientRow) -> None:
        client_service.delete_client(row.id)

    def accepts_files(self) -> bool:
        return True

    def drop_files(self, row: ClientRow, paths: list[Path]) -> None:
        title = self.tr("Client {code} — {name}").format(code=row.code, name=row.name)
        attach_files_interactively(self, Owner(client_id=row.id), paths, title)


def _status_text(row: InvoiceRow) -> str:
    if row.kind == "credit_note" and row.balance != 0:
        text = QCoreApplication.translate("Labels", "Credit to apply")
    else:
        text = label(STATUSES, row.status)
    if row.disputed:
        text += " — " + QCoreApplication.translate("Labels", "disputed")
    return text


def _proof_text(row: InvoiceRow) -> str:
    if row.kind != "invoice":
        return ""
    if not row.proof_missing:
        return QCoreApplication.translate("Labels", "✔ complete")
    return PLURALS.proofs_missing(len(row.proof_missing))


def _proof_tooltip(row: InvoiceRow) -> str:
    if row.kind != "invoice":
        return ""
    text = proof_summary(row.proof_missing)
    if row.overdue_without_proof:
        text += "\n" + QCoreApplication.translate(
            "Labels", "Overdue with proof missing: gather the documents before escalating."
        )
    return text


class ClientFilter(QComboBox):
    """ "All clients" or one client; the list is filled when first opened, so a book
    of 20,000 clients costs nothing at start-up, and again after the clients changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("All clients"), None)
        self._stale = True
        watch(self, Change.CLIENTS, lambda _change: self.mark_stale(), when_hidden=True)

    def mark_stale(self) -> None:
        self._stale = True

    def ensure_loaded(self) -> None:
        if not self._stale:
            return
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All clients"), None)
        for cid, code, name in client_service.client_choices(limit=100_000):
            self.addItem(f"{name} ({code})", cid)
        self.setCurrentIndex(max(self.findData(current), 0))
        self.blockSignals(False)
        self._stale = False

    def showPopup(self) -> None:  # noqa: N802
        self.ensure_loaded()
        super().showPopup()


class InvoicesPage(ListPage):
    #: amounts paid, clients' names, proof (documents, CGV, settings), disputes (follow-up)
    TOPICS = (
        Change.INVOICES
        | Change.PAYMENTS
        | Change.CLIENTS
        | Change.DOCUMENTS
        | Change.FOLLOWUP
        | Change.SETTINGS
    )
    COLUMNS: ClassVar[list[Column[InvoiceRow]]] = [
        Column(QT_TRANSLATE_NOOP("Columns", "Number"), "number", lambda r: r.number),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Client"),
            "client",
            lambda r: f"{r.client_name} ({r.client_code})",
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Kind"), "kind", lambda r: label(INVOICE_KINDS, r.kind)
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Issued"), "issue_date", lambda r: fmt.date(r.issue_date)
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Due"), "due_date", lambda r: fmt.date(r.due_date)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Total"),
            "total",
            lambda r: fmt.money(r.total, r.currency),
            True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Paid"),
            "paid",
            lambda r: fmt.money(r.paid, r.currency),
            True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Balance"),
            "balance",
            lambda r: fmt.money(r.balance, r.currency),
            True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Days late"),
            "days_late",
            lambda r: str(r.days_late) if r.status == "overdue" else "",
            True,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), "status", lambda r: _status_text(r)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Proof"),
            None,
            lambda r: _proof_text(r),
            tooltip=lambda r: _proof_tooltip(r),
        ),
    ]

    def __init__(self, parent: QWidget | None = None) -> None:
        model = PagedTableModel(
            self.COLUMNS,
            invoice_service.list_invoices,
            invoice_service.count_invoices,
            invoice_service.InvoiceQuery(),
            foreground=lambda r: (
                RED if r.status == "overdue" else (GREY if r.status == "paid" else None)
            ),
            background=lambda r: (
                CREDIT_BG
                if r.kind == "credit_note"
                else NO_PROOF_BG
                if r.overdue_without_proof
                else None
            ),
        )
        super().__init__(model, parent)
        self.client_filter = ClientFilter()
        self.client_filter.setMaximumWidth(220)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), "")
        for key in ("open", "overdue", "not_due", "paid"):
            self.status.addItem(label(STATUSES, key), key)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Invoices and credit notes"), "")
        for key in INVOICE_KINDS:
            self.kind.addItem(label(INVOICE_KINDS, key), key)
        today = clock.today()
        self.dates = DateRange(self.tr("Issued from"), today.replace(month=1, day=1), today)
        self.use_dates, self.date_from, self.date_to = (
            self.dates.check,
            self.dates.start,
            self.dates.end,
        )
        self.proof_missing = QCheckBox(self.tr("Proof missing"))
        self.proof_missing.setToolTip(
            self.tr(
                "Invoices without a signed quote or order, a signed delivery note or accepted CGV"
            )
        )
        for w in (self.client_filter, self.status, self.kind, self.dates, self.proof_missing):
            self.filters.addWidget(w)
        self.proof_missing.toggled.connect(self.apply_filters)
        self.reload_client_filter()
        self.client_filter.currentIndexChanged.connect(self.apply_filters)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.kind.currentIndexChanged.connect(self.apply_filters)
        self.dates.changed.connect(self.apply_filters)
        for col, width in enumerate((100, 275, 90, 90, 90, 110, 100, 110, 70, 115, 120)):
            self.table.setColumnWidth(col, width)

    def reload_client_filter(self) -> None:
        self.client_filter.mark_stale()

    def show_client(self, client_id: int | None, status: str = "") -> None:
        self.client_filter.ensure_loaded()
        self.client_filter.setCurrentIndex(max(self.client_filter.findData(client_id), 0))
        self.status.setCurrentIndex(max(self.status.findData(status), 0))
        self.apply_filters()

    def show_missing_proof(self) -> None:
        """Overdue invoices whose proof is incomplete: what to look at before escalating."""
        self.client_filter.setCurrentIndex(0)
        self.status.setCurrentIndex(max(self.status.findData("overdue"), 0))
        self.proof_missing.setChecked(True)
        self.apply_filters()

    def search_placeholder(self) -> str:
        return self.tr("Search invoices: number, client, order… (Ctrl+F)")

    def new_label(self) -> str:
        return self.tr("New invoice")

    def count_text(self, count: int) -> str:
        return self.tr("%n document(s)", "", count)

    def build_query(self, base: Any) -> Any:
        start, end = self.dates.bounds()
        return replace(
            base,
            search=self.search.text(),
            client_id=self.client_filter.currentData(),
            status=self.status.currentData() or "",
            kind=self.kind.currentData() or "",
            date_from=start,
            date_to=end,
            proof_missing_only=self.proof_missing.isChecked(),
        )

    def create_new(self, kind: str = "invoice") -> None:
        InvoiceDialog(parent=self, client_id=self.client_filter.currentData(), kind=kind).exec()

    def open_row(self, row: InvoiceRow) -> bool:
        dialog = InvoiceDialog(invoice_service.get_invoice(row.id), self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return accepted or dialog.changed_something

    def confirm_delete_text(self, row: InvoiceRow) -> str:
        return self.tr(
            "Delete {number} ({total})? Only a document entered by mistake should be "
            "deleted; its deletion is kept in the history."
        ).format(number=row.number, total=fmt.money(row.total, row.currency))

    def delete_row(self, row: InvoiceRow) -> None:
        invoice_service.delete_invoice(row.id)

    def accepts_files(self) -> bool:
        return True

    def drop_files(self, row: InvoiceRow, paths: list[Path]) -> None:
        title = self.tr("Invoice {number} — {client}").format(
            number=row.number, client=row.client_name
        )
        attach_files_interactively(self, Owner(invoice_id=row.id), paths, title)


class PaymentsPage(ListPage):
    TOPICS = Change.PAYMENTS | Change.INVOICES | Change.CLIENTS
    COLUMNS: ClassVar[list[Column[PaymentRow]]] = [
        Column(QT_TRANSLATE_NOOP("Columns", "Date"), "date", lambda r: fmt.date(r.date)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Client"),
            "client",
            lambda r: f"{r.client_name} ({r.client_code})",
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Amount"),
            "amount",
            lambda r: fmt.money(r.amount, r.currency),
            True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Allocated"),
            "allocated",
            lambda r: fmt.money(r.allocated, r.currency),
            True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Unallocated"),
            "unallocated",
            lambda r: fmt.money(r.unallocated, r.currency),
            True,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Method"), "method", lambda r: label(METHODS, r.method)
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Reference"), "reference", lambda r: r.reference),
    ]

    def __init__(self, parent: QWidget | None = None) -> None:
        model = PagedTableModel(
            self.COLUMNS,
            payment_service.list_payments,
            payment_service.count_payments,
            payment_service.PaymentQuery(),
            foreground=lambda r: QColor("#1a5e20") if r.unallocated > 0 else None,
        )
        super().__init__(model, parent)
        self.method = QComboBox()
        self.method.addItem(self.tr("All methods"), "")
        for key in METHODS:
            self.method.addItem(label(METHODS, key), key)
        self.unallocated = QCheckBox(self.tr("With credit left only"))
        self.client_filter = ClientFilter()
        self.client_filter.setMaximumWidth(220)
        today = clock.today()
        self.dates = DateRange(self.tr("Received from"), today.replace(month=1, day=1), today)
        self.use_dates, self.date_from, self.date_to = (
            self.dates.check,
            self.dates.start,
            self.dates.end,
        )
        for w in (self.client_filter, self.method, self.unallocated, self.dates):
            self.filters.addWidget(w)
        self.method.currentIndexChanged.connect(self.apply_filters)
        self.unallocated.toggled.connect(self.apply_filters)
        self.client_filter.currentIndexChanged.connect(self.apply_filters)
        self.dates.changed.connect(self.apply_filters)
        for col, width in enumerate((90, 260, 110, 110, 110, 120, 200)):
            self.table.setColumnWidth(col, width)

    def search_placeholder(self) -> str:
        return self.tr("Search payments: client, reference… (Ctrl+F)")

    def new_label(self) -> str:
        return self.tr("Record a payment")

    def count_text(self, count: int) -> str:
        return self.tr("%n payment(s)", "", count)

    def build_query(self, base: Any) -> Any:
        start, end = self.dates.bounds()
        return replace(
            base,
            search=self.search.text(),
            method=self.method.currentData() or "",
            unallocated_only=self.unallocated.isChecked(),
            client_id=self.client_filter.currentData(),
            date_from=start,
            date_to=end,
        )

    def reload_client_filter(self) -> None:
        self.client_filter.mark_stale()

    def create_new(self, client_id: int | None = None) -> None:
        PaymentDialog(parent=self, client_id=client_id).exec()

    def open_row(self, row: PaymentRow) -> bool:
        dialog = PaymentDialog(payment_service.get_payment(row.id), self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return accepted or dialog.changed_something

    def confirm_delete_text(self, row: PaymentRow) -> str:
        return self.tr(
            "Delete the payment of {amount} received on {date}? Its allocations are "
            "removed and the deletion is kept in the history."
        ).format(amount=fmt.money(row.amount, row.currency), date=fmt.date(row.date))

    def delete_row(self, row: PaymentRow) -> None:
        payment_service.delete_payment(row.id)
