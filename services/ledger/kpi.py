"""What the owner is owed, how late, by whom, as of any date (issue #14; formulas of
shared/domain.md §6), per currency — currencies are never added together.

- ``receivable``: the open invoices' balances (not due + overdue); ``overdue_ratio`` =
  overdue / receivable (taux d'échu, §6.2);
- ``dso_countback`` (§6.1, méthode par épuisement): the receivable is consumed by the
  sales of the periods going back from the date (the current month to the date, then whole
  months), each consumed period adding its days, the last one its share; ``dso_accounting``
  (§6.1, méthode comptable): receivable / sales of the last 365 days × 365. No sales to
  divide by: ``None`` (undefined), never 0;
- ``average_payment_delay``: over the last 12 months, the payments set against invoices,
  weighted by amount, days from the due date to the payment (negative: paid early);
- ``weighted_days_late`` (§6.4): Σ balance × days late / Σ balance over overdue invoices;
- ``due_7_days`` / ``due_30_days``: open balances falling due after the date, within 7 / 30
  days; ``disputed``: open balances in dispute;
- ``aged``: the aged balance's bands (services.ledger.aged) with the credits apart;
- ``top_debtors`` (the 10 biggest), ``top5_share`` and ``hhi`` (§6.4: Σ share²) over the
  clients who owe something.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select

from models import Allocation, Invoice
from services.core import db
from services.core.money import ZERO, from_sql
from services.ledger import aged as aged_service
from services.ledger.open_items import open_items

#: how far back the count-back goes before saying the DSO cannot be told
COUNTBACK_MONTHS = 36
TOP = 10


@dataclass(slots=True)
class Figures:
    """The KPIs of one currency on one date (``None``: undefined, e.g. no sales)."""

    currency: str
    receivable: Decimal = ZERO
    not_due: Decimal = ZERO
    overdue: Decimal = ZERO
    overdue_ratio: Decimal | None = None
    dso_countback: Decimal | None = None
    dso_accounting: Decimal | None = None
    average_payment_delay: Decimal | None = None
    weighted_days_late: Decimal | None = None
    due_7_days: Decimal = ZERO
    due_30_days: Decimal = ZERO
    disputed: Decimal = ZERO
    aged: dict[str, Decimal] = field(default_factory=dict)
    top_debtors: list[tuple[str, Decimal, Decimal | None]] = field(default_factory=list)
    top5_share: Decimal | None = None
    hhi: Decimal | None = None


def _ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    return (part / whole).quantize(Decimal("0.0001"), ROUND_HALF_UP) if whole else None


def _days(value: Decimal) -> Decimal:
    """Days to one decimal, half to even (§6.1's worked example: 53.25 days is "53.2")."""
    return value.quantize(Decimal("0.1"), ROUND_HALF_EVEN)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _periods(as_of: dt.date, months: int) -> list[tuple[dt.date, dt.date]]:
    """The current month up to ``as_of``, then whole months going back: (first, last)."""
    out = [(month_start(as_of), as_of)]
    year, month = as_of.year, as_of.month
    for _ in range(months):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append((dt.date(year, month, 1), month_end(year, month)))
    return out


def countback(receivable: Decimal, sales: Iterable[tuple[int, Decimal]]) -> Decimal | None:
    """§6.1 count-back: ``sales`` are (days, sales) of the periods, newest first. The days
    of every period the receivable uses up whole, plus the share of the one it runs out in;
    ``None`` when the sales given do not cover it (the DSO cannot be told)."""
    left, days = receivable, Decimal(0)
    if left <= 0:
        return Decimal("0.0")
    for length, amount in sales:
        if amount > 0 and left <= amount:
            return _days(days + left / amount * length)
        days += length
        left -= max(amount, ZERO)
    return None


def _sales_by_period(s: Any, periods: list[tuple[dt.date, dt.date]]) -> dict[str, list[Decimal]]:
    """Per currency, the sales incl. VAT of each period (invoices less credit notes)."""
    first = periods[-1][0]
    rows = s.execute(
        select(Invoice.currency, Invoice.kind, Invoice.issue_date, Invoice.total).where(
            Invoice.issue_date >= first, Invoice.issue_date <= periods[0][1]
        )
    )
    out: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO] * len(periods))
    starts = [p[0] for p in periods]
    for currency, kind, issue, total in rows:
        index = next(n for n, start in enumerate(starts) if issue >= start)
        amount = from_sql(total)
        out[currency][index] += -amount if kind == "credit_note" else amount
    return out


