"""Late charges, by French law (shared/domain.md §2, §3.1, §3.5, §4.10). Pure computation
(``compute``) plus the reading of one invoice from the book (``for_invoice``).

- Business clients (``pro``, and ``nonprofit`` acting for its professional activity):
  statutory penalties = balance incl. VAT × annual rate × days late / 365; rate = ECB main
  refinancing rate in force on 1 January (days of January–June) or 1 July (July–December)
  + 10 points, the late period split at 30 June / 31 December, each part at its own rate
  (§2.1, §2.5). A contractual rate, when the company sets one, is used unchanged (with a
  warning when below 3 × the legal rate of the half-year). Plus €40 per late invoice
  (D441-5, §2.6): not per client, never split, no VAT.
- Public buyers: moratorium interest at ECB + 8 points, frozen at the half-year in which
  the lateness began (R2192-31), plus €40.
- Consumers, and non-profit legal persons not acting professionally (§2.6.1): no €40,
  ever; interest only from the day after the formal notice, at the legal rate for a
  creditor acting professionally ("tous les autres cas", §3.2), per half-year.
- A client in a collective procedure: nothing accrues from the opening on (also when it
  opened before the due date) and no €40 (§4.10).

Days late run from the day after the due date to the as-of date; nothing accrues before
the due date and no amount is ever negative. A partial payment lowers the base from the
day after it is received — by all of it (default: principal first, the conservative
claim) or, with the setting ``payments_to_penalties_first`` (C. civ. 1343-1, §3.5), by
what is left once it has paid the penalties accrued to its date. Each period's amount is
rounded to the cent (half-up) and the penalties are the sum of the rounded periods, so
what is printed adds up.

A half-year whose rate is not entered yet is computed with the last known rate and the
result is ``provisional`` (with a warning naming the half-year); a date before a rate
table's first row is refused (services.followup.rates).
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
    "no rate is known yet for {half}: the last known rate ({rate} %) was used, so the "
    "amount is provisional — enter the new rate in Settings",
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
    amount: Decimal  # rounded to the cent, half-up (the total is the sum of these)

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
            "amount": plain(self.amount),
        }


@dataclass(slots=True)
class Result:
    client_kind: str
    as_of: dt.date
    balance: Decimal  # still due on as_of (the invoice's total less every payment)
    days_late: int
    periods: list[Period] = field(default_factory=list)
    penalties: Decimal = ZERO  # the sum of the rounded periods
    indemnity: Decimal = ZERO
    warnings: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    #: a half-year's rate is not entered yet: the last known one was used
    provisional: bool = False
    #: C. civ. 1343-1 (setting on): the part of the partial payments that paid penalties
    #: accrued to their date rather than the principal. ``balance + penalties`` is what is
    #: owed either way; split by the law it is principal ``balance + paid_to_penalties``
    #: and penalties ``penalties - paid_to_penalties``.
    paid_to_penalties: Decimal = ZERO

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


def _cuts(
    start: dt.date,
    end: dt.date,
    payments: Sequence[tuple[dt.date, Decimal]],
    split_halves: bool,
) -> list[tuple[dt.date, dt.date]]:
    """The days from ``start`` to ``end`` cut where the base may change (a payment received
    on day P lowers it from P + 1) and, when ``split_halves``, at 30 June / 31 December.
    None when ``start`` is after ``end``."""
    if start > end:
        return []
    cuts = {start}
    for day, _amount in payments:
        if start < day + dt.timedelta(days=1) <= end:
            cuts.add(day + dt.timedelta(days=1))
    if split_halves:
        for first, _last in _split_at_halves(start, end):
            cuts.add(first)
    ordered = sorted(cuts)
    return [
        (first, ordered[n + 1] - dt.timedelta(days=1) if n + 1 < len(ordered) else end)
        for n, first in enumerate(ordered)
    ]


def regime(client_kind: str, acts_professionally: bool) -> str:
    """How the late charges are computed: "l441" (L441-10: ECB + 10 per half-year or the
    contractual rate, €40), "public" (ECB + 8 frozen, €40), "legal" (legal interest from
    the formal notice, no €40: consumers, §3.1, and non-profits not acting professionally,
    §2.6.1)."""
    if client_kind == "public":
        return "public"
    if client_kind == "consumer" or (client_kind == "nonprofit" and not acts_professionally):
        return "legal"
    return "l441"


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
    acts_professionally: bool = False,
    payments_to_penalties_first: bool = False,
    t: rates.Tables | None = None,
) -> Result:
    """Late charges of one invoice as of ``as_of`` (payments: (date received, amount)).

    ``acts_professionally``: a ``nonprofit`` client buying for its professional activity
    owes L441-10 like a ``pro`` (§2.6.1). ``payments_to_penalties_first``: C. civ. 1343-1
    (§3.5), a partial payment pays the penalties accrued to its date first. A date before
    a rate table's first row raises a UserError naming it."""
    t = t or rates.tables()
    rule = regime(client_kind, acts_professionally)
    paid_by = sorted((d, a) for d, a in payments if d <= as_of)
    balance = total - sum((a for _, a in paid_by), ZERO)
    last_unpaid = as_of
    if balance <= 0 and paid_by:  # paid in full: late until the day the last of it came in
        last_unpaid = max(d for d, _ in paid_by)
    result = Result(client_kind, as_of, balance, max(0, (last_unpaid - due_date).days))
    # §4.10: nothing accrues from the opening of a collective procedure on (the day before
    # it is the last day counted), even when it opened before the due date
    in_procedure = collective_procedure_on is not None and collective_procedure_on <= as_of
    end = as_of
    if collective_procedure_on is not None:
        end = min(end, collective_procedure_on - dt.timedelta(days=1))
    late_at_due = total - sum((a for d, a in paid_by if d <= due_date), ZERO) > 0
    if rule == "legal":  # from the day after the formal notice (1231-6 C. civ.)
        if formal_notice_on is None:
            return result
        start = max(due_date, formal_notice_on) + dt.timedelta(days=1)
    else:  # from the day after the due date (L441-10 II)
        start = due_date + dt.timedelta(days=1)
    spans = _cuts(start, end, paid_by, split_halves=rule != "public")
    unknown: set[str] = set()
    fixed_rate = ZERO
    if rule == "public" and spans:
        frozen = rates.ecb_rate_for_half(start, t)
        if not frozen.known:
            unknown.add(rates.half_of(start))
        fixed_rate = frozen.percent + PUBLIC_POINTS
    own_rate = contractual_rate if rule == "l441" else None
    principal = total
    to_penalties = ZERO
    waiting = list(paid_by)  # payments not yet applied, oldest first
    for first, last in spans:
        while waiting and waiting[0][0] < first:  # received by the day before ``first``
            _day, amount = waiting.pop(0)
            if payments_to_penalties_first:  # C. civ. 1343-1 (§3.5): penalties accrued first
                accrued = sum((p.amount for p in result.periods), ZERO)
                part = min(amount, max(accrued - to_penalties, ZERO))
                to_penalties += part
                amount -= part
            principal -= amount
        base = max(principal, ZERO)
        if base <= 0:
            continue
        if rule == "public":
            rate = fixed_rate
        elif rule == "legal":
            legal = rates.legal_rate(first, t=t)
            if not legal.known:
                unknown.add(rates.half_of(first))
            rate = legal.percent
        elif own_rate is not None:
            rate = own_rate
            _warn_low_rate(result, rate, first, t)
        else:
            ecb = rates.ecb_rate_for_half(first, t)
            if not ecb.known:
                unknown.add(rates.half_of(first))
            rate = ecb.percent + B2B_POINTS
        days = (last - first).days + 1
        amount = (base * rate / 100 * days / 365).quantize(CENT, ROUND_HALF_UP)
        result.periods.append(Period(first, last, base, rate, amount))
    result.penalties = sum((p.amount for p in result.periods), ZERO)
    result.paid_to_penalties = to_penalties
    # §2.6: the €40 is due on an invoice unpaid at its due date and late on the as-of date;
    # never from a consumer or a non-profit not acting professionally, never in a
    # collective procedure (§4.10)
    if rule != "legal" and late_at_due and as_of > due_date and not in_procedure:
        result.indemnity = INDEMNITY
    for half in sorted(unknown):
        used = (
            rates.legal_rate(rates.half_start_of(half), t=t).percent
            if rule == "legal"
            else rates.ecb_rate_on(rates.half_start_of(half), t).percent
        )
        result.warnings.append((WARN_NO_RATE, {"half": half, "rate": f"{used:.2f}"}))
    result.provisional = bool(unknown)
    return result


