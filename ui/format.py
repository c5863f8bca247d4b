"""Display formats for money and dates, following the UI language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from services.core.money import format_money
from ui import i18n


def money(value: Decimal | None, currency: str = "EUR") -> str:
    return format_money(value, currency, i18n.current_language())


def date(value: dt.date | None) -> str:
    if value is None:
        return ""
    if i18n.current_language() == "fr":
        return value.strftime("%d/%m/%Y")
    return value.isoformat()


def datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    if i18n.current_language() == "fr":
        return local.strftime("%d/%m/%Y %H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def megabytes(size: int) -> str:
    """A file size in MB with one decimal, with the UI language's decimal mark."""
    text = f"{size / 1_048_576:.1f}"
    return text.replace(".", ",") if i18n.current_language() == "fr" else text


def warning_text(warning: tuple[str, dict[str, str]]) -> str:
    """A service warning, its ISO dates shown the user's way."""
    text, params = warning
    shown = {}
    for key, value in params.items():
        try:
            shown[key] = date(dt.date.fromisoformat(value))
        except (TypeError, ValueError):
            shown[key] = value
    return i18n.translate("Messages", text).format(**shown)
