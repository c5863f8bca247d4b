"""The alert bar's counts are the lists behind them (issue #12, point 7; the review found the
alert button saying 28 overdue invoices with proof missing while Tools ▸ Proof missing and
``alerts`` listed 34 on the demo book): the fast count subtracted complete invoices that were
not yet due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.core import clock, db
from services.followup import alerts
from services.ledger import invoices
from services.ledger.invoices import InvoiceQuery
from tests.book_template import demo_copy

DAYS = [dt.date(2026, 12, 2), dt.date(2026, 3, 15), dt.date(2027, 1, 5)]


@pytest.fixture(params=DAYS, ids=[d.isoformat() for d in DAYS])
def demo_day(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dt.date]:
    day = request.param
    path = demo_copy(tmp_path / "demo.db", day)
    db.open_database(path)
    clock.freeze(day)
    try:
        yield day
    finally:
        clock.freeze(None)
        db.close()


def test_each_count_is_the_length_of_its_list(demo_day: dt.date) -> None:
    found = alerts.find(demo_day)
    listed = alerts.counts(alerts.alerts(demo_day))
    assert found.counts() == listed
    for kind, number in found.counts().items():
        assert len(found.of_kind(kind)) == number, kind


def test_missing_proof_is_the_invoice_lists_proof_missing_filter(demo_day: dt.date) -> None:
    """The alert's count, the alert's list and the invoice list's "overdue, proof missing"
    filter (Tools ▸ Proof missing) name the same invoices."""
    found = alerts.find(demo_day)
    from_alerts = {r.invoice_id for r in found.of_kind("missing_proof")}
    query = InvoiceQuery(status="overdue", proof_missing_only=True)
    rows = invoices.list_invoices(query, limit=100_000)
    assert from_alerts == {r.id for r in rows}
    assert found.counts().get("missing_proof", 0) == len(from_alerts)
