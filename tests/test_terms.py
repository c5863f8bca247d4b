"""Payment terms: every form in French and English, the due dates of shared/domain.md §1.2,
month-end, leap-year and year-end cases, and the L441-10 legal-cap warning."""

from __future__ import annotations

import datetime as dt

import pytest

from services.core import company
from services.core.errors import UserError, ValidationError
from services.core.terms import (
    EOM,
    EOM_DAY,
    FIXED,
    METHOD_A,
    METHOD_B,
    NET,
    ON_RECEIPT,
    WARN_LEGAL_CAP,
    Terms,
    due_date,
    legal_cap_warning,
    parse_terms,
)
from services.ledger import invoices
from tests.service_fixtures import add_client, book  # noqa: F401


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def due(text: str, issue: str, method: str = METHOD_A) -> dt.date:
    return due_date(d(issue), parse_terms(text), method)


# -- parsing: every form, in French and in English ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("à réception", Terms(ON_RECEIPT)),
        ("A réception", Terms(ON_RECEIPT)),
        ("comptant", Terms(ON_RECEIPT)),
        ("on receipt", Terms(ON_RECEIPT)),
        ("Due on receipt", Terms(ON_RECEIPT)),
        ("30 jours", Terms(NET, days=30)),
        ("60 jours nets", Terms(NET, days=60)),
        ("net 30", Terms(NET, days=30)),
        ("Net 30 days", Terms(NET, days=30)),
        ("45 jours fin de mois", Terms(EOM, days=45)),
        ("45 j FDM", Terms(EOM, days=45)),
        ("45 days end of month", Terms(EOM, days=45)),
        ("45 days EOM", Terms(EOM, days=45)),
        ("30 jours fin de mois le 10", Terms(EOM_DAY, days=30, day=10)),
        ("30 jours fin de mois, le 10", Terms(EOM_DAY, days=30, day=10)),
        ("30 days end of month on the 10th", Terms(EOM_DAY, days=30, day=10)),
        ("le 15/03/2026", Terms(FIXED, fixed_date=d("2026-03-15"))),
        ("15/03/2026", Terms(FIXED, fixed_date=d("2026-03-15"))),
        ("on 2026-03-15", Terms(FIXED, fixed_date=d("2026-03-15"))),
        ("fixed date 2026-03-15", Terms(FIXED, fixed_date=d("2026-03-15"))),
    ],
)
def test_every_terms_form_is_understood_in_french_and_english(text: str, expected: Terms) -> None:
    assert parse_terms(text) == expected


@pytest.mark.parametrize(
    "parsed",
    [
        Terms(ON_RECEIPT),
        Terms(NET, days=30),
        Terms(EOM, days=45),
        Terms(EOM_DAY, days=30, day=10),
        Terms(EOM_DAY, days=45, day=1),
        Terms(EOM_DAY, days=45, day=2),
        Terms(EOM_DAY, days=45, day=3),
        Terms(FIXED, fixed_date=d("2026-03-15")),
    ],
)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_canonical_wording_reads_back_as_the_same_terms(parsed: Terms, language: str) -> None:
    assert parse_terms(parsed.describe(language)) == parsed


