"""Payments and allocation (shared/domain.md §3.5, C. civ. 1342-10).

A payment is set against the invoices the debtor (or the user) names;
otherwise against the oldest *due* invoices first, then the ones not yet
due, oldest due date first.  What is left is unallocated credit on the
client.  A credit note is applied to invoices the same way.

Allocations are never deleted by un-allocating: they get ``removed_on``
so the ledger as of an earlier date is unchanged.  An allocation's date is
never before its source, its invoice, or any earlier removal on either
side, so no amount is ever counted twice on any day.

Concurrent writers (issue #11, point 2): the running totals (``allocated`` on
invoices, credit notes and payments) are read and written back in Python, so
every row whose total changes is first loaded with ``SELECT … FOR UPDATE``
(:func:`_lock`), which refreshes it from the database: on PostgreSQL a second
writer waits there until the first commits, then reads what it wrote.  Locks
are always taken in one order — payments, then invoices and credit notes, then
allocations, each by id — so two writers never wait for each other in a circle.
SQLite ignores ``FOR UPDATE``; there, :func:`services.core.db.transaction` takes the
write lock before the first read (``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from models import PAYMENT_METHODS, Allocation, Client, Invoice, Payment
from services.core import clock, db, history, lookups, money
from services.core.dto import AllocationRow, Page, PaymentRow
from services.core.errors import NeedsConfirmation, NotFound, UserError, ValidationError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.money import ZERO, from_sql, parse_amount
from services.core.terms import parse_date
from services.core.text import fold

MSG_REQUIRED = QT_TRANSLATE_NOOP("Messages", "this field is required.")
MSG_METHOD = QT_TRANSLATE_NOOP(
    "Messages",
    "'{value}' is not a payment method (transfer, cheque, card, cash, direct_debit, "
    "bill_of_exchange).",
)
MSG_OVERPAID = QT_TRANSLATE_NOOP(
    "Messages",
    "the payment of {amount} is more than the {due} the client owes; "
    "the difference of {extra} will be kept as credit on the client.",
)
MSG_WRONG_CLIENT = QT_TRANSLATE_NOOP("Messages", "the invoice {number} belongs to another client.")
MSG_WRONG_CURRENCY = QT_TRANSLATE_NOOP(
    "Messages", "the invoice {number} is in {invoice_currency}, the payment in {currency}."
)
MSG_NOT_AN_INVOICE = QT_TRANSLATE_NOOP("Messages", "{number} is a credit note, not an invoice.")
MSG_NOT_A_CREDIT_NOTE = QT_TRANSLATE_NOOP("Messages", "{number} is not a credit note.")
MSG_TOO_MUCH_FOR_INVOICE = QT_TRANSLATE_NOOP(
    "Messages", "only {open} is left to pay on the invoice {number}."
)
MSG_TOO_MUCH_FROM_SOURCE = QT_TRANSLATE_NOOP("Messages", "only {free} is left to allocate.")
MSG_NOTHING_TO_ALLOCATE = QT_TRANSLATE_NOOP("Messages", "nothing is left to allocate.")
MSG_ALREADY_REMOVED = QT_TRANSLATE_NOOP("Messages", "this allocation was already removed.")
MSG_GONE = QT_TRANSLATE_NOOP("Messages", "this payment no longer exists.")
MSG_ALLOCATION_GONE = QT_TRANSLATE_NOOP("Messages", "this allocation no longer exists.")
MSG_AMOUNT_BELOW_ALLOCATED = QT_TRANSLATE_NOOP(
    "Messages", "the amount cannot be less than what is already allocated ({allocated})."
)
MSG_LOCKED = QT_TRANSLATE_NOOP(
    "Messages", "cannot be changed while the payment is allocated; remove its allocations first."
)

METHOD_ALIASES = {
    "transfer": "transfer",
    "virement": "transfer",
    "vir": "transfer",
    "wire": "transfer",
    "bank transfer": "transfer",
    "sepa": "transfer",
    "cheque": "cheque",
    "check": "cheque",
    "chq": "cheque",
    "cheque bancaire": "cheque",
    "card": "card",
    "carte": "card",
    "cb": "card",
    "carte bancaire": "card",
    "cash": "cash",
    "especes": "cash",
    "liquide": "cash",
    "direct_debit": "direct_debit",
    "direct debit": "direct_debit",
    "prelevement": "direct_debit",
    "prlv": "direct_debit",
    "bill_of_exchange": "bill_of_exchange",
    "bill of exchange": "bill_of_exchange",
    "lcr": "bill_of_exchange",
    "traite": "bill_of_exchange",
    "effet": "bill_of_exchange",
    "lettre de change": "bill_of_exchange",
}

#: a SELECT of any columns, its type kept through the filters
_Stmt = TypeVar("_Stmt", bound=Select[*tuple[Any, ...]])


def normalise_method(value: str | None, field: str = "method") -> str:
    key = fold(value or "") or "transfer"
    method = METHOD_ALIASES.get(key) or METHOD_ALIASES.get(key.replace("_", " "))
    if method is None or method not in PAYMENT_METHODS:
        raise UserError(MSG_METHOD, field=field, value=value)
    return method


@dataclass(frozen=True)
class PaymentInput:
    client_id: int
    date: dt.date
    amount: Decimal
    currency: str
    method: str
    reference: str
    notes: str


def validate(session: Session, data: dict[str, Any]) -> PaymentInput:
    from services.core.terms import check_date_range
    from services.core.text import clean_text

    errors: list[UserError] = []
    client_id: int | None = None
    if data.get("client_id"):
        try:
            client_id = int(data["client_id"])
        except (TypeError, ValueError):
            client_id = None
        if client_id is None or session.get(Client, client_id) is None:
            errors.append(UserError(MSG_REQUIRED, field="client"))
    elif str(data.get("client") or "").strip():
        try:
            client_id = lookups.client_id(session, str(data["client"]))
        except UserError as exc:
            errors.append(exc)
    else:
        errors.append(UserError(MSG_REQUIRED, field="client"))
    date: dt.date | None = None
    raw_date = data.get("date")
    if isinstance(raw_date, dt.date):
        try:  # from the editor: the same range as typed dates (issue #11)
            date = check_date_range(raw_date, "date")
        except UserError as exc:
            errors.append(exc)
    elif raw_date in (None, ""):
        errors.append(UserError(MSG_REQUIRED, field="date"))
    else:
        try:
            date = parse_date(str(raw_date), "date")
        except UserError as exc:
            errors.append(exc)
    amount: Decimal | None = None
    if data.get("amount") in (None, ""):
        errors.append(UserError(MSG_REQUIRED, field="amount"))
    else:
        try:
            amount = parse_amount(data["amount"], "amount", allow_zero=False)
        except UserError as exc:
            errors.append(exc)
    currency = "EUR"
    try:
        currency = money.parse_currency(data.get("currency"))
    except UserError as exc:
        errors.append(exc)
    method = "transfer"
    try:
        method = normalise_method(str(data.get("method") or ""))
    except UserError as exc:
        errors.append(exc)
    texts: dict[str, str] = {}
    for name in ("reference", "notes"):  # no control character; tabs and newlines in notes only
        try:
            texts[name] = clean_text(data.get(name), name, multiline=name == "notes")
        except UserError as exc:
            errors.append(exc)
    if errors:
        raise ValidationError(errors)
    assert client_id is not None and date is not None and amount is not None
    return PaymentInput(
        client_id, date, amount, currency, method, texts["reference"], texts["notes"]
    )


# -- the allocation engine (inside the caller's transaction) -----------------


def _lock(session: Session, model: Any, ids: Any) -> dict[int, Any]:
    """The rows of ``model`` with these ids, locked for the rest of the transaction
    (``SELECT … FOR UPDATE``, by id) and refreshed from the database: a copy already in
    the session gets the values another writer committed meanwhile."""
    wanted = sorted({int(i) for i in ids if i is not None})
    if not wanted:
        return {}
    session.flush()  # the refresh below would drop changes not written yet (imports: no autoflush)
    rows = session.scalars(
        select(model)
        .where(model.id.in_(wanted))
        .order_by(model.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return {row.id: row for row in rows}


def _lock_one(session: Session, model: Any, id_: int | None) -> Any:
    return _lock(session, model, [id_]).get(id_) if id_ is not None else None


def lock_invoices_of(session: Session, client_ids: Any, invoice_ids: Any = ()) -> None:
    """Lock, by id, every invoice a batch of payments may be set against: those of these
    clients, and those named.  An import takes them all before its first row, so two
    imports whose rows name the same clients in another order never wait for each other in
    a circle (PostgreSQL would abort one: a deadlock).  SQLite: nothing to do, the whole
    transaction already holds the write lock."""
    if session.get_bind().dialect.name == "sqlite":
        return
    ids = {int(i) for i in invoice_ids}
    clients = sorted({int(i) for i in client_ids})
    for start in range(0, len(clients), 500):
        ids.update(
            session.scalars(
                select(Invoice.id).where(
                    Invoice.client_id.in_(clients[start : start + 500]), Invoice.kind == "invoice"
                )
            )
        )
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):  # each batch after the last: still one order
        _lock(session, Invoice, ordered[start : start + 500])


def _last_removal(session: Session, *conditions: Any) -> dt.date | None:
    return session.scalar(select(func.max(Allocation.removed_on)).where(or_(*conditions)))


def _allocation_date(
    session: Session, source_date: dt.date, invoice: Invoice, source_condition: Any
) -> dt.date:
    """Never before the source, the invoice, or a removal on either side."""
    candidates = [source_date, invoice.issue_date]
    last = _last_removal(session, source_condition, Allocation.invoice_id == invoice.id)
    if last is not None:
        candidates.append(last)
    return max(candidates)


def _check_target(payment_client: int, currency: str, invoice: Invoice) -> None:
    if invoice.kind != "invoice":
        raise UserError(MSG_NOT_AN_INVOICE, field="invoice", number=invoice.number)
    if invoice.client_id != payment_client:
        raise UserError(MSG_WRONG_CLIENT, field="invoice", number=invoice.number)
    if invoice.currency != currency:
        raise UserError(
            MSG_WRONG_CURRENCY,
            field="invoice",
            number=invoice.number,
            invoice_currency=invoice.currency,
            currency=currency,
        )


def _amount_to_allocate(free: Decimal, invoice: Invoice, amount: Decimal | None) -> Decimal | None:
    """The amount to set against ``invoice`` from a source with ``free`` left.

    None asks for as much as possible (None back when nothing can be allocated);
    an explicit amount must fit both what is free and what the invoice still owes.
    """
    open_ = invoice.total - invoice.allocated
    if amount is None:
        amount = min(free, open_)
        return amount if amount > 0 else None
    if amount > open_:
        raise UserError(
            MSG_TOO_MUCH_FOR_INVOICE, field="amount", open=f"{open_:.2f}", number=invoice.number
        )
    if amount > free:
        raise UserError(MSG_TOO_MUCH_FROM_SOURCE, field="amount", free=f"{free:.2f}")
    if amount <= 0:
        raise UserError(MSG_NOTHING_TO_ALLOCATE, field="amount")
    return amount


def _set_against(
    session: Session,
    invoice: Invoice,
    source: Payment | Invoice,
    amount: Decimal,
    date: dt.date,
    **source_id: int,
) -> Allocation:
    """A new allocation of ``amount`` from ``source`` (a payment or a credit note, named by
    ``payment_id=`` or ``credit_note_id=``) against ``invoice``, counted on both sides."""
    allocation = Allocation(
        invoice_id=invoice.id, amount=amount, date=date, created_at=clock.now(), **source_id
    )
    session.add(allocation)
    source.allocated += amount
    invoice.allocated += amount
    session.flush()
    return allocation


def _allocate_payment(
    session: Session, payment: Payment, invoice: Invoice, amount: Decimal | None
) -> Allocation | None:
    _check_target(payment.client_id, payment.currency, invoice)
    _lock(session, Invoice, [invoice.id])  # what is left to pay, as committed (issue #11)
    amount = _amount_to_allocate(payment.amount - payment.allocated, invoice, amount)
    if amount is None:
        return None
    date = _allocation_date(session, payment.date, invoice, Allocation.payment_id == payment.id)
    allocation = _set_against(session, invoice, payment, amount, date, payment_id=payment.id)
    history.record_invoice(
        session, invoice, "allocated", {"payment": payment.id, "amount": amount, "date": date}
    )
    return allocation


def apply_credit_in_session(
    session: Session, credit_note_id: int, invoice_id: int, amount: Decimal | None
) -> Allocation | None:
    locked = _lock(session, Invoice, [credit_note_id, invoice_id])
    credit, invoice = locked.get(credit_note_id), locked.get(invoice_id)
    if credit is None or invoice is None:
        raise NotFound(MSG_ALLOCATION_GONE)
    if credit.kind != "credit_note":
        raise UserError(MSG_NOT_A_CREDIT_NOTE, field="credit_note", number=credit.number)
    _check_target(credit.client_id, credit.currency, invoice)
    amount = _amount_to_allocate(credit.total - credit.allocated, invoice, amount)
    if amount is None:
        return None
    date = _allocation_date(
        session, credit.issue_date, invoice, Allocation.credit_note_id == credit.id
    )
    allocation = _set_against(session, invoice, credit, amount, date, credit_note_id=credit.id)
    history.record_invoice(
        session,
        invoice,
        "credit_applied",
        {"credit_note": credit.number, "amount": amount, "date": date},
    )
    history.record_invoice(
        session,
        credit,
        "credit_applied",
        {"invoice": invoice.number, "amount": amount, "date": date},
    )
    return allocation


def fifo_targets(session: Session, client_id: int, currency: str, on: dt.date) -> list[Invoice]:
    """Open invoices in the order of C. civ. 1342-10: due ones first, oldest first.

    Disputed invoices are left out of automatic allocation; the user can
    still pick them by hand.  The invoices are locked (by id) and read as committed: an
    invoice another writer just paid in full is no longer among them (issue #11).
    """
    session.flush()  # as in _lock: the refresh must not drop changes not written yet
    invoices = session.scalars(
        select(Invoice)
        .where(
            Invoice.client_id == client_id,
            Invoice.kind == "invoice",
            Invoice.currency == currency,
            Invoice.total > Invoice.allocated,
            Invoice.disputed.is_(False),
        )
        .order_by(Invoice.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    invoices = sorted(invoices, key=lambda i: (i.due_date, i.issue_date, i.id))
    due = [i for i in invoices if i.due_date <= on]
    not_due = [i for i in invoices if i.due_date > on]
    return due + not_due


def auto_allocate(session: Session, payment: Payment) -> list[Allocation]:
    made = []
    for invoice in fifo_targets(session, payment.client_id, payment.currency, payment.date):
        if payment.amount - payment.allocated <= 0:
            break
        allocation = _allocate_payment(session, payment, invoice, None)
        if allocation is not None:
            made.append(allocation)
    return made


def client_open_total(session: Session, client_id: int, currency: str) -> Decimal:
    total = session.scalar(
        select(
            func.coalesce(func.sum(Invoice.total), 0)
            - func.coalesce(func.sum(Invoice.allocated), 0)
        ).where(
            Invoice.client_id == client_id, Invoice.kind == "invoice", Invoice.currency == currency
        )
    )
    return from_sql(total)


def insert(
    session: Session,
    p: PaymentInput,
    allocations: list[tuple[int, Decimal | None]] | None = None,
    *,
    confirm_overpayment: bool = True,
    action: str = "created",
) -> Payment:
    """Record a payment and allocate it (manually if ``allocations`` is given)."""
    if not confirm_overpayment:
        due = client_open_total(session, p.client_id, p.currency)
        if p.amount > due:
            raise NeedsConfirmation(
                MSG_OVERPAID,
                field="amount",
                amount=f"{p.amount:.2f}",
                due=f"{due:.2f}",
                extra=f"{p.amount - due:.2f}",
            )
    payment = Payment(
        client_id=p.client_id,
        date=p.date,
        amount=p.amount,
        currency=p.currency,
        method=p.method,
        reference=p.reference,
        notes=p.notes,
        allocated=ZERO,
        created_at=clock.now(),
    )
    session.add(payment)
    session.flush()
    history.record(
        session,
        "payment",
        payment.id,
        action,
        client_id=p.client_id,
        label=p.reference or p.date.isoformat(),
        details={
            "date": p.date,
            "amount": p.amount,
            "method": p.method,
            "reference": p.reference,
            "currency": p.currency,
        },
    )
    if allocations is None:
        auto_allocate(session, payment)
    else:
        targets = _lock(session, Invoice, [invoice_id for invoice_id, _ in allocations])
        for invoice_id, amount in allocations:
            invoice = targets.get(invoice_id)
            if invoice is None:
                raise NotFound(MSG_ALLOCATION_GONE)
            _allocate_payment(session, payment, invoice, amount)
    return payment


def record_payment(
    data: dict[str, Any],
    allocations: list[tuple[int, Decimal | None]] | None = None,
    *,
    confirm_overpayment: bool = False,
) -> PaymentRow:
    """Record a payment (one transaction).  ``allocations``: [(invoice_id, amount|None)];
    None = automatic (oldest due first).  A payment larger than what the client
    owes raises NeedsConfirmation unless ``confirm_overpayment``."""
    with db.transaction() as s:
        p = validate(s, data)
        payment = insert(s, p, allocations, confirm_overpayment=confirm_overpayment)
        return _row_of(s, payment.id)


def update_payment(payment_id: int, data: dict[str, Any]) -> PaymentRow:
    with db.transaction() as s:
        payment = _lock_one(s, Payment, payment_id)
        if payment is None:
            raise NotFound(MSG_GONE)
        p = validate(s, data)
        # Removed allocations count too: the ledger as of their dates still shows them.
        first, peak = allocation_history(s, Allocation.payment_id == payment.id)
        if first is not None:
            if p.client_id != payment.client_id:
                raise UserError(MSG_LOCKED, field="client")
            if p.currency != payment.currency:
                raise UserError(MSG_LOCKED, field="currency")
            if p.date > first:
                raise UserError(MSG_LOCKED, field="date")
            if p.amount < peak:
                raise UserError(MSG_AMOUNT_BELOW_ALLOCATED, field="amount", allocated=f"{peak:.2f}")
        before = {
            k: getattr(payment, k)
            for k in ("client_id", "date", "amount", "currency", "method", "reference", "notes")
        }
        after = {
            "client_id": p.client_id,
            "date": p.date,
            "amount": p.amount,
            "currency": p.currency,
            "method": p.method,
            "reference": p.reference,
            "notes": p.notes,
        }
        for key, value in after.items():
            setattr(payment, key, value)
        diff = history.changes(before, after)
        if diff:
            history.record(
                s,
                "payment",
                payment.id,
                "edited",
                client_id=payment.client_id,
                label=payment.reference or payment.date.isoformat(),
                details=diff,
            )
        return _row_of(s, payment.id)


def allocation_history(session: Session, *conditions: Any) -> tuple[dt.date | None, Decimal]:
    """(date of the first allocation, most ever allocated at once) over every allocation
    matching ``conditions``, removed ones included.

    An edit must keep the past consistent: a document's date may not move after its
    first allocation, nor its amount drop below what was set against it on any day.
    """
    rows = session.execute(
        select(Allocation.date, Allocation.removed_on, Allocation.amount).where(or_(*conditions))
    ).all()
    if not rows:
        return None, ZERO
    change: dict[dt.date, Decimal] = {}
    for date, removed_on, amount in rows:
        change[date] = change.get(date, ZERO) + amount
        if removed_on is not None:  # active on day D when date <= D < removed_on
            change[removed_on] = change.get(removed_on, ZERO) - amount
    running = peak = ZERO
    for day in sorted(change):
        running += change[day]
        peak = max(peak, running)
    return min(row.date for row in rows), peak


def delete_payment(payment_id: int) -> None:
    """Delete a payment entered by mistake, with its allocations (logged)."""
    with db.transaction() as s:
        payment = _lock_one(s, Payment, payment_id)
        if payment is None:
            raise NotFound(MSG_GONE)
        invoices = _lock(
            s,
            Invoice,
            s.scalars(
                select(Allocation.invoice_id).where(
                    Allocation.payment_id == payment_id, Allocation.removed_on.is_(None)
                )
            ),
        )
        for allocation in s.scalars(
            select(Allocation)
            .where(Allocation.payment_id == payment_id)
            .order_by(Allocation.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ):
            if allocation.removed_on is None:
                invoice = invoices.get(allocation.invoice_id)
                assert invoice is not None
                invoice.allocated -= allocation.amount
                history.record_invoice(
                    s,
                    invoice,
                    "unallocated",
                    {
                        "payment": payment.id,
                        "amount": allocation.amount,
                        "reason": "payment deleted",
                    },
                )
            s.delete(allocation)
        history.record(
            s,
            "payment",
            payment.id,
            "deleted",
            client_id=payment.client_id,
            label=payment.reference or payment.date.isoformat(),
            details={"date": payment.date, "amount": payment.amount},
        )
        s.flush()
        s.delete(payment)


def allocate(payment_id: int, invoice_id: int, amount: Decimal | str | None = None) -> PaymentRow:
    """Set (part of) a payment's unallocated credit against an invoice."""
    with db.transaction() as s:
        payment = _lock_one(s, Payment, payment_id)
        invoice = _lock_one(s, Invoice, invoice_id)
        if payment is None or invoice is None:
            raise NotFound(MSG_ALLOCATION_GONE)
        value = None if amount in (None, "") else parse_amount(amount, "amount", allow_zero=False)
        if _allocate_payment(s, payment, invoice, value) is None:
            raise UserError(MSG_NOTHING_TO_ALLOCATE, field="amount")
        return _row_of(s, payment.id)


def auto_allocate_payment(payment_id: int) -> PaymentRow:
    with db.transaction() as s:
        payment = _lock_one(s, Payment, payment_id)
        if payment is None:
            raise NotFound(MSG_GONE)
        auto_allocate(s, payment)
        return _row_of(s, payment.id)


def apply_credit_note(
    credit_note_id: int, invoice_id: int, amount: Decimal | str | None = None
) -> AllocationRow:
    with db.transaction() as s:
        value = None if amount in (None, "") else parse_amount(amount, "amount", allow_zero=False)
        allocation = apply_credit_in_session(s, credit_note_id, invoice_id, value)
        if allocation is None:
            raise UserError(MSG_NOTHING_TO_ALLOCATE, field="amount")
        return _allocation_row(s, allocation)


def unallocate(allocation_id: int) -> None:
    """Take an allocation back; the money returns to the payment or credit note."""
    with db.transaction() as s:
        # its source and invoice never change: read them, lock in the writers' order
        # (payment, invoices, then the allocation), and only then see if it is still active
        allocation = s.get(Allocation, allocation_id)
        if allocation is None:
            raise NotFound(MSG_ALLOCATION_GONE)
        payment = _lock_one(s, Payment, allocation.payment_id)
        documents = _lock(s, Invoice, [allocation.invoice_id, allocation.credit_note_id])
        allocation = _lock_one(s, Allocation, allocation_id)
        if allocation is None:
            raise NotFound(MSG_ALLOCATION_GONE)
        if allocation.removed_on is not None:
            raise UserError(MSG_ALREADY_REMOVED, field="allocation")
        allocation.removed_on = max(clock.today(), allocation.date)
        allocation.removed_at = clock.now()
        invoice = documents.get(allocation.invoice_id)
        assert invoice is not None
        invoice.allocated -= allocation.amount
        if allocation.payment_id is not None:
            assert payment is not None
            payment.allocated -= allocation.amount
            source = {"payment": payment.id}
        else:
            credit = documents.get(allocation.credit_note_id)
            assert credit is not None
            credit.allocated -= allocation.amount
            source = {"credit_note": credit.number}
            history.record_invoice(
                s, credit, "unallocated", {"invoice": invoice.number, "amount": allocation.amount}
            )
        history.record_invoice(s, invoice, "unallocated", {**source, "amount": allocation.amount})


# -- reading -----------------------------------------------------------------


def _allocation_row(session: Session, a: Allocation) -> AllocationRow:
    invoice = session.get(Invoice, a.invoice_id)
    assert invoice is not None
    if a.payment_id is not None:
        payment = session.get(Payment, a.payment_id)
        assert payment is not None
        kind, source_id = "payment", payment.id
        label = f"{payment.date.isoformat()} {payment.reference}".strip()
    else:
        credit = session.get(Invoice, a.credit_note_id)
        assert credit is not None
        kind, source_id, label = "credit_note", credit.id, credit.number
    return AllocationRow(
        a.id, invoice.id, invoice.number, kind, source_id, label, a.amount, a.date, a.removed_on
    )


def _allocation_rows(
    session: Session, include_removed: bool, condition: Any
) -> list[AllocationRow]:
    """The allocations matching ``condition`` (removed ones only if asked), by date."""
    stmt = select(Allocation).where(condition)
    if not include_removed:
        stmt = stmt.where(Allocation.removed_on.is_(None))
    return [
        _allocation_row(session, a)
        for a in session.scalars(stmt.order_by(Allocation.date, Allocation.id))
    ]


def allocations_of_invoice(invoice_id: int, include_removed: bool = False) -> list[AllocationRow]:
    """Money set against an invoice, or (for a credit note) applied from it."""
    with db.reading() as s:
        return _allocation_rows(
            s,
            include_removed,
            or_(Allocation.invoice_id == invoice_id, Allocation.credit_note_id == invoice_id),
        )


def allocations_of_payment(payment_id: int, include_removed: bool = False) -> list[AllocationRow]:
    with db.reading() as s:
        return _allocation_rows(s, include_removed, Allocation.payment_id == payment_id)


def _to_row(p: Payment, c: Client) -> PaymentRow:
    return PaymentRow(
        id=p.id,
        client_id=c.id,
        client_code=c.code,
        client_name=c.name,
        date=p.date,
        amount=p.amount,
        allocated=p.allocated,
        unallocated=p.amount - p.allocated,
        currency=p.currency,
        method=p.method,
        reference=p.reference,
        notes=p.notes,
    )


def _row_of(session: Session, payment_id: int) -> PaymentRow:
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise NotFound(MSG_GONE)
    client = session.get(Client, payment.client_id)
    assert client is not None
    return _to_row(payment, client)


def get_payment(payment_id: int) -> PaymentRow:
    with db.reading() as s:
        return _row_of(s, payment_id)


@dataclass(frozen=True)
class PaymentQuery:
    search: str = ""
    client_id: int | None = None
    method: str = ""
    unallocated_only: bool = False
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "date"
    descending: bool = True


SORT_KEYS = (
    "date",
    "client",
    "amount",
    "allocated",
    "unallocated",
    "method",
    "reference",
    "currency",
)


def _filtered(query: PaymentQuery, stmt: _Stmt) -> _Stmt:
    for word in fold(query.search).split():
        stmt = stmt.where(
            or_(
                Client.search_key.contains(word, autoescape=True),
                func.lower(Payment.reference).contains(word, autoescape=True),
            )
        )
    if query.client_id:
        stmt = stmt.where(Payment.client_id == query.client_id)
    if query.method:
        stmt = stmt.where(Payment.method == query.method)
    if query.unallocated_only:
        stmt = stmt.where(Payment.amount > Payment.allocated)
    if query.date_from:
        stmt = stmt.where(Payment.date >= query.date_from)
    if query.date_to:
        stmt = stmt.where(Payment.date <= query.date_to)
    return stmt


def list_payments(query: PaymentQuery, offset: int = 0, limit: int = 200) -> list[PaymentRow]:
    stmt = _filtered(query, select(Payment, Client).join(Client, Client.id == Payment.client_id))
    column: Any = {
        "date": Payment.date,
        "client": func.lower(Client.name),
        "amount": Payment.amount,
        "allocated": Payment.allocated,
        "unallocated": Payment.amount - Payment.allocated,
        "method": Payment.method,
        "reference": func.lower(Payment.reference),
        "currency": Payment.currency,
    }.get(query.sort, Payment.date)
    order = column.desc() if query.descending else column.asc()
    tie = Payment.id.desc() if query.descending else Payment.id.asc()
    stmt = stmt.order_by(order, tie).offset(offset).limit(limit)
    with db.reading() as s:
        return [_to_row(p, c) for p, c in s.execute(stmt)]


def count_payments(query: PaymentQuery) -> int:
    stmt = _filtered(
        query, select(func.count(Payment.id)).join(Client, Client.id == Payment.client_id)
    )
    with db.reading() as s:
        return int(s.scalar(stmt) or 0)


def page_payments(query: PaymentQuery, offset: int = 0, limit: int = 200) -> Page:
    return Page(list_payments(query, offset, limit), count_payments(query))
