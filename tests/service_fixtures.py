"""Shared set-up for the service-level tests: a fresh book, a frozen clock, helpers.

Import the fixture into a test module with
``from tests.service_fixtures import book  # noqa: F401`` and mark the module with
``pytestmark = pytest.mark.usefixtures("book")``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models import Allocation, Invoice, Payment
from services.core import clock, db
from services.core.dto import ClientRow, InvoiceRow, PaymentRow
from services.ledger import clients, invoices, payments
from services.ledger import open_items as ledger

#: The day the frozen clock shows unless a test moves it.
TODAY = dt.date(2025, 6, 30)
#: A date after everything any test records.
FAR_FUTURE = dt.date(2100, 1, 1)


def D(text: str) -> Decimal:  # noqa: N802 - reads like a literal
    return Decimal(text)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@contextmanager
def fresh_book(path: Path | str, today: dt.date = TODAY) -> Iterator[db.Database]:
    """Open a new, migrated book at ``path`` with the clock frozen; close it after."""
    database = db.open_database(path)
    clock.freeze(today)
    try:
        yield database
    finally:
        clock.freeze(None)
        db.close()


@pytest.fixture
def book(book_target: str) -> Iterator[db.Database]:
    """A new book: a SQLite file, or a PostgreSQL database in ``both_engines`` modules."""
    with fresh_book(book_target) as database:
        yield database


def add_client(code: str = "ACME", kind: str = "pro", **extra: Any) -> ClientRow:
    data = {"code": code, "name": extra.pop("name", f"{code} SARL"), "kind": kind, **extra}
    return clients.create_client(data)


def add_invoice(
    number: str,
    client: str = "ACME",
    issue: str | dt.date = "2025-01-15",
    total: str | Decimal = "100.00",
    **extra: Any,
) -> InvoiceRow:
    data = {
        "number": number,
        "client": client,
        "issue_date": issue,
        "total": total,
        "terms": extra.pop("terms", "30 jours"),
        **extra,
    }
    row, _warnings = invoices.create_invoice(data)
    return row


def add_credit_note(
    number: str,
    client: str = "ACME",
    issue: str | dt.date = "2025-01-20",
    total: str | Decimal = "10.00",
    **extra: Any,
) -> InvoiceRow:
    data = {
        "number": number,
        "client": client,
        "issue_date": issue,
        "total": total,
        "kind": "credit_note",
        **extra,
    }
    row, _warnings = invoices.create_invoice(data)
    return row


def pay(
    client: str,
    date: str | dt.date,
    amount: str | Decimal,
    allocations: list[tuple[int, Decimal | None]] | None = None,
    *,
    confirm: bool = False,
    **extra: Any,
) -> PaymentRow:
    data = {"client": client, "date": date, "amount": amount, **extra}
    return payments.record_payment(data, allocations, confirm_overpayment=confirm)


def check_denormalised_totals() -> None:
    """Invoice.allocated and Payment.allocated (kept by the services) against the
    allocations themselves, as of a date after everything."""
    recomputed = {i.id: i for i in ledger.open_items(FAR_FUTURE)}
    with db.reading() as s:
        docs = s.scalars(select(Invoice)).all()
        assert len(docs) == len(recomputed)
        for doc in docs:
            sign = -1 if doc.kind == "credit_note" else 1
            assert recomputed[doc.id].paid == sign * doc.allocated, doc.number
            assert recomputed[doc.id].balance == sign * (doc.total - doc.allocated)
            assert invoices.get_invoice(doc.id).balance == recomputed[doc.id].balance
        for p in s.scalars(select(Payment)).all():
            active = s.scalars(
                select(Allocation.amount).where(
                    Allocation.payment_id == p.id, Allocation.removed_on.is_(None)
                )
            ).all()
            assert sum(active, Decimal("0.00")) == p.allocated
    for row in clients.list_clients(clients.ClientQuery()):
        (eur,) = [
            b
            for b in ledger.client_balances(FAR_FUTURE, client_code=row.code)
            if b.currency == "EUR"
        ]
        assert (row.balance, row.unallocated) == (eur.balance, eur.unallocated)
