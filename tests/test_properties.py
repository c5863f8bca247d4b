"""Property tests: whatever the sequence of invoices, credit notes, payments, allocations
and un-allocations, the books balance at every date and no amount is ever a float.

For each generated sequence a fresh book is opened; the clock is frozen on the day of
each step and moves forward.  A small model kept by the test (what was issued and
received, when) is compared with what the services compute as of several dates.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from dataclasses import dataclass, field, fields
from decimal import ROUND_DOWN, Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from models import Allocation, Event
from services.core import clock, db
from services.core.dto import ClientBalance, ClientRow, InvoiceRow, OpenItem, PaymentRow
from services.core.errors import NeedsConfirmation, UserError
from services.core.money import format_money
from services.ledger import clients, invoices, payments
from services.ledger import open_items as ledger
from tests.service_fixtures import FAR_FUTURE, check_denormalised_totals, fresh_book

START = dt.date(2025, 1, 1)
CLIENTS = [("ACME", "pro"), ("JEAN", "consumer")]
ZERO = Decimal("0.00")

# -- the operations -------------------------------------------------------------------

client_ix = st.integers(0, len(CLIENTS) - 1)
cents = st.integers(1, 250_000).map(lambda c: Decimal(c).scaleb(-2))
# an amount as the services receive it: a Decimal, or text typed the French way
typed = st.one_of(cents, cents.map(format_money))
back = st.integers(0, 20)  # the document is dated that many days before "today"
currency = st.sampled_from(["EUR"] * 5 + ["USD"])
terms = st.sampled_from(
    [
        "30 jours",
        "net 45",
        "à réception",
        "45 jours fin de mois",
        "30 days end of month on the 10th",
        "",
    ]
)
pick = st.integers(0, 60)  # an index into what exists, modulo its length
# which invoice an allocation aims at: mostly one the source may pay (same client and
# currency), sometimes any invoice at all (so that refusals are exercised too)
target = st.tuples(pick, st.sampled_from([True, True, True, False]))
# how much to allocate: None = as much as possible; a percentage of the most that is
# possible; or a raw amount (often too large, and refused)
portion = st.one_of(st.none(), st.integers(1, 100), cents)

operations = st.one_of(
    st.tuples(st.just("invoice"), client_ix, typed, back, currency, terms),
    st.tuples(st.just("credit_note"), client_ix, typed, back, currency, st.none() | target),
    st.tuples(
        st.just("payment"),
        client_ix,
        typed,
        back,
        currency,
        st.none() | st.lists(st.tuples(target, portion), max_size=2),
        st.sampled_from([True, True, False]),
    ),
    st.tuples(st.just("apply"), pick, target, portion),
    st.tuples(st.just("allocate"), pick, target, portion),
    st.tuples(st.just("unallocate"), pick),
    st.tuples(st.just("advance"), st.integers(1, 45)),
    # corrections: move the date, change the amount (percent of it), or the client
    st.tuples(
        st.just("edit_document"), pick, st.integers(-15, 15), st.integers(50, 150), st.booleans()
    ),
    st.tuples(
        st.just("edit_payment"), pick, st.integers(-15, 15), st.integers(50, 150), st.booleans()
    ),
)


@dataclass
class Model:
    """What the test itself knows was written: documents and payments with their dates."""

    today: dt.date = START
    docs: list[tuple[int, str, str, str, dt.date, Decimal]] = field(default_factory=list)
    pays: list[tuple[int, str, str, dt.date, Decimal]] = field(default_factory=list)
    dates: set[dt.date] = field(default_factory=set)

    def of_kind(self, kind: str) -> list[tuple[int, str, str, str, dt.date, Decimal]]:
        return [d for d in self.docs if d[1] == kind]

    def expected(self, as_of: dt.date) -> dict[tuple[str, str], dict[str, Decimal]]:
        out: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(
            lambda: {"invoiced": ZERO, "credited": ZERO, "received": ZERO}
        )
        for _id, kind, code, cur, issued, total in self.docs:
            if issued <= as_of:
                out[(code, cur)]["invoiced" if kind == "invoice" else "credited"] += total
        for _id, code, cur, date, amount in self.pays:
            if date <= as_of:
                out[(code, cur)]["received"] += amount
        return out


def _event_count() -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count(Event.id))) or 0)


def _at(items: list[Any], index: int) -> Any:
    return items[index % len(items)] if items else None


def run(model: Model, op: tuple[Any, ...], seq: list[int]) -> None:
    """Apply one operation; a refused one must leave the book untouched."""
    kind = op[0]
    if kind == "advance":
        model.today += dt.timedelta(days=op[1])
        return
    clock.freeze(model.today)
    events_before = _event_count()
    try:
        apply(model, op, seq)
    except (UserError, NeedsConfirmation) as exc:
        event(f"{kind}: refused ({type(exc).__name__})")
        assert _event_count() == events_before, f"{op} was refused but wrote events"
    else:
        event(f"{kind}: done" if _event_count() > events_before else f"{kind}: nothing to do")


def _invoice_for(model: Model, code: str, cur: str, aim: tuple[int, bool]) -> Any:
    """An invoice of the client and currency (or, when not ``matched``, any document)."""
    index, matched = aim
    if not matched:
        return _at(model.docs, index)
    fitting = [d for d in model.of_kind("invoice") if d[2] == code and d[3] == cur]
    still_open = [d for d in fitting if invoices.get_invoice(d[0]).balance > 0]
    return _at(still_open or fitting, index)


def _amount(how: int | Decimal | None, most: Decimal) -> Decimal | None:
    if isinstance(how, int) and not isinstance(how, bool):
        amount = (most * how / 100).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        return amount if amount > 0 else None
    return how


def apply(model: Model, op: tuple[Any, ...], seq: list[int]) -> None:
    kind = op[0]
    if kind in ("invoice", "credit_note"):
        _, cix, amount, days_back, cur, extra = op
        code = CLIENTS[cix][0]
        issued = model.today - dt.timedelta(days=days_back)
        seq[0] += 1
        data: dict[str, Any] = {
            "number": f"{'F' if kind == 'invoice' else 'A'}-{seq[0]}",
            "client": code,
            "kind": kind,
            "issue_date": issued,
            "total": amount,
            "currency": cur,
        }
        if kind == "invoice":
            data["terms"] = extra
        elif extra is not None and (aimed := _invoice_for(model, code, cur, extra)):
            data["applies_to"] = invoices.get_invoice(aimed[0]).number
        row, _warnings = invoices.create_invoice(data)
        assert row.total == (1 if kind == "invoice" else -1) * _plain(amount)
        model.docs.append((row.id, kind, code, cur, issued, _plain(amount)))
        model.dates.add(issued)
    elif kind == "payment":
        _, cix, amount, days_back, cur, manual, confirm = op
        code = CLIENTS[cix][0]
        date = model.today - dt.timedelta(days=days_back)
        allocations = None
        if manual is not None:
            allocations = []
            for aim, how in manual:
                aimed = _invoice_for(model, code, cur, aim)
                if aimed is not None:
                    most = min(_plain(amount), invoices.get_invoice(aimed[0]).balance)
                    allocations.append((aimed[0], _amount(how, most)))
        row = payments.record_payment(
            {"client": code, "date": date, "amount": amount, "currency": cur},
            allocations,
            confirm_overpayment=confirm,
        )
        assert row.amount == _plain(amount)
        model.pays.append((row.id, code, cur, date, _plain(amount)))
        model.dates.add(date)
    elif kind == "apply":
        _, cix, aim, how = op
        credit = _at(model.of_kind("credit_note"), cix)
        if credit and (aimed := _invoice_for(model, credit[2], credit[3], aim)):
            most = min(
                -invoices.get_invoice(credit[0]).balance, invoices.get_invoice(aimed[0]).balance
            )
            payments.apply_credit_note(credit[0], aimed[0], _amount(how, most))
    elif kind == "allocate":
        _, pix, aim, how = op
        payment = _at(model.pays, pix)
        if payment and (aimed := _invoice_for(model, payment[1], payment[2], aim)):
            most = min(
                payments.get_payment(payment[0]).unallocated, invoices.get_invoice(aimed[0]).balance
            )
            payments.allocate(payment[0], aimed[0], _amount(how, most))
    elif kind == "edit_document":
        _, ix, shift, pct, move = op
        if not model.docs:
            return
        i = ix % len(model.docs)
        doc_id, doc_kind, code, cur, issued, total = model.docs[i]
        row = invoices.get_invoice(doc_id)
        code = _other(code) if move else code
        issued += dt.timedelta(days=shift)
        total = max(Decimal("0.01"), (total * pct / 100).quantize(Decimal("0.01")))
        invoices.update_invoice(
            doc_id,
            {
                "number": row.number,
                "client": code,
                "kind": doc_kind,
                "issue_date": issued,
                "total": total,
                "currency": cur,
                "terms": row.terms,
            },
        )
        model.docs[i] = (doc_id, doc_kind, code, cur, issued, total)
        model.dates.add(issued)
    elif kind == "edit_payment":
        _, ix, shift, pct, move = op
        if not model.pays:
            return
        i = ix % len(model.pays)
        pay_id, code, cur, date, amount = model.pays[i]
        code = _other(code) if move else code
        date += dt.timedelta(days=shift)
        amount = max(Decimal("0.01"), (amount * pct / 100).quantize(Decimal("0.01")))
        payments.update_payment(
            pay_id, {"client": code, "date": date, "amount": amount, "currency": cur}
        )
        model.pays[i] = (pay_id, code, cur, date, amount)
        model.dates.add(date)
    elif kind == "unallocate":
        with db.reading() as s:
            active = s.scalars(
                select(Allocation.id).where(Allocation.removed_on.is_(None)).order_by(Allocation.id)
            ).all()
        if active:
            payments.unallocate(_at(list(active), op[1]))
            model.dates.add(model.today)


def _other(code: str) -> str:
    codes = [c for c, _kind in CLIENTS]
    return codes[(codes.index(code) + 1) % len(codes)]


def _plain(amount: Decimal | str) -> Decimal:
    if isinstance(amount, Decimal):
        return amount
    return Decimal(amount.replace("\u00a0€", "").replace("\u00a0", "").replace(",", "."))


# -- the checks ---------------------------------------------------------------------


def _allocations() -> list[tuple[int | None, int | None, int, Decimal, dt.date, dt.date | None]]:
    with db.reading() as s:
        return [
            (a.payment_id, a.credit_note_id, a.invoice_id, a.amount, a.date, a.removed_on)
            for a in s.scalars(select(Allocation))
        ]


def _active(date: dt.date, removed: dt.date | None, as_of: dt.date) -> bool:
    return date <= as_of and (removed is None or removed > as_of)


def check_books(model: Model, as_of: dt.date) -> None:
    expected = model.expected(as_of)
    got = {(b.code, b.currency): b for b in ledger.client_balances(as_of)}
    items = ledger.open_items(as_of)
    allocs = _allocations()

    # every client in every currency: the same figures as the test's own model
    for key in set(expected) | set(got):
        want = expected[key]
        b = got.get(key)
        assert b is not None, key
        assert (b.invoiced, b.credited, b.received) == (
            want["invoiced"],
            want["credited"],
            want["received"],
        ), (as_of, key)
        assert b.balance == want["invoiced"] - want["credited"] - want["received"], (as_of, key)

    # summed over clients, per currency: invoices − credit notes − payments
    for cur in {c for _, c in got}:
        total = sum((b.balance for (_, c), b in got.items() if c == cur), ZERO)
        issued = sum(
            (t for _i, k, _c, c, d, t in model.docs if c == cur and d <= as_of and k == "invoice"),
            ZERO,
        )
        credited = sum(
            (
                t
                for _i, k, _c, c, d, t in model.docs
                if c == cur and d <= as_of and k == "credit_note"
            ),
            ZERO,
        )
        received = sum((a for _i, _c, c, d, a in model.pays if c == cur and d <= as_of), ZERO)
        assert total == issued - credited - received, (as_of, cur)

    # open balances − unapplied credit notes − unallocated payments = the same balance
    pay_meta = {pid: (code, cur, date, amount) for pid, code, cur, date, amount in model.pays}
    unallocated: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for pid, (code, cur, date, amount) in pay_meta.items():
        if date <= as_of:
            used = sum(
                (amt for p, _c, _i, amt, d, r in allocs if p == pid and _active(d, r, as_of)), ZERO
            )
            assert ZERO <= used <= amount, (as_of, pid)
            unallocated[(code, cur)] += amount - used
    open_invoices: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    unapplied: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for it in items:
        assert it.issue_date <= as_of
        if it.kind == "invoice":
            assert ZERO <= it.paid <= it.total, (as_of, it)
            open_invoices[(it.client_code, it.currency)] += it.balance
            assert it.status == (
                "paid" if it.balance == 0 else "overdue" if it.due_date < as_of else "not_due"
            )
            assert it.days_late == max(0, (as_of - it.due_date).days)
        else:
            assert it.total <= it.paid <= ZERO, (as_of, it)
            unapplied[(it.client_code, it.currency)] += -it.balance
    for key, b in got.items():
        assert open_invoices[key] - unapplied[key] - unallocated[key] == b.balance, (as_of, key)
        assert b.unallocated == unapplied[key] + unallocated[key], (as_of, key)
    assert len(items) == sum(1 for d in model.docs if d[4] <= as_of)


MONEY_TYPES = (OpenItem, ClientBalance, InvoiceRow, PaymentRow, ClientRow)


def check_no_float(as_of: dt.date) -> None:
    rows: list[Any] = [
        *ledger.open_items(as_of),
        *ledger.client_balances(as_of),
        *invoices.list_invoices(invoices.InvoiceQuery(), 0, 10_000),
        *payments.list_payments(payments.PaymentQuery(), 0, 10_000),
        *clients.list_clients(clients.ClientQuery()),
    ]
    for row in rows:
        assert isinstance(row, MONEY_TYPES)
        for f in fields(row):
            value = getattr(row, f.name)
            assert not isinstance(value, float), (row, f.name)
            if f.name in MONEY_FIELDS and value is not None:
                assert isinstance(value, Decimal), (row, f.name)
                assert value.as_tuple().exponent == -2, (row, f.name, value)


MONEY_FIELDS = {
    "total",
    "paid",
    "balance",
    "net",
    "vat",
    "invoiced",
    "credited",
    "received",
    "overdue",
    "unallocated",
    "amount",
    "allocated",
    "credit_limit",
}


def check_aged(as_of: dt.date) -> None:
    """Issue #14: the aged balance on any date adds up to the open-item engine's balances —
    each client's row to its balance, each currency's total to the book's; every open
    invoice's balance is in exactly one band (credits apart)."""
    from services.ledger import aged

    report = aged.aged_balance(as_of)
    balances = {(b.code, b.currency): b.balance for b in ledger.client_balances(as_of)}
    for row in report.rows:
        assert row.total == balances[(row.client, row.currency)], (as_of, row)
    for key, balance in balances.items():
        if balance and not any(r.client == key[0] and r.currency == key[1] for r in report.rows):
            raise AssertionError(f"{key} owes {balance} on {as_of} but has no aged row")
    per_currency: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for (_code, cur), balance in balances.items():
        per_currency[cur] += balance
    assert {c: t.total for c, t in report.totals.items()} == {
        c: v for c, v in per_currency.items() if c in report.totals or v
    }
    open_invoices = sum(
        (i.balance for i in ledger.open_items(as_of) if i.kind == "invoice" and i.balance > 0),
        ZERO,
    )
    banded = sum(
        (r.amounts[b] for r in report.rows for b in report.buckets),
        ZERO,
    )
    assert banded == open_invoices, (as_of, banded, open_invoices)