def test_canonical_wordings() -> None:
    assert Terms(EOM_DAY, days=30, day=10).describe("fr") == "30 jours fin de mois le 10"
    assert Terms(EOM_DAY, days=30, day=10).describe("en") == "30 days end of month on the 10th"
    assert Terms(NET, days=30).describe("en") == "net 30"
    assert Terms(ON_RECEIPT).describe("fr") == "à réception"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "bientôt",
        "when you can",
        "30 semaines",
        "fin de mois",
        "net",
        "le 31/02/2026",
        "500 jours",
        "30 jours fin de mois le 32",
        "30 jours fin de mois le 0",
    ],
)
def test_unknown_or_impossible_terms_are_refused_naming_the_terms_field(text: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_terms(text)
    assert caught.value.field == "terms"
    assert str(caught.value).startswith("Payment terms: ")


# -- due dates: the worked examples of shared/domain.md §1.2 -------------------------

SECTION_1_2 = [
    # invoice date, 45 FDM method A, 45 FDM method B, 60 days net, 30 FDM A, 30 FDM B
    ("2025-01-15", "2025-03-31", "2025-03-17", "2025-03-16", "2025-02-28", "2025-03-02"),
    ("2025-03-10", "2025-04-30", "2025-05-15", "2025-05-09", "2025-04-30", "2025-04-30"),
    ("2026-01-31", "2026-03-31", "2026-03-17", "2026-04-01", "2026-03-31", "2026-03-02"),
    ("2025-12-20", "2026-02-28", "2026-02-14", "2026-02-18", "2026-01-31", "2026-01-30"),
]
COLUMNS = [
    ("45 jours fin de mois", METHOD_A),
    ("45 jours fin de mois", METHOD_B),
    ("60 jours nets", METHOD_A),
    ("30 jours fin de mois", METHOD_A),
    ("30 jours fin de mois", METHOD_B),
]
ENGLISH = {
    "45 jours fin de mois": "45 days end of month",
    "60 jours nets": "net 60",
    "30 jours fin de mois": "30 days end of month",
}


@pytest.mark.parametrize(
    ("issue", "column", "expected"),
    [
        pytest.param(row[0], column, row[1 + i], id=f"{row[0]}-{column[0]}-{column[1]}")
        for row in SECTION_1_2
        for i, column in enumerate(COLUMNS)
    ],
)
def test_domain_section_1_2_worked_examples(
    issue: str, column: tuple[str, str], expected: str
) -> None:
    text, method = column
    assert due(text, issue, method) == d(expected)
    assert due(ENGLISH[text], issue, method) == d(expected)


def test_the_section_1_2_table_is_complete() -> None:
    assert len(SECTION_1_2) * len(COLUMNS) == 20


def test_60_days_net_ignores_the_method() -> None:
    assert due("60 jours nets", "2025-01-15", METHOD_B) == d("2025-03-16")


# -- due dates: the other forms --------------------------------------------------------


@pytest.mark.parametrize("text", ["à réception", "on receipt", "comptant", "net 0"])
def test_on_receipt_is_due_on_the_issue_date(text: str) -> None:
    assert due(text, "2025-04-17") == d("2025-04-17")


@pytest.mark.parametrize("text", ["30 jours", "net 30"])
def test_net_days(text: str) -> None:
    assert due(text, "2025-04-17") == d("2025-05-17")


@pytest.mark.parametrize(
    ("method", "expected"),
    # A: 15 Jan + 30 = 14 Feb -> end of Feb -> 10 Mar.  B: 31 Jan + 30 = 2 Mar -> 10 Apr.
    [(METHOD_A, "2025-03-10"), (METHOD_B, "2025-04-10")],
)
@pytest.mark.parametrize("text", ["30 jours fin de mois le 10", "30 days end of month on the 10th"])
def test_end_of_month_on_a_day(text: str, method: str, expected: str) -> None:
    assert due(text, "2025-01-15", method) == d(expected)


@pytest.mark.parametrize("text", ["le 15/03/2026", "on 2026-03-15"])
def test_fixed_date_is_the_due_date_whatever_the_issue_date(text: str) -> None:
    assert due(text, "2025-12-01") == d("2026-03-15")
    assert due(text, "2026-02-01", METHOD_B) == d("2026-03-15")


# -- month-end, leap-year and year-end cases ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "issue", "method", "expected"),
    [
        # month end: 31 Jan + 30 days runs through a short February
        ("30 jours", "2025-01-31", METHOD_A, "2025-03-02"),
        ("net 30", "2026-01-31", METHOD_A, "2026-03-02"),
        # 31 Jan end of month: A = EOM(2 Mar) = 31 Mar; B = 31 Jan + 30 = 2 Mar
        ("30 jours fin de mois", "2025-01-31", METHOD_A, "2025-03-31"),
        ("30 jours fin de mois", "2025-01-31", METHOD_B, "2025-03-02"),
        ("45 jours fin de mois", "2025-01-31", METHOD_A, "2025-03-31"),
        ("45 jours fin de mois", "2025-01-31", METHOD_B, "2025-03-17"),
        # an invoice issued on the last day of a 30-day month
        ("30 jours fin de mois", "2025-04-30", METHOD_A, "2025-05-31"),
        ("30 jours fin de mois", "2025-04-30", METHOD_B, "2025-05-30"),
        # day 31 asked for in a 30-day month falls on its last day
        ("30 jours fin de mois le 31", "2025-02-15", METHOD_A, "2025-04-30"),
    ],
)
def test_month_end_cases(text: str, issue: str, method: str, expected: str) -> None:
    assert due(text, issue, method) == d(expected)


