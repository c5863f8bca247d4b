"""KPIs (issue #14; shared/domain.md §6): hand-computed cases for each figure, per currency."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from services.core import db
from services.ledger import invoices, kpi
from tests.helpers_cli import run_cli
from tests.service_fixtures import add_client, add_invoice, book, pay  # noqa: F401

pytestmark = pytest.mark.usefixtures("book")

JUNE_30 = dt.date(2025, 6, 30)  # the book fixture's day


def test_the_countback_worked_example_of_domain_6_1_is_53_2_days() -> None:
    # receivable 20,000 at 30 June; June sales 12,500 (30 days), May 10,000 (31 days)
    assert kpi.countback(D("20000"), [(30, D("12500")), (31, D("10000"))]) == D("53.2")
    assert kpi.countback(D("0"), [(30, D("12500"))]) == D("0.0")  # nothing owed: 0 days
    assert kpi.countback(D("100"), [(30, D("0")), (31, D("0"))]) is None  # no sales: undefined


def _sold(number: str, client: str, issue: dt.date, total: str, **extra: str) -> int:
    return add_invoice(number, client, issue=issue, total=total, terms="30 jours", **extra).id


def test_the_countback_from_the_book_domain_6_1() -> None:
    add_client("ACME")
    may = _sold("F1", "ACME", dt.date(2025, 5, 10), "10000.00")
    _sold("F2", "ACME", dt.date(2025, 6, 15), "12500.00")
    pay("ACME", "2025-06-05", "2500.00", [(may, D("2500.00"))])
    [eur] = kpi.figures(JUNE_30).values()
    assert eur.receivable == D("20000.00")
    assert eur.dso_countback == D("53.2")
    # accounting method: 20,000 / 22,500 sold in the last 365 days × 365
    assert eur.dso_accounting == D("324.4")
    # overdue: F1 (due 9 June) 7,500 of 20,000
    assert eur.overdue == D("7500.00") and eur.overdue_ratio == D("0.3750")
    assert eur.weighted_days_late == D("21.0")  # 7,500 × 21 days / 7,500
    # the 2,500 paid on 5 June, 4 days before the 9 June due date
    assert eur.average_payment_delay == D("-4.0")
    assert eur.due_30_days == D("12500.00") and eur.due_7_days == D("0.00")  # F2 due 15 July


def test_no_sales_means_no_dso_not_zero() -> None:
    add_client("OLD")
    _sold("F0", "OLD", dt.date(2021, 1, 4), "300.00")  # four years ago, still open
    [eur] = kpi.figures(JUNE_30).values()
    assert eur.receivable == D("300.00")
    assert eur.dso_countback is None and eur.dso_accounting is None
    assert eur.average_payment_delay is None  # nothing paid in the last 12 months


def test_credit_notes_lower_the_sales_and_credits_stay_apart() -> None:
    add_client("ACME")
    first = _sold("F1", "ACME", dt.date(2025, 6, 2), "1000.00")
    invoices.create_invoice(
        {
            "number": "AV1",
            "client": "ACME",
            "kind": "credit_note",
            "issue_date": "2025-06-10",
            "total": "200.00",
        }
    )
    pay("ACME", "2025-06-20", "150.00", [])  # kept as credit
    [eur] = kpi.figures(JUNE_30).values()
    assert eur.receivable == D("1000.00")  # the open invoices; the credits are apart
    assert eur.aged["unallocated"] == D("-350.00")
    # June's sales are 1,000 − 200 = 800: 1,000 owed takes all of June (30 days), and no
    # earlier sale covers the rest: the count-back cannot tell
    assert eur.dso_countback is None
    del first


def test_two_currencies_are_kept_apart_and_debtors_ranked() -> None:
    add_client("ACME")
    add_client("BETA")
    add_client("WEST")
    _sold("F1", "ACME", dt.date(2025, 6, 1), "3000.00")
    _sold("F2", "BETA", dt.date(2025, 6, 1), "1000.00")
    _sold("U1", "WEST", dt.date(2025, 6, 1), "500.00", currency="USD")
    result = kpi.figures(JUNE_30)
    assert list(result) == ["EUR", "USD"]
    eur, usd = result["EUR"], result["USD"]
    assert eur.receivable == D("4000.00") and usd.receivable == D("500.00")
    assert [(c, b, s) for c, b, s in eur.top_debtors] == [
        ("ACME", D("3000.00"), D("0.7500")),
        ("BETA", D("1000.00"), D("0.2500")),
    ]
    assert eur.hhi == D("0.6250")  # 0.75² + 0.25²
    assert eur.top5_share == D("1.0000") and usd.top_debtors == [("WEST", D("500.00"), D("1.0000"))]


def test_the_kpi_command_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_client("OLD")
    _sold("F0", "OLD", dt.date(2021, 1, 4), "300.00")
    path = db.current().path
    assert path is not None
    db.close()
    try:
        run = run_cli(capsys, path, "kpi", "--json")
        assert run.code == 0, run.err
        payload = run.json()
        eur = payload["currencies"]["EUR"]
        assert payload["as_of"] == "2025-06-30" and eur["receivable"] == "300.00"
        assert eur["dso_countback"] is None and eur["overdue_ratio"] == 1.0
        assert eur["aged"]["over_180"] == "300.00"
        assert eur["top_debtors"] == [{"client": "OLD", "balance": "300.00", "share": 1.0}]
        history = run_cli(capsys, path, "kpi", "--history", "--months", "3", "--json").json()
        assert [m["month_end"] for m in history["months"]] == [
            "2025-04-30",
            "2025-05-31",
            "2025-06-30",
        ]
        assert history["months"][0]["currencies"]["EUR"]["receivable"] == "300.00"
    finally:
        db.open_database(path)
