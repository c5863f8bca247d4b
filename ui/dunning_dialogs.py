"""Small dialogs of the follow-up screen: postpone, skip, registered letter, call and
promise, dispute, payment plan, hand-off."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from models import DISPUTE_REASONS
from services.core import clock, settings
from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.money import parse_amount
from services.followup import dunning
from ui import format as fmt
from ui.dialogs.base import FormDialog
from ui.labels import DISPUTE_REASONS as REASON_LABELS
from ui.labels import label
from ui.widgets import DateEdit, MoneyEdit, OptionalDateEdit

MSG_TRACKING = QT_TRANSLATE_NOOP("Messages", "give the tracking number")


def _date_after(days: int) -> dt.date:
    return clock.today() + dt.timedelta(days=days)


class PostponeDialog(FormDialog):
    def __init__(self, action: dunning.Action, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("DunningDialogs", "Postpone"),
            parent,
            QCoreApplication.translate("DunningDialogs", "Postpone"),
        )
        self.action = action
        self.until = DateEdit()
        self.until.set_value(_date_after(7))
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Until"), self.until)

    def apply(self) -> None:
        dunning.postpone(self.action, self.until.value())


class SkipDialog(FormDialog):
    def __init__(self, action: dunning.Action, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("DunningDialogs", "Skip this step"),
            parent,
            QCoreApplication.translate("DunningDialogs", "Skip"),
        )
        self.action = action
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            QCoreApplication.translate("DunningDialogs", "e.g. agreed by phone to wait")
        )
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Reason"), self.reason)

    def apply(self) -> None:
        dunning.skip(self.action, self.reason.text())


class RegisteredDialog(FormDialog):
    def __init__(self, action: dunning.Action, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("DunningDialogs", "Sent by registered letter"),
            parent,
            QCoreApplication.translate("DunningDialogs", "Record"),
        )
        self.action = action
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText(
            QCoreApplication.translate("DunningDialogs", "e.g. 1A 123 456 7890 1")
        )
        self.form.addRow(
            QCoreApplication.translate("DunningDialogs", "Tracking number"), self.tracking
        )
        self.sent_on = DateEdit()
        self.sent_on.set_value(clock.today())
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Sent on"), self.sent_on)

    def apply(self) -> None:
        number = self.tracking.text().strip()
        if not number:
            raise UserError(MSG_TRACKING, field="reference")
        dunning.mark_done(self.action, self.sent_on.value(), tracking_number=number)


class CallDialog(FormDialog):
    """Log a call; optionally with a promise to pay (amount, date) on one invoice."""

    def __init__(
        self, client_id: int, invoices: list[dunning.OpenInvoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            QCoreApplication.translate("DunningDialogs", "Log a call"),
            parent,
            QCoreApplication.translate("DunningDialogs", "Save"),
        )
        self.client_id = client_id
        self.on = DateEdit()
        self.on.set_value(clock.today())
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Date"), self.on)
        self.person = QLineEdit()
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Spoke with"), self.person)
        self.outcome = QComboBox()
        self.outcome.setEditable(True)
        for text in (
            QCoreApplication.translate("DunningDialogs", "will pay"),
            QCoreApplication.translate("DunningDialogs", "did not receive the invoice"),
            QCoreApplication.translate("DunningDialogs", "cash-flow difficulties"),
            QCoreApplication.translate("DunningDialogs", "disputes the invoice"),
            QCoreApplication.translate("DunningDialogs", "no answer"),
        ):
            self.outcome.addItem(text)
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Outcome"), self.outcome)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Note"), self.note)
        self.with_promise = QCheckBox(
            QCoreApplication.translate("DunningDialogs", "The client promised to pay")
        )
        self.form.addRow("", self.with_promise)
        self.invoice = QComboBox()
        for inv in invoices:
            self.invoice.addItem(
                f"{inv.number} — {fmt.money(inv.balance, inv.currency)}", inv.number
            )
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Invoice"), self.invoice)
        self.amount = MoneyEdit()
        if invoices:
            self.amount.setText(f"{invoices[0].balance:.2f}".replace(".", ","))
        self.form.addRow(
            QCoreApplication.translate("DunningDialogs", "Amount promised"), self.amount
        )
        self.promised_on = DateEdit()
        self.promised_on.set_value(_date_after(7))
        self.form.addRow(
            QCoreApplication.translate("DunningDialogs", "Promised for"), self.promised_on
        )
        self.with_promise.toggled.connect(self._enable)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for w in (self.invoice, self.amount, self.promised_on):
            w.setEnabled(on)

    def apply(self) -> None:
        promised = None
        number = None
        if self.with_promise.isChecked():
            promised = (
                parse_amount(self.amount.text(), "amount", allow_zero=False),
                self.promised_on.value(),
            )
            number = self.invoice.currentData()
        dunning.log_contact(
            self.client_id,
            self.on.value(),
            person=self.person.text(),
            outcome=self.outcome.currentText(),
            note=self.note.toPlainText(),
            invoice_number=number,
            promised=promised,
        )


class PromiseDialog(FormDialog):
    def __init__(self, invoice: dunning.OpenInvoice, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("DunningDialogs", "Promise to pay — {number}").format(
                number=invoice.number
            ),
            parent,
            QCoreApplication.translate("DunningDialogs", "Record"),
        )
        self.invoice = invoice
        self.amount = MoneyEdit()
        self.amount.setText(f"{invoice.balance:.2f}".replace(".", ","))
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Amount"), self.amount)
        self.on = DateEdit()
        self.on.set_value(_date_after(7))
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Promised for"), self.on)
        note = QLabel(
            QCoreApplication.translate(
                "DunningDialogs",
                "The dunning of this invoice pauses until that date plus {days} days of grace.",
            ).format(days=settings.read().grace_days)
        )
        note.setWordWrap(True)
        self.extra.addWidget(note)

    def apply(self) -> None:
        dunning.promise(
            self.invoice.number,
            parse_amount(self.amount.text(), "amount", allow_zero=False),
            self.on.value(),
        )


class DisputeDialog(FormDialog):
    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("DunningDialogs", "Dispute — {number}").format(
                number=number
            ),
            parent,
            QCoreApplication.translate("DunningDialogs", "Open the dispute"),
        )
        self.number = number
        self.reason = QComboBox()
        for key in DISPUTE_REASONS:
            self.reason.addItem(label(REASON_LABELS, key), key)
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Reason"), self.reason)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Note"), self.note)
        note = QLabel(
            QCoreApplication.translate(
                "DunningDialogs",
                "A disputed invoice leaves the dunning ladder until the dispute is closed; "
                "it still counts in the balance.",
            )
        )
        note.setWordWrap(True)
        self.extra.addWidget(note)

    def apply(self) -> None:
        dunning.open_dispute(self.number, self.reason.currentData(), self.note.toPlainText())


class CloseDisputeDialog(FormDialog):
    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("DunningDialogs", "Close the dispute — {number}").format(
                number=number
            ),
            parent,
            QCoreApplication.translate("DunningDialogs", "Close the dispute"),
        )
        self.number = number
        self.outcome = QComboBox()
        self.outcome.addItem(
            QCoreApplication.translate(
                "DunningDialogs", "Resolved (with a credit note where needed)"
            ),
            "resolved",
        )
        self.outcome.addItem(
            QCoreApplication.translate("DunningDialogs", "Rejected: the invoice is due as it is"),
            "rejected",
        )
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Outcome"), self.outcome)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Note"), self.note)
        note = QLabel(
            QCoreApplication.translate(
                "DunningDialogs", "The invoice goes back on the dunning ladder."
            )
        )
        note.setWordWrap(True)
        self.extra.addWidget(note)

    def apply(self) -> None:
        dunning.close_dispute(self.number, self.outcome.currentData(), self.note.toPlainText())


class PlanDialog(FormDialog):
    """Split what the action's invoices still owe into instalments (editable)."""

    def __init__(self, action: dunning.Action, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("DunningDialogs", "Payment plan — {client}").format(
                client=action.client_name
            ),
            parent,
            QCoreApplication.translate("DunningDialogs", "Agree the plan"),
        )
        self.action = action
        self.resize(520, 480)
        total = QLabel(fmt.money(action.amount, action.currency))
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Amount owed"), total)
        self.count = QSpinBox()
        self.count.setRange(1, 24)
        self.count.setValue(3)
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Instalments"), self.count)
        self.first = DateEdit()
        self.first.set_value(_date_after(15))
        self.form.addRow(
            QCoreApplication.translate("DunningDialogs", "First instalment"), self.first
        )
        split = QPushButton(QCoreApplication.translate("DunningDialogs", "Split equally"))
        split.clicked.connect(self.split)
        self.form.addRow("", split)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("DunningDialogs", "Date (DD/MM/YYYY)"),
                QCoreApplication.translate("DunningDialogs", "Amount"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.extra.addWidget(self.table)
        # what the agreement says of the late charges (issue #13, point 11): reserved unless
        # the owner waives them for a plan kept to the day
        self.waive = QCheckBox(
            QCoreApplication.translate(
                "DunningDialogs", "Waive the late charges if every instalment is paid on time"
            )
        )
        self.extra.addWidget(self.waive)
        self.split()

    def split(self) -> None:
        parts = dunning.equal_split(self.action.amount, self.count.value(), self.first.value())
        self.table.setRowCount(len(parts))
        for row, (day, amount) in enumerate(parts):
            self.table.setItem(row, 0, QTableWidgetItem(day.strftime("%d/%m/%Y")))
            item = QTableWidgetItem(f"{amount:.2f}".replace(".", ","))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, item)

    def instalments(self) -> list[tuple[dt.date, Decimal]]:
        from services.core.terms import parse_date

        out = []
        for row in range(self.table.rowCount()):
            day = parse_date(self._cell(row, 0), "instalments")
            amount = parse_amount(self._cell(row, 1), "instalments", allow_zero=False)
            out.append((day, amount))
        return out

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)  # split() fills every cell; None would be empty
        return item.text() if item is not None else ""

    def apply(self) -> None:
        dunning.create_plan(
            self.action.client_id,
            [i.id for i in self.action.invoices],
            self.instalments(),
            currency=self.action.currency,
        )