def _payment_delays(s: Any, as_of: dt.date) -> dict[str, tuple[Decimal, Decimal]]:
    """Per currency over the 12 months to ``as_of``: (Σ amount × days, Σ amount) of what was
    set against invoices (an allocation taken back by ``as_of`` does not count)."""
    since = as_of - dt.timedelta(days=365)
    rows = s.execute(
        select(Invoice.currency, Invoice.due_date, Allocation.date, Allocation.amount)
        .join(Invoice, Invoice.id == Allocation.invoice_id)
        .where(
            Allocation.date > since,
            Allocation.date <= as_of,
            (Allocation.removed_on.is_(None)) | (Allocation.removed_on > as_of),
        )
    )
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for currency, due, paid_on, amount in rows:
        value = from_sql(amount)
        weighted, total = out.get(currency, (ZERO, ZERO))
        out[currency] = (weighted + value * (paid_on - due).days, total + value)
    return out


def figures(as_of: dt.date) -> dict[str, Figures]:
    """Every KPI on ``as_of``, per currency (EUR first)."""
    every = open_items(as_of)  # read once: the aged balance and the figures below share them
    report = aged_service.aged_balance(as_of, items=every)
    items = [i for i in every if i.kind == "invoice" and i.balance > 0]
    periods = _periods(as_of, COUNTBACK_MONTHS)
    with db.reading() as s:
        sales = _sales_by_period(s, periods)
        delays = _payment_delays(s, as_of)
    out: dict[str, Figures] = {}
    currencies = set(report.totals) | {i.currency for i in items} | set(delays)
    for currency in sorted(currencies, key=lambda c: (c != "EUR", c)):
        f = Figures(currency)
        mine = [i for i in items if i.currency == currency]
        f.not_due = sum((i.balance for i in mine if i.status != "overdue"), ZERO)
        f.overdue = sum((i.balance for i in mine if i.status == "overdue"), ZERO)
        f.receivable = f.not_due + f.overdue
        f.overdue_ratio = _ratio(f.overdue, f.receivable)
        per_period = sales.get(currency, [ZERO] * len(periods))
        lengths = [(last - first).days + 1 for first, last in periods]
        f.dso_countback = countback(f.receivable, zip(lengths, per_period, strict=True))
        year_sales = _sales_last_year(per_period, periods, as_of)
        f.dso_accounting = _days(f.receivable / year_sales * 365) if year_sales > 0 else None
        weighted, paid = delays.get(currency, (ZERO, ZERO))
        f.average_payment_delay = _days(weighted / paid) if paid else None
        late = [i for i in mine if i.status == "overdue"]
        late_total = sum((i.balance for i in late), ZERO)
        f.weighted_days_late = (
            _days(sum((i.balance * i.days_late for i in late), ZERO) / late_total)
            if late_total
            else None
        )
        f.due_7_days = sum((i.balance for i in mine if 0 < (i.due_date - as_of).days <= 7), ZERO)
        f.due_30_days = sum((i.balance for i in mine if 0 < (i.due_date - as_of).days <= 30), ZERO)
        f.disputed = sum((i.balance for i in mine if i.disputed), ZERO)
        total_row = report.totals.get(currency)
        names = [*report.buckets, aged_service.UNALLOCATED]
        f.aged = {n: (total_row.amounts[n] if total_row else ZERO) for n in names}
        owing = sorted(
            ((r.client, r.total) for r in report.rows if r.currency == currency and r.total > 0),
            key=lambda pair: (-pair[1], pair[0]),
        )
        whole = sum((b for _c, b in owing), ZERO)
        f.top_debtors = [(code, balance, _ratio(balance, whole)) for code, balance in owing[:TOP]]
        f.top5_share = _ratio(sum((b for _c, b in owing[:5]), ZERO), whole)
        f.hhi = (
            sum(((b / whole) ** 2 for _c, b in owing), ZERO).quantize(
                Decimal("0.0001"), ROUND_HALF_UP
            )
            if whole
            else None
        )
        out[currency] = f
    return out


def _sales_last_year(
    per_period: list[Decimal], periods: list[tuple[dt.date, dt.date]], as_of: dt.date
) -> Decimal:
    """The sales of the 365 days to ``as_of``, from the periods (whole months approximated
    by the share of their days inside the window)."""
    since = as_of - dt.timedelta(days=364)
    total = ZERO
    for (first, last), amount in zip(periods, per_period, strict=True):
        if last < since:
            break
        inside = (last - max(first, since)).days + 1
        length = (last - first).days + 1
        total += amount * inside / length
    return total


def history(as_of: dt.date, months: int) -> list[tuple[dt.date, dict[str, Figures]]]:
    """The KPIs at each of the last ``months`` month ends (the current month counts as its
    end when ``as_of`` is that end), each computed as of that date, oldest first."""
    ends: list[dt.date] = []
    year, month = as_of.year, as_of.month
    if as_of != month_end(year, month):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    for _ in range(months):
        ends.append(month_end(year, month))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return [(end, figures(end)) for end in reversed(ends)]