#: ENCAISSE_PROPERTY_EXAMPLES=2000 for a longer hunt; 40 keeps the suite fast.
EXAMPLES = int(os.environ.get("ENCAISSE_PROPERTY_EXAMPLES", "40"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(ops=st.lists(operations, min_size=8, max_size=30))
def test_the_books_balance_at_every_date(
    tmp_path_factory: pytest.TempPathFactory, ops: list[tuple[Any, ...]]
) -> None:
    path = tmp_path_factory.mktemp("book") / "book.db"
    with fresh_book(path, START):
        for code, kind in CLIENTS:
            clients.create_client({"code": code, "name": code.title(), "kind": kind})
        model = Model()
        seq = [0]
        for op in ops:
            run(model, op, seq)
        clock.freeze(model.today)
        dates = sorted(model.dates)
        probe = {START - dt.timedelta(days=1), model.today, FAR_FUTURE}
        probe.update(dates[:: max(1, len(dates) // 6)])
        probe.update(d - dt.timedelta(days=1) for d in dates[-3:])
        middle = dates[len(dates) // 2] if dates else model.today
        for as_of in sorted(probe):
            check_books(model, as_of)
            if as_of in (model.today, middle, FAR_FUTURE):  # three dates: the suite stays fast
                check_aged(as_of)
        check_no_float(model.today)
        check_no_float(START)
        check_denormalised_totals()
