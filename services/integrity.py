"""The running totals against the allocations they sum up (issue #11, point 2).

``Invoice.allocated`` (what an invoice has been paid, what a credit note has applied) and
``Payment.allocated`` are denormalised running totals of the *active* allocations, kept in
step by :mod:`services.payments` inside each transaction. The client's unallocated credit is
not stored: it is read from them (a payment's amount less its ``allocated``, a credit note's
total less its ``allocated``), so these two are every running total of the book.

:func:`running_total_problems` recomputes them from the allocations and reports each drift,
and each document whose allocations add up to more than it can carry (two payments of one
invoice that both counted in full before writers were serialised). :func:`repair_running_totals`
puts both right in one transaction: the allocations in excess are taken back, newest first
(the money returns to the payment or credit note as unallocated credit; the history says
so), then every running total is set to what its allocations add up to.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Allocation, Client, Invoice, Payment
from services import clock, db, history
from services.errors import UserError
from services.i18n import QT_TRANSLATE_NOOP
from services.money import ZERO

MSG_DRIFT_INVOICE = QT_TRANSLATE_NOOP(
    "Messages",
    "invoice {number} ({client}): its running total says {stored} paid, its allocations add "
    "up to {recomputed}",
)
MSG_DRIFT_CREDIT_NOTE = QT_TRANSLATE_NOOP(
    "Messages",
    "credit note {number} ({client}): its running total says {stored} applied, its "
    "allocations add up to {recomputed}",
)
MSG_DRIFT_PAYMENT = QT_TRANSLATE_NOOP(
    "Messages",
    "payment {id} of {date} ({client}, {amount}): its running total says {stored} allocated, "
    "its allocations add up to {recomputed}",
)
MSG_OVER_INVOICE = QT_TRANSLATE_NOOP(
    "Messages",
    "invoice {number} ({client}): its allocations add up to {recomputed}, more than its "
    "total of {total} (its running total says {stored})",
)
MSG_OVER_CREDIT_NOTE = QT_TRANSLATE_NOOP(
    "Messages",
    "credit note {number} ({client}): its allocations add up to {recomputed}, more than its "
    "total of {total} (its running total says {stored})",
)
MSG_OVER_PAYMENT = QT_TRANSLATE_NOOP(
    "Messages",
    "payment {id} of {date} ({client}): its allocations add up to {recomputed}, more than its "
    "amount of {total} (its running total says {stored})",
)
#: What ``check`` cannot check on a book that is not an SQLite file.
MSG_SERVER_PAGES = QT_TRANSLATE_NOOP(
    "Messages",
    "SQLite's integrity check does not apply to a PostgreSQL book; the server checks its own "
    "pages",
)
MSG_REPAIR_NO_BACKUP = QT_TRANSLATE_NOOP(
    "Messages",
    "Encaisse cannot back this book up before the repair ({reason}): back it up that way, "
    "then repair it with --yes",
)

_MESSAGES = {
    ("drift", "invoice"): MSG_DRIFT_INVOICE,
    ("drift", "credit_note"): MSG_DRIFT_CREDIT_NOTE,
    ("drift", "payment"): MSG_DRIFT_PAYMENT,
    ("over_allocated", "invoice"): MSG_OVER_INVOICE,
    ("over_allocated", "credit_note"): MSG_OVER_CREDIT_NOTE,
    ("over_allocated", "payment"): MSG_OVER_PAYMENT,
}


@dataclass(frozen=True)
class TotalProblem:
    """A running total that does not match its allocations."""

    kind: str  # drift | over_allocated (the allocations exceed the document: a drift too)
    entity: str  # invoice | credit_note | payment
    id: int
    number: str | None  # the invoice's or credit note's number; None for a payment
    client: str  # the client's code
    currency: str
    date: dt.date
    total: Decimal  # the document's total, the payment's amount
    stored: Decimal
    recomputed: Decimal

    @property
    def source(self) -> str:
        """The English text, marked for translation, with ``{params}``."""
        return _MESSAGES[(self.kind, self.entity)]

    @property
    def params(self) -> dict[str, Any]:
        return {"number": self.number, "client": self.client, "id": self.id,
                "date": self.date.isoformat(), "amount": f"{self.total:.2f} {self.currency}",
                "total": f"{self.total:.2f}", "stored": f"{self.stored:.2f}",
                "recomputed": f"{self.recomputed:.2f}"}

    def render(self, translate: Any = None) -> str:
        text = translate("Messages", self.source) if translate else self.source
        return text.format(**self.params)

    @property
    def message(self) -> str:
        return self.render()

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "entity": self.entity, "id": self.id, "number": self.number,
                "client": self.client, "currency": self.currency,
                "total": f"{self.total:.2f}", "stored": f"{self.stored:.2f}",
                "recomputed": f"{self.recomputed:.2f}", "message": self.message}


@dataclass
class TotalsReport:
    checked: int = 0  # running totals compared: every invoice, credit note and payment
    problems: list[TotalProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Repair:
    recomputed: int  # running totals set to what their allocations add up to
    taken_back: int  # allocations in excess taken back


def _active_sums(session: Session) -> tuple[dict[int, Decimal], dict[int, Decimal],
                                             dict[int, Decimal]]:
    """(by invoice, by credit note, by payment) sums of the active allocations."""
    by_invoice: dict[int, Decimal] = defaultdict(lambda: ZERO)
    by_credit: dict[int, Decimal] = defaultdict(lambda: ZERO)
    by_payment: dict[int, Decimal] = defaultdict(lambda: ZERO)
    rows = session.execute(select(Allocation.invoice_id, Allocation.credit_note_id,
                                  Allocation.payment_id, Allocation.amount)
                           .where(Allocation.removed_on.is_(None)))
    for invoice_id, credit_note_id, payment_id, amount in rows:
        by_invoice[invoice_id] += amount
        if credit_note_id is not None:
            by_credit[credit_note_id] += amount
        if payment_id is not None:
            by_payment[payment_id] += amount
    return by_invoice, by_credit, by_payment


def _problems(session: Session) -> TotalsReport:
    by_invoice, by_credit, by_payment = _active_sums(session)
    report = TotalsReport()
    documents = session.execute(
        select(Invoice.id, Invoice.kind, Invoice.number, Client.code, Invoice.currency,
               Invoice.issue_date, Invoice.total, Invoice.allocated)
        .join(Client, Client.id == Invoice.client_id).order_by(Invoice.id))
    for id_, kind, number, client, currency, date, total, stored in documents:
        report.checked += 1
        recomputed = (by_credit if kind == "credit_note" else by_invoice)[id_]
        _compare(report, kind, id_, number, client, currency, date, total, stored, recomputed)
    payments = session.execute(
        select(Payment.id, Client.code, Payment.currency, Payment.date, Payment.amount,
               Payment.allocated)
        .join(Client, Client.id == Payment.client_id).order_by(Payment.id))
    for id_, client, currency, date, amount, stored in payments:
        report.checked += 1
        _compare(report, "payment", id_, None, client, currency, date, amount, stored,
                 by_payment[id_])
    return report


def _compare(report: TotalsReport, entity: str, id_: int, number: str | None, client: str,
             currency: str, date: dt.date, total: Decimal, stored: Decimal,
             recomputed: Decimal) -> None:
    if recomputed > total:
        kind = "over_allocated"
    elif recomputed != stored:
        kind = "drift"
    else:
        return
    report.problems.append(TotalProblem(kind, entity, id_, number, client, currency, date,
                                        total, stored, recomputed))


def running_total_problems() -> TotalsReport:
    """Every running total recomputed from the active allocations, in one read."""
    with db.reading() as s:
        return _problems(s)


def _take_back(session: Session, allocation: Allocation, excess: Decimal,
               invoice: Invoice) -> Decimal:
    """Take back ``allocation`` (its whole amount, or the part of it in ``excess``); return
    the amount taken back. It never counted on any day (``removed_on`` = its date); a part
    that fits is set again, the same day."""
    taken = min(excess, allocation.amount)
    allocation.removed_on = allocation.date
    allocation.removed_at = clock.now()
    if taken < allocation.amount:
        session.add(Allocation(invoice_id=allocation.invoice_id, payment_id=allocation.payment_id,
                               credit_note_id=allocation.credit_note_id,
                               amount=allocation.amount - taken, date=allocation.date,
                               created_at=clock.now()))
    source = ({"payment": allocation.payment_id} if allocation.payment_id is not None
              else {"credit_note": allocation.credit_note_id})
    history.record(session, "invoice", invoice.id, "unallocated", client_id=invoice.client_id,
                   label=invoice.number,
                   details={**source, "amount": taken, "reason": "over-allocation repaired"})
    session.flush()
    return taken


def _newest_first(session: Session, *condition: Any) -> list[Allocation]:
    return list(session.scalars(select(Allocation).where(Allocation.removed_on.is_(None), *condition)
                                .order_by(Allocation.date.desc(), Allocation.id.desc())))


def _repair(session: Session) -> Repair:
    # the rows are locked first, in the writers' order (payments, invoices, by id)
    payments = {p.id: p for p in session.scalars(
        select(Payment).order_by(Payment.id).with_for_update())}
    documents = {i.id: i for i in session.scalars(
        select(Invoice).order_by(Invoice.id).with_for_update())}
    taken_back = 0
    # 1. what an invoice carries beyond its total, newest first
    by_invoice, _by_credit, _by_payment = _active_sums(session)
    for invoice_id, carried in sorted(by_invoice.items()):
        invoice = documents[invoice_id]
        excess = carried - invoice.total
        for allocation in _newest_first(session, Allocation.invoice_id == invoice_id):
            if excess <= 0:
                break
            excess -= _take_back(session, allocation, excess, invoice)
            taken_back += 1
    # 2. what a payment or a credit note gives beyond its amount, newest first
    _by_invoice, by_credit, by_payment = _active_sums(session)
    sources: list[tuple[Any, Decimal]] = (
        [(Allocation.payment_id == i, by_payment[i] - payments[i].amount) for i in sorted(by_payment)]
        + [(Allocation.credit_note_id == i, by_credit[i] - documents[i].total)
           for i in sorted(by_credit)])
    for condition, excess in sources:
        for allocation in _newest_first(session, condition):
            if excess <= 0:
                break
            excess -= _take_back(session, allocation, excess, documents[allocation.invoice_id])
            taken_back += 1
    # 3. every running total from the allocations that are left
    by_invoice, by_credit, by_payment = _active_sums(session)
    recomputed = 0
    for doc in documents.values():
        value = (by_credit if doc.kind == "credit_note" else by_invoice)[doc.id]
        if doc.allocated != value:
            history.record(session, "invoice", doc.id, "edited", client_id=doc.client_id,
                           label=doc.number,
                           details={"allocated": [doc.allocated, value],
                                    "reason": "running total recomputed"})
            doc.allocated = value
            recomputed += 1
    for payment in payments.values():
        value = by_payment[payment.id]
        if payment.allocated != value:
            history.record(session, "payment", payment.id, "edited", client_id=payment.client_id,
                           label=payment.reference or payment.date.isoformat(),
                           details={"allocated": [payment.allocated, value],
                                    "reason": "running total recomputed"})
            payment.allocated = value
            recomputed += 1
    return Repair(recomputed, taken_back)


def repair_running_totals() -> Repair:
    """Put every running total right, in one transaction (make a backup first)."""
    with db.transaction() as s:
        return _repair(s)


def database_notes() -> list[str]:
    """What the database check cannot check on the open book (English texts marked for
    translation): nothing on an SQLite file; a server's pages on PostgreSQL."""
    return [] if db.current().engine.dialect.name == "sqlite" else [MSG_SERVER_PAGES]


def back_up_and_repair(*, without_backup: bool = False) -> tuple[Repair, Path | None]:
    """``check --repair``: a backup of the book (the rotated kind), then the repair; nothing
    is repaired when the backup fails. A book Encaisse cannot back up (PostgreSQL) is
    repaired only when ``without_backup`` says the owner backed it up himself: (repair,
    None) then."""
    from services import backup

    try:
        made: Path | None = backup.back_up().path
    except UserError as exc:
        if db.current().path is not None:  # an SQLite file that could not be backed up
            raise
        if not without_backup:
            raise UserError(MSG_REPAIR_NO_BACKUP, field="database", reason=exc.reason()) from exc
        made = None
    return repair_running_totals(), made
