"""Rate tables for late-payment penalties and interest (shared/domain.md §2.2–2.3).

Shipped in ``resources/data/rates.json`` (the ECB main refinancing rate from 11 July 2012,
the two legal interest rates from 2015-H1, each row with its source); rates the owner adds
(Settings, ``rates`` command) are kept in the book with their official reference and take
precedence.

- A date before a table's first row is refused (:class:`UserError` naming the date), never
  computed at 0 % (issue #13).
- A half-year whose rate is not entered yet: the last known rate is used and the caller is
  told (``known`` is False), so the figure is flagged *provisional* (services.followup.penalties)
  and an alert says which half-year's rates are missing (:func:`missing_halves`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from services.core import db, settings
from services.core.errors import UserError
from services.core.i18n import FIELD_LABELS, QT_TRANSLATE_NOOP
from services.core.paths import resource_path
from services.core.terms import FIRST_DATE, LAST_DATE, check_date_range
from services.core.text import check_ascii_digits, clean_text

MSG_HALF = QT_TRANSLATE_NOOP("Messages", "{value} is not a half-year (e.g. 2026-H2)")
MSG_BEFORE_ECB = QT_TRANSLATE_NOOP(
    "Messages",
    "no ECB rate is known for {date}: the table starts on {first}. Enter the rate in force "
    "on that date in Settings, with its official reference",
)
MSG_BEFORE_LEGAL = QT_TRANSLATE_NOOP(
    "Messages",
    "no legal interest rate is known for {date} ({half}): the table starts with {first}. "
    "Enter that half-year's rates in Settings, with their official reference",
)
MSG_RATE_RANGE = QT_TRANSLATE_NOOP("Messages", "{value} % is not a rate between 0 and 30 %")
MSG_NO_REFERENCE = QT_TRANSLATE_NOOP(
    "Messages",
    "give the rate's official reference (the ECB decision's date, the arrêté's date or text)",
)

FIELD_LABELS.update({"rate_reference": QT_TRANSLATE_NOOP("Fields", "Official reference")})

#: an ECB or legal rate entered by the owner lies in this range (issue #13)
RATE_RANGE = (Decimal("0"), Decimal("30"))


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


def next_half(half: str) -> str:
    """'2026-H1' -> '2026-H2' -> '2027-H1'."""
    year = int(half[:4])
    return f"{year}-H2" if half.endswith("1") else f"{year + 1}-H1"


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
    #: where each row comes from: the shipped row's source, the owner's official reference
    ecb_sources: dict[dt.date, str] = field(default_factory=dict)
    legal_sources: dict[str, str] = field(default_factory=dict)
    ecb_known_source: str = ""

    def ecb_first(self) -> dt.date | None:
        return self.ecb[0][0] if self.ecb else None

    def legal_first(self) -> str | None:
        return min(self.legal) if self.legal else None

    def ecb_known_for(self, half: str) -> bool:
        """The ECB rate in force on the half-year's first day is known (L441-10 II)."""
        return half_start_of(half) <= self.ecb_known_until

    def complete(self, half: str) -> bool:
        """Both the ECB rate of its first day and its legal rates are entered."""
        return half in self.legal and self.ecb_known_for(half)


def tables(values: settings.Settings | None = None) -> Tables:
    """The shipped tables with the owner's rates (``values``: the settings already read, else
    a read of their own; none when no book is open: pure use)."""
    shipped, user = _shipped(), (values or settings.read()).user_rates
    ecb: dict[dt.date, Decimal] = {}
    ecb_sources: dict[dt.date, str] = {}
    for r in shipped["ecb_mro"]:
        day = dt.date.fromisoformat(r["from"])
        ecb[day], ecb_sources[day] = Decimal(r["rate"]), r.get("source", "")
    for r in user.get("ecb_mro", []):
        day = dt.date.fromisoformat(r["from"])
        ecb[day], ecb_sources[day] = Decimal(r["rate"]), r.get("reference", "")
    known = dt.date.fromisoformat(shipped.get("ecb_known_until", "1970-01-01"))
    known_source = shipped.get("ecb_known_until_source", "")
    if user.get("ecb_known_until"):
        mine = dt.date.fromisoformat(user["ecb_known_until"])
        if mine > known:
            known, known_source = mine, user.get("ecb_known_reference", "")
    if ecb and max(ecb) > known:
        known, known_source = max(ecb), ecb_sources[max(ecb)]
    legal: dict[str, tuple[Decimal, Decimal]] = {}
    legal_sources: dict[str, str] = {}
    for r in shipped["legal"]:
        legal[r["half"]] = (Decimal(r["professional"]), Decimal(r["individual"]))
        legal_sources[r["half"]] = r.get("source", "")
    for r in user.get("legal", []):
        legal[r["half"]] = (Decimal(r["professional"]), Decimal(r["individual"]))
        legal_sources[r["half"]] = r.get("reference", "")
    return Tables(sorted(ecb.items()), known, legal, ecb_sources, legal_sources, known_source)