class HandOffDialog(FormDialog):
    """Hand invoices to an agency, or record the legal procedure and its deadlines
    (injonction de payer since 1 March 2022: the ordonnance, issued with the formule
    exécutoire, must be served within 6 months or it lapses; the debtor may oppose for one
    month from service; then it is enforceable — shared/domain.md §4.6)."""

    def __init__(self, numbers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("DunningDialogs", "Hand off"),
            parent,
            QCoreApplication.translate("DunningDialogs", "Hand off"),
        )
        self.numbers = numbers
        self.form.addRow(
            QCoreApplication.translate("DunningDialogs", "Invoices"), QLabel(", ".join(numbers))
        )
        self.kind = QComboBox()
        self.kind.addItem(
            QCoreApplication.translate("DunningDialogs", "Collection agency"), "agency"
        )
        self.kind.addItem(
            QCoreApplication.translate("DunningDialogs", "Injonction de payer"), "injunction"
        )
        self.kind.addItem(
            QCoreApplication.translate("DunningDialogs", "Small-claims procedure"), "small_claims"
        )
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "To"), self.kind)
        self.name = QLineEdit()
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Agency or court"), self.name)
        # named in the hand-off letter: where the debtor pays and writes from now on (§4.8)
        self.address = QLineEdit()
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Its address"), self.address)
        self.reference = QLineEdit()
        self.form.addRow(QCoreApplication.translate("DunningDialogs", "Reference"), self.reference)
        today = clock.today()
        self.filed = OptionalDateEdit(
            QCoreApplication.translate("DunningDialogs", "Request filed on")
        )
        self.filed.set_value(today)
        self.form.addRow("", self.filed)
        self.ordonnance = OptionalDateEdit(
            QCoreApplication.translate("DunningDialogs", "Ordonnance of")
        )
        self.ordonnance.set_value(None, today)
        self.form.addRow("", self.ordonnance)
        self.served = OptionalDateEdit(
            QCoreApplication.translate("DunningDialogs", "Served (signification) on")
        )
        self.served.set_value(None, today)
        self.form.addRow("", self.served)
        self.deadlines = QLabel()
        self.deadlines.setWordWrap(True)
        self.extra.addWidget(self.deadlines)
        self.kind.currentIndexChanged.connect(self._refresh)
        for widget in (self.filed, self.ordonnance, self.served):
            widget.changed.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        legal = self.kind.currentData() == "injunction"
        for widget in (self.filed, self.ordonnance, self.served):
            widget.setEnabled(legal)
        if legal:
            text = procedure_text(self.ordonnance.value(), self.served.value())
            self.deadlines.setText(text)
        else:
            self.deadlines.setText(
                QCoreApplication.translate(
                    "DunningDialogs", "Internal reminders stop for these invoices."
                )
            )

    def apply(self) -> None:
        kind = self.kind.currentData()
        details: dict[str, object] = {
            "to": kind,
            "name": self.name.text().strip(),
            "address": self.address.text().strip(),
            "reference": self.reference.text().strip(),
        }
        if kind == "injunction":
            dunning.hand_off_to_injunction(
                self.numbers,
                details,
                filed=self.filed.value(),
                ordonnance=self.ordonnance.value(),
                served=self.served.value(),
            )
            return
        dunning.hand_off(self.numbers, "agency" if kind == "agency" else "legal", details)


