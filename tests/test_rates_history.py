"""The rate tables (issue #13, point 1; shared/domain.md §2.2–2.4): complete from 2012 (ECB)
and 2015-H1 (legal), each row with its source; a date before the first row refused, never
computed at 0 %; a rate entered only with its official reference and between 0 and 30 %;
the ``rates_missing`` alert from the first day of a half-year until its rates are entered."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from services.core import clock, settings
from services.core.errors import UserError
from services.core.paths import resource_path
from services.followup import alerts, rates
from tests.service_fixtures import book  # noqa: F401

D = Decimal


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _shipped() -> dict:  # type: ignore[type-arg]
    with open(resource_path("data", "rates.json"), encoding="utf-8") as fh:
        return json.load(fh)  # type: ignore[no-any-return]


#: shared/domain.md §2.2, every row
ECB_SECTION_2_2 = [
    ("2012-07-11", "0.75"),
    ("2013-05-08", "0.50"),
    ("2013-11-13", "0.25"),
    ("2014-06-11", "0.15"),
    ("2014-09-10", "0.05"),
    ("2016-03-16", "0.00"),
    ("2022-07-27", "0.50"),
    ("2022-09-14", "1.25"),
    ("2022-11-02", "2.00"),
    ("2022-12-21", "2.50"),
    ("2023-02-08", "3.00"),
    ("2023-03-22", "3.50"),
    ("2023-05-10", "3.75"),
    ("2023-06-21", "4.00"),
    ("2023-08-02", "4.25"),
    ("2023-09-20", "4.50"),
    ("2024-06-12", "4.25"),
    ("2024-09-18", "3.65"),
    ("2024-10-23", "3.40"),
    ("2024-12-18", "3.15"),
    ("2025-02-05", "2.90"),
    ("2025-03-12", "2.65"),
    ("2025-04-23", "2.40"),
    ("2025-06-11", "2.15"),
]
#: shared/domain.md §2.3, every half-year: (autres cas, particuliers)
LEGAL_SECTION_2_3 = {
    "2015-H1": ("0.93", "4.06"),
    "2015-H2": ("0.99", "4.29"),
    "2016-H1": ("1.01", "4.54"),
    "2016-H2": ("0.93", "4.35"),
    "2017-H1": ("0.90", "4.16"),
    "2017-H2": ("0.90", "3.94"),
    "2018-H1": ("0.89", "3.73"),
    "2018-H2": ("0.88", "3.60"),
    "2019-H1": ("0.86", "3.40"),
    "2019-H2": ("0.87", "3.26"),
    "2020-H1": ("0.87", "3.15"),
    "2020-H2": ("0.84", "3.11"),
    "2021-H1": ("0.79", "3.14"),
    "2021-H2": ("0.76", "3.12"),
    "2022-H1": ("0.76", "3.13"),
    "2022-H2": ("0.77", "3.15"),
    "2023-H1": ("2.06", "4.47"),
    "2023-H2": ("4.22", "6.82"),
    "2024-H1": ("5.07", "8.01"),
    "2024-H2": ("4.92", "8.16"),
    "2025-H1": ("3.71", "7.21"),
    "2025-H2": ("2.76", "6.65"),
    "2026-H1": ("2.62", "6.67"),
}


def test_the_shipped_tables_are_domain_sections_2_2_and_2_3_each_row_with_its_source() -> None:
    data = _shipped()
    assert [(r["from"], r["rate"]) for r in data["ecb_mro"]] == ECB_SECTION_2_2
    assert {r["half"]: (r["professional"], r["individual"]) for r in data["legal"]} == (
        LEGAL_SECTION_2_3
    )
    for row in data["ecb_mro"] + data["legal"]:
        assert row["source"].strip(), row
    assert data["ecb_known_until"] == "2026-02-05" and data["ecb_known_until_source"]
    t = rates.tables(settings.defaults())
    assert t.ecb_sources[day("2012-07-11")] and t.legal_sources["2015-H1"]


def test_the_derived_b2b_rates_are_domain_section_2_4() -> None:
    """MRO on the half-year's first day + 10 points, and 3 × the legal rate (§2.4)."""
    t = rates.tables(settings.defaults())
    for half, mro, floor in (
        ("2022-H1", "0.00", "2.28"),
        ("2022-H2", "0.00", "2.31"),  # the 27 July hike came after 1 July
        ("2023-H1", "2.50", "6.18"),
        ("2023-H2", "4.00", "12.66"),
        ("2024-H1", "4.50", "15.21"),
        ("2024-H2", "4.25", "14.76"),
        ("2025-H1", "3.15", "11.13"),
        ("2025-H2", "2.15", "8.28"),
        ("2026-H1", "2.15", "7.86"),
    ):
        first = rates.half_start_of(half)
        ecb = rates.ecb_rate_for_half(first, t)
        assert ecb.known and ecb.percent == D(mro), half
        assert rates.legal_rate(first, t=t).percent * 3 == D(floor), half
    assert rates.ecb_rate_on(day("2012-07-11"), t).percent == D("0.75")
    assert rates.ecb_rate_on(day("2016-03-15"), t).percent == D("0.05")
    assert rates.ecb_rate_on(day("2016-03-16"), t).percent == D("0.00")


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (lambda t: rates.ecb_rate_on(day("2012-07-10"), t), "2012-07-10"),
        (lambda t: rates.ecb_rate_for_half(day("2012-09-01"), t), "2012-07-01"),
        (lambda t: rates.legal_rate(day("2014-12-31"), t=t), "2014-12-31"),
        (lambda t: rates.legal_rate(day("1999-01-01"), individual=True, t=t), "1999-01-01"),
    ],
)
def test_a_date_before_the_first_row_is_refused_naming_it_section_2_2(call, named) -> None:  # type: ignore[no-untyped-def]
    t = rates.tables(settings.defaults())
    with pytest.raises(UserError) as caught:
        call(t)
    assert named in caught.value.render()
    assert "2012-07-11" in caught.value.render() or "2015-H1" in caught.value.render()


