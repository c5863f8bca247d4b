"""Demo data: a realistic French small-business book, relative to a date."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret
from stdnum.fr import tva as std_tva

from models import Allocation, Client, Invoice, Payment
from services.book import demo
from services.core import company, db, identifiers
from services.core.dto import OpenItem
from services.core.errors import UserError
from services.ledger import clients
from services.ledger import open_items as ledger
from tests.book_template import demo_copy
from tests.helpers_cli import TODAY, open_book

FAR_FUTURE = dt.date(2100, 1, 1)


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One demo book for the module (built once: it takes a second or two)."""
    from services.core import clock

    clock.freeze(TODAY)
    try:  # fill_demo(TODAY) on a new book, built once per session (tests/book_template.py)
        yield demo_copy(tmp_path_factory.mktemp("demo") / "demo.db", TODAY)
    finally:
        clock.freeze(None)
        db.close()


@pytest.fixture
def book(demo_book: Path) -> Iterator[db.Database]:
    from services.core import clock

    with clock.frozen(TODAY), open_book(demo_book) as database:
        yield database


def _items(as_of: dt.date = TODAY) -> list[OpenItem]:
    return ledger.open_items(as_of)


def test_clients_of_every_kind(book: db.Database) -> None:
    rows = clients.list_clients(clients.ClientQuery(), 0, 1000)
    assert len(rows) >= 30
    kinds = Counter(r.kind for r in rows)
    assert set(kinds) == {"pro", "consumer", "nonprofit", "public"}
    assert all(n >= 3 for n in kinds.values())
    languages = Counter(r.language for r in rows)
    assert 2 <= languages["en"] <= 3 and languages["fr"] == len(rows) - languages["en"]
    assert len({r.terms for r in rows}) >= 5  # varied payment terms
    assert any(r.credit_limit for r in rows)
    assert any(r.country != "FR" for r in rows)


def test_identifiers_are_valid(book: db.Database) -> None:
    rows = clients.list_clients(clients.ClientQuery(), 0, 1000)
    pros = [r for r in rows if r.kind == "pro" and r.country == "FR"]
    assert pros and all(r.siren and r.siret and r.vat_number for r in pros)
    for r in rows:
        if r.siren:
            assert std_siren.is_valid(r.siren) and std_siret.is_valid(r.siret)
            assert r.siret.startswith(r.siren)
        if r.vat_number.startswith("FR"):
            assert std_tva.is_valid(r.vat_number) and r.vat_number[4:] == r.siren
    me = company.get_company()
    assert me.name == "Menuiserie Lefèvre" and me.legal_form == "SARL"
    for check, value in (
        (identifiers.siren, me.siren),
        (identifiers.siret, me.siret),
        (identifiers.vat_number, me.vat_number),
        (identifiers.iban, me.iban),
        (identifiers.bic, me.bic),
    ):
        assert check(value) == value


def test_eighteen_months_of_invoices(book: db.Database) -> None:
    items = _items()
    invoices = [i for i in items if i.kind == "invoice"]
    assert len(invoices) >= 300
    first = min(i.issue_date for i in items)
    assert TODAY - dt.timedelta(days=560) <= first <= TODAY - dt.timedelta(days=480)
    assert max(i.issue_date for i in items) <= TODAY
    assert all(isinstance(i.total, Decimal) for i in items)
    with db.reading() as s:
        for inv in s.scalars(select(Invoice).where(Invoice.net.is_not(None))):
            assert inv.net + inv.vat == inv.total
            if inv.vat:  # French VAT at 20 %, rounded to the cent
                assert abs(inv.vat - inv.net * Decimal("0.20")) <= Decimal("0.01")


def test_most_are_paid_some_late_some_in_instalments(book: db.Database) -> None:
    items = [i for i in _items() if i.kind == "invoice"]
    paid = [i for i in items if i.status == "paid"]
    assert len(paid) > len(items) * 0.6
    with db.reading() as s:
        per_invoice = Counter(
            s.scalars(select(Allocation.invoice_id).where(Allocation.payment_id.is_not(None)))
        )
        assert sum(1 for n in per_invoice.values() if n >= 2) >= 5  # paid in several payments
        late_payments = s.execute(
            select(Allocation.date, Invoice.due_date)
            .join(Invoice, Invoice.id == Allocation.invoice_id)
            .where(Allocation.payment_id.is_not(None))
        ).all()
        late = [paid_on for paid_on, due in late_payments if paid_on > due + dt.timedelta(days=15)]
        assert len(late) >= 20
        methods = set(s.scalars(select(Payment.method)))
    assert {"transfer", "cheque", "card"} <= methods
    partial = [i for i in items if i.status != "paid" and 0 < i.paid < i.total]
    assert partial  # an invoice still open after part payment


def test_credit_notes_applied_and_one_unapplied(book: db.Database) -> None:
    notes = [i for i in _items() if i.kind == "credit_note"]
    assert len(notes) >= 5
    assert all(n.total < 0 for n in notes)
    applied = [n for n in notes if n.balance == 0]
    unapplied = [n for n in notes if n.balance < 0]
    assert len(applied) >= 4 and len(unapplied) == 1
    with db.reading() as s:
        assert s.scalar(
            select(func.count(Allocation.id)).where(Allocation.credit_note_id.is_not(None))
        ) == len(applied)


def test_an_over_payment_is_kept_as_credit(book: db.Database) -> None:
    with db.reading() as s:
        over = s.execute(
            select(Payment.amount, Payment.allocated).where(Payment.amount > Payment.allocated)
        ).all()
    assert len(over) == 1
    ((amount, allocated),) = over
    assert 0 < allocated < amount  # an invoice paid in full, the rest kept on the client