def procedure_text(ordonnance: dt.date | None, served: dt.date | None) -> str:
    """What comes next in an injonction de payer, from the dates known (§4.6, since 2022)."""
    deadlines = dunning.procedure_deadlines({"ordonnance": ordonnance, "served": served})
    if "enforceable_from" in deadlines:
        return QCoreApplication.translate(
            "DunningDialogs",
            "The debtor may oppose until {opposition}. Without opposition, the "
            "ordonnance — issued with the formule exécutoire — is enforceable from "
            "{enforceable}.",
        ).format(
            opposition=fmt.date(deadlines["opposition_until"]),
            enforceable=fmt.date(deadlines["enforceable_from"]),
        )
    if "serve_by" in deadlines:
        return QCoreApplication.translate(
            "DunningDialogs",
            "Have the ordonnance served by a commissaire de justice by {serve_by} "
            "(6 months, art. 1411 CPC), or it lapses.",
        ).format(serve_by=fmt.date(deadlines["serve_by"]))
    return QCoreApplication.translate(
        "DunningDialogs",
        "Once the ordonnance is issued, it must be served within 6 months; the "
        "debtor then has one month to oppose. Record the dates as they come.",
    )


class ProcedureDialog(FormDialog):
    """The dates of an injonction de payer in progress, recorded as they come (issue #13,
    point 6): request filed, ordonnance, service — and what they lead to."""

    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("DunningDialogs", "Injonction de payer — {number}").format(
                number=number
            ),
            parent,
        )
        self.number = number
        known = dunning.procedure_of(number) or {}
        today = clock.today()

        def day(key: str) -> dt.date | None:
            value = known.get(key)
            return dt.date.fromisoformat(str(value)) if value else None

        self.filed = OptionalDateEdit(
            QCoreApplication.translate("DunningDialogs", "Request filed on")
        )
        self.filed.set_value(day("filed"), today)
        self.ordonnance = OptionalDateEdit(
            QCoreApplication.translate("DunningDialogs", "Ordonnance of")
        )
        self.ordonnance.set_value(day("ordonnance"), today)
        self.served = OptionalDateEdit(
            QCoreApplication.translate("DunningDialogs", "Served (signification) on")
        )
        self.served.set_value(day("served"), today)
        for widget in (self.filed, self.ordonnance, self.served):
            self.form.addRow("", widget)
            widget.changed.connect(self._refresh)
        self.deadlines = QLabel()
        self.deadlines.setWordWrap(True)
        self.extra.addWidget(self.deadlines)
        self._refresh()

    def _refresh(self) -> None:
        self.deadlines.setText(procedure_text(self.ordonnance.value(), self.served.value()))

    def apply(self) -> None:
        dunning.record_procedure(
            self.number,
            filed=self.filed.value(),
            ordonnance=self.ordonnance.value(),
            served=self.served.value(),
        )
