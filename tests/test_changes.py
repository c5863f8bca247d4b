"""What a transaction changed (issue #12, point 7): each committed transaction tells the
subscribers exactly the topics it touched; a rolled-back one tells nothing; another book
is BOOK."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, update

import models
from models import Base, Client, Setting
from services.core import db
from services.core.changes import TOPICS, Change, subscribe, topic_of, unsubscribe
from services.core.errors import UserError
from services.ledger import clients, invoices, payments
from services.proof import documents
from tests.service_fixtures import add_client, add_invoice, book, pay  # noqa: F401

pytestmark = [pytest.mark.usefixtures("book"), pytest.mark.both_engines]


@pytest.fixture
def told() -> Iterator[list[Change]]:
    heard: list[Change] = []
    subscribe(heard.append)
    yield heard
    unsubscribe(heard.append)


def test_every_mapped_class_has_a_topic() -> None:
    mapped = {mapper.class_ for mapper in Base.registry.mappers}
    assert mapped == set(TOPICS)
    assert topic_of(type("Unknown", (), {})) == Change.everything()


def test_a_commit_reports_exactly_the_topics_it_touched(told: list[Change]) -> None:
    client = add_client("ACME")
    assert told == [Change.CLIENTS]  # its history event is no topic of its own
    told.clear()
    invoice = add_invoice("F-1", total="100.00")
    assert told == [Change.INVOICES]
    told.clear()
    pay("ACME", "2025-06-01", "40.00", [(invoice.id, Decimal("40.00"))])
    # the payment, its allocation and the invoice's running total
    assert told == [Change.PAYMENTS | Change.INVOICES]
    told.clear()
    clients.update_client(client.id, {"code": "ACME", "name": "Acme renamed", "kind": "pro"})
    assert told == [Change.CLIENTS | Change.INVOICES]  # the invoices' search keys hold the name
    told.clear()
    with db.transaction() as s:
        s.add(Setting(key="alerts.due_soon_days", value="10"))
    assert told == [Change.SETTINGS]


def test_an_update_that_changes_nothing_is_not_reported(told: list[Change]) -> None:
    add_client("ACME")
    told.clear()
    with db.transaction() as s:
        client = s.query(Client).one()
        client.name = client.name  # set, but the same value
    assert told == []


def test_a_failed_transaction_reports_nothing(told: list[Change]) -> None:
    add_client("ACME")
    told.clear()
    with pytest.raises(UserError):
        clients.create_client({"code": "ACME", "name": "twice", "kind": "pro"})
    with pytest.raises(RuntimeError), db.transaction() as s:
        s.add(Setting(key="x.test", value="1"))
        s.flush()  # written, then rolled back
        raise RuntimeError("boom")
    assert told == []
    assert [c.code for c in clients.list_clients(clients.ClientQuery())] == ["ACME"]


def test_a_read_reports_nothing(told: list[Change]) -> None:
    add_client("ACME")
    add_invoice("F-1")
    told.clear()
    invoices.list_invoices(invoices.InvoiceQuery())
    payments.list_payments(payments.PaymentQuery())
    clients.get_client_by_code("ACME")
    with db.transaction() as s:
        s.query(Client).all()
    assert told == []


def test_bulk_statements_are_reported_by_their_table(told: list[Change]) -> None:
    add_client("ACME")
    told.clear()
    with db.transaction() as s:
        s.execute(insert(Setting).values(key="x.test", value="1"))
    with db.transaction() as s:
        s.execute(update(Client).values(city="Lyon"))
    with db.transaction() as s:
        s.execute(delete(Setting).where(Setting.key == "x.test"))
    assert told == [Change.SETTINGS, Change.CLIENTS, Change.SETTINGS]


def test_documents_and_follow_up_have_their_topics(told: list[Change], tmp_path: Path) -> None:
    add_client("ACME")
    invoice = add_invoice("F-1")
    told.clear()
    proof = tmp_path / "bon.pdf"
    proof.write_bytes(b"%PDF-1.4 signed order")
    [row] = documents.attach_files(
        documents.Owner(invoice_id=invoice.id), [proof], documents.Meta(kind="purchase_order")
    )
    assert told == [Change.DOCUMENTS]
    told.clear()
    documents.delete(row.id)
    assert told == [Change.DOCUMENTS]
    told.clear()
    with db.transaction() as s:
        s.add(models.AlertSnooze(key="k", until=invoice.due_date))
    assert told == [Change.FOLLOWUP]


def test_a_failing_subscriber_does_not_undo_the_commit(told: list[Change]) -> None:
    def broken(_change: Change) -> None:
        raise RuntimeError("a view that failed")

    subscribe(broken)
    try:
        add_client("ACME")
    finally:
        unsubscribe(broken)
    assert told == [Change.CLIENTS]
    assert [c.code for c in clients.list_clients(clients.ClientQuery())] == ["ACME"]


def test_opening_a_book_is_book(told: list[Change], book_target: str) -> None:
    db.open_database(db.current().url)
    assert told == [Change.BOOK]
    assert payments.list_payments(payments.PaymentQuery()) == []
