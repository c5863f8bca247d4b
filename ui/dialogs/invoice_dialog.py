"""Create or edit an invoice or a credit note; see its payments and history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.core import clock, history
from services.core.dto import InvoiceRow
from services.core.errors import AppError
from services.followup import dunning
from services.ledger import invoices as invoice_service
from services.ledger import payments as payment_service
from services.proof import rules as proof_service
from services.proof.documents import Owner
from ui import format as fmt
from ui import i18n
from ui.dialogs.base import EditorDialog, form_tab, remove_selected_allocation
from ui.documents_panel import DocumentsPanel, ProofStatusBox, build_evidence_file, dropped_files
from ui.labels import INVOICE_KINDS, STATUSES, label
from ui.widgets import ClientPicker, DateEdit, HistoryView, MoneyEdit, OptionalDateEdit

COMMON_TERMS = [
    "à réception",
    "30 jours",
    "45 jours",
    "60 jours",
    "30 jours fin de mois",
    "45 jours fin de mois",
    "30 jours fin de mois le 10",
    "on receipt",
    "net 30",
    "45 days end of month",
]
CURRENCIES = ["EUR", "USD", "GBP", "CHF"]


def _decimal_text(value: Any) -> str:
    return "" if value is None else f"{abs(value):.2f}".replace(".", ",")


class InvoiceDialog(EditorDialog):
    def __init__(
        self,
        invoice: InvoiceRow | None = None,
        parent: QWidget | None = None,
        *,
        client_id: int | None = None,
        kind: str = "invoice",
    ) -> None:
        super().__init__(parent)
        self.invoice = invoice
        self.saved: InvoiceRow | None = None
        self.changed_something = False
        if invoice is None:
            title = self.tr("New credit note") if kind == "credit_note" else self.tr("New invoice")
        else:
            title = self.tr("{kind} {number}").format(
                kind=label(INVOICE_KINDS, invoice.kind), number=invoice.number
            )
        self.setWindowTitle(title)
        self.resize(660, 620)
        layout = QVBoxLayout(self)
        if invoice is not None:
            self.summary = QLabel()
            layout.addWidget(self.summary)
            self._show_summary(invoice)
        layout.addWidget(self.banner)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "QLabel { background: #fff4d6; color: #6b4e00; padding: 6px;"
            " border: 1px solid #e8cf85; border-radius: 4px; }"
        )
        self.warning.hide()
        layout.addWidget(self.warning)
        self.tabs = QTabWidget()
        self.setAcceptDrops(True)  # files dropped here are attached (once saved)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        form = form_tab(self.tabs, self.tr("Invoice"))
        self.number = QLineEdit()
        form.addRow(self.tr("Number"), self.number)
        self.fields["number"] = self.number
        self.client = ClientPicker()
        form.addRow(self.tr("Client"), self.client)
        self.fields["client"] = self.client
        self.kind = QComboBox()
        for key in INVOICE_KINDS:
            self.kind.addItem(label(INVOICE_KINDS, key), key)
        form.addRow(self.tr("Kind"), self.kind)
        self.fields["kind"] = self.kind
        self.issue_date = DateEdit()
        self.issue_date.set_value(clock.today())
        form.addRow(self.tr("Issue date"), self.issue_date)
        self.fields["issue_date"] = self.issue_date
        self.delivery_date = OptionalDateEdit(self.tr("known"))
        form.addRow(self.tr("Delivery date"), self.delivery_date)
        self.fields["delivery_date"] = self.delivery_date
        self.terms = QLineEdit()
        self.terms.setPlaceholderText(self.tr("Empty = the client's terms"))
        completer = QCompleter(COMMON_TERMS, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.terms.setCompleter(completer)
        form.addRow(self.tr("Payment terms"), self.terms)
        self.fields["terms"] = self.terms
        due_row = QHBoxLayout()
        self.due_date = DateEdit()
        self.due_manual = QCheckBox(self.tr("set by hand"))
        self.due_hint = QLabel()
        due_row.addWidget(self.due_date)
        due_row.addWidget(self.due_manual)
        due_row.addWidget(self.due_hint, 1)
        form.addRow(self.tr("Due date"), due_row)
        self.fields["due_date"] = self.due_date
        self.total = MoneyEdit()
        form.addRow(self.tr("Total incl. VAT"), self.total)
        self.fields["total"] = self.total
        self.net = MoneyEdit()
        self.net.setPlaceholderText(self.tr("optional"))
        form.addRow(self.tr("Net amount"), self.net)
        self.fields["net"] = self.net
        self.vat = MoneyEdit()
        self.vat.setPlaceholderText(self.tr("optional"))
        form.addRow(self.tr("VAT amount"), self.vat)
        self.fields["vat"] = self.vat
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        form.addRow(self.tr("Currency"), self.currency)
        self.fields["currency"] = self.currency
        self.po_number = QLineEdit()
        form.addRow(self.tr("Purchase order"), self.po_number)
        self.fields["po_number"] = self.po_number
        self.applies_to = QLineEdit()
        self.applies_to.setPlaceholderText(self.tr("Invoice number (optional)"))
        self.applies_label = QLabel(self.tr("Applies to invoice"))
        form.addRow(self.applies_label, self.applies_to)
        self.fields["invoice"] = self.applies_to
        dispute_row = QHBoxLayout()
        self.disputed = QCheckBox(self.tr("The client disputes this invoice"))
        self.disputed.setEnabled(False)  # opened and closed with a reason (buttons), never ticked
        self.dispute_button = QPushButton()
        self.dispute_button.clicked.connect(self._dispute)
        dispute_row.addWidget(self.disputed)
        dispute_row.addWidget(self.dispute_button)
        # an invoice handed to an injonction de payer: its dates, as they come (issue #13)
        self.procedure_button = QPushButton(self.tr("Injonction de payer…"))
        self.procedure_button.setToolTip(
            self.tr("Record the ordonnance and its service; see the deadlines they lead to")
        )
        self.procedure_button.clicked.connect(self._procedure)
        self.procedure_button.setVisible(
            invoice is not None and dunning.procedure_of(invoice.number) is not None
        )
        dispute_row.addWidget(self.procedure_button)
        dispute_row.addStretch(1)
        form.addRow("", dispute_row)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("Notes"), self.notes)
        self.fields["notes"] = self.notes

        if invoice is not None:
            self._build_payments_tab(invoice)
            self._build_documents_tab(invoice)
            self.history = HistoryView()
            self.history.set_events(history.events_for("invoice", invoice.id))
            self.tabs.addTab(self.history, self.tr("History"))
            self._load(invoice)
        else:
            self.kind.setCurrentIndex(self.kind.findData(kind))
            self.delivery_date.set_value(None, clock.today())
            if client_id is not None:
                self.client.set_client(client_id)

        self.due_manual.toggled.connect(self._due_mode_changed)
        for signal in (
            self.issue_date.dateChanged,
            self.client.currentIndexChanged,
            self.terms.textChanged,
            self.kind.currentIndexChanged,
            self.due_date.dateChanged,
        ):
            signal.connect(self._refresh_due)
        self._due_mode_changed(self.due_manual.isChecked())

    # -- dispute --------------------------------------------------------------------------
    def _show_dispute_button(self) -> None:
        self.dispute_button.setVisible(self.invoice is not None and self.invoice.kind == "invoice")
        self.dispute_button.setText(
            self.tr("Close the dispute…")
            if self.disputed.isChecked()
            else self.tr("Open a dispute…")
        )

    def _dispute(self) -> None:
        from ui.dunning_dialogs import CloseDisputeDialog, DisputeDialog

        assert self.invoice is not None
        dialog = (
            CloseDisputeDialog(self.invoice.number, self)
            if self.disputed.isChecked()
            else DisputeDialog(self.invoice.number, self)
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.changed_something = True
        self.invoice = invoice_service.get_invoice(self.invoice.id)
        self.disputed.setChecked(self.invoice.disputed)
        self._show_dispute_button()
        self.history.set_events(history.events_for("invoice", self.invoice.id))

    def _procedure(self) -> None:
        from ui.dunning_dialogs import ProcedureDialog

        assert self.invoice is not None
        if ProcedureDialog(self.invoice.number, self).exec() == QDialog.DialogCode.Accepted:
            self.changed_something = True
            self.history.set_events(history.events_for("invoice", self.invoice.id))

    # -- documents tab -----------------------------------------------------------------
    def _build_documents_tab(self, invoice: InvoiceRow) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.proof_box = ProofStatusBox()
        box.addWidget(self.proof_box)
        self.documents = DocumentsPanel(
            Owner(invoice_id=invoice.id),
            self.tr("Invoice {number} — {client}").format(
                number=invoice.number, client=invoice.client_name
            ),
        )
        self.documents.changed.connect(self._after_documents_change)
        box.addWidget(self.documents, 1)
        row = QHBoxLayout()
        self.evidence_button = QPushButton(self.tr("Evidence file…"))
        self.evidence_button.setToolTip(
            self.tr(
                "One PDF with a cover page and every proof document, "
                "for a collection agency or a court"
            )
        )
        self.evidence_button.clicked.connect(self._evidence)
        row.addStretch(1)
        row.addWidget(self.evidence_button)
        box.addLayout(row)
        self.documents_tab = self.tabs.addTab(page, "")
        self._show_proof()

    def _show_proof(self) -> None:
        assert self.invoice is not None
        status = proof_service.proof_of(self.invoice.id)
        self.proof_box.set_status(status, overdue=self.invoice.status == "overdue")
        count = self.documents.model.rowCount()
        title = (
            self.tr("Documents ({count})").format(count=count) if count else self.tr("Documents")
        )
        if status.missing:
            title += " ⚠"
        self.tabs.setTabText(self.documents_tab, title)

    def _after_documents_change(self) -> None:
        self.changed_something = True
        self._show_proof()
        self.history.set_events(
            history.events_for("invoice", self.invoice.id if self.invoice else 0)
        )

    def _evidence(self) -> None:
        assert self.invoice is not None
        build_evidence_file(
            self,
            self.tr("evidence-{number}").format(number=self.invoice.number),
            invoice_id=self.invoice.id,
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = dropped_files(event)
        event.acceptProposedAction()
        if not paths:
            return
        if self.invoice is None:
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr("Save the invoice first, then attach its documents."),
            )
            return
        self.tabs.setCurrentIndex(self.documents_tab)
        self.documents.attach(paths)

    # -- payments tab -----------------------------------------------------------------
    def _build_payments_tab(self, invoice: InvoiceRow) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.allocations = QTreeWidget()
        self.allocations.setRootIsDecorated(False)
        self.allocations.setHeaderLabels(
            [
                self.tr("Date"),
                self.tr("From"),
                self.tr("Invoice"),
                self.tr("Amount"),
                self.tr("State"),
            ]
        )
        self.allocations.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        box.addWidget(self.allocations, 1)
        row = QHBoxLayout()
        self.unallocate_button = QPushButton(self.tr("Remove allocation"))
        self.unallocate_button.clicked.connect(self._unallocate)
        row.addWidget(self.unallocate_button)
        self.apply_button = QPushButton(
            self.tr("Apply to an invoice…")
            if invoice.kind == "credit_note"
            else self.tr("Apply a credit note…")
        )
        self.apply_button.clicked.connect(self._apply_credit)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        box.addLayout(row)
        self.tabs.addTab(page, self.tr("Payments and credit notes"))
        self._fill_allocations()

    def _fill_allocations(self) -> None:
        assert self.invoice is not None
        self.allocations.clear()
        for a in payment_service.allocations_of_invoice(self.invoice.id, include_removed=True):
            source = (
                self.tr("Payment {label}").format(label=a.source_label)
                if a.source == "payment"
                else self.tr("Credit note {number}").format(number=a.source_label)
            )
            state = (
                self.tr("active")
                if a.removed_on is None
                else self.tr("removed on {date}").format(date=fmt.date(a.removed_on))
            )
            item = QTreeWidgetItem(
                [
                    fmt.date(a.date),
                    source,
                    a.invoice_number,
                    fmt.money(a.amount, self.invoice.currency),
                    state,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, a.id if a.removed_on is None else None)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight)
            self.allocations.addTopLevelItem(item)

    def _unallocate(self) -> None:
        if remove_selected_allocation(self, self.allocations):
            self._after_money_change()

    def _apply_credit(self) -> None:
        assert self.invoice is not None
        inv = self.invoice
        if inv.kind == "credit_note":
            candidates = invoice_service.open_invoices(inv.client_id, inv.currency)
        else:
            candidates = invoice_service.open_credit_notes(inv.client_id, inv.currency)
        if not candidates:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Nothing to apply for this client.")
            )
            return
        names = [f"{c.number} — {fmt.money(abs(c.balance), c.currency)}" for c in candidates]
        choice, ok = QInputDialog.getItem(
            self, self.windowTitle(), self.tr("Choose:"), names, 0, False
        )
        if not ok:
            return
        other = candidates[names.index(choice)]
        credit_id, invoice_id = (
            (inv.id, other.id) if inv.kind == "credit_note" else (other.id, inv.id)
        )
        try:
            payment_service.apply_credit_note(credit_id, invoice_id)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Cannot apply"), i18n.message(exc))
            return
        self._after_money_change()

    def _after_money_change(self) -> None:
        assert self.invoice is not None
        self.changed_something = True
        self.invoice = invoice_service.get_invoice(self.invoice.id)
        self._show_summary(self.invoice)
        self._fill_allocations()
        self.history.set_events(history.events_for("invoice", self.invoice.id))

    def _show_summary(self, inv: InvoiceRow) -> None:
        self.summary.setText(
            self.tr(
                "Total <b>{total}</b> — paid {paid} — balance <b>{balance}</b> — {status}"
            ).format(
                total=fmt.money(inv.total, inv.currency),
                paid=fmt.money(inv.paid, inv.currency),
                balance=fmt.money(inv.balance, inv.currency),
                status=label(STATUSES, inv.status),
            )
        )

    # -- due date --------------------------------------------------------------------
    def _due_mode_changed(self, manual: bool) -> None:
        self.due_date.setReadOnly(not manual)
        self._refresh_due()

    def _refresh_due(self) -> None:
        is_credit = self.kind.currentData() == "credit_note"
        self.applies_to.setVisible(is_credit and self.invoice is None)
        self.applies_label.setVisible(is_credit and self.invoice is None)
        self.terms.setEnabled(not is_credit)
        warnings: list[str] = []
        issue = self.issue_date.value()
        if is_credit:
            self.due_hint.setText("")
        elif not self.due_manual.isChecked():
            due, used, cap = invoice_service.preview_due_date(
                self.client.client_id(), issue, self.terms.text()
            )
            if due is None:
                self.due_hint.setText(self.tr("terms not understood"))
            else:
                self.due_date.blockSignals(True)
                self.due_date.set_value(due)
                self.due_date.blockSignals(False)
                self.due_hint.setText(self.tr("computed from “{terms}”").format(terms=used))
            warnings += [fmt.warning_text(w) for w in cap]
        else:
            self.due_hint.setText("")
        if not is_credit and self.due_date.value() < issue:
            warnings.append(
                fmt.warning_text(
                    (
                        invoice_service.WARN_DUE_BEFORE_ISSUE,
                        {"due": fmt.date(self.due_date.value()), "issue": fmt.date(issue)},
                    )
                )
            )
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))

    # -- load / save -----------------------------------------------------------------
    def _load(self, inv: InvoiceRow) -> None:
        self.number.setText(inv.number)
        self.client.set_client(inv.client_id)
        self.kind.setCurrentIndex(self.kind.findData(inv.kind))
        self.issue_date.set_value(inv.issue_date)
        self.delivery_date.set_value(inv.delivery_date, inv.issue_date)
        self.terms.setText(inv.terms)
        self.due_manual.setChecked(inv.due_date_manual)
        self.due_date.set_value(inv.due_date)
        self.total.setText(_decimal_text(inv.total))
        self.net.setText(_decimal_text(inv.net))
        self.vat.setText(_decimal_text(inv.vat))
        self.currency.setCurrentText(inv.currency)
        self.po_number.setText(inv.po_number)
        self.disputed.setChecked(inv.disputed)
        self._show_dispute_button()
        self.notes.setPlainText(inv.notes)

    def values(self) -> dict[str, Any]:
        manual = self.due_manual.isChecked()
        return {
            "number": self.number.text(),
            "client_id": self.client.client_id(),
            "client": "" if self.client.client_id() else self.client.currentText(),
            "kind": self.kind.currentData(),
            "issue_date": self.issue_date.value(),
            "delivery_date": self.delivery_date.value(),
            "terms": self.terms.text(),
            "due_date": self.due_date.value() if manual else None,
            "due_date_manual": manual,
            "total": self.total.text(),
            "net": self.net.text(),
            "vat": self.vat.text(),
            "currency": self.currency.currentText(),
            "po_number": self.po_number.text(),
            "notes": self.notes.toPlainText(),
            "disputed": self.disputed.isChecked(),
            "applies_to": self.applies_to.text() if self.invoice is None else "",
        }

    def _reveal(self, widget: QWidget) -> None:
        self.tabs.setCurrentIndex(0)

    def save(self) -> None:
        try:
            if self.invoice is None:
                self.saved, warnings = invoice_service.create_invoice(self.values())
            else:
                self.saved, warnings = invoice_service.update_invoice(
                    self.invoice.id, self.values()
                )
        except AppError as exc:
            self.show_error(exc)
            return
        if warnings:
            QMessageBox.information(
                self,
                self.tr("Saved with a warning"),
                "\n".join(fmt.warning_text(w) for w in warnings),
            )
        self.accept()
