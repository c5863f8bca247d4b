"""Late charges that are always true (issue #13, points 1, 2 and 4), against hand-computed
cases of shared/domain.md: §2.4's worked check, §2.5–2.6 (never before the due date, never
negative, the €40 only on a late invoice), §4.10 (collective procedure), §2.6.1 (non-profit
legal persons), §3.5 (C. civ. 1343-1), and the provisional flag of a half-year whose rate is
not entered yet."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from models import Client
from services.core import db, settings
from services.core.errors import UserError
from services.followup import penalties
from services.followup.penalties import compute
from tests.service_fixtures import add_client, add_invoice, book, pay  # noqa: F401

D = Decimal


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# -- §2.4 worked check -------------------------------------------------------------------------
def test_pro_1000_due_2023_05_31_as_of_2023_12_31_is_80_85_plus_40_section_2_4() -> None:
    r = compute(
        client_kind="pro", total=D("1000.00"), due_date=day("2023-05-31"), as_of=day("2023-12-31")
    )
    # 30 days (June) at 2.50 + 10 = 12.50 %: 10.27; 184 days (Jul–Dec) at 4.00 + 10: 70.58
    assert [(p.start, p.days, p.rate, p.amount) for p in r.periods] == [
        (day("2023-06-01"), 30, D("12.50"), D("10.27")),
        (day("2023-07-01"), 184, D("14.00"), D("70.58")),
    ]
    assert r.penalties == D("80.85") and r.indemnity == D("40.00")
    assert r.total_claimed == D("1120.85") and not r.provisional and r.warnings == []


def test_public_buyer_same_invoice_is_61_56_plus_40_frozen_at_10_50_section_2_4() -> None:
    r = compute(
        client_kind="public",
        total=D("1000.00"),
        due_date=day("2023-05-31"),
        as_of=day("2023-12-31"),
    )
    # frozen at the half-year interest started (H1 2023: 2.50 + 8), 214 days
    assert [(p.days, p.rate) for p in r.periods] == [(214, D("10.50"))]
    assert r.penalties == D("61.56") and r.indemnity == D("40.00")


# -- never before the due date, never negative (§2.5, §2.6, §4.10) ---------------------------
@pytest.mark.parametrize("kind", ["pro", "public", "nonprofit", "consumer"])
def test_as_of_before_the_due_date_owes_nothing_and_no_40_section_2_5(kind: str) -> None:
    r = compute(
        client_kind=kind,
        total=D("10000.00"),
        due_date=day("2026-03-31"),
        as_of=day("2026-03-01"),
        formal_notice_on=day("2026-02-15"),  # even with a (premature) formal notice
        acts_professionally=True,
    )
    assert r.periods == [] and r.penalties == 0 and r.indemnity == 0 and r.days_late == 0
    assert r.total_claimed == D("10000.00")


def test_on_the_due_date_itself_nothing_is_late_yet_section_2_1() -> None:
    r = compute(
        client_kind="pro", total=D("1000.00"), due_date=day("2025-08-01"), as_of=day("2025-08-01")
    )
    assert r.periods == [] and r.penalties == 0 and r.indemnity == 0


@pytest.mark.parametrize("kind", ["pro", "public", "nonprofit"])
def test_a_collective_procedure_opened_before_the_due_date_owes_nothing_section_4_10(
    kind: str,
) -> None:
    r = compute(
        client_kind=kind,
        total=D("10000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-09-30"),
        collective_procedure_on=day("2025-07-15"),
        acts_professionally=True,
    )
    assert r.periods == [] and r.penalties == 0 and r.indemnity == 0


def test_a_collective_procedure_opened_on_the_day_after_the_due_date_section_4_10() -> None:
    r = compute(
        client_kind="pro",
        total=D("10000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-09-30"),
        collective_procedure_on=day("2025-08-02"),
    )
    assert r.periods == [] and r.penalties == 0 and r.indemnity == 0


def test_a_collective_procedure_after_the_as_of_date_changes_nothing_yet_section_4_10() -> None:
    r = compute(
        client_kind="pro",
        total=D("1000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-08-31"),
        collective_procedure_on=day("2025-10-01"),
    )
    assert r.penalties == D("9.99") and r.indemnity == D("40.00")  # 1000 × 12.15 % × 30/365


# -- each period rounded, the total their sum (§2.5) ----------------------------------------
def test_the_printed_periods_add_up_to_the_total_section_2_5() -> None:
    """Four half-years: the exact sum is 2,102.123 (2,102.12), the rounded periods add up
    to 2,102.13, and that is the total."""
    r = compute(
        client_kind="pro",
        total=D("10000.00"),
        due_date=day("2024-05-31"),
        as_of=day("2025-12-31"),
    )
    # 10000 × 14.50 % × 30/365 = 119.178; × 14.25 % × 184/365 = 718.356;
    # × 13.15 % × 181/365 = 652.096; × 12.15 % × 184/365 = 612.493
    assert [p.amount for p in r.periods] == [
        D("119.18"),
        D("718.36"),
        D("652.10"),
        D("612.49"),
    ]
    assert r.penalties == D("2102.13") == sum(p.amount for p in r.periods)
    exact = sum(p.base * p.rate / 100 * p.days / 365 for p in r.periods)
    assert exact.quantize(D("0.01")) == D("2102.12")  # what the total was before
    payload = penalties.to_json("F1", r)
    assert sum(D(p["amount"]) for p in payload["periods"]) == D(payload["penalties"])


def test_a_period_at_half_a_cent_rounds_up() -> None:
    # 365 × 1 % × 1/365 × 0.5 = 0.005: base 182.50, 1 day at 1 % (contractual)
    r = compute(
        client_kind="pro",
        total=D("182.50"),
        due_date=day("2025-08-01"),
        as_of=day("2025-08-02"),
        contractual_rate=D("1"),
    )
    assert r.periods[0].amount == D("0.01")  # 0.005 → 0.01 (half-up)


# -- a date before the tables (§2.2–2.3) -------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "due", "named"),
    [
        ("pro", "2012-03-01", "2012-01-01"),  # the ECB rate in force on 1 January 2012
        ("public", "2012-03-01", "2012-01-01"),
        ("consumer", "2014-06-01", "2014-10-02"),  # legal interest from the day after notice
        ("nonprofit", "2014-06-01", "2014-10-02"),
    ],
)
def test_a_date_before_the_first_row_is_refused_never_0_percent_section_2_2(
    kind: str, due: str, named: str
) -> None:
    with pytest.raises(UserError) as caught:
        compute(
            client_kind=kind,
            total=D("1000.00"),
            due_date=day(due),
            as_of=day("2015-06-30"),
            formal_notice_on=day("2014-10-01"),
        )
    assert named in caught.value.render()


def test_a_contractual_rate_before_the_legal_table_is_used_without_a_floor_warning() -> None:
    r = compute(
        client_kind="pro",
        total=D("1000.00"),
        due_date=day("2014-12-01"),
        as_of=day("2014-12-31"),
        contractual_rate=D("12"),
    )
    assert r.penalties == D("9.86") and r.warnings == []  # 1000 × 12 % × 30/365 = 9.863


def test_pre_2023_periods_are_no_longer_0_percent_section_2_2() -> None:
    # H2 2022: ECB on 1 July 2022 = 0.00 % → 10 %; the legal rate H2 2022 "autres cas" 0.77 %
    r = compute(
        client_kind="pro", total=D("1000.00"), due_date=day("2022-09-30"), as_of=day("2022-10-30")
    )
    assert [(p.days, p.rate) for p in r.periods] == [(30, D("10.00"))]
    assert r.penalties == D("8.22")  # 1000 × 10 % × 30/365 = 8.219
    consumer = compute(
        client_kind="consumer",
        total=D("1000.00"),
        due_date=day("2022-09-30"),
        as_of=day("2022-10-30"),
        formal_notice_on=day("2022-09-30"),
    )
    assert [p.rate for p in consumer.periods] == [D("0.77")] and not consumer.provisional


# -- provisional (§2.2–2.3: a half-year not entered yet) --------------------------------------
def test_a_half_year_without_its_rate_is_flagged_provisional_in_json_and_warning() -> None:
    r = compute(
        client_kind="pro", total=D("1000.00"), due_date=day("2026-06-20"), as_of=day("2026-07-20")
    )
    assert r.provisional
    [(text, params)] = r.warnings
    assert "provisional" in text and params == {"half": "2026-H2", "rate": "2.15"}
    payload = penalties.to_json("F1", r)
    assert payload["provisional"] is True
    assert "2026-H2" in payload["warnings"][0] and "provisional" in payload["warnings"][0]
    known = compute(
        client_kind="pro", total=D("1000.00"), due_date=day("2026-05-20"), as_of=day("2026-06-20")
    )
    assert not known.provisional and penalties.to_json("F2", known)["provisional"] is False
    consumer = compute(
        client_kind="consumer",
        total=D("1000.00"),
        due_date=day("2026-06-01"),
        as_of=day("2026-07-31"),
        formal_notice_on=day("2026-07-01"),
    )
    assert consumer.provisional
    public = compute(
        client_kind="public",
        total=D("1000.00"),
        due_date=day("2026-07-10"),
        as_of=day("2026-07-31"),
    )
    assert public.provisional  # frozen at 2026-H2, whose ECB rate is not entered


def test_the_json_keeps_its_keys_and_adds_provisional() -> None:
    r = compute(
        client_kind="pro", total=D("1000.00"), due_date=day("2025-06-20"), as_of=day("2025-07-10")
    )
    assert set(penalties.to_json("F1", r)) == {
        "invoice",
        "as_of",
        "client_kind",
        "balance",
        "days_late",
        "periods",
        "penalties",
        "indemnity",
        "total_claimed",
        "warnings",
        "provisional",
        "paid_to_penalties",
    }


# -- non-profit legal persons (§2.6.1) ---------------------------------------------------------
NOTICE = day("2025-09-10")


@pytest.mark.parametrize(
    ("notice", "professional", "periods", "charges", "indemnity"),
    [
        # not acting professionally: legal interest ("autres cas", 2.76 % in H2 2025) from
        # the day after the formal notice, no €40 — nothing without a notice
        (None, False, [], "0.00", "0.00"),
        (NOTICE, False, [(day("2025-09-11"), 30, D("2.76"))], "2.27", "0.00"),
        # acting for its professional activity: L441-10 like a pro, from the day after the
        # due date (12.15 % in H2 2025), €40 — with or without a notice
        (None, True, [(day("2025-08-02"), 70, D("12.15"))], "23.30", "40.00"),
        (NOTICE, True, [(day("2025-08-02"), 70, D("12.15"))], "23.30", "40.00"),
    ],
    ids=["no-notice", "notice", "no-notice-professional", "notice-professional"],
)
def test_a_nonprofit_by_formal_notice_and_activity_section_2_6_1(
    notice: dt.date | None,
    professional: bool,
    periods: list[tuple[dt.date, int, Decimal]],
    charges: str,
    indemnity: str,
) -> None:
    r = compute(
        client_kind="nonprofit",
        total=D("1000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-10-10"),
        formal_notice_on=notice,
        acts_professionally=professional,
    )
    # 1000 × 2.76 % × 30/365 = 2.268; 1000 × 12.15 % × 70/365 = 23.301
    assert [(p.start, p.days, p.rate) for p in r.periods] == periods
    assert (r.penalties, r.indemnity) == (D(charges), D(indemnity))


def test_a_nonprofit_not_acting_professionally_has_no_contract_rate_section_2_6_1() -> None:
    kwargs = {
        "client_kind": "nonprofit",
        "total": D("1000.00"),
        "due_date": day("2025-08-01"),
        "as_of": day("2025-10-10"),
        "formal_notice_on": NOTICE,
        "contractual_rate": D("15"),
    }
    assert compute(**kwargs).penalties == D("2.27")  # type: ignore[arg-type]
    professional = compute(**kwargs, acts_professionally=True)  # type: ignore[arg-type]
    assert professional.penalties == D("28.77")  # 1000 × 15 % × 70/365 = 28.767


def test_a_nonprofit_legal_interest_is_split_per_half_year_section_2_6_1() -> None:
    r = compute(
        client_kind="nonprofit",
        total=D("1000.00"),
        due_date=day("2025-11-01"),
        as_of=day("2026-01-31"),
        formal_notice_on=day("2025-11-30"),
    )
    # December at 2.76 % (2.344 → 2.34), January at 2.62 % (2.225 → 2.23)
    assert [(p.days, p.rate, p.amount) for p in r.periods] == [
        (31, D("2.76"), D("2.34")),
        (31, D("2.62"), D("2.23")),
    ]
    assert r.penalties == D("4.57") and r.indemnity == 0


@pytest.mark.parametrize("professional", [False, True])
def test_a_consumer_is_unchanged_whatever_the_flag_section_3_1(professional: bool) -> None:
    without = compute(
        client_kind="consumer",
        total=D("1000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-10-10"),
        acts_professionally=professional,
    )
    assert without.penalties == 0 and without.indemnity == 0 and without.periods == []
    notified = compute(
        client_kind="consumer",
        total=D("1000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-10-10"),
        formal_notice_on=NOTICE,
        acts_professionally=professional,
        contractual_rate=D("15"),
    )
    assert [(p.start, p.days, p.rate) for p in notified.periods] == [
        (day("2025-09-11"), 30, D("2.76"))
    ]
    assert notified.penalties == D("2.27") and notified.indemnity == 0


def test_public_buyers_are_unchanged_by_the_flag() -> None:
    for professional in (False, True):
        r = compute(
            client_kind="public",
            total=D("1000.00"),
            due_date=day("2023-05-31"),
            as_of=day("2023-12-31"),
            acts_professionally=professional,
        )
        assert (r.penalties, r.indemnity) == (D("61.56"), D("40.00"))


# -- C. civ. 1343-1: payments to penalties first (§3.5) ---------------------------------------
PARTIAL = {
    "client_kind": "pro",
    "total": D("1000.00"),
    "due_date": day("2025-08-01"),
    "as_of": day("2025-08-31"),
    "payments": [(day("2025-08-11"), D("400.00"))],
}


def test_by_default_a_partial_payment_lowers_the_principal_section_3_5() -> None:
    r = compute(**PARTIAL)  # type: ignore[arg-type]
    # 1000 × 12.15 % × 10/365 = 3.329; 600 × 12.15 % × 20/365 = 3.995
    assert [(p.base, p.amount) for p in r.periods] == [
        (D("1000.00"), D("3.33")),
        (D("600.00"), D("3.99")),
    ]
    assert r.penalties == D("7.32") and r.paid_to_penalties == 0 and r.balance == D("600.00")


def test_with_1343_1_a_partial_payment_pays_the_accrued_penalties_first_section_3_5() -> None:
    r = compute(**PARTIAL, payments_to_penalties_first=True)  # type: ignore[arg-type]
    # 3.33 accrued to 11 August is paid first; 396.67 lowers the base to 603.33:
    # 603.33 × 12.15 % × 20/365 = 4.017
    assert [(p.base, p.amount) for p in r.periods] == [
        (D("1000.00"), D("3.33")),
        (D("603.33"), D("4.02")),
    ]
    assert r.penalties == D("7.35") and r.paid_to_penalties == D("3.33")
    # owed: principal 603.33 + penalties 4.02 + €40 = the book's 600 + 7.35 + 40
    assert r.balance == D("600.00") and r.total_claimed == D("647.35")
    assert penalties.to_json("F1", r)["paid_to_penalties"] == "3.33"


def test_with_1343_1_a_payment_before_the_due_date_still_lowers_the_principal() -> None:
    r = compute(
        client_kind="pro",
        total=D("1000.00"),
        due_date=day("2025-08-01"),
        as_of=day("2025-08-31"),
        payments=[(day("2025-07-20"), D("400.00"))],
        payments_to_penalties_first=True,
    )
    assert [p.base for p in r.periods] == [D("600.00")] and r.paid_to_penalties == 0


# -- the book: for_invoice passes the client's flag and the setting ----------------------------
@pytest.mark.usefixtures("book")
def test_for_invoice_reads_acts_professionally_and_the_1343_1_setting() -> None:
    add_client("ASSO", kind="nonprofit")
    invoice = add_invoice("F-ASSO", client="ASSO", issue="2025-07-02", total="1000.00")
    assert invoice.due_date == day("2025-08-01")
    _number, plain = penalties.for_invoice("F-ASSO", day("2025-10-10"))
    assert plain.penalties == 0 and plain.indemnity == 0  # no formal notice: nothing yet
    with db.transaction() as s:
        client = s.scalar(select(Client).where(Client.code == "ASSO"))
        assert client is not None
        client.acts_professionally = True
    _number, professional = penalties.for_invoice("F-ASSO", day("2025-10-10"))
    assert (professional.penalties, professional.indemnity) == (D("23.30"), D("40.00"))
    pay("ASSO", "2025-08-11", "400.00", [(invoice.id, D("400.00"))])
    _number, principal_first = penalties.for_invoice("F-ASSO", day("2025-08-31"))
    assert principal_first.penalties == D("7.32")
    settings.save({"payments_to_penalties_first": True})
    _number, penalties_first = penalties.for_invoice("F-ASSO", day("2025-08-31"))
    assert penalties_first.penalties == D("7.35") and penalties_first.paid_to_penalties == D("3.33")


pytestmark = pytest.mark.both_engines
