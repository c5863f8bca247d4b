"""The aged balance (issue #14, point 2; shared/domain.md §6.3): bands by days past due,
edges included as labelled, credits apart, currencies apart, and as of any date."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from services.core import db
from services.ledger import aged, invoices
from tests.helpers_cli import run_cli
from tests.service_fixtures import add_client, add_invoice, book, pay  # noqa: F401

pytestmark = pytest.mark.usefixtures("book")

AS_OF = dt.date(2025, 6, 30)  # the book fixture's day


@pytest.mark.parametrize(
    ("days", "band"),
    [
        (-5, "not_due"),
        (0, "not_due"),  # due today: not past due
        (1, "1_30"),
        (30, "1_30"),
        (31, "31_60"),
        (60, "31_60"),
        (61, "61_90"),
        (90, "61_90"),
        (91, "91_180"),
        (180, "91_180"),
        (181, "over_180"),
    ],
)
def test_the_bands_edges_are_included_as_labelled_domain_6_3(days: int, band: str) -> None:
    assert aged.bucket_of(days) == band


def test_the_band_names_follow_the_edges() -> None:
    assert aged.bucket_names() == ["not_due", "1_30", "31_60", "61_90", "91_180", "over_180"]
    assert aged.bucket_names((15, 45)) == ["not_due", "1_15", "16_45", "over_45"]
    assert aged.bucket_of(20, (15, 45)) == "16_45"


def _due(number: str, client: str, days_past_due: int, total: str, **extra: str) -> int:
    due = AS_OF - dt.timedelta(days=days_past_due)
    return add_invoice(
        number,
        client,
        issue=due - dt.timedelta(days=30),
        due_date=due.isoformat(),
        terms="",
        total=total,
        **extra,
    ).id


def _book() -> dict[str, int]:
    """ACME: 100 not due, 200 at 30 days, 300 at 31 days, 400 at 200 days, paid 50 on the
    31-day one, an unapplied credit note of 25 and an unallocated payment of 10;
    BETA: 1,000 at 95 days; WEST: 700 USD at 10 days."""
    add_client("ACME")
    add_client("BETA")
    add_client("WEST")
    ids = {
        "A1": _due("A1", "ACME", -3, "100.00"),
        "A2": _due("A2", "ACME", 30, "200.00"),
        "A3": _due("A3", "ACME", 31, "300.00"),
        "A4": _due("A4", "ACME", 200, "400.00"),
        "B1": _due("B1", "BETA", 95, "1000.00"),
        "W1": _due("W1", "WEST", 10, "700.00", currency="USD"),
    }
    invoices.create_invoice(
        {
            "number": "AV1",
            "client": "ACME",
            "kind": "credit_note",
            "issue_date": "2025-06-01",
            "total": "25.00",
        }
    )
    pay("ACME", "2025-06-10", "50.00", [(ids["A3"], D("50.00"))])
    pay("ACME", "2025-06-20", "10.00", [])  # kept as credit
    return ids


def test_a_hand_computed_aged_balance_domain_6_3() -> None:
    _book()
    report = aged.aged_balance(AS_OF)
    rows = {(r.client, r.currency): r for r in report.rows}
    acme = rows[("ACME", "EUR")].amounts
    assert (acme["not_due"], acme["1_30"], acme["31_60"], acme["over_180"]) == (
        D("100.00"),
        D("200.00"),
        D("250.00"),
        D("400.00"),
    )
    assert acme["unallocated"] == D("-35.00")  # 25 unapplied credit + 10 unallocated cash
    assert rows[("ACME", "EUR")].total == D("915.00")  # 1,000 − 50 − 25 − 10
    assert rows[("BETA", "EUR")].amounts["91_180"] == D("1000.00")
    assert rows[("WEST", "USD")].amounts["1_30"] == D("700.00")
    assert report.totals["EUR"].total == D("1915.00")  # never with the dollars
    assert list(report.totals) == ["EUR", "USD"] and report.totals["USD"].total == D("700.00")


def test_an_aged_balance_at_a_past_date_ignores_what_came_later() -> None:
    ids = _book()
    before = aged.aged_balance(dt.date(2025, 6, 5))
    pay("BETA", "2025-06-25", "1000.00", [(ids["B1"], D("1000.00"))])
    again = aged.aged_balance(dt.date(2025, 6, 5))
    assert [(r.client, r.currency, r.amounts) for r in again.rows] == [
        (r.client, r.currency, r.amounts) for r in before.rows
    ]
    assert ("BETA", "EUR") not in {(r.client, r.currency) for r in aged.aged_balance(AS_OF).rows}


def test_the_aged_command_json_csv_and_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    _book()
    path = db.current().path
    assert path is not None
    db.close()  # the command line opens the book itself
    try:
        csv_out, pdf_out = tmp_path / "aged.csv", tmp_path / "aged.pdf"
        run = run_cli(capsys, path, "aged", "--json", "--out", str(csv_out))
        assert run.code == 0, run.err
        payload = run.json()
        assert payload["as_of"] == "2025-06-30"
        assert payload["buckets"] == ["not_due", "1_30", "31_60", "61_90", "91_180", "over_180"]
        acme = next(c for c in payload["clients"] if c["client"] == "ACME")
        assert acme["31_60"] == "250.00" and acme["unallocated"] == "-35.00"
        assert acme["total"] == "915.00"
        assert payload["totals"]["EUR"]["total"] == "1915.00"
        assert payload["totals"]["USD"]["1_30"] == "700.00"
        with open(csv_out, encoding="utf-8", newline="") as fh:
            table = list(csv.DictReader(fh))
        assert [r["client"] for r in table] == ["ACME", "BETA", "WEST", "", ""]
        assert table[0]["total"] == "915.00" and table[-1]["currency"] == "USD"
        run = run_cli(capsys, path, "aged", "--date", "2025-06-05", "--out", str(pdf_out))
        assert run.code == 0, run.err
        reader = PdfReader(str(pdf_out))
        width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
        assert width > height  # A4 landscape
        text = " ".join(reader.pages[0].extract_text().split()).replace("\u202f", " ")
        assert "Balance âgée au 5 juin 2025" in text and "Total EUR" in text
    finally:
        db.open_database(path)