@pytest.mark.parametrize(
    ("text", "issue", "method", "expected"),
    [
        ("30 jours", "2028-01-30", METHOD_A, "2028-02-29"),
        ("30 jours", "2027-01-30", METHOD_A, "2027-03-01"),
        ("30 jours fin de mois", "2028-01-15", METHOD_A, "2028-02-29"),
        ("30 jours fin de mois", "2027-01-15", METHOD_A, "2027-02-28"),
        ("30 jours fin de mois", "2028-01-31", METHOD_B, "2028-03-01"),
        ("29 jours fin de mois", "2028-01-31", METHOD_B, "2028-02-29"),
        ("45 jours fin de mois", "2028-01-15", METHOD_B, "2028-03-16"),
        ("à réception", "2028-02-29", METHOD_A, "2028-02-29"),
        # the 31st of February 2028 is its 29th
        ("30 jours fin de mois le 31", "2027-12-15", METHOD_A, "2028-02-29"),
        ("30 jours fin de mois le 31", "2026-12-15", METHOD_A, "2027-02-28"),
        ("le 29/02/2028", "2028-01-10", METHOD_A, "2028-02-29"),
    ],
)
def test_leap_year_cases(text: str, issue: str, method: str, expected: str) -> None:
    assert due(text, issue, method) == d(expected)


def test_the_29th_of_february_of_a_common_year_is_refused() -> None:
    with pytest.raises(UserError) as caught:
        parse_terms("le 29/02/2027")
    assert caught.value.field == "terms"


@pytest.mark.parametrize(
    ("text", "issue", "method", "expected"),
    [
        ("30 jours", "2025-12-15", METHOD_A, "2026-01-14"),
        ("net 30", "2025-12-31", METHOD_A, "2026-01-30"),
        ("30 jours fin de mois", "2025-12-31", METHOD_A, "2026-01-31"),
        ("30 jours fin de mois", "2025-12-31", METHOD_B, "2026-01-30"),
        ("45 jours fin de mois", "2025-12-31", METHOD_A, "2026-02-28"),
        ("45 days end of month", "2025-12-31", METHOD_B, "2026-02-14"),
        ("30 jours fin de mois le 10", "2025-12-15", METHOD_A, "2026-02-10"),
        ("30 jours fin de mois le 10", "2025-11-20", METHOD_A, "2026-01-10"),
        ("30 days end of month on the 10th", "2025-12-15", METHOD_B, "2026-02-10"),
    ],
)
def test_year_end_cases(text: str, issue: str, method: str, expected: str) -> None:
    assert due(text, issue, method) == d(expected)


# -- L441-10 legal caps -------------------------------------------------------------------


def test_legal_cap_warning_for_a_business_client_beyond_both_caps() -> None:
    issue = d("2025-01-15")
    warning = legal_cap_warning(issue, due("net 90", "2025-01-15"), "pro")
    assert warning is not None
    message, params = warning
    assert message == WARN_LEGAL_CAP and "L441-10" in message
    assert params == {"due": "2025-04-15", "cap60": "2025-03-16", "cap45": "2025-03-31"}


@pytest.mark.parametrize("kind", ["consumer", "nonprofit", "public"])
def test_no_legal_cap_warning_for_other_clients(kind: str) -> None:
    assert legal_cap_warning(d("2025-01-15"), d("2025-04-15"), kind) is None


def test_method_a_may_exceed_60_days_without_a_warning() -> None:
    issue = d("2025-01-15")
    due_a = due("45 jours fin de mois", "2025-01-15", METHOD_A)
    assert (due_a - issue).days > 60  # 31 March: 75 days, still within 45 days end of month
    assert legal_cap_warning(issue, due_a, "pro", METHOD_A) is None
    # one day more is beyond both caps
    assert legal_cap_warning(issue, due_a + dt.timedelta(days=1), "pro", METHOD_A) is not None


