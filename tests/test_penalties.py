"""Late charges against hand-computed cases (shared/domain.md §2.1–2.6, §3.1–3.2, §4.10).

Rates used (resources/data/rates.json = domain.md §2.2–2.3): ECB on 1 Jan 2025 3.15 %,
on 1 Jul 2025 2.15 % (→ 13.15 % and 12.15 %); legal rate "autres cas" H2 2025 2.76 %.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.core.errors import UserError
from services.followup import penalties, rates
from services.followup.penalties import compute

D = Decimal


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_the_rate_tables_match_domain_section_2_4() -> None:
    # default penalty rate = ECB on the first day of the half-year + 10 points
    for first_day, expected in (
        ("2024-01-01", "14.50"),
        ("2024-07-01", "14.25"),
        ("2025-01-01", "13.15"),
        ("2025-07-01", "12.15"),
        ("2026-01-01", "12.15"),
    ):
        rate = rates.ecb_rate_for_half(day(first_day))
        assert rate.known and rate.percent + 10 == D(expected), first_day
    assert rates.legal_rate(day("2026-03-01")).percent == D("2.62")
    assert rates.legal_rate(day("2026-03-01"), individual=True).percent == D("6.67")


def test_one_half_year_worked_example_section_2_5() -> None:
    # 1 200 € TTC, 30 days late in H2 2025 at 12.15 % → 11.98 €, plus the €40
    r = compute(
        client_kind="pro", total=D("1200.00"), due_date=day("2025-07-31"), as_of=day("2025-08-30")
    )
    assert [(p.start, p.end, p.days, p.rate) for p in r.periods] == [
        (day("2025-08-01"), day("2025-08-30"), 30, D("12.15"))
    ]
    assert r.penalties == D("11.98") and r.indemnity == D("40.00")
    assert r.total_claimed == D("1251.98") and r.days_late == 30 and r.warnings == []


def test_a_late_period_spanning_30_june_is_split_each_half_at_its_rate() -> None:
    r = compute(
        client_kind="pro", total=D("1000.00"), due_date=day("2025-06-20"), as_of=day("2025-07-10")
    )
    assert [(p.days, p.rate) for p in r.periods] == [(10, D("13.15")), (10, D("12.15"))]
    # 1000 × 13.15 % × 10/365 + 1000 × 12.15 % × 10/365 = 3.60274 + 3.32877
    assert r.penalties == D("6.93")


def test_a_partial_payment_lowers_the_base_from_the_next_day() -> None:
    r = compute(
        client_kind="pro",
        total=D("1000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-08-31"),
        payments=[(day("2025-08-11"), D("400.00"))],
    )
    assert [(p.start, p.end, p.base) for p in r.periods] == [
        (day("2025-08-02"), day("2025-08-11"), D("1000.00")),
        (day("2025-08-12"), day("2025-08-31"), D("600.00")),
    ]
    # 1000 × 12.15 % × 10/365 + 600 × 12.15 % × 20/365 = 3.32877 + 3.99452
    assert r.penalties == D("7.32") and r.balance == D("600.00") and r.indemnity == D("40.00")


def test_an_invoice_paid_late_owes_penalties_to_the_payment_day_and_the_full_40() -> None:
    r = compute(
        client_kind="pro",
        total=D("1000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-10-01"),
        payments=[(day("2025-08-11"), D("1000.00"))],
    )
    assert r.balance == 0 and r.days_late == 10
    assert r.penalties == D("3.33") and r.indemnity == D("40.00")  # 1000 × 12.15 % × 10/365
    paid_on_time = compute(
        client_kind="pro",
        total=D("1000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-10-01"),
        payments=[(day("2025-08-01"), D("1000.00"))],
    )
    assert paid_on_time.penalties == 0 and paid_on_time.indemnity == 0


def test_a_contractual_rate_is_used_unchanged_and_a_low_one_is_flagged() -> None:
    r = compute(
        client_kind="pro",
        total=D("1200.00"),
        due_date=day("2025-07-31"),
        as_of=day("2025-08-30"),
        contractual_rate=D("15"),
    )
    assert r.penalties == D("14.79") and r.warnings == []  # 1200 × 15 % × 30/365
    low = compute(
        client_kind="pro",
        total=D("1200.00"),
        due_date=day("2025-07-31"),
        as_of=day("2025-08-30"),
        contractual_rate=D("5"),
    )
    assert low.penalties == D("4.93")
    [(text, params)] = low.warnings
    assert "below 3 times" in text and params == {
        "rate": "5.00",
        "half": "2025-H2",
        "floor": "8.28",
    }


def test_a_public_buyer_owes_moratorium_interest_frozen_at_its_first_half_year() -> None:
    r = compute(
        client_kind="public",
        total=D("1000.00"),
        due_date=day("2025-06-20"),
        as_of=day("2025-07-10"),
    )
    # ECB on 1 Jan 2025 (3.15 %) + 8 points, for all 20 days: 1000 × 11.15 % × 20/365
    assert [p.rate for p in r.periods] == [D("11.15")]
    assert r.penalties == D("6.11") and r.indemnity == D("40.00")


def test_a_consumer_owes_nothing_before_the_formal_notice_and_never_the_40_section_3_1() -> None:
    before = compute(
        client_kind="consumer",
        total=D("1000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-10-10"),
    )
    assert before.penalties == 0 and before.indemnity == 0 and before.periods == []
    after = compute(
        client_kind="consumer",
        total=D("1000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-10-10"),
        formal_notice_on=day("2025-09-10"),
    )
    # legal rate "autres cas" H2 2025, 2.76 %, from the day after the notice: 1000 × 2.76 % × 30/365
    assert [(p.start, p.days, p.rate) for p in after.periods] == [
        (day("2025-09-11"), 30, D("2.76"))
    ]
    assert after.penalties == D("2.27") and after.indemnity == 0


def test_a_client_in_collective_procedure_section_4_10() -> None:
    r = compute(
        client_kind="pro",
        total=D("1000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-09-30"),
        collective_procedure_on=day("2025-08-21"),
    )
    assert [(p.start, p.end) for p in r.periods] == [(day("2025-08-02"), day("2025-08-20"))]
    assert r.penalties == D("6.32") and r.indemnity == 0  # 1000 × 12.15 % × 19/365


def test_a_half_year_with_no_rate_yet_uses_the_last_one_and_says_so() -> None:
    r = compute(
        client_kind="pro", total=D("1000.00"), due_date=day("2026-06-20"), as_of=day("2026-07-20")
    )
    assert [(p.days, p.rate) for p in r.periods] == [(10, D("12.15")), (20, D("12.15"))]
    assert r.penalties == D("9.99")
    [(text, params)] = r.warnings
    assert "no rate is known yet" in text and params == {"half": "2026-H2", "rate": "2.15"}
    consumer = compute(
        client_kind="consumer",
        total=D("1000.00"),
        due_date=day("2026-06-01"),
        as_of=day("2026-07-31"),
        formal_notice_on=day("2026-07-01"),
    )
    assert [p.rate for p in consumer.periods] == [D("2.62")]
    assert consumer.warnings[0][1]["half"] == "2026-H2"


@pytest.mark.usefixtures("book")
def test_a_rate_entered_in_settings_replaces_the_guess() -> None:
    rates.add_ecb_rate(day("2026-06-10"), "2,00", "ECB decision of 4 June 2026")
    rates.confirm_ecb_until(day("2026-07-31"), "ECB meeting of 23 July 2026")
    r = compute(
        client_kind="pro", total=D("1000.00"), due_date=day("2026-06-20"), as_of=day("2026-07-20")
    )
    assert [p.rate for p in r.periods] == [D("12.15"), D("12.00")] and r.warnings == []
    rates.add_legal_rate("2026-H2", "2.50", "6.50", "arrêté of 22 June 2026")
    assert rates.legal_rate(day("2026-08-01")) == rates.Rate(D("2.50"), True)
    with pytest.raises(UserError):
        rates.add_legal_rate("2026-H3", "1", "1", "arrêté")


def test_the_json_shape() -> None:
    r = compute(
        client_kind="pro", total=D("1000.00"), due_date=day("2025-06-20"), as_of=day("2025-07-10")
    )
    payload = penalties.to_json("F1", r)
    assert set(payload) >= {
        "invoice",
        "as_of",
        "client_kind",
        "balance",
        "days_late",
        "periods",
        "penalties",
        "indemnity",
        "total_claimed",
    }
    assert payload["periods"][0] == {
        "from": "2025-06-21",
        "to": "2025-06-30",
        "days": 10,
        "base": "1000.00",
        "rate": "13.15",
        "amount": "3.60",
    }
    assert (payload["penalties"], payload["indemnity"], payload["total_claimed"]) == (
        "6.93",
        "40.00",
        "1046.93",
    )


from tests.service_fixtures import book  # noqa: E402, F401

#: the tests with a book run on SQLite and on PostgreSQL (issue #11)
pytestmark = pytest.mark.both_engines
