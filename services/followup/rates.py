"""Rate tables for late-payment penalties and interest (shared/domain.md §2.2–2.3).

Shipped in ``resources/data/rates.json``; rates the owner adds (Settings) are kept
in the book and take precedence. When a date falls in a half-year with no rate
yet, the last known rate is used and the caller is told (``known`` is False), so a
letter preview can say so and the owner can enter the new rate.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from services.core import db, settings
from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.paths import resource_path
from services.core.terms import FIRST_DATE, LAST_DATE, check_date_range
from services.core.text import check_ascii_digits

MSG_HALF = QT_TRANSLATE_NOOP("Messages", "{value} is not a half-year (e.g. 2026-H2)")


@dataclass(frozen=True, slots=True)
class Rate:
    percent: Decimal
    known: bool  # False: the half-year has no rate yet, the last known one is used


def half_of(day: dt.date) -> str:
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


def half_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 1 if day.month <= 6 else 7, 1)


def half_start_of(half: str) -> dt.date:
    """'2026-H2' -> 2026-07-01."""
    return dt.date(int(half[:4]), 1 if half.endswith("1") else 7, 1)


def half_end(day: dt.date) -> dt.date:
    return dt.date(day.year, 6, 30) if day.month <= 6 else dt.date(day.year, 12, 31)


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    with open(resource_path("data", "rates.json"), encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _update_user(change: Callable[[dict[str, Any]], None]) -> None:
    """Change the rates the owner added (kept in the book's settings): read and written in
    one transaction."""
    with db.transaction() as s:
        user = settings.load(s).user_rates
        change(user)
        settings.save_in(s, {"user_rates": user})


@dataclass(frozen=True, slots=True)
class Tables:
    ecb: list[tuple[dt.date, Decimal]]  # effective date, rate — sorted
    ecb_known_until: dt.date
    legal: dict[str, tuple[Decimal, Decimal]]  # half -> (professional, individual)


def tables(values: settings.Settings | None = None) -> Tables:
    """The shipped tables with the owner's rates (``values``: the settings already read, else
    a read of their own; none when no book is open: pure use)."""
    shipped, user = _shipped(), (values or settings.read()).user_rates
    ecb = {dt.date.fromisoformat(r["from"]): Decimal(r["rate"]) for r in shipped["ecb_mro"]}
    for r in user.get("ecb_mro", []):
        ecb[dt.date.fromisoformat(r["from"])] = Decimal(r["rate"])
    known = dt.date.fromisoformat(shipped.get("ecb_known_until", "1970-01-01"))
    if user.get("ecb_known_until"):
        known = max(known, dt.date.fromisoformat(user["ecb_known_until"]))
    if ecb:
        known = max(known, max(ecb))
    legal = {
        r["half"]: (Decimal(r["professional"]), Decimal(r["individual"])) for r in shipped["legal"]
    }
    for r in user.get("legal", []):
        legal[r["half"]] = (Decimal(r["professional"]), Decimal(r["individual"]))
    return Tables(sorted(ecb.items()), known, legal)


def ecb_rate_on(day: dt.date, t: Tables | None = None) -> Rate:
    """The ECB main refinancing rate in force on ``day``."""
    t = t or tables()
    rate = Decimal("0")
    for start, value in t.ecb:
        if start <= day:
            rate = value
    return Rate(rate, day <= t.ecb_known_until)


def ecb_rate_for_half(day: dt.date, t: Tables | None = None) -> Rate:
    """L441-10: the rate in force on 1 January (first half-year) or 1 July (second)."""
    return ecb_rate_on(half_start(day), t)


def legal_rate(day: dt.date, *, individual: bool = False, t: Tables | None = None) -> Rate:
    """The legal interest rate of ``day``'s half-year (last known one if not published)."""
    t = t or tables()
    half = half_of(day)
    if half in t.legal:
        pro, ind = t.legal[half]
        return Rate(ind if individual else pro, True)
    earlier = sorted(h for h in t.legal if h < half)
    if not earlier:
        return Rate(Decimal("0"), False)
    pro, ind = t.legal[earlier[-1]]
    return Rate(ind if individual else pro, False)


def add_ecb_rate(start: dt.date, rate: str) -> None:
    """A new ECB rate from ``start`` (Settings); also marks the table known up to it."""
    check_date_range(start, "in_force_from")
    value = settings.percent(rate)

    def change(user: dict[str, Any]) -> None:
        rows = [r for r in user.get("ecb_mro", []) if r["from"] != start.isoformat()]
        rows.append({"from": start.isoformat(), "rate": f"{value:.2f}"})
        user["ecb_mro"] = sorted(rows, key=lambda r: r["from"])

    _update_user(change)


def confirm_ecb_until(day: dt.date) -> None:
    """The owner checked that the ECB rate did not change up to ``day``."""
    check_date_range(day, "date")
    _update_user(lambda user: user.update(ecb_known_until=day.isoformat()))


def add_legal_rate(half: str, professional: str, individual: str) -> None:
    half = half.strip().upper().replace("S", "H")
    check_ascii_digits(half, "half")  # '٢٠٢٦-H2' is no half-year (issue #11)
    if len(half) != 7 or half[4:6] not in ("-H",) or half[6] not in "12" or not half[:4].isdigit():
        raise UserError(MSG_HALF, field="half", value=half)
    if not FIRST_DATE.year <= int(half[:4]) <= LAST_DATE.year:  # the years Encaisse accepts
        check_date_range(half_start_of(half), "half")
    pro, ind = (
        settings.percent(professional, "professional"),
        settings.percent(individual, "individual"),
    )

    def change(user: dict[str, Any]) -> None:
        rows = [r for r in user.get("legal", []) if r["half"] != half]
        rows.append({"half": half, "professional": f"{pro:.2f}", "individual": f"{ind:.2f}"})
        user["legal"] = sorted(rows, key=lambda r: r["half"])

    _update_user(change)