def test_the_first_rows_themselves_are_used() -> None:
    t = rates.tables(settings.defaults())
    assert rates.ecb_rate_on(day("2012-07-11"), t) == rates.Rate(D("0.75"), True)
    assert rates.legal_rate(day("2015-01-01"), t=t) == rates.Rate(D("0.93"), True)
    assert rates.legal_rate(day("2015-01-01"), individual=True, t=t).percent == D("4.06")


def test_a_half_year_not_entered_yet_uses_the_last_known_rate_not_known() -> None:
    t = rates.tables(settings.defaults())
    assert rates.legal_rate(day("2026-08-01"), t=t) == rates.Rate(D("2.62"), False)
    assert rates.ecb_rate_for_half(day("2026-08-01"), t) == rates.Rate(D("2.15"), False)
    assert rates.missing_halves(day("2026-06-30"), t) == []
    assert rates.missing_halves(day("2026-07-01"), t) == ["2026-H2"]
    assert rates.missing_halves(day("2027-01-01"), t) == ["2026-H2", "2027-H1"]


# -- entering a rate (Settings, ``rates`` command) ---------------------------------------------
@pytest.mark.usefixtures("book")
@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: rates.add_ecb_rate(day("2026-06-10"), "2.00", ""), "rate_reference"),
        (lambda: rates.add_ecb_rate(day("2026-06-10"), "2.00", "   "), "rate_reference"),
        (lambda: rates.confirm_ecb_until(day("2026-07-31"), ""), "rate_reference"),
        (lambda: rates.add_legal_rate("2026-H2", "2.75", "6.84", ""), "rate_reference"),
        (lambda: rates.add_ecb_rate(day("2026-06-10"), "31", "ECB decision"), "rate"),
        (lambda: rates.add_ecb_rate(day("2026-06-10"), "-0.5", "ECB decision"), "rate"),
        (lambda: rates.add_legal_rate("2026-H2", "31", "6.84", "arrêté"), "professional"),
        (lambda: rates.add_legal_rate("2026-H2", "2.75", "30.01", "arrêté"), "individual"),
    ],
)
def test_a_rate_without_reference_or_outside_0_30_is_refused_naming_the_field(call, field) -> None:  # type: ignore[no-untyped-def]
    before = settings.read().user_rates
    with pytest.raises(UserError) as caught:
        call()
    assert caught.value.field == field
    assert settings.read().user_rates == before  # nothing written


@pytest.mark.usefixtures("book")
def test_a_rate_is_kept_with_its_official_reference() -> None:
    rates.add_ecb_rate(day("2026-06-10"), "30", "ECB decision of 4 June 2026")
    rates.add_legal_rate("2026-h2", "0", "6.84", "arrêté du 23 juin 2026, JORF du 26 juin")
    user = settings.read().user_rates
    assert user["ecb_mro"] == [
        {"from": "2026-06-10", "rate": "30.00", "reference": "ECB decision of 4 June 2026"}
    ]
    assert user["legal"] == [
        {
            "half": "2026-H2",
            "professional": "0.00",
            "individual": "6.84",
            "reference": "arrêté du 23 juin 2026, JORF du 26 juin",
        }
    ]
    t = rates.tables()
    assert t.ecb_sources[day("2026-06-10")] == "ECB decision of 4 June 2026"
    assert t.legal_sources["2026-H2"].startswith("arrêté du 23 juin")


# -- the rates_missing alert ------------------------------------------------------------------
@pytest.mark.usefixtures("book")
def test_the_rates_missing_alert_from_the_first_day_of_the_half_year_until_entered() -> None:
    def missing(on: dt.date) -> list[alerts.Alert]:
        clock.freeze(on)
        found = alerts.find(on)
        listed = [a for a in alerts.alerts(on) if a.kind == "rates_missing"]
        assert found.counts().get("rates_missing", 0) == len(found.of_kind("rates_missing"))
        assert found.counts().get("rates_missing", 0) == len(listed)
        return listed

    assert missing(day("2026-06-30")) == []
    [alert] = missing(day("2026-07-01"))
    assert alert.params["half"] == "2026-H2" and alert.client == "" and alert.invoice is None
    assert alert.render() == (
        "rates for 2026-H2 not entered: enter the ECB rate in force on 2026-07-01 and the legal "
        "interest rates in Settings (late charges are provisional until then)"
    )
    rates.add_legal_rate("2026-H2", "2.75", "6.84", "arrêté of June 2026")
    assert len(missing(day("2026-07-01"))) == 1  # the ECB rate of 1 July is still missing
    rates.confirm_ecb_until(day("2026-07-01"), "ECB meeting of 11 June 2026")
    assert missing(day("2026-07-01")) == []
    assert missing(day("2026-12-31")) == []
    [next_one] = missing(day("2027-01-01"))
    assert next_one.params["half"] == "2027-H1"


@pytest.mark.usefixtures("book")
def test_the_rates_missing_alert_can_be_turned_off_and_snoozed() -> None:
    on = day("2026-07-01")
    clock.freeze(on)
    [alert] = [a for a in alerts.alerts(on) if a.kind == "rates_missing"]
    alerts.snooze(alert, day("2026-07-08"))
    assert "rates_missing" not in alerts.find(on).counts()
    assert alerts.find(day("2026-07-08")).counts()["rates_missing"] == 1
    settings.save({"kinds_off": {"rates_missing"}})
    assert "rates_missing" not in alerts.find(day("2026-07-08")).counts()


pytestmark = pytest.mark.both_engines
