"""The open-item engine as of any date: what was issued, paid and applied by then."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.core import clock
from services.core.dto import ClientBalance, OpenItem
from services.core.errors import UserError
from services.ledger import clients, invoices, payments
from services.ledger import open_items as ledger
from tests.service_fixtures import (  # noqa: F401
    D,
    add_client,
    add_credit_note,
    add_invoice,
    book,
    check_denormalised_totals,
    day,
    pay,
)

#: on SQLite and on PostgreSQL (issue #11)
pytestmark = [pytest.mark.usefixtures("book"), pytest.mark.both_engines]


def items(as_of: str | dt.date, **kw: object) -> dict[str, OpenItem]:
    as_of = day(as_of) if isinstance(as_of, str) else as_of
    return {i.number: i for i in ledger.open_items(as_of, **kw)}  # type: ignore[arg-type]


def balances(as_of: str) -> dict[tuple[str, str], ClientBalance]:
    return {(b.code, b.currency): b for b in ledger.client_balances(day(as_of))}


@pytest.fixture
def story() -> dict[str, int]:
    """ACME's year: invoices in January, February and June, a credit note in March,
    payments in February and April, a USD invoice; BETA has one invoice."""
    add_client("ACME")
    add_client("BETA")
    add_client("IDLE")
    ids = {}
    ids["F-1"] = add_invoice("F-1", issue="2025-01-10", total="100.00").id  # due 02-09
    ids["F-2"] = add_invoice("F-2", issue="2025-02-10", total="200.00").id  # due 03-12
    ids["F-3"] = add_invoice("F-3", issue="2025-06-20", total="300.00").id  # due 07-20
    ids["B-1"] = add_invoice("B-1", client="BETA", issue="2025-01-05", total="50.00").id
    ids["U-1"] = add_invoice("U-1", issue="2025-01-15", total="1000.00", currency="USD").id
    ids["A-1"] = add_credit_note("A-1", issue="2025-03-01", total="20.00", applies_to="F-2").id
    ids["P-1"] = pay("ACME", "2025-02-15", "60.00", [(ids["F-1"], None)]).id
    ids["P-2"] = pay("ACME", "2025-04-10", "140.00").id  # auto: F-1 40, F-2 100
    return ids


def test_the_story_today(story: dict[str, int]) -> None:
    now = items("2025-06-30")
    assert (now["F-1"].balance, now["F-2"].balance, now["F-3"].balance) == (
        D("0.00"),
        D("80.00"),
        D("300.00"),
    )
    assert (now["F-1"].status, now["F-2"].status, now["F-3"].status) == (
        "paid",
        "overdue",
        "not_due",
    )


def test_invoices_issued_after_the_date_are_ignored(story: dict[str, int]) -> None:
    jan = items("2025-01-31")
    assert set(jan) == {"F-1", "B-1", "U-1"}
    assert "F-3" not in items("2025-06-19") and "F-3" in items("2025-06-20")
    assert "A-1" not in items("2025-02-28") and "A-1" in items("2025-03-01")
    acme = balances("2025-01-31")[("ACME", "EUR")]
    assert (acme.invoiced, acme.credited, acme.received, acme.balance) == (
        D("100.00"),
        D("0.00"),
        D("0.00"),
        D("100.00"),
    )


def test_payments_dated_after_the_date_are_ignored(story: dict[str, int]) -> None:
    assert items("2025-02-14")["F-1"].paid == D("0.00")
    assert items("2025-02-15")["F-1"].paid == D("60.00")
    assert items("2025-04-09")["F-1"].paid == D("60.00")
    assert items("2025-04-10")["F-1"].paid == D("100.00")
    assert balances("2025-04-09")[("ACME", "EUR")].received == D("60.00")
    assert balances("2025-04-10")[("ACME", "EUR")].received == D("200.00")


def test_allocations_dated_after_the_date_are_ignored(story: dict[str, int]) -> None:
    # the credit note of 1 March reduces F-2 from 1 March only
    assert items("2025-02-28")["F-2"].balance == D("200.00")
    assert items("2025-03-01")["F-2"].balance == D("180.00")
    # a credit kept since February, set against an invoice issued in May: allocated in May
    clock.freeze(day("2025-06-30"))
    credit = pay("BETA", "2025-02-01", "75.00", confirm=True)  # 50 to B-1, 25 of credit
    b2 = add_invoice("B-2", client="BETA", issue="2025-05-02", total="25.00")
    payments.allocate(credit.id, b2.id)
    (alloc,) = [a for a in payments.allocations_of_payment(credit.id) if a.invoice_number == "B-2"]
    assert alloc.date == day("2025-05-02")
    assert balances("2025-04-30")[("BETA", "EUR")].unallocated == D("25.00")
    assert balances("2025-05-02")[("BETA", "EUR")].unallocated == D("0.00")
    assert items("2025-05-02")["B-2"].status == "paid"


def test_days_late_and_status_around_the_due_date(story: dict[str, int]) -> None:
    # F-2 is due on 12 March; by then 20 of it was credited
    on_due = items("2025-03-12")["F-2"]
    assert (on_due.days_late, on_due.status, on_due.balance) == (0, "not_due", D("180.00"))
    day_after = items("2025-03-13")["F-2"]
    assert (day_after.days_late, day_after.status) == (1, "overdue")
    later = items("2025-06-30")["F-2"]
    assert later.days_late == (day("2025-06-30") - day("2025-03-12")).days == 110
    before = items("2025-02-20")["F-2"]
    assert (before.days_late, before.status) == (0, "not_due")
    # F-1: overdue on 14 February, partly paid on the 15th, paid on 10 April
    assert items("2025-02-14")["F-1"].status == "overdue"
    assert items("2025-02-14")["F-1"].days_late == 5
    assert items("2025-04-10")["F-1"].status == "paid"


def test_days_late_counts_from_the_due_date_even_when_paid(story: dict[str, int]) -> None:
    paid = items("2025-06-30")["F-1"]
    assert paid.status == "paid"
    assert paid.days_late == max(0, (day("2025-06-30") - paid.due_date).days)


def test_credit_notes_have_a_negative_balance_until_applied() -> None:
    add_client("ACME")
    add_invoice("F-1", issue="2025-01-10", total="100.00")
    cn = add_credit_note("A-1", issue="2025-01-20", total="30.00")
    unapplied = items("2025-01-31")["A-1"]
    assert (unapplied.kind, unapplied.total, unapplied.paid, unapplied.balance) == (
        "credit_note",
        D("-30.00"),
        D("0.00"),
        D("-30.00"),
    )
    assert (unapplied.status, unapplied.days_late) == ("not_due", 0)
    acme = balances("2025-01-31")[("ACME", "EUR")]
    assert (acme.credited, acme.balance, acme.unallocated) == (D("30.00"), D("70.00"), D("30.00"))
    clock.freeze(day("2025-02-05"))
    payments.apply_credit_note(cn.id, invoices.get_invoice_by_number("F-1").id, "10")
    part = items("2025-02-05")["A-1"]
    assert (part.paid, part.balance, part.status) == (D("-10.00"), D("-20.00"), "not_due")
    assert items("2025-02-05")["F-1"].balance == D("90.00")
    assert balances("2025-02-05")[("ACME", "EUR")].balance == D("70.00")
    # an allocation is dated by its source (the credit note of 20 January), not by the day
    # it was entered, so the application counts from the 20th on both sides
    (alloc,) = payments.allocations_of_invoice(cn.id)
    assert alloc.date == day("2025-01-20")
    assert items("2025-01-19")["F-1"].balance == D("100.00")
    assert (items("2025-01-20")["F-1"].balance, items("2025-01-20")["A-1"].balance) == (
        D("90.00"),
        D("-20.00"),
    )


def test_currencies_are_never_mixed(story: dict[str, int]) -> None:
    now = balances("2025-06-30")
    eur, usd = now[("ACME", "EUR")], now[("ACME", "USD")]
    assert (eur.invoiced, eur.received, eur.balance) == (D("600.00"), D("200.00"), D("380.00"))
    assert (usd.invoiced, usd.received, usd.balance, usd.overdue) == (
        D("1000.00"),
        D("0.00"),
        D("1000.00"),
        D("1000.00"),
    )
    assert items("2025-06-30")["U-1"].currency == "USD"
    usd_payment = pay("ACME", "2025-06-01", "400.00", currency="USD")
    assert usd_payment.allocated == D("400.00")
    now = balances("2025-06-30")
    assert now[("ACME", "USD")].balance == D("600.00")
    assert now[("ACME", "EUR")].balance == D("380.00")
    # the client list shows euros only
    assert clients.get_client_by_code("ACME").balance == D("380.00")


def test_every_client_appears_even_without_anything(story: dict[str, int]) -> None:
    idle = balances("2025-06-30")[("IDLE", "EUR")]
    assert (idle.invoiced, idle.received, idle.balance, idle.unallocated) == (D("0.00"),) * 4
    assert ("BETA", "EUR") in balances("2024-01-01")
    (only,) = ledger.client_balances(day("2025-06-30"), client_code="idle")
    assert only.code == "IDLE"


def test_client_balances_as_of_past_dates(story: dict[str, int]) -> None:
    expected = {
        # date: (invoiced, credited, received, balance, overdue, unallocated)
        "2025-01-09": ("0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
        "2025-02-14": ("300.00", "0.00", "0.00", "300.00", "100.00", "0.00"),
        "2025-02-15": ("300.00", "0.00", "60.00", "240.00", "40.00", "0.00"),
        "2025-03-13": ("300.00", "20.00", "60.00", "220.00", "220.00", "0.00"),
        "2025-04-10": ("300.00", "20.00", "200.00", "80.00", "80.00", "0.00"),
        "2025-06-30": ("600.00", "20.00", "200.00", "380.00", "80.00", "0.00"),
        "2025-07-21": ("600.00", "20.00", "200.00", "380.00", "380.00", "0.00"),
    }
    for as_of, values in expected.items():
        b = balances(as_of)[("ACME", "EUR")]
        got = (b.invoiced, b.credited, b.received, b.balance, b.overdue, b.unallocated)
        assert got == tuple(D(v) for v in values), as_of


def test_open_only_and_client_filter(story: dict[str, int]) -> None:
    open_now = items("2025-06-30", open_only=True)
    assert set(open_now) == {"F-2", "F-3", "B-1", "U-1"}
    assert set(items("2025-06-30", client_code="beta")) == {"B-1"}
    assert set(items("2025-02-01", client_code="ACME", open_only=True)) == {"F-1", "U-1"}


def test_unallocated_payment_credit_as_of(story: dict[str, int]) -> None:
    # automatic allocation: 80 to F-2 at once, 300 to F-3 from the day it is issued
    pay("ACME", "2025-05-01", "500.00", confirm=True)
    assert balances("2025-05-01")[("ACME", "EUR")].unallocated == D("420.00")
    # F-3 (issued 20 June) was paid from that credit by the automatic allocation
    (alloc,) = payments.allocations_of_invoice(story["F-3"])
    assert alloc.date == day("2025-06-20")
    assert balances("2025-06-20")[("ACME", "EUR")].unallocated == D("120.00")
    assert items("2025-06-19").get("F-3") is None


def test_denormalised_totals_equal_the_recomputed_ones(story: dict[str, int]) -> None:
    clock.freeze(day("2025-07-01"))
    (first,) = payments.allocations_of_payment(story["P-1"])
    payments.unallocate(first.id)
    payments.allocate(story["P-1"], story["F-3"], "60")
    pay("ACME", "2025-07-01", "1000.00", confirm=True)
    check_denormalised_totals()


def test_money_in_the_ledger_is_decimal(story: dict[str, int]) -> None:
    for as_of in ("2025-01-01", "2025-03-01", "2025-06-30"):
        for it in ledger.open_items(day(as_of)):
            assert all(isinstance(v, Decimal) for v in (it.total, it.paid, it.balance))
        for b in ledger.client_balances(day(as_of)):
            assert all(
                isinstance(getattr(b, f), Decimal)
                for f in ("invoiced", "credited", "received", "balance", "overdue", "unallocated")
            )


def test_a_client_with_other_currencies_only_still_shows_in_euros() -> None:
    add_client("ACME")
    add_invoice("U-1", issue="2025-01-15", total="10.00", currency="USD")
    everyone = [(b.code, b.currency) for b in ledger.client_balances(day("2025-06-30"))]
    one = [
        (b.code, b.currency) for b in ledger.client_balances(day("2025-06-30"), client_code="ACME")
    ]
    assert everyone == one == [("ACME", "EUR"), ("ACME", "USD")]


# -- editing a document never rewrites the past into something impossible --------------


def _consistent(as_of: str) -> None:
    """The as-of identity: open invoices − unapplied credit − unallocated money = balance,
    with nothing paid beyond its total and no negative credit."""
    its = [i for i in ledger.open_items(day(as_of), client_code="ACME") if i.currency == "EUR"]
    (b,) = [
        x for x in ledger.client_balances(day(as_of), client_code="ACME") if x.currency == "EUR"
    ]
    assert (
        sum((i.balance for i in its), D("0.00"))
        - (b.unallocated - sum((-i.balance for i in its if i.kind == "credit_note"), D("0.00")))
        == b.balance
    )
    assert b.unallocated >= 0
    for i in its:
        assert abs(i.paid) <= abs(i.total), i


@pytest.fixture
def paid_then_unallocated() -> tuple[int, int]:
    """F-1 (100, 10 Jan) paid by P (100, 1 Feb); the allocation removed on 1 March."""
    add_client("ACME")
    add_client("BETA")
    clock.freeze(day("2025-03-01"))
    f1 = add_invoice("F-1", issue="2025-01-10", total="100.00")
    p = pay("ACME", "2025-02-01", "100.00", [(f1.id, None)])
    (alloc,) = payments.allocations_of_payment(p.id)
    payments.unallocate(alloc.id)
    return f1.id, p.id


def _invoice_data(**changes: str) -> dict[str, str]:
    return {
        "number": "F-1",
        "client": "ACME",
        "issue_date": "2025-01-10",
        "total": "100.00",
        "terms": "30 jours",
        **changes,
    }


def test_an_invoice_issue_date_cannot_move_after_money_set_against_it() -> None:
    add_client("ACME")
    clock.freeze(day("2025-03-01"))
    f1 = add_invoice("F-1", issue="2025-01-10", total="100.00")
    pay("ACME", "2025-02-01", "100.00", [(f1.id, None)])
    with pytest.raises(UserError) as caught:
        invoices.update_invoice(f1.id, _invoice_data(issue_date="2025-02-20"))
    assert caught.value.field == "issue_date"
    _consistent("2025-02-10")
    # earlier, or up to the payment's date, is fine
    invoices.update_invoice(f1.id, _invoice_data(issue_date="2025-02-01"))
    invoices.update_invoice(f1.id, _invoice_data(issue_date="2025-01-05"))
    assert invoices.get_invoice(f1.id).issue_date == day("2025-01-05")
    _consistent("2025-02-01")


def test_a_credit_note_issue_date_cannot_move_after_its_application() -> None:
    add_client("ACME")
    f1 = add_invoice("F-1", issue="2025-01-10", total="100.00")
    cn = add_credit_note("A-1", issue="2025-01-20", total="30.00", applies_to="F-1")
    with pytest.raises(UserError) as caught:
        invoices.update_invoice(
            cn.id,
            {
                "number": "A-1",
                "client": "ACME",
                "kind": "credit_note",
                "issue_date": "2025-02-15",
                "total": "30.00",
            },
        )
    assert caught.value.field == "issue_date"
    assert invoices.get_invoice(f1.id).balance == D("70.00")
    _consistent("2025-02-01")


def test_an_invoice_total_cannot_drop_below_what_was_once_paid(
    paid_then_unallocated: tuple[int, int],
) -> None:
    f1, _p = paid_then_unallocated
    with pytest.raises(UserError) as caught:
        invoices.update_invoice(f1, _invoice_data(total="40.00"))
    assert caught.value.field == "total"
    assert "100.00" in str(caught.value)
    _consistent("2025-02-10")
    invoices.update_invoice(f1, _invoice_data(total="120.00"))
    _consistent("2025-02-10")


def test_an_unallocated_invoice_keeps_its_client_and_currency(
    paid_then_unallocated: tuple[int, int],
) -> None:
    f1, _p = paid_then_unallocated
    with pytest.raises(UserError) as caught:
        invoices.update_invoice(f1, _invoice_data(client="BETA"))
    assert caught.value.field == "client"
    with pytest.raises(UserError) as caught:
        invoices.update_invoice(f1, _invoice_data(currency="USD"))
    assert caught.value.field == "currency"
    _consistent("2025-02-10")


def _payment_data(**changes: str) -> dict[str, str]:
    return {"client": "ACME", "date": "2025-02-01", "amount": "100.00", **changes}


def test_a_payment_amount_cannot_drop_below_what_was_once_allocated(
    paid_then_unallocated: tuple[int, int],
) -> None:
    _f1, p = paid_then_unallocated
    with pytest.raises(UserError) as caught:
        payments.update_payment(p, _payment_data(amount="30.00"))
    assert caught.value.field == "amount"
    assert payments.get_payment(p).amount == D("100.00")
    _consistent("2025-02-10")


def test_a_payment_date_cannot_move_after_its_allocations_even_removed(
    paid_then_unallocated: tuple[int, int],
) -> None:
    _f1, p = paid_then_unallocated
    with pytest.raises(UserError) as caught:
        payments.update_payment(p, _payment_data(date="2025-02-20"))
    assert caught.value.field == "date"
    with pytest.raises(UserError) as caught:
        payments.update_payment(p, _payment_data(client="BETA"))
    assert caught.value.field == "client"
    _consistent("2025-02-10")
    payments.update_payment(p, _payment_data(date="2025-01-25", reference="VIR 9"))
    assert payments.get_payment(p).date == day("2025-01-25")
    _consistent("2025-01-26")


def test_documents_never_allocated_can_be_edited_freely() -> None:
    add_client("ACME")
    add_client("BETA")
    f1 = add_invoice("F-1", issue="2025-01-10", total="100.00")
    row, _ = invoices.update_invoice(
        f1.id, _invoice_data(client="BETA", total="10.00", issue_date="2025-05-01")
    )
    assert (row.client_code, row.total, row.issue_date) == ("BETA", D("10.00"), day("2025-05-01"))
    p = pay("ACME", "2025-02-01", "50.00", [], confirm=True)
    moved = payments.update_payment(
        p.id, _payment_data(client="BETA", amount="20", date="2025-06-01")
    )
    assert (moved.client_code, moved.amount, moved.date) == ("BETA", D("20.00"), day("2025-06-01"))