def test_the_45_days_end_of_month_cap_follows_the_method() -> None:
    issue = d("2025-01-15")
    # 31 March is within the cap under method A, beyond both caps under method B (17 March)
    assert legal_cap_warning(issue, d("2025-03-31"), "pro", METHOD_A) is None
    assert legal_cap_warning(issue, d("2025-03-31"), "pro", METHOD_B) is not None


# -- through the invoice service ----------------------------------------------------------

uses_book = pytest.mark.usefixtures("book")


def _create(number: str, client: str, terms_text: str, issue: str = "2025-01-15"):
    return invoices.create_invoice(
        {
            "number": number,
            "client": client,
            "issue_date": issue,
            "total": "120.00",
            "terms": terms_text,
        }
    )


@uses_book
def test_invoice_due_date_is_computed_from_its_terms_with_the_company_method() -> None:
    add_client("ACME", "pro")
    row, _ = _create("F-1", "ACME", "45 days end of month")
    assert row.due_date == d("2025-03-31")  # method A by default
    company.save_company({"name": "Ma Boîte", "eom_method": "B"})
    row, _ = _create("F-2", "ACME", "45 jours fin de mois")
    assert row.due_date == d("2025-03-17")
    row, _ = _create("F-3", "ACME", "30 days end of month on the 10th")
    assert row.due_date == d("2025-04-10")
    assert row.terms == "30 days end of month on the 10th"


@uses_book
def test_invoice_without_terms_takes_the_client_terms_then_the_company_default() -> None:
    add_client("ACME", "pro", terms="30 jours fin de mois")
    add_client("BETA", "pro")
    row, _ = invoices.create_invoice(
        {"number": "F-1", "client": "ACME", "issue_date": "2025-01-15", "total": "10"}
    )
    assert (row.due_date, row.terms) == (d("2025-02-28"), "30 jours fin de mois")
    row, _ = invoices.create_invoice(
        {"number": "F-2", "client": "BETA", "issue_date": "2025-01-15", "total": "10"}
    )
    assert (row.due_date, row.terms) == (d("2025-02-14"), "30 jours")


@uses_book
def test_a_manual_due_date_overrides_the_terms() -> None:
    add_client("ACME", "pro")
    row, warnings = invoices.create_invoice(
        {
            "number": "F-1",
            "client": "ACME",
            "issue_date": "2025-01-15",
            "total": "10",
            "terms": "30 jours",
            "due_date": "2025-02-01",
        }
    )
    assert row.due_date == d("2025-02-01") and row.due_date_manual
    assert warnings == []


@uses_book
def test_terms_beyond_the_legal_caps_are_accepted_with_a_warning_for_a_pro_client() -> None:
    add_client("ACME", "pro")
    row, warnings = _create("F-1", "ACME", "45 jours fin de mois le 10")
    assert row.due_date == d("2025-04-10")  # saved, not refused
    assert invoices.get_invoice_by_number("F-1").due_date == d("2025-04-10")
    assert [w[0] for w in warnings] == [WARN_LEGAL_CAP]


@uses_book
def test_no_legal_cap_warning_for_a_consumer_client() -> None:
    add_client("JEAN", "consumer")
    row, warnings = _create("F-1", "JEAN", "net 90")
    assert row.due_date == d("2025-04-15")
    assert warnings == []


@uses_book
def test_method_a_beyond_60_days_gives_no_warning_on_an_invoice() -> None:
    add_client("ACME", "pro")
    row, warnings = _create("F-1", "ACME", "45 jours fin de mois")
    assert (row.due_date - row.issue_date).days > 60
    assert warnings == []


@uses_book
def test_an_invoice_with_unknown_terms_is_refused_naming_the_terms_field() -> None:
    add_client("ACME", "pro")
    with pytest.raises(ValidationError) as caught:
        _create("F-1", "ACME", "quand vous voulez")
    assert [e.field for e in caught.value.errors] == ["terms"]
    assert "Payment terms:" in str(caught.value)
    with pytest.raises(UserError):
        invoices.get_invoice_by_number("F-1")  # nothing was written


@uses_book
def test_a_due_date_before_the_issue_date_is_a_warning() -> None:
    add_client("ACME", "pro")
    row, warnings = _create("F-1", "ACME", "le 01/01/2025")
    assert row.due_date == d("2025-01-01")
    assert [w[0] for w in warnings] == [invoices.WARN_DUE_BEFORE_ISSUE]