def _warn_low_rate(result: Result, rate: Decimal, first: dt.date, t: rates.Tables) -> None:
    """L441-10 II: a contractual rate below 3 × the legal rate of the half-year is flagged
    (nothing said for a half-year before the legal table, 2015-H1: the rate is used as it
    is)."""
    first_half = t.legal_first()
    if first_half is None or rates.half_of(first) < first_half:
        return
    floor = rates.legal_rate(first, t=t).percent * 3
    if rate < floor:
        warning = (
            WARN_LOW_RATE,
            {"rate": f"{rate:.2f}", "half": rates.half_of(first), "floor": f"{floor:.2f}"},
        )
        if warning not in result.warnings:
            result.warnings.append(warning)


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
            bool(client.acts_professionally),
        )
        values = settings.load(s)
    number_, kind, total, due, procedure, professional = data
    result = compute(
        client_kind=kind,
        total=total,
        due_date=due,
        as_of=as_of,
        payments=paid,
        formal_notice_on=notice,
        collective_procedure_on=procedure,
        contractual_rate=values.contractual_rate if kind in ("pro", "nonprofit") else None,
        acts_professionally=professional,
        payments_to_penalties_first=values.payments_to_penalties_first,
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
        "provisional": result.provisional,
        "paid_to_penalties": plain(result.paid_to_penalties),
    }
