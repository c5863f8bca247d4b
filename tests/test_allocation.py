"""Payments and their allocation (shared/domain.md §3.5, C. civ. 1342-10): automatic FIFO,
manual, partial, over-payment, credit notes, un-allocation — and the history they leave."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from models import Allocation, Event, Invoice, Payment
from services.core import clock, db, history
from services.core.dto import ClientBalance, OpenItem
from services.core.errors import NeedsConfirmation, UserError, ValidationError
from services.ledger import clients, invoices, payments
from services.ledger import open_items as ledger
from tests.service_fixtures import (  # noqa: F401
    TODAY,
    D,
    add_client,
    add_credit_note,
    add_invoice,
    book,
    day,
    pay,
)

#: on SQLite and on PostgreSQL (issue #11)
pytestmark = [pytest.mark.usefixtures("book"), pytest.mark.both_engines]


def balance(number: str) -> Decimal:
    return invoices.get_invoice_by_number(number).balance


def paid(number: str) -> Decimal:
    return invoices.get_invoice_by_number(number).paid


def item(number: str, as_of: str) -> OpenItem:
    (found,) = [i for i in ledger.open_items(day(as_of)) if i.number == number]
    return found


def client_balance(code: str, as_of: str | dt.date = TODAY) -> ClientBalance:
    as_of = day(as_of) if isinstance(as_of, str) else as_of
    (found,) = ledger.client_balances(as_of, client_code=code)
    return found


def counts() -> dict[str, int]:
    with db.reading() as s:
        return {m.__name__: s.query(m).count() for m in (Invoice, Payment, Allocation, Event)}


@pytest.fixture
def acme() -> dict[str, int]:
    """ACME with four invoices: due on 9 Feb, 1 Mar, 12 Mar, and (not yet) 20 Jul 2025."""
    add_client("ACME")
    add_client("BETA")
    rows = [
        add_invoice("F-1", issue="2025-01-10", total="100.00"),  # due 02-09
        add_invoice("F-2", issue="2025-02-10", total="200.00"),  # due 03-12
        add_invoice("F-3", issue="2025-06-20", total="300.00"),  # due 07-20
        add_invoice("F-4", issue="2025-03-01", total="50.00", terms="à réception"),  # due 03-01
    ]
    return {r.number: r.id for r in rows}


# -- automatic allocation: C. civ. 1342-10 ------------------------------------------------


def test_auto_allocation_pays_due_invoices_oldest_due_date_first(acme: dict[str, int]) -> None:
    p = pay("ACME", "2025-06-25", "320.00")
    # due on the payment date, by due date: F-1 (02-09), F-4 (03-01), F-2 (03-12)
    assert [paid(n) for n in ("F-1", "F-4", "F-2", "F-3")] == [
        D("100.00"),
        D("50.00"),
        D("170.00"),
        D("0.00"),
    ]
    assert p.allocated == D("320.00") and p.unallocated == D("0.00")
    rows = payments.allocations_of_payment(p.id)
    assert [(a.invoice_number, a.amount) for a in rows] == [
        ("F-1", D("100.00")),
        ("F-4", D("50.00")),
        ("F-2", D("170.00")),
    ]


def test_auto_allocation_pays_not_yet_due_invoices_after_the_due_ones(acme: dict[str, int]) -> None:
    # issued first but due last: goes after every due invoice although it is the oldest
    add_invoice("F-5", issue="2025-01-05", total="40.00", terms="le 31/12/2025")
    pay("ACME", "2025-06-25", "380.00")
    assert [balance(n) for n in ("F-1", "F-4", "F-2")] == [D("0.00")] * 3
    assert paid("F-3") == D("30.00")  # not due yet, due 07-20: before F-5 (due 12-31)
    assert paid("F-5") == D("0.00")
    pay("ACME", "2025-06-26", "300.00", confirm=True)
    assert (balance("F-3"), balance("F-5")) == (D("0.00"), D("10.00"))


def test_due_is_judged_on_the_payment_date(acme: dict[str, int]) -> None:
    # on 5 March, F-1 and F-4 are due, F-2 (due 12 March) is not yet
    add_invoice("F-6", issue="2025-01-02", total="500.00", terms="le 30/04/2025")
    pay("ACME", "2025-03-05", "170.00")
    assert [paid(n) for n in ("F-1", "F-4", "F-2", "F-6")] == [
        D("100.00"),
        D("50.00"),
        D("20.00"),
        D("0.00"),
    ]


def test_auto_allocation_leaves_disputed_invoices_alone(acme: dict[str, int]) -> None:
    invoices.set_disputed(acme["F-1"], True)
    pay("ACME", "2025-06-25", "60.00")
    assert (paid("F-1"), paid("F-4"), paid("F-2")) == (D("0.00"), D("50.00"), D("10.00"))


def test_auto_allocation_stays_within_the_client_and_currency(acme: dict[str, int]) -> None:
    add_invoice("B-1", client="BETA", issue="2025-01-01", total="100.00")
    add_invoice("F-USD", issue="2025-01-01", total="100.00", currency="USD")
    pay("ACME", "2025-06-25", "100.00")
    assert paid("F-1") == D("100.00")
    assert (paid("B-1"), paid("F-USD")) == (D("0.00"), D("0.00"))
    pay("ACME", "2025-06-25", "60.00", currency="USD")
    assert paid("F-USD") == D("60.00")
    assert paid("F-4") == D("0.00")


# -- manual allocation, partial payment ---------------------------------------------------


def test_manual_allocation_to_the_invoice_the_user_picks(acme: dict[str, int]) -> None:
    p = pay("ACME", "2025-06-25", "200.00", [(acme["F-2"], None)])
    assert paid("F-2") == D("200.00")
    assert paid("F-1") == D("0.00")  # older and due, but not picked
    assert p.unallocated == D("0.00")


def test_manual_allocation_split_across_picked_invoices(acme: dict[str, int]) -> None:
    p = pay("ACME", "2025-06-25", "150.00", [(acme["F-3"], D("120.00")), (acme["F-1"], D("10.00"))])
    assert (paid("F-3"), paid("F-1")) == (D("120.00"), D("10.00"))
    assert p.allocated == D("130.00") and p.unallocated == D("20.00")
    # the rest is allocated later, by hand
    after = payments.allocate(p.id, acme["F-1"])
    assert after.unallocated == D("0.00") and paid("F-1") == D("30.00")


def test_partial_payment_leaves_the_rest_open(acme: dict[str, int]) -> None:
    pay("ACME", "2025-06-25", "40.00", [(acme["F-1"], None)])
    row = invoices.get_invoice_by_number("F-1")
    assert (row.total, row.paid, row.balance, row.status) == (
        D("100.00"),
        D("40.00"),
        D("60.00"),
        "overdue",
    )
    it = item("F-1", "2025-06-30")
    assert (it.paid, it.balance, it.status) == (D("40.00"), D("60.00"), "overdue")
    assert client_balance("ACME").balance == D("610.00")


def test_several_partial_payments_then_paid(acme: dict[str, int]) -> None:
    pay("ACME", "2025-02-01", "30.00", [(acme["F-1"], None)])
    pay("ACME", "2025-02-15", "30.00", [(acme["F-1"], None)])
    pay("ACME", "2025-03-01", "40.00", [(acme["F-1"], None)])
    assert item("F-1", "2025-02-20").balance == D("40.00")
    assert item("F-1", "2025-03-01").status == "paid"
    assert invoices.get_invoice_by_number("F-1").status == "paid"


# -- over-payment -------------------------------------------------------------------------


def test_overpayment_needs_confirmation_and_writes_nothing(acme: dict[str, int]) -> None:
    before = counts()
    with pytest.raises(NeedsConfirmation) as caught:
        pay("ACME", "2025-06-25", "700.00")
    assert caught.value.field == "amount"
    assert caught.value.params == {"amount": "700.00", "due": "650.00", "extra": "50.00"}
    assert "credit" in str(caught.value)
    assert counts() == before


def test_confirmed_overpayment_keeps_the_surplus_as_client_credit(acme: dict[str, int]) -> None:
    p = pay("ACME", "2025-06-25", "700.00", confirm=True)
    assert (p.allocated, p.unallocated) == (D("650.00"), D("50.00"))
    assert all(balance(n) == 0 for n in ("F-1", "F-2", "F-3", "F-4"))
    cb = client_balance("ACME")
    assert (cb.balance, cb.unallocated, cb.received) == (D("-50.00"), D("50.00"), D("700.00"))
    row = clients.get_client_by_code("ACME")
    assert (row.balance, row.unallocated) == (D("-50.00"), D("50.00"))
    # the credit is used by the next invoice, by hand
    f7 = add_invoice("F-7", issue="2025-06-28", total="80.00")
    payments.allocate(p.id, f7.id)
    assert balance("F-7") == D("30.00")
    assert payments.get_payment(p.id).unallocated == D("0.00")


def test_a_payment_no_larger_than_what_is_due_needs_no_confirmation(acme: dict[str, int]) -> None:
    p = pay("ACME", "2025-06-25", "650.00")
    assert p.unallocated == D("0.00")


@pytest.mark.parametrize("amount", ["-10", "0", "abc", "12,345"])
def test_bad_payment_amounts_are_refused_naming_the_field(
    acme: dict[str, int], amount: str
) -> None:
    before = counts()
    with pytest.raises(UserError) as caught:
        pay("ACME", "2025-06-25", amount)
    assert caught.value.field == "amount"
    assert str(caught.value).startswith("Amount: ")
    assert counts() == before


def test_a_payment_on_a_day_that_does_not_exist_is_refused(acme: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as caught:
        pay("ACME", "2025-02-30", "10")
    assert caught.value.field == "date"
    assert counts()["Payment"] == 0


@pytest.mark.parametrize("who", [{"client": "NOPE"}, {"client_id": 999}, {"client_id": "abc"}])
def test_a_payment_for_an_unknown_client_is_refused(acme: dict[str, int], who: dict) -> None:
    with pytest.raises(ValidationError) as caught:
        payments.record_payment({"date": "2025-06-25", "amount": "10", **who})
    assert caught.value.field == "client"
    assert counts()["Payment"] == 0


# -- credit notes -------------------------------------------------------------------------


def test_credit_note_applied_on_create_with_applies_to(acme: dict[str, int]) -> None:
    cn = add_credit_note("A-1", issue="2025-01-20", total="30.00", applies_to="F-1")
    assert (cn.total, cn.paid, cn.balance, cn.status) == (
        D("-30.00"),
        D("-30.00"),
        D("0.00"),
        "paid",
    )
    assert balance("F-1") == D("70.00")
    (alloc,) = payments.allocations_of_invoice(acme["F-1"])
    assert (alloc.source, alloc.source_label, alloc.amount, alloc.date) == (
        "credit_note",
        "A-1",
        D("30.00"),
        day("2025-01-20"),
    )


def test_credit_note_applied_later_to_an_invoice(acme: dict[str, int]) -> None:
    cn = add_credit_note("A-1", issue="2025-04-01", total="80.00")
    assert balance("A-1") == D("-80.00")
    assert client_balance("ACME").balance == D("570.00")
    payments.apply_credit_note(cn.id, acme["F-4"])  # 50 of the 80
    assert (balance("F-4"), balance("A-1")) == (D("0.00"), D("-30.00"))
    payments.apply_credit_note(cn.id, acme["F-2"], "20,00")
    assert (balance("F-2"), balance("A-1")) == (D("180.00"), D("-10.00"))
    assert client_balance("ACME").balance == D("570.00")  # applying moves no money
    assert client_balance("ACME").unallocated == D("10.00")


def test_credit_note_larger_than_the_invoice_keeps_the_rest(acme: dict[str, int]) -> None:
    add_credit_note("A-1", issue="2025-04-01", total="80.00", applies_to="F-4")
    assert (balance("F-4"), balance("A-1")) == (D("0.00"), D("-30.00"))


def test_credit_note_refusals(acme: dict[str, int]) -> None:
    add_invoice("B-1", client="BETA", issue="2025-01-10", total="100.00")
    cn = add_credit_note("A-1", issue="2025-04-01", total="80.00")
    with pytest.raises(UserError) as caught:
        payments.apply_credit_note(cn.id, invoices.get_invoice_by_number("B-1").id)
    assert caught.value.field == "invoice" and "another client" in str(caught.value)
    with pytest.raises(UserError) as caught:
        payments.apply_credit_note(acme["F-1"], acme["F-2"])
    assert caught.value.field == "credit_note"
    with pytest.raises(UserError) as caught:
        payments.apply_credit_note(cn.id, acme["F-4"], "60")
    assert caught.value.field == "amount" and "50.00" in str(caught.value)
    with pytest.raises(UserError) as caught:
        add_credit_note("A-2", issue="2025-04-01", total="10.00", applies_to="B-1")
    assert caught.value.field == "invoice"
    assert [
        r.number for r in invoices.open_credit_notes(clients.get_client_by_code("ACME").id)
    ] == ["A-1"]  # A-2 was not written
    assert balance("B-1") == D("100.00")


def test_a_payment_cannot_be_allocated_to_a_credit_note(acme: dict[str, int]) -> None:
    cn = add_credit_note("A-1", issue="2025-04-01", total="80.00")
    p = pay("ACME", "2025-06-25", "10.00", [(acme["F-1"], None)])
    with pytest.raises(UserError) as caught:
        payments.allocate(p.id, cn.id)
    assert caught.value.field == "invoice"


# -- un-allocation ------------------------------------------------------------------------


def test_unallocate_returns_the_money_to_the_payment(acme: dict[str, int]) -> None:
    clock.freeze(day("2025-03-01"))
    p = pay("ACME", "2025-02-20", "100.00", [(acme["F-1"], None)])
    (alloc,) = payments.allocations_of_payment(p.id)
    clock.freeze(day("2025-04-01"))
    payments.unallocate(alloc.id)
    assert balance("F-1") == D("100.00")
    assert payments.get_payment(p.id).unallocated == D("100.00")
    assert payments.allocations_of_payment(p.id) == []
    (removed,) = payments.allocations_of_payment(p.id, include_removed=True)
    assert removed.removed_on == day("2025-04-01") and not removed.active
    # before the un-allocation the invoice was paid, and stays so in the past
    assert item("F-1", "2025-03-15").status == "paid"
    assert item("F-1", "2025-03-31").balance == D("0.00")
    assert item("F-1", "2025-04-01").balance == D("100.00")
    assert client_balance("ACME", "2025-03-15").unallocated == D("0.00")
    assert client_balance("ACME", "2025-04-01").unallocated == D("100.00")
    with pytest.raises(UserError) as caught:
        payments.unallocate(alloc.id)
    assert caught.value.field == "allocation"


def test_reallocate_after_unallocation(acme: dict[str, int]) -> None:
    clock.freeze(day("2025-03-01"))
    p = pay("ACME", "2025-02-20", "100.00", [(acme["F-1"], None)])
    (alloc,) = payments.allocations_of_payment(p.id)
    clock.freeze(day("2025-04-01"))
    payments.unallocate(alloc.id)
    payments.allocate(p.id, acme["F-2"], "100")
    assert (balance("F-1"), balance("F-2")) == (D("100.00"), D("100.00"))
    (again,) = payments.allocations_of_payment(p.id)
    assert (again.invoice_number, again.date) == ("F-2", day("2025-04-01"))
    assert (item("F-1", "2025-03-15").balance, item("F-2", "2025-03-15").balance) == (
        D("0.00"),
        D("200.00"),
    )
    assert (item("F-1", "2025-04-01").balance, item("F-2", "2025-04-01").balance) == (
        D("100.00"),
        D("100.00"),
    )
    for as_of in ("2025-02-20", "2025-03-15", "2025-04-01", "2025-06-30"):
        assert client_balance("ACME", as_of).unallocated == D("0.00")


def test_unallocate_a_credit_note_application(acme: dict[str, int]) -> None:
    add_credit_note("A-1", issue="2025-01-20", total="30.00", applies_to="F-1")
    (alloc,) = payments.allocations_of_invoice(acme["F-1"])
    payments.unallocate(alloc.id)
    assert (balance("F-1"), balance("A-1")) == (D("100.00"), D("-30.00"))
    assert item("F-1", "2025-03-01").balance == D("70.00")
    assert item("A-1", "2025-03-01").balance == D("0.00")
    assert item("A-1", "2025-06-30").balance == D("-30.00")


# -- refusals -----------------------------------------------------------------------------


def test_allocation_to_another_clients_invoice_is_refused(acme: dict[str, int]) -> None:
    b1 = add_invoice("B-1", client="BETA", issue="2025-01-10", total="100.00")
    before = counts()
    with pytest.raises(UserError) as caught:
        pay("ACME", "2025-06-25", "100.00", [(b1.id, None)])
    assert caught.value.field == "invoice"
    assert "belongs to another client" in str(caught.value)
    assert counts() == before  # the payment itself was not written either
    p = pay("ACME", "2025-06-25", "100.00", [])
    with pytest.raises(UserError):
        payments.allocate(p.id, b1.id)
    assert balance("B-1") == D("100.00")


def test_allocation_in_another_currency_is_refused(acme: dict[str, int]) -> None:
    usd = add_invoice("F-USD", issue="2025-01-10", total="100.00", currency="USD")
    p = pay("ACME", "2025-06-25", "100.00", [])
    with pytest.raises(UserError) as caught:
        payments.allocate(p.id, usd.id)
    assert caught.value.field == "invoice"
    assert "USD" in str(caught.value) and "EUR" in str(caught.value)
    assert (balance("F-USD"), payments.get_payment(p.id).unallocated) == (D("100.00"), D("100.00"))


def test_allocating_more_than_is_open_is_refused(acme: dict[str, int]) -> None:
    p = pay("ACME", "2025-06-25", "500.00", [])
    with pytest.raises(UserError) as caught:
        payments.allocate(p.id, acme["F-1"], "150")
    assert caught.value.field == "amount"
    assert "only 100.00 is left to pay on the invoice F-1" in str(caught.value)
    payments.allocate(p.id, acme["F-3"], "300")
    with pytest.raises(UserError) as caught:
        payments.allocate(p.id, acme["F-2"], "201")
    assert "only 200.00 is left to pay" in str(caught.value)
    with pytest.raises(UserError) as caught:
        payments.allocate(p.id, acme["F-2"], "200.01")
    assert caught.value.field == "amount"
    payments.allocate(p.id, acme["F-1"], "100")
    with pytest.raises(UserError) as caught:
        payments.allocate(p.id, acme["F-2"], "150")
    assert "only 100.00 is left to allocate" in str(caught.value)
    assert (paid("F-1"), paid("F-2"), paid("F-3")) == (D("100.00"), D("0.00"), D("300.00"))
    with pytest.raises(UserError) as caught:
        payments.allocate(p.id, acme["F-1"])  # fully paid
    assert "nothing is left to allocate" in str(caught.value)


def test_delete_invoice_with_payments_is_refused(acme: dict[str, int]) -> None:
    pay("ACME", "2025-06-25", "10.00", [(acme["F-1"], None)])
    with pytest.raises(UserError) as caught:
        invoices.delete_invoice(acme["F-1"])
    assert caught.value.field == "invoice" and "F-1" in str(caught.value)
    assert invoices.get_invoice_by_number("F-1").paid == D("10.00")
    invoices.delete_invoice(acme["F-2"])  # nothing against it: allowed
    with pytest.raises(UserError):
        invoices.get_invoice_by_number("F-2")


def test_delete_credit_note_applied_is_refused(acme: dict[str, int]) -> None:
    cn = add_credit_note("A-1", issue="2025-01-20", total="30.00", applies_to="F-1")
    with pytest.raises(UserError) as caught:
        invoices.delete_invoice(cn.id)
    assert caught.value.field == "invoice"
    assert balance("F-1") == D("70.00")


def test_delete_client_with_invoices_is_refused(acme: dict[str, int]) -> None:
    acme_id = clients.get_client_by_code("ACME").id
    with pytest.raises(UserError) as caught:
        clients.delete_client(acme_id)
    assert caught.value.field == "client" and "ACME" in str(caught.value)
    assert clients.get_client(acme_id).code == "ACME"
    gamma = add_client("GAMMA")
    pay("GAMMA", "2025-06-25", "5.00", confirm=True)  # a payment alone also keeps it
    with pytest.raises(UserError):
        clients.delete_client(gamma.id)
    beta = clients.get_client_by_code("BETA")
    clients.delete_client(beta.id)
    with pytest.raises(UserError):
        clients.get_client_by_code("BETA")


# -- history ------------------------------------------------------------------------------


def actions(entity: str, entity_id: int, **kw: bool) -> list[str]:
    return [e.action for e in history.events_for(entity, entity_id, **kw)]


def test_history_of_an_invoice(acme: dict[str, int]) -> None:
    f1 = acme["F-1"]
    invoices.update_invoice(
        f1,
        {
            "number": "F-1",
            "client": "ACME",
            "issue_date": "2025-01-10",
            "total": "120.00",
            "terms": "30 jours",
            "po_number": "BC-9",
        },
    )
    p = pay("ACME", "2025-06-25", "50.00", [(f1, None)])
    (alloc,) = payments.allocations_of_payment(p.id)
    payments.unallocate(alloc.id)
    assert actions("invoice", f1) == ["created", "edited", "allocated", "unallocated"]
    created, edited, allocated, unallocated = history.events_for("invoice", f1)
    assert created.details["total"] == "100.00" and created.label == "F-1"
    assert edited.details["total"] == ["100.00", "120.00"]
    assert edited.details["po_number"] == ["", "BC-9"]
    assert "issue_date" not in edited.details  # only what changed
    assert allocated.details == {"payment": p.id, "amount": "50.00", "date": "2025-06-25"}
    assert unallocated.details == {"payment": p.id, "amount": "50.00"}
    assert all(e.at.tzinfo is not None for e in (created, edited, allocated, unallocated))


def test_history_of_a_payment_and_of_a_client(acme: dict[str, int]) -> None:
    acme_id = clients.get_client_by_code("ACME").id
    clients.update_client(acme_id, {"code": "ACME", "name": "Acme & Fils"})
    p = pay("ACME", "2025-06-25", "50.00", reference="VIR 123")
    (recorded,) = history.events_for("payment", p.id)
    assert (recorded.action, recorded.label) == ("created", "VIR 123")
    assert recorded.details["amount"] == "50.00" and recorded.details["date"] == "2025-06-25"
    invoices.delete_invoice(acme["F-3"])
    (deleted,) = [e for e in history.events_for("invoice", acme["F-3"]) if e.action == "deleted"]
    assert deleted.details["number"] == "F-3" and deleted.details["total"] == "300.00"
    client_events = history.events_for("client", acme_id, include_client_events=True)
    seen = [(e.entity, e.action) for e in client_events]
    assert seen[0] == ("client", "created")
    assert ("client", "edited") in seen
    assert ("payment", "created") in seen and ("invoice", "allocated") in seen
    assert ("invoice", "deleted") in seen
    (edited,) = [e for e in client_events if (e.entity, e.action) == ("client", "edited")]
    assert edited.details == {"name": ["ACME SARL", "Acme & Fils"]}
    # a client's own history does not include another client's events
    beta_events = history.events_for(
        "client", clients.get_client_by_code("BETA").id, include_client_events=True
    )
    assert [(e.entity, e.action) for e in beta_events] == [("client", "created")]


def test_history_of_a_deleted_client(acme: dict[str, int]) -> None:
    beta_id = clients.get_client_by_code("BETA").id
    clients.delete_client(beta_id)
    assert actions("client", beta_id) == ["created", "deleted"]


def test_a_refused_action_leaves_no_event(acme: dict[str, int]) -> None:
    before = counts()["Event"]
    with pytest.raises(UserError):
        payments.apply_credit_note(acme["F-1"], acme["F-2"])
    with pytest.raises(NeedsConfirmation):
        pay("ACME", "2025-06-25", "1000.00")
    assert counts()["Event"] == before


def test_the_event_log_is_append_only(acme: dict[str, int]) -> None:
    engine = db.current().engine
    count = counts()["Event"]
    assert count > 0
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("UPDATE events SET label = 'forged'"))
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("DELETE FROM events"))
    with db.reading() as s:
        assert s.query(Event).count() == count
        assert s.query(Event).filter(Event.label == "forged").count() == 0


@pytest.mark.parametrize("who", [{"client": "NOPE"}, {"client_id": 999}, {"client_id": "abc"}])
def test_an_invoice_for_an_unknown_client_is_refused(acme: dict[str, int], who: dict) -> None:
    before = counts()
    with pytest.raises(ValidationError) as caught:
        invoices.create_invoice({"number": "F-9", "issue_date": "2025-06-01", "total": "10", **who})
    assert caught.value.field == "client"
    assert str(caught.value).startswith("Client: ")
    assert counts() == before
