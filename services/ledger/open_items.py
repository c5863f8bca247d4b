"""The open-item engine, as of any date.

"As of D" ignores invoices issued after D and payments or allocations
dated after D; an allocation removed on or before D no longer counts.
Every later feature (alerts, dunning, letters, KPIs) reads this.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, or_, select

from models import Allocation, Client, Invoice, Payment
from services.core import db, lookups
from services.core.dto import ClientBalance, OpenItem
from services.core.money import ZERO, from_sql
from services.core.text import nfc
from services.ledger.invoices import days_late, status_of


def _code_is(code: str) -> Any:
    """The client with this code: the lookups' one rule (NFC, trimmed, any case)."""
    return lookups.same(Client.code, nfc(code))


def _active(as_of: dt.date) -> Any:
    return and_(
        Allocation.date <= as_of,
        or_(Allocation.removed_on.is_(None), Allocation.removed_on > as_of),
    )


def open_items(
    as_of: dt.date,
    *,
    client_code: str | None = None,
    open_only: bool = False,
) -> list[OpenItem]:
    """Every invoice and credit note issued by ``as_of`` with what was paid by then."""
    received = (
        select(Allocation.invoice_id.label("doc_id"), func.sum(Allocation.amount).label("amount"))
        .where(_active(as_of))
        .group_by(Allocation.invoice_id)
        .subquery()
    )
    applied = (
        select(
            Allocation.credit_note_id.label("doc_id"), func.sum(Allocation.amount).label("amount")
        )
        .where(_active(as_of), Allocation.credit_note_id.is_not(None))
        .group_by(Allocation.credit_note_id)
        .subquery()
    )
    stmt = (
        select(
            Invoice.id,
            Invoice.number,
            Invoice.kind,
            Invoice.issue_date,
            Invoice.due_date,
            Invoice.currency,
            Invoice.total,
            Invoice.disputed,
            Client.code,
            Client.name,
            Client.kind,
            received.c.amount,
            applied.c.amount,
        )
        .join(Client, Client.id == Invoice.client_id)
        .outerjoin(received, received.c.doc_id == Invoice.id)
        .outerjoin(applied, applied.c.doc_id == Invoice.id)
        .where(Invoice.issue_date <= as_of)
        .order_by(Client.code, Invoice.due_date, Invoice.number)
    )
    if client_code:
        stmt = stmt.where(_code_is(client_code))
    items: list[OpenItem] = []
    with db.reading() as s:
        for (
            iid,
            number,
            kind,
            issue,
            due,
            currency,
            total,
            disputed,
            code,
            name,
            ckind,
            got,
            gave,
        ) in s.execute(stmt):
            total = from_sql(total)
            if kind == "credit_note":
                signed_total, paid = -total, -from_sql(gave)
            else:
                signed_total, paid = total, from_sql(got)
            balance = signed_total - paid
            if open_only and balance == 0:
                continue
            items.append(
                OpenItem(
                    id=iid,
                    number=number,
                    client_code=code,
                    client_name=name,
                    client_kind=ckind,
                    kind=kind,
                    issue_date=issue,
                    due_date=due,
                    currency=currency,
                    total=signed_total,
                    paid=paid,
                    balance=balance,
                    days_late=days_late(kind, due, as_of),
                    status=status_of(kind, balance, due, as_of),
                    disputed=bool(disputed),
                )
            )
    return items


def client_balances(
    as_of: dt.date, *, client_code: str | None = None, items: list[OpenItem] | None = None
) -> list[ClientBalance]:
    """Per client and currency: invoiced − credited − received = balance, as of a date.

    Every client appears (in EUR) even with nothing on its account. ``items``: the open
    items of that date already read (every one of them, not only the open ones).
    """
    acc: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(
        lambda: {
            k: ZERO
            for k in ("invoiced", "credited", "received", "overdue", "unapplied", "allocated")
        }
    )
    with db.reading() as s:
        clients = {
            c.code: (c.name, c.kind)
            for c in s.execute(select(Client.code, Client.name, Client.kind).order_by(Client.code))
        }
        pay_stmt = (
            select(Client.code, Payment.currency, func.sum(Payment.amount))
            .join(Client, Client.id == Payment.client_id)
            .where(Payment.date <= as_of)
            .group_by(Client.code, Payment.currency)
        )
        pay_alloc = (
            select(Client.code, Payment.currency, func.sum(Allocation.amount))
            .join(Payment, Payment.id == Allocation.payment_id)
            .join(Client, Client.id == Payment.client_id)
            .where(_active(as_of))
            .group_by(Client.code, Payment.currency)
        )
        if client_code:
            pay_stmt = pay_stmt.where(_code_is(client_code))
            pay_alloc = pay_alloc.where(_code_is(client_code))
        for code, currency, amount in s.execute(pay_stmt):
            acc[(code, currency)]["received"] += from_sql(amount)
        for code, currency, amount in s.execute(pay_alloc):
            acc[(code, currency)]["allocated"] += from_sql(amount)
    for item in items if items is not None else open_items(as_of, client_code=client_code):
        bucket = acc[(item.client_code, item.currency)]
        if item.kind == "credit_note":
            bucket["credited"] += -item.total
            bucket["unapplied"] += -item.balance
        else:
            bucket["invoiced"] += item.total
            if item.status == "overdue":
                bucket["overdue"] += item.balance
    if client_code is None:
        for code in clients:
            acc[(code, "EUR")]  # noqa: B018 - touch: every client shows up
    else:  # the one client shows up in EUR too, even when it only has other currencies
        for code in clients:
            if code.lower() == client_code.strip().lower():
                acc[(code, "EUR")]  # noqa: B018
    result = []
    for (code, currency), b in sorted(acc.items()):
        name, kind = clients.get(code, ("", ""))
        result.append(
            ClientBalance(
                code=code,
                name=name,
                kind=kind,
                currency=currency,
                invoiced=b["invoiced"],
                credited=b["credited"],
                received=b["received"],
                balance=b["invoiced"] - b["credited"] - b["received"],
                overdue=b["overdue"],
                unallocated=(b["received"] - b["allocated"]) + b["unapplied"],
            )
        )
    return result


def current_totals(today: dt.date, currency: str = "EUR") -> tuple[Decimal, Decimal]:
    """(outstanding, overdue) of the whole book today, from the running totals (fast)."""
    open_amount = Invoice.total - Invoice.allocated
    with db.reading() as s:
        invoiced = s.scalar(
            select(func.coalesce(func.sum(open_amount), 0)).where(
                Invoice.kind == "invoice", Invoice.currency == currency
            )
        )
        credits = s.scalar(
            select(func.coalesce(func.sum(open_amount), 0)).where(
                Invoice.kind == "credit_note", Invoice.currency == currency
            )
        )
        unallocated = s.scalar(
            select(func.coalesce(func.sum(Payment.amount - Payment.allocated), 0)).where(
                Payment.currency == currency
            )
        )
        overdue = s.scalar(
            select(func.coalesce(func.sum(open_amount), 0)).where(
                Invoice.kind == "invoice", Invoice.currency == currency, Invoice.due_date < today
            )
        )
    return from_sql(invoiced) - from_sql(credits) - from_sql(unallocated), from_sql(overdue)
