"""Late charges, by French law (shared/domain.md §2, §3.1, §4.10). Pure computation
(``compute``) plus the reading of one invoice from the book (``for_invoice``).

- Business clients (``pro``, ``nonprofit``): statutory penalties = balance incl. VAT ×
  annual rate × days late / 365; rate = ECB main refinancing rate in force on 1 January
  (days of January–June) or 1 July (July–December) + 10 points, the late period split
  at 30 June / 31 December, each part at its own rate (§2.1, §2.5). A contractual rate,
  when the company sets one, is used unchanged (with a warning when below 3 × the legal
  rate of the half-year). Plus €40 per late invoice (D441-5, §2.6): not per client,
  never split, no VAT.
- Public buyers: moratorium interest at ECB + 8 points, frozen at the half-year in which
  the lateness began (R2192-31), plus €40.
- Consumers: no €40, ever; interest only from the formal notice, at the legal rate for a
  creditor acting professionally ("tous les autres cas", §3.2), per half-year.
- A client in a collective procedure: nothing accrues from the BODACC notice on and no
  €40 (§4.10).

Days late run from the day after the due date to the as-of date; a partial payment
lowers the base from the day after it is received. Each invoice's total is rounded to
the cent (half-up) at the end; the periods are shown rounded too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from services.core import settings
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.money import plain
from services.followup import rates

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
INDEMNITY = Decimal("40.00")
B2B_POINTS = Decimal("10")
PUBLIC_POINTS = Decimal("8")

WARN_NO_RATE = QT_TRANSLATE_NOOP(
    "Messages",
    "no rate is known yet for {half}: the last known rate ({rate} %) was used — "
    "enter the new rate in Settings",
)
WARN_LOW_RATE = QT_TRANSLATE_NOOP(
    "Messages",
    "the contractual rate of {rate} % is below 3 times the legal interest rate for "
    "{half} ({floor} %): L441-10 does not allow it",
)


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date  # first day counted
    end: dt.date  # last day counted (inclusive)
    base: Decimal
    rate: Decimal  # annual, percent
    amount: Decimal  # unrounded

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "days": self.days,
            "base": plain(self.base),
            "rate": f"{self.rate:.2f}",
            "amount": plain(self.amount.quantize(CENT, ROUND_HALF_UP)),
        }


@dataclass(slots=True)
class Result:
    client_kind: str
    as_of: dt.date
    balance: Decimal  # still due on as_of
    days_late: int
    periods: list[Period] = field(default_factory=list)
    penalties: Decimal = ZERO  # rounded
    indemnity: Decimal = ZERO
    warnings: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    @property
    def total_claimed(self) -> Decimal:
        return self.balance + self.penalties + self.indemnity


def _split_at_halves(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    out = []
    day = start
    while day <= end:
        last = min(rates.half_end(day), end)
        out.append((day, last))
        day = last + dt.timedelta(days=1)
    return out


def _base_changes(
    total: Decimal, payments: Sequence[tuple[dt.date, Decimal]]
) -> list[tuple[dt.date, Decimal]]:
    """(first day at this base, base): a payment received on day P lowers the base from P + 1."""
    out: list[tuple[dt.date, Decimal]] = []
    base = total
    for day, amount in sorted(payments):
        base -= amount
        out.append((day + dt.timedelta(days=1), max(base, ZERO)))
    return out


def _segments(
    start: dt.date,
    end: dt.date,
    total: Decimal,
    payments: Sequence[tuple[dt.date, Decimal]],
    split_halves: bool,
) -> list[tuple[dt.date, dt.date, Decimal]]:
    """The days from ``start`` to ``end`` cut where the base changes (and at half-years)."""
    cuts = {start}
    changes = _base_changes(total, payments)
    for day, _ in changes:
        if start < day <= end:
            cuts.add(day)
    if split_halves:
        for first, _last in _split_at_halves(start, end):
            cuts.add(first)
    ordered = sorted(cuts)
    out = []
    for n, first in enumerate(ordered):
        last = ordered[n + 1] - dt.timedelta(days=1) if n + 1 < len(ordered) else end
        base = total - sum((a for d, a in payments if d < first), ZERO)
        if base > 0:
            out.append((first, last, base))
    return out


def compute(
    *,
    client_kind: str,
    total: Decimal,
    due_date: dt.date,
    as_of: dt.date,
    payments: Sequence[tuple[dt.date, Decimal]] = (),
    formal_notice_on: dt.date | None = None,
    collective_procedure_on: dt.date | None = None,
    contractual_rate: Decimal | None = None,
    t: rates.Tables | None = None,
) -> Result:
    """Late charges of one invoice as of ``as_of`` (payments: (date received, amount))."""
    t = t or rates.tables()
    paid_by = [(d, a) for d, a in payments if d <= as_of]
    balance = total - sum((a for _, a in paid_by), ZERO)
    last_unpaid = as_of
    if balance <= 0 and paid_by:  # paid in full: late until the day the last of it came in
        last_unpaid = max(d for d, _ in paid_by)
    result = Result(client_kind, as_of, balance, max(0, (last_unpaid - due_date).days))
    end = as_of
    if collective_procedure_on is not None and collective_procedure_on <= as_of:
        end = min(end, collective_procedure_on - dt.timedelta(days=1))
    late_at_due = total - sum((a for d, a in paid_by if d <= due_date), ZERO) > 0
    if client_kind == "consumer":
        if formal_notice_on is None:
            return result
        start = max(due_date, formal_notice_on) + dt.timedelta(days=1)
    else:
        start = due_date + dt.timedelta(days=1)
    unknown: set[str] = set()
    if client_kind == "public":
        frozen = rates.ecb_rate_for_half(start, t)
        if not frozen.known:
            unknown.add(rates.half_of(start))
        fixed_rate = frozen.percent + PUBLIC_POINTS
    for first, last, base in _segments(
        start, end, total, paid_by, split_halves=client_kind != "public"
    ):
        if client_kind == "public":
            rate = fixed_rate
        elif client_kind == "consumer":
            legal = rates.legal_rate(first, t=t)
            if not legal.known:
                unknown.add(rates.half_of(first))
            rate = legal.percent
        elif contractual_rate is not None:
            rate = contractual_rate
            floor = rates.legal_rate(first, t=t).percent * 3
            if rate < floor:
                warning = (
                    WARN_LOW_RATE,
                    {"rate": f"{rate:.2f}", "half": rates.half_of(first), "floor": f"{floor:.2f}"},
                )
                if warning not in result.warnings:
                    result.warnings.append(warning)
        else:
            ecb = rates.ecb_rate_for_half(first, t)
            if not ecb.known:
                unknown.add(rates.half_of(first))
            rate = ecb.percent + B2B_POINTS
        days = (last - first).days + 1
        result.periods.append(Period(first, last, base, rate, base * rate / 100 * days / 365))
    result.penalties = sum((p.amount for p in result.periods), Decimal(0)).quantize(
        CENT, ROUND_HALF_UP
    )
    in_procedure = collective_procedure_on is not None and collective_procedure_on <= as_of
    if client_kind != "consumer" and late_at_due and as_of > due_date and not in_procedure:
        result.indemnity = INDEMNITY
    for half in sorted(unknown):
        used = (
            rates.legal_rate(rates.half_start_of(half), t=t).percent
            if client_kind == "consumer"
            else rates.ecb_rate_on(rates.half_start_of(half), t).percent
        )
        result.warnings.append((WARN_NO_RATE, {"half": half, "rate": f"{used:.2f}"}))
    return result


def for_invoice(number: str, as_of: dt.date | None = None) -> tuple[Any, Result]:
    """Read one invoice (its payments, the client, its formal notice) and compute."""
    from sqlalchemy import select

    from models import Allocation, Client, DunningRecord, Invoice
    from services.core import clock, db, lookups

    as_of = as_of or clock.today()
    with db.reading() as s:
        invoice = s.get(Invoice, lookups.invoice_id(s, number))
        assert invoice is not None  # just found in this session
        client = s.get(Client, invoice.client_id)
        assert client is not None
        paid = [
            (a.date, a.amount)
            for a in s.scalars(
                select(Allocation).where(
                    Allocation.invoice_id == invoice.id, Allocation.date <= as_of
                )
            )
            if a.removed_on is None or a.removed_on > as_of
        ]
        notice = s.scalar(
            select(DunningRecord.on)
            .where(
                DunningRecord.invoice_id == invoice.id,
                DunningRecord.action == "formal_notice",
                DunningRecord.status == "done",
                DunningRecord.on <= as_of,
            )
            .order_by(DunningRecord.on)
            .limit(1)
        )
        data = (
            invoice.number,
            client.kind,
            invoice.total,
            invoice.due_date,
            client.collective_procedure_on,
        )
        values = settings.load(s)
    number_, kind, total, due, procedure = data
    result = compute(
        client_kind=kind,
        total=total,
        due_date=due,
        as_of=as_of,
        payments=paid,
        formal_notice_on=notice,
        collective_procedure_on=procedure,
        contractual_rate=values.contractual_rate if kind in ("pro", "nonprofit") else None,
        t=rates.tables(values),
    )
    return number_, result


def to_json(number: str, result: Result) -> dict[str, Any]:
    return {
        "invoice": number,
        "as_of": result.as_of.isoformat(),
        "client_kind": result.client_kind,
        "balance": plain(result.balance),
        "days_late": result.days_late,
        "periods": [p.to_json() for p in result.periods],
        "penalties": plain(result.penalties),
        "indemnity": plain(result.indemnity),
        "total_claimed": plain(result.total_claimed),
        "warnings": [text.format(**params) for text, params in result.warnings],
    }