def test_overdue_at_every_age_and_due_soon(book: db.Database) -> None:
    open_invoices = [i for i in _items() if i.kind == "invoice" and i.balance > 0]
    late = [i.days_late for i in open_invoices if i.status == "overdue"]
    for low, high in ((1, 30), (31, 60), (61, 90), (91, 10_000), (366, 10_000)):
        assert any(low <= d <= high for d in late), (low, high)
    soon = [
        i for i in open_invoices if 0 <= (i.due_date - TODAY).days <= 7 and i.status == "not_due"
    ]
    assert len(soon) >= 3
    disputed = [i for i in open_invoices if i.disputed]
    assert len(disputed) == 2 and all(i.status == "overdue" for i in disputed)


def test_one_foreign_client_in_dollars(book: db.Database) -> None:
    usd = [i for i in _items() if i.currency == "USD"]
    assert usd and len({i.client_code for i in usd}) == 1
    assert any(i.status == "paid" for i in usd) and any(i.balance > 0 for i in usd)
    with db.reading() as s:
        assert set(s.scalars(select(Payment.currency))) == {"EUR", "USD"}
    balances = [b for b in ledger.client_balances(TODAY) if b.currency == "USD"]
    assert len(balances) == 1 and balances[0].balance > 0


def test_balances_add_up(book: db.Database) -> None:
    """Per currency: Σ balances = invoices − credit notes − payments; running totals agree."""
    with db.reading() as s:
        for currency in ("EUR", "USD"):

            def total(kind: str, currency: str = currency) -> Decimal:
                return sum(
                    s.scalars(
                        select(Invoice.total).where(
                            Invoice.kind == kind, Invoice.currency == currency
                        )
                    ),
                    Decimal("0.00"),
                )

            received = sum(
                s.scalars(select(Payment.amount).where(Payment.currency == currency)),
                Decimal("0.00"),
            )
            expected = total("invoice") - total("credit_note") - received
            got = sum(
                (b.balance for b in ledger.client_balances(FAR_FUTURE) if b.currency == currency),
                Decimal("0.00"),
            )
            assert got == expected, currency
        by_id = {i.id: i for i in ledger.open_items(FAR_FUTURE)}
        for inv in s.scalars(select(Invoice)):
            sign = -1 if inv.kind == "credit_note" else 1
            assert by_id[inv.id].paid == sign * inv.allocated, inv.number


def test_the_history_is_written(book: db.Database) -> None:
    from models import Event

    with db.reading() as s:
        actions = Counter(s.scalars(select(Event.action)))
        n_clients = s.scalar(select(func.count(Client.id)))
    assert actions["created"] >= n_clients + 300
    assert actions["allocated"] >= 300 and actions["credit_applied"] >= 4


def test_proof_documents_some_complete_some_missing(book: db.Database) -> None:
    """The demo shows the proof features: CGV versions, acceptances, signed orders and
    delivery notes on most invoices, and overdue invoices with proof missing."""
    from services.ledger import invoices
    from services.proof import documents
    from services.proof import rules as proof

    versions = documents.list_cgv_versions()
    assert [v.label for v in versions] == [f"CGV {TODAY.year - 1}", f"CGV {TODAY.year}"]
    assert all(v.document_id for v in versions) and all(v.accepted_by > 5 for v in versions)
    rows = documents.list_documents()
    kinds = {r.kind for r in rows}
    assert kinds >= {"cgv", "quote", "purchase_order", "delivery_note"}
    assert {r.media_type for r in rows} == {"application/pdf", "image/jpeg"}
    items = [i for i in _items() if i.kind == "invoice"]
    statuses = proof.proof_map([i.id for i in items])
    complete = sum(1 for s in statuses.values() if s.complete)
    assert 0.2 * len(items) < complete < 0.8 * len(items)
    overdue_missing = invoices.count_invoices(
        invoices.InvoiceQuery(status="overdue", proof_missing_only=True)
    )
    assert overdue_missing >= 5
    assert documents.check_documents(record=False).ok


def test_same_date_same_book(tmp_path: Path) -> None:
    def snapshot(path: Path, when: dt.date) -> list[tuple[str, str, str, str]]:
        with open_book(path):
            demo.fill_demo(when, with_documents=False)  # the ledger is what is compared
            return [
                (i.number, i.client_code, str(i.total), str(i.balance))
                for i in ledger.open_items(when)
            ]

    first = snapshot(tmp_path / "a.db", TODAY)
    assert snapshot(tmp_path / "b.db", TODAY) == first
    later = snapshot(tmp_path / "c.db", dt.date(2027, 7, 1))  # relative to the date given
    assert max(n for n, *_ in later) > max(n for n, *_ in first)
    assert {n[:5] for n, *_ in later} >= {"F2027"}


def test_refuses_a_book_that_is_not_empty(tmp_path: Path) -> None:
    with open_book(tmp_path / "x.db"):
        clients.create_client({"code": "MINE", "name": "Mon client"})
        with pytest.raises(UserError, match="--force"):
            demo.fill_demo(TODAY)
        summary = demo.fill_demo(TODAY, force=True)
        assert summary.prefix == "DEMO-" and summary.clients >= 30
        with db.reading() as s:
            codes = set(s.scalars(select(Client.code)))
        assert "MINE" in codes and "DEMO-BOULMARTIN" in codes


def test_generated_identifiers_pass_stdnum() -> None:
    import random

    rng = random.Random(5)
    for _ in range(200):
        siren = demo.make_siren(rng)
        assert std_siren.is_valid(siren)
        assert std_siret.is_valid(demo.make_siret(siren, rng.randint(1, 9999)))
        assert std_tva.is_valid(demo.make_vat(siren))
    assert identifiers.iban(demo.make_iban("30004", "00823", "00010123456"))
