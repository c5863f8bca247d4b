"""Payment terms: parse the words people write, compute the due date.

shared/domain.md §1.2 — "N jours fin de mois" has two accepted methods,
a company setting: method A ``EOM(date + N)``, method B ``EOM(date) + N``.
"N jours fin de mois le J": the N-days-end-of-month date is computed with
the company's method, then payment falls on day J of the following month.
§1.1 — legal caps of L441-10 for business clients: 60 days from the
invoice date, or 45 days end of month; beyond both we warn, never refuse.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.text import check_ascii_digits, fold

ON_RECEIPT = "on_receipt"
NET = "net"
EOM = "eom"
EOM_DAY = "eom_day"
FIXED = "fixed"

METHOD_A = "A"
METHOD_B = "B"

MSG_UNKNOWN = QT_TRANSLATE_NOOP(
    "Messages",
    "'{text}' is not understood. Examples: 'à réception', '30 jours', "
    "'45 jours fin de mois', '30 jours fin de mois le 10', 'le 15/03/2026'.",
)
MSG_DAYS = QT_TRANSLATE_NOOP("Messages", "the number of days must be between 0 and 365.")
MSG_DAY_OF_MONTH = QT_TRANSLATE_NOOP("Messages", "the day of the month must be between 1 and 31.")
MSG_BAD_DATE = QT_TRANSLATE_NOOP("Messages", "'{text}' is not a valid date.")
MSG_DATE_RANGE = QT_TRANSLATE_NOOP(
    "Messages", "{date} is outside the dates Encaisse accepts ({first} to {last})."
)

#: Every date a user gives is within these (issue #11): beyond them, date arithmetic
#: overflows (9999-12-31 + 30 days) or gives absurd results (0001-01-01: 739,921 days late).
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)
WARN_LEGAL_CAP = QT_TRANSLATE_NOOP(
    "Messages",
    "The due date {due} exceeds both legal caps for a business client "
    "(60 days: {cap60}; 45 days end of month: {cap45}) — art. L441-10 of the Code de commerce.",
)


@dataclass(frozen=True)
class Terms:
    kind: str
    days: int = 0
    day: int = 0
    fixed_date: dt.date | None = None

    def describe(self, language: str = "fr") -> str:
        """Canonical wording in French or English."""
        if self.kind == ON_RECEIPT:
            return "à réception" if language == "fr" else "on receipt"
        if self.kind == NET:
            return f"{self.days} jours" if language == "fr" else f"net {self.days}"
        if self.kind == EOM:
            return (
                f"{self.days} jours fin de mois"
                if language == "fr"
                else f"{self.days} days end of month"
            )
        if self.kind == EOM_DAY:
            if language == "fr":
                return f"{self.days} jours fin de mois le {self.day}"
            return f"{self.days} days end of month on the {_ordinal(self.day)}"
        assert self.fixed_date is not None
        if language == "fr":
            return f"le {self.fixed_date:%d/%m/%Y}"
        return f"on {self.fixed_date.isoformat()}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_RECEIPT = re.compile(
    r"^(a reception|reception|a reception de facture|des reception|comptant|"
    r"paiement comptant|on receipt|upon receipt|due on receipt|immediate|immediately|cash)$"
)
_NET = re.compile(
    r"^(?:net\s*(?P<a>\d+)(?:\s*days?)?|(?P<b>\d+)\s*(?:jours?|j|days?|d)(?:\s*(?:nets?|net))?"
    r"(?:\s*date de facture)?)$"
)
_EOM = re.compile(
    r"^(?:net\s*)?(?P<n>\d+)\s*(?:jours?|j|days?|d)?\s*(?:nets?\s*)?"
    r"(?:fin de mois|fdm|end of (?:the )?month|eom)"
    r"(?:\s*(?:,\s*)?(?:le|on the|on|the)\s*(?P<day>\d{1,2})(?:er|e|eme|st|nd|rd|th)?)?$"
)
_FIXED = re.compile(
    r"^(?:(?:le|date fixe|date fixe le|fixed|fixed date|on|payable le)\s*:?\s*)?"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})$"
)


def check_date_range(day: dt.date, field: str = "date") -> dt.date:
    """``day`` itself when within :data:`FIRST_DATE` … :data:`LAST_DATE`; a UserError
    naming ``field`` otherwise.  For dates that come as ``date`` objects (the editors)."""
    if isinstance(day, dt.datetime):
        day = day.date()
    if not FIRST_DATE <= day <= LAST_DATE:
        raise UserError(
            MSG_DATE_RANGE,
            field=field,
            date=day.isoformat(),
            first=FIRST_DATE.isoformat(),
            last=LAST_DATE.isoformat(),
        )
    return day


def parse_date(text: str, field: str = "date") -> dt.date:
    """'YYYY-MM-DD' or 'DD/MM/YYYY' (digits 0-9 only) into a date between
    :data:`FIRST_DATE` and :data:`LAST_DATE`; a UserError naming ``field`` otherwise."""
    raw = (text or "").strip()
    check_ascii_digits(raw, field)
    day: dt.date | None = None
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", raw):
            y, m, d = (int(p) for p in raw.split("-"))
            day = dt.date(y, m, d)
        elif re.fullmatch(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}", raw):
            d, m, y = (int(p) for p in raw.split("/"))
            day = dt.date(y, m, d)
    except ValueError:
        pass
    if day is None:
        raise UserError(MSG_BAD_DATE, field=field, text=raw)
    return check_date_range(day, field)


def parse_terms(text: str, field: str = "terms") -> Terms:
    """Understand French and English payment terms; raise UserError otherwise."""
    raw = (text or "").strip()
    check_ascii_digits(raw, field)  # int() would read '٣٠ jours' as 30 days
    folded = fold(raw)
    if (m := _FIXED.match(folded)) is not None:
        return Terms(FIXED, fixed_date=parse_date(m["date"], field))
    key = re.sub(r"\s+", " ", folded.replace("-", " ").replace(".", "")).strip()
    if _RECEIPT.match(key):
        return Terms(ON_RECEIPT)
    if (m := _EOM.match(key)) is not None:
        days = _check_days(int(m["n"]), field)
        if m["day"]:
            day = int(m["day"])
            if not 1 <= day <= 31:
                raise UserError(MSG_DAY_OF_MONTH, field=field)
            return Terms(EOM_DAY, days=days, day=day)
        return Terms(EOM, days=days)
    if (m := _NET.match(key)) is not None:
        days = _check_days(int(m["a"] or m["b"]), field)
        return Terms(NET, days=days) if days else Terms(ON_RECEIPT)
    raise UserError(MSG_UNKNOWN, field=field, text=raw)


def _check_days(days: int, field: str) -> int:
    if not 0 <= days <= 365:
        raise UserError(MSG_DAYS, field=field)
    return days


def end_of_month(day: dt.date) -> dt.date:
    return day + relativedelta(day=31)


def eom_due(issue: dt.date, days: int, method: str = METHOD_A) -> dt.date:
    """shared/domain.md §1.2: A = EOM(date + N); B = EOM(date) + N."""
    if method == METHOD_B:
        return end_of_month(issue) + dt.timedelta(days=days)
    return end_of_month(issue + dt.timedelta(days=days))


def due_date(issue: dt.date, terms: Terms, method: str = METHOD_A) -> dt.date:
    """The due date of an invoice issued on ``issue`` under ``terms``."""
    if terms.kind == ON_RECEIPT:
        return issue
    if terms.kind == NET:
        return issue + dt.timedelta(days=terms.days)
    if terms.kind == EOM:
        return eom_due(issue, terms.days, method)
    if terms.kind == EOM_DAY:
        base = eom_due(issue, terms.days, method)
        following = base.replace(day=1) + relativedelta(months=1)
        return following + relativedelta(day=terms.day)  # clamps 31 to the month's end
    assert terms.fixed_date is not None
    return terms.fixed_date


def legal_cap_warning(
    issue: dt.date, due: dt.date, client_kind: str, method: str = METHOD_A
) -> tuple[str, dict[str, str]] | None:
    """(message, params) when ``due`` exceeds both L441-10 caps for a ``pro`` client."""
    if client_kind != "pro":
        return None
    cap60 = issue + dt.timedelta(days=60)
    cap45 = eom_due(issue, 45, method)
    if due > cap60 and due > cap45:
        return WARN_LEGAL_CAP, {
            "due": due.isoformat(),
            "cap60": cap60.isoformat(),
            "cap45": cap45.isoformat(),
        }
    return None