def ecb_rate_on(day: dt.date, t: Tables | None = None) -> Rate:
    """The ECB main refinancing rate in force on ``day``; a day before the table's first row
    is refused (issue #13: it was computed at 0 %)."""
    t = t or tables()
    first = t.ecb_first()
    if first is None or day < first:
        raise UserError(
            MSG_BEFORE_ECB, date=day.isoformat(), first=first.isoformat() if first else "—"
        )
    rate = t.ecb[0][1]
    for start, value in t.ecb:
        if start > day:
            break
        rate = value
    return Rate(rate, day <= t.ecb_known_until)


def ecb_rate_for_half(day: dt.date, t: Tables | None = None) -> Rate:
    """L441-10: the rate in force on 1 January (first half-year) or 1 July (second)."""
    return ecb_rate_on(half_start(day), t)


def legal_rate(day: dt.date, *, individual: bool = False, t: Tables | None = None) -> Rate:
    """The legal interest rate of ``day``'s half-year (last known one, ``known`` False, if not
    entered yet); a half-year before the table's first is refused (issue #13)."""
    t = t or tables()
    half = half_of(day)
    first = t.legal_first()
    if first is None or half < first:
        raise UserError(MSG_BEFORE_LEGAL, date=day.isoformat(), half=half, first=first or "—")
    if half in t.legal:
        pro, ind = t.legal[half]
        return Rate(ind if individual else pro, True)
    earlier = max(h for h in t.legal if h < half)
    pro, ind = t.legal[earlier]
    return Rate(ind if individual else pro, False)


def missing_halves(as_of: dt.date, t: Tables | None = None) -> list[str]:
    """The half-years up to ``as_of``'s whose rates (the ECB rate of their first day, or the
    legal rates) are not entered yet, oldest first — from the first day of each half-year
    (the rates_missing alert, issue #13)."""
    t = t or tables()
    now = half_of(as_of)
    starts = [next_half(half_of(t.ecb_known_until))]
    if t.legal:
        starts.append(next_half(max(t.legal)))
    half, out = min(starts), []
    while half <= now:
        if not t.complete(half):
            out.append(half)
        half = next_half(half)
    return out


def _rate(text: str, field_name: str) -> Decimal:
    """A rate the owner enters for a table: a percentage from 0 to 30 % (issue #13)."""
    value = settings.percent(text, field_name)
    if not RATE_RANGE[0] <= value <= RATE_RANGE[1]:
        raise UserError(MSG_RATE_RANGE, field=field_name, value=str(text).replace("%", "").strip())
    return value


def _reference(text: str) -> str:
    """The official reference of a rate entered (required, issue #13)."""
    clean = clean_text(text, "rate_reference").strip()
    if not clean:
        raise UserError(MSG_NO_REFERENCE, field="rate_reference")
    return clean


def add_ecb_rate(start: dt.date, rate: str, reference: str) -> None:
    """A new ECB rate from ``start`` (Settings, ``rates add-ecb``) with its official reference
    (the ECB decision's date); also marks the table known up to it."""
    check_date_range(start, "in_force_from")
    value = _rate(rate, "rate")
    source = _reference(reference)

    def change(user: dict[str, Any]) -> None:
        rows = [r for r in user.get("ecb_mro", []) if r["from"] != start.isoformat()]
        rows.append({"from": start.isoformat(), "rate": f"{value:.2f}", "reference": source})
        user["ecb_mro"] = sorted(rows, key=lambda r: r["from"])

    _update_user(change)


def confirm_ecb_until(day: dt.date, reference: str) -> None:
    """The owner checked that the ECB rate did not change up to ``day`` (``reference``: the
    ECB decision that kept it, e.g. "ECB meeting of 5 June 2026")."""
    check_date_range(day, "date")
    source = _reference(reference)
    _update_user(
        lambda user: user.update(ecb_known_until=day.isoformat(), ecb_known_reference=source)
    )


def parse_half(text: str) -> str:
    """'2026-h2', '2026-S2' -> '2026-H2'; anything else is refused naming the field."""
    half = text.strip().upper().replace("S", "H")
    check_ascii_digits(half, "half")  # '٢٠٢٦-H2' is no half-year (issue #11)
    if len(half) != 7 or half[4:6] not in ("-H",) or half[6] not in "12" or not half[:4].isdigit():
        raise UserError(MSG_HALF, field="half", value=half)
    if not FIRST_DATE.year <= int(half[:4]) <= LAST_DATE.year:  # the years Encaisse accepts
        check_date_range(half_start_of(half), "half")
    return half


def add_legal_rate(half: str, professional: str, individual: str, reference: str) -> None:
    """A half-year's two legal rates (Settings, ``rates add-legal``) with their official
    reference (the arrêté's date or text)."""
    half = parse_half(half)
    pro, ind = _rate(professional, "professional"), _rate(individual, "individual")
    source = _reference(reference)

    def change(user: dict[str, Any]) -> None:
        rows = [r for r in user.get("legal", []) if r["half"] != half]
        rows.append(
            {
                "half": half,
                "professional": f"{pro:.2f}",
                "individual": f"{ind:.2f}",
                "reference": source,
            }
        )
        user["legal"] = sorted(rows, key=lambda r: r["half"])

    _update_user(change)
