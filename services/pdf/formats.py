"""Dates and amounts as a document prints them, in the document's language and never in
the process's locale (the window runs under the user's locale, the command line under the
shell's: the same letter must read the same from both).

Month names come from Babel (CLDR data, locale-independent). Amounts use the fixed table of
:func:`services.core.money.format_money`, so that a PDF shows an amount exactly as the
screens do; for euros it is Babel's ``format_currency`` output except for the French
thousands separator, a no-break space (U+00A0) where CLDR has a narrow one (U+202F):
tests/test_pdf_base.py checks both.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date

from services.core.money import format_money

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def language_of(language: str) -> str:
    """ "en" for English, else "fr" (French is the reference)."""
    return "en" if (language or "")[:2].lower() == "en" else "fr"


def long_date(day: dt.date, language: str) -> str:
    """ "1er octobre 2025", "9 octobre 2025" (fr); "9 October 2025" (en)."""
    code = language_of(language)
    text = format_date(day, "d MMMM y", locale=LOCALES[code])
    if code == "fr" and day.day == 1:
        text = "1er" + text[1:]
    return text


def short_date(day: dt.date, language: str) -> str:
    """ "09/10/2025" (fr) or "2025-10-09" (en)."""
    return f"{day:%d/%m/%Y}" if language_of(language) == "fr" else day.isoformat()


def money(value: Decimal, currency: str, language: str) -> str:
    """ "1 234,56 €" (fr, no-break spaces) or "€1,234.56" (en)."""
    return format_money(value, currency, language_of(language))
