"""Money is Decimal end to end: parsing what people type, French formatting, no floats."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.exc import StatementError

from models import Client, Invoice
from models.base import Money
from services.core import clock, db
from services.core.errors import UserError
from services.core.money import MAX_AMOUNT, NBSP, format_money, parse_amount, plain, round_money
from tests.service_fixtures import add_client, book  # noqa: F401

# -- parsing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1234.56",
        "1234,56",
        "1 234,56",
        "1\u00a0234,56 €",
        "1\u202f234,56",
        "1.234,56",
        "1,234.56",
        "  1234,56  ",
        "1234,56 EUR",
        "€1234.56",
    ],
)
def test_parse_amount_accepts_the_ways_people_write_amounts(text: str) -> None:
    value = parse_amount(text)
    assert value == Decimal("1234.56")
    assert isinstance(value, Decimal)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", "12.00"),
        ("0,5", "0.50"),
        ("1 234 567,8", "1234567.80"),
        ("12.345.678", "12345678.00"),
        ("0", "0.00"),
    ],
)
def test_parse_amount_gives_two_places(text: str, expected: str) -> None:
    value = parse_amount(text)
    assert value == Decimal(expected)
    assert value.as_tuple().exponent == -2


@pytest.mark.parametrize("text", ["-5", "-1 234,56 €", "-0,01"])
def test_negative_amounts_are_refused_naming_the_field(text: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_amount(text, "total")
    assert caught.value.field == "total"
    assert str(caught.value) == "Total incl. VAT: the amount must not be negative."


def test_negative_amounts_are_accepted_only_when_asked() -> None:
    assert parse_amount("-1 234,56", allow_negative=True) == Decimal("-1234.56")


@pytest.mark.parametrize(
    "text", ["abc", "12abc", "1,2,3.4,5", "", "  ", "€", "1e5", "NaN", "Infinity", "12-3", "1/2"]
)
def test_non_numeric_amounts_are_refused_naming_the_field(text: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_amount(text, "amount")
    assert caught.value.field == "amount"
    assert str(caught.value).startswith("Amount: ")
    assert "is not an amount" in str(caught.value)


@pytest.mark.parametrize("text", ["1234.567", "0,001", "1 234,5678 €"])
def test_more_than_two_decimals_are_refused_naming_the_field(text: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_amount(text, "credit_limit")
    assert caught.value.field == "credit_limit"
    assert str(caught.value) == "Credit limit: at most two decimals are allowed."


def test_trailing_zero_decimals_are_not_extra_decimals() -> None:
    assert parse_amount("12.500") == Decimal("12.50")


def test_zero_is_refused_when_asked() -> None:
    with pytest.raises(UserError) as caught:
        parse_amount("0,00", "amount", allow_zero=False)
    assert caught.value.field == "amount"
    assert "greater than zero" in str(caught.value)


@pytest.mark.parametrize(
    "value",
    [
        "1000000000000,00",
        "99999999999999999999999999999.99",
        "1" + "0" * 40,
        Decimal("1E+30"),
        Decimal("1E+40"),
    ],
)
def test_absurdly_large_amounts_are_refused_with_a_message_not_a_crash(value: object) -> None:
    with pytest.raises(UserError) as caught:
        parse_amount(value, "total")  # type: ignore[arg-type]
    assert caught.value.field == "total"
    assert "too large" in str(caught.value)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_decimals_are_refused_with_a_message_not_a_crash(value: Decimal) -> None:
    with pytest.raises(UserError) as caught:
        parse_amount(value, "amount", allow_negative=True)
    assert caught.value.field == "amount"


def test_the_largest_amount_is_accepted() -> None:
    assert parse_amount("999 999 999 999,99") == MAX_AMOUNT


def test_minus_zero_is_plain_zero() -> None:
    value = parse_amount("-0")
    assert value == 0 and not value.is_signed()


def test_floats_are_a_programming_error() -> None:
    with pytest.raises(TypeError):
        parse_amount(1.5)  # type: ignore[arg-type]


# -- formatting --------------------------------------------------------------------


def test_format_money_french() -> None:
    assert format_money(Decimal("1234.56")) == f"1{NBSP}234,56{NBSP}€"
    assert format_money(Decimal("1234.56")) == "1\u00a0234,56\u00a0€"
    assert format_money(Decimal("0")) == "0,00\u00a0€"
    assert format_money(Decimal("1234567.8")) == "1\u00a0234\u00a0567,80\u00a0€"
    assert format_money(Decimal("-45.5")) == "-45,50\u00a0€"
    assert format_money(Decimal("999")) == "999,00\u00a0€"


def test_format_money_english_and_other_currencies() -> None:
    assert format_money(Decimal("1234.56"), language="en") == "€1,234.56"
    assert format_money(Decimal("1234.56"), "USD", "fr") == "1\u00a0234,56\u00a0$"
    assert format_money(Decimal("10"), "CHF", "en") == "10.00 CHF"
    assert format_money(None) == ""


def test_rounding_is_half_up_to_the_cent() -> None:
    assert round_money(Decimal("0.005")) == Decimal("0.01")
    assert round_money(Decimal("2.675")) == Decimal("2.68")  # a float would give 2.67
    assert plain(Decimal("1234.5")) == "1234.50"


cents = st.decimals(
    min_value=Decimal("-999999999999.99"),
    max_value=MAX_AMOUNT,
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


@given(cents)
def test_format_then_parse_gives_back_the_same_amount(value: Decimal) -> None:
    for language in ("fr", "en"):
        text = format_money(value, "EUR", language)
        back = parse_amount(text, allow_negative=True)
        assert isinstance(back, Decimal)
        assert back == value


@given(cents)
def test_plain_then_parse_gives_back_the_same_amount(value: Decimal) -> None:
    assert parse_amount(plain(value), allow_negative=True) == value


# -- the Money column refuses floats ----------------------------------------------------


def test_money_column_refuses_float() -> None:
    column = Money()
    with pytest.raises(TypeError, match="float"):
        column.process_bind_param(12.5, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        column.process_bind_param("12.50", None)  # type: ignore[arg-type]


def test_money_column_stores_cents_and_reads_back_decimal() -> None:
    column = Money()
    assert column.process_bind_param(Decimal("1234.56"), None) == 123456  # type: ignore[arg-type]
    assert column.process_bind_param(7, None) == 700  # type: ignore[arg-type]
    assert column.process_bind_param(None, None) is None  # type: ignore[arg-type]
    back = column.process_result_value(123456, None)  # type: ignore[arg-type]
    assert back == Decimal("1234.56") and isinstance(back, Decimal)


def test_money_column_refuses_a_fraction_of_a_cent_instead_of_rounding_it() -> None:
    """issue #12 point 4: 1.005 is not silently stored as 1.01 — whoever computed it rounds
    it where the rule says (services.core.money.round_money), then stores it."""
    column = Money()
    for value in ("1.005", "0.001", "-3.333"):
        with pytest.raises(ValueError, match="whole number of cents"):
            column.process_bind_param(Decimal(value), None)  # type: ignore[arg-type]
    assert column.process_bind_param(Decimal("1.010"), None) == 101  # type: ignore[arg-type]
    assert column.process_bind_param(Decimal("-2.50"), None) == -250  # type: ignore[arg-type]


@pytest.mark.usefixtures("book")
def test_a_float_never_reaches_the_database() -> None:
    client = add_client("ACME")
    with pytest.raises(StatementError) as caught, db.transaction() as s:
        s.add(
            Invoice(
                number="F-1",
                client_id=client.id,
                kind="invoice",
                issue_date=dt.date(2025, 1, 1),
                due_date=dt.date(2025, 1, 31),
                total=99.99,
                allocated=Decimal("0"),
                created_at=clock.now(),
                updated_at=clock.now(),
            )
        )
    assert isinstance(caught.value.orig, TypeError)
    with db.reading() as s:
        assert s.query(Invoice).count() == 0
        stored = s.get(Client, client.id)
        assert stored is not None and stored.credit_limit is None


def test_from_sql_is_the_one_place_cents_become_money() -> None:
    """issue #12 point 4: the ledger, the payments and the client list read amounts from SQL
    through one helper: integer cents, a Decimal already in euros, or None (an empty sum)."""
    from services.core.money import from_cents, from_sql, to_cents
    from services.ledger import clients, payments
    from services.ledger import open_items as ledger

    assert from_sql(123456) == Decimal("1234.56")
    assert from_sql(-5) == Decimal("-0.05")
    assert (
        from_sql(Decimal("12.5")) == Decimal("12.50") and str(from_sql(Decimal("12.5"))) == "12.50"
    )
    assert from_sql(None) == Decimal("0.00")
    assert ledger.from_sql is payments.from_sql is clients.from_sql is from_sql
    assert to_cents(Decimal("1234.56")) == 123456 and from_cents(123456) == Decimal("1234.56")


def test_no_service_converts_cents_by_hand() -> None:
    """issue #12 point 4: cents become euros (and back) only in services.core.money; no other
    module multiplies or divides an amount by 100 on its own (the demo's random amounts and
    the rate arithmetic, percentages, are not conversions)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "services"
    pattern = re.compile(r"int\([^)]*\*\s*100\)|\b(cents|raw)\w*\s*/\s*100\b")
    offences = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "money.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offences == []
