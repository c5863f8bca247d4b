"""Money: parsing, rounding and formatting of ``Decimal`` amounts.  Never float."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.text import check_ascii_digits

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
NBSP = "\u00a0"
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")

MSG_NOT_A_NUMBER = QT_TRANSLATE_NOOP("Messages", "'{value}' is not an amount.")
MSG_NEGATIVE = QT_TRANSLATE_NOOP("Messages", "the amount must not be negative.")
MSG_ZERO = QT_TRANSLATE_NOOP("Messages", "the amount must be greater than zero.")
MSG_DECIMALS = QT_TRANSLATE_NOOP("Messages", "at most two decimals are allowed.")
MSG_TOO_LARGE = QT_TRANSLATE_NOOP("Messages", "the amount is too large.")
MSG_CURRENCY = QT_TRANSLATE_NOOP(
    "Messages", "'{value}' is not a three-letter currency code (EUR…)."
)

MAX_AMOUNT = Decimal("999999999999.99")


def _normalise_separators(text: str) -> str:
    """Make '.' the decimal mark: the last of '.'/',' is decimal when both occur,
    a mark repeated several times is a thousands separator."""
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        return text.replace(thousands, "").replace(decimal_mark, ".")
    for mark in ",.":
        if text.count(mark) > 1:
            return text.replace(mark, "")
    return text.replace(",", ".")


def round_money(value: Decimal) -> Decimal:
    """Round to the cent, half-up (the rule of French invoices)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_amount(
    text: str | Decimal | int,
    field: str = "amount",
    *,
    allow_negative: bool = False,
    allow_zero: bool = True,
) -> Decimal:
    """Parse '1234.56', '1234,56', '1 234,56 €', '1.234,56' into a Decimal.

    Raises :class:`UserError` naming ``field`` for anything else.
    """
    if isinstance(text, float):  # pragma: no cover - programming error
        raise TypeError("money must never be a float")
    if isinstance(text, (Decimal, int)):
        value = Decimal(text)
    else:
        raw = (text or "").strip()
        # Python's Decimal() reads Arabic-Indic or full-width digits: refused (issue #11)
        check_ascii_digits(raw, field)
        cleaned = raw.replace("€", "").replace("EUR", "").strip()
        cleaned = _SPACES.sub("", cleaned)
        cleaned = _normalise_separators(cleaned)
        if not re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?|[+-]?\.[0-9]+", cleaned or "x"):
            raise UserError(MSG_NOT_A_NUMBER, field=field, value=raw)
        try:
            value = Decimal(cleaned)
        except InvalidOperation as exc:  # pragma: no cover - regex guards it
            raise UserError(MSG_NOT_A_NUMBER, field=field, value=raw) from exc
    if not value.is_finite():
        raise UserError(MSG_NOT_A_NUMBER, field=field, value=str(text))
    if value < 0 and not allow_negative:
        raise UserError(MSG_NEGATIVE, field=field)
    # Before any quantize: beyond 28 digits quantize raises InvalidOperation.
    if abs(value) > MAX_AMOUNT:
        raise UserError(MSG_TOO_LARGE, field=field)
    if value != value.quantize(CENT):
        raise UserError(MSG_DECIMALS, field=field)
    if value == 0 and not allow_zero:
        raise UserError(MSG_ZERO, field=field)
    return value.quantize(CENT) + ZERO  # + ZERO turns "-0" into 0.00


def parse_currency(value: Any, field: str = "currency") -> str:
    """A currency code as typed: trimmed, in capitals, three letters; none given is EUR."""
    code = str(value or "EUR").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise UserError(MSG_CURRENCY, field=field, value=value)
    return code


def to_cents(value: Decimal) -> int:
    """An amount as integer cents, for the fast paths that add up cents: 123.45 -> 12345."""
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_cents(cents: int) -> Decimal:
    """Integer cents (the fast paths' raw SQL) as an amount in euros: 12345 -> 123.45."""
    return (Decimal(cents) / 100).quantize(CENT)


def from_sql(value: Any) -> Decimal:
    """An amount as a query gives it back, in euros with two decimals: integer cents (raw SQL,
    an aggregate typed Integer), a Decimal already in euros (a Money column or an aggregate
    of one), or None (the sum of nothing) as 0.00. The one place cents become money at the
    edge of SQL (issue #12, point 4)."""
    if value is None:
        return ZERO
    if isinstance(value, Decimal):
        return value.quantize(CENT)
    return from_cents(int(value))


def plain(value: Decimal) -> str:
    """Machine form with two decimals: '1234.50' (JSON, CSV export)."""
    return f"{round_money(value):.2f}"


def format_money(value: Decimal | None, currency: str = "EUR", language: str = "fr") -> str:
    """Human form in the user's language: '1 234,56 €' (fr) or '€1,234.56' (en)."""
    if value is None:
        return ""
    value = round_money(value)
    negative = value < 0
    units, _, cents = f"{abs(value):.2f}".partition(".")
    groups: list[str] = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    if language == "fr":
        number = NBSP.join(groups) + "," + cents
        text = f"{number}{NBSP}{symbol}"
        return f"-{text}" if negative else text
    number = ",".join(groups) + "." + cents
    text = f"{symbol}{number}" if len(symbol) == 1 else f"{number} {symbol}"
    return f"-{text}" if negative else text
