"""The aged balance (balance âgée) as of any date (issue #14, point 2; shared/domain.md §6.3).

Per client and currency, the open invoices by **days past due** on the date
(``days = as_of − due_date``): not due, then 1–30, 31–60, 61–90, 91–180 and over 180 days
(each band's edges included, as labelled), and in a column of their own, negative, the
credits not set against an invoice: unapplied credit notes and unallocated payments. A
client's total is its balance (invoiced − credited − received), so the aged total equals
the open-item engine's at every date. Currencies are never added together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from services.core.dto import OpenItem
from services.core.money import ZERO
from services.ledger.open_items import client_balances, open_items

#: the upper edge (days past due, included) of each band after "not due"; the last band
#: is everything beyond the last edge
DEFAULT_EDGES = (30, 60, 90, 180)
NOT_DUE = "not_due"
UNALLOCATED = "unallocated"


def bucket_names(edges: Sequence[int] = DEFAULT_EDGES) -> list[str]:
    """['not_due', '1_30', '31_60', '61_90', '91_180', 'over_180'] for the default edges."""
    names = [NOT_DUE]
    low = 1
    for high in edges:
        names.append(f"{low}_{high}")
        low = high + 1
    names.append(f"over_{edges[-1]}")
    return names


def bucket_of(days_past_due: int, edges: Sequence[int] = DEFAULT_EDGES) -> str:
    """The band of an invoice ``days_past_due`` days after its due date (0 or less: not due)."""
    if days_past_due <= 0:
        return NOT_DUE
    low = 1
    for high in edges:
        if days_past_due <= high:
            return f"{low}_{high}"
        low = high + 1
    return f"over_{edges[-1]}"


@dataclass(slots=True)
class AgedRow:
    """One client in one currency (or the total of a currency when ``client`` is "")."""

    client: str
    name: str
    kind: str
    currency: str
    amounts: dict[str, Decimal] = field(default_factory=dict)  # bucket (and unallocated)

    @property
    def total(self) -> Decimal:
        return sum(self.amounts.values(), ZERO)


@dataclass(slots=True)
class Aged:
    as_of: dt.date
    buckets: list[str]
    rows: list[AgedRow]  # clients with something open, by code then currency
    totals: dict[str, AgedRow]  # per currency, EUR first


def aged_balance(
    as_of: dt.date,
    *,
    edges: Sequence[int] = DEFAULT_EDGES,
    client_kind: str | None = None,
    items: list[OpenItem] | None = None,
) -> Aged:
    """The aged balance on ``as_of`` (only the clients with a non-zero column); ``items``:
    every open item of that date, when the caller has read them already."""
    if items is None:
        items = open_items(as_of)
    edges = tuple(edges)
    names = bucket_names(edges)
    rows: dict[tuple[str, str], AgedRow] = {}

    def row(code: str, name: str, kind: str, currency: str) -> AgedRow:
        key = (code, currency)
        if key not in rows:
            rows[key] = AgedRow(
                code, name, kind, currency, {n: ZERO for n in [*names, UNALLOCATED]}
            )
        return rows[key]

    for item in items:
        if item.kind != "invoice" or item.balance <= 0:
            continue  # credit notes: in the unallocated column below
        if client_kind and item.client_kind != client_kind:
            continue
        target = row(item.client_code, item.client_name, item.client_kind, item.currency)
        target.amounts[bucket_of((as_of - item.due_date).days, edges)] += item.balance
    for balance in client_balances(as_of, items=items):
        if client_kind and balance.kind != client_kind:
            continue
        if balance.unallocated:
            target = row(balance.code, balance.name, balance.kind, balance.currency)
            target.amounts[UNALLOCATED] -= balance.unallocated
    kept = sorted(
        (r for r in rows.values() if any(r.amounts.values())),
        key=lambda r: (r.client.casefold(), r.currency != "EUR", r.currency),
    )
    totals: dict[str, AgedRow] = {}
    for r in kept:
        total = totals.setdefault(
            r.currency, AgedRow("", "", "", r.currency, {n: ZERO for n in [*names, UNALLOCATED]})
        )
        for name, amount in r.amounts.items():
            total.amounts[name] += amount
    ordered = dict(sorted(totals.items(), key=lambda kv: (kv[0] != "EUR", kv[0])))
    return Aged(as_of, names, kept, ordered)
