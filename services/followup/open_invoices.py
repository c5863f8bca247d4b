"""The shared, fast core of the dunning actions and the alerts.

Both read the open invoices once, as plain tuples (no ORM objects, no date parsing:
the age in days comes from SQLite), through a partial covering index over open
invoices (migration 0005). The ladder placement of ``services.followup.dunning.place`` is
applied with a bisect per scenario. What comes out are light records; the callers
turn only what they show into full objects. So the start-up panel and
``python main.py alerts`` count the same things, and the panel stays fast on a book
of 200,000 invoices.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

from sqlalchemy import Date, Integer, func, literal, or_, select, text, type_coerce
from sqlalchemy.orm import Session

from models import Allocation, Client, DunningRecord, Invoice
from services.core import clock
from services.core.money import from_cents

#: the partial index ix_invoices_open's condition, written the same way (migration 0005)
OPEN_TERMS = (text("invoices.kind = 'invoice'"), text("invoices.total > invoices.allocated"))

#: (id, client_id, currency, age in days = as_of − due date, balance in cents, disputed 0/1)
Row = tuple[int, int, str, int, int, int]


class ClientInfo(NamedTuple):
    code: str
    name: str
    kind: str
    scenario_id: int | None
    procedure_on: dt.date | None
    credit_limit: Decimal | None
    insurance_days: int | None


def open_rows(s: Session, as_of: dt.date) -> list[Row]:
    """Invoices with something left to pay as of ``as_of``.

    From today on, the running totals are the truth (no payment is dated in the
    future); for a past date, they are recomputed from the allocations dated by then,
    in the same session (one snapshot for the whole read, issue #11)."""
    if as_of < clock.today():
        return _open_rows_as_of(s, as_of)
    if s.get_bind().dialect.name == "sqlite":
        # raw SQL: no per-row type processing for what can be tens of thousands of rows
        sql = text(
            "SELECT id, client_id, currency, CAST(julianday(:d) - julianday(due_date) AS INTEGER), "
            "total - allocated, disputed FROM invoices "
            "WHERE kind = 'invoice' AND total > allocated AND +issue_date <= :d"
        )
        cursor = s.connection().connection.cursor()  # the DBAPI's own tuples, as they come
        try:
            cursor.execute(str(sql), {"d": as_of.isoformat()})
            return list(cursor.fetchall())
        finally:
            cursor.close()
    # PostgreSQL (and any other server): DATE - DATE is a number of days
    age = type_coerce(literal(as_of, Date) - Invoice.due_date, Integer)
    balance = type_coerce(Invoice.total - Invoice.allocated, Integer)
    query = select(
        Invoice.id, Invoice.client_id, Invoice.currency, age, balance, Invoice.disputed
    ).where(*OPEN_TERMS, Invoice.issue_date <= as_of)
    return [(r[0], r[1], r[2], int(r[3]), int(r[4]), bool(r[5])) for r in s.execute(query)]


def _open_rows_as_of(s: Session, as_of: dt.date) -> list[Row]:
    """Open invoices as of a past date, in the caller's session: what was allocated to each
    by then (an allocation removed by then no longer counts), as services.ledger.open_items does."""
    received = (
        select(
            Allocation.invoice_id.label("invoice_id"),
            func.sum(type_coerce(Allocation.amount, Integer)).label("cents"),
        )
        .where(
            Allocation.date <= as_of,
            or_(Allocation.removed_on.is_(None), Allocation.removed_on > as_of),
        )
        .group_by(Allocation.invoice_id)
        .subquery()
    )
    balance = type_coerce(Invoice.total, Integer) - func.coalesce(received.c.cents, 0)
    query = (
        select(
            Invoice.id,
            Invoice.client_id,
            Invoice.currency,
            Invoice.due_date,
            balance,
            Invoice.disputed,
        )
        .outerjoin(received, received.c.invoice_id == Invoice.id)
        .where(Invoice.kind == "invoice", Invoice.issue_date <= as_of, balance > 0)
    )
    return [
        (r[0], r[1], r[2], (as_of - r[3]).days, int(r[4]), bool(r[5])) for r in s.execute(query)
    ]


#: what :class:`ClientInfo` is read from (the raw SQLite query below names the same columns)
_INFO_COLUMNS = (
    Client.id,
    Client.code,
    Client.name,
    Client.kind,
    Client.scenario_id,
    Client.collective_procedure_on,
    Client.credit_limit,
    Client.insurance_days,
    Client.insurer,
)


def _client_info(r: Any) -> ClientInfo:
    """A row of :data:`_INFO_COLUMNS`, its id left out; the insurer's days count only with an
    insurer."""
    return ClientInfo(r[1], r[2], r[3], r[4], r[5], r[6], r[7] if r[8] else None)


def client_infos(s: Session, ids: Iterable[int] | None = None) -> dict[int, ClientInfo]:
    """Clients by id (all of them, or only ``ids``)."""
    if ids is not None:
        wanted = sorted(set(ids))
        out: dict[int, ClientInfo] = {}
        for start in range(0, len(wanted), 900):
            chunk = wanted[start : start + 900]
            rows = s.execute(select(*_INFO_COLUMNS).where(Client.id.in_(chunk))).all()
            out.update({r[0]: _client_info(r) for r in rows})
        return out
    if s.get_bind().dialect.name == "sqlite":  # raw: one row per client of a large book
        cursor = s.connection().connection.cursor()
        try:
            cursor.execute(
                "SELECT id, code, name, kind, scenario_id, collective_procedure_on, "
                "credit_limit, insurance_days, insurer FROM clients"
            )
            raw: list[Any] = list(cursor.fetchall())
        finally:
            cursor.close()
        make = ClientInfo._make
        return {
            r[0]: make(
                (
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    dt.date.fromisoformat(r[5]) if r[5] else None,
                    from_cents(r[6]) if r[6] is not None else None,
                    r[7] if r[8] else None,
                )
            )
            for r in raw
        }
    return {r[0]: _client_info(r) for r in s.execute(select(*_INFO_COLUMNS))}


def done_offsets(s: Session, invoice_ids: Iterable[int], as_of: dt.date) -> dict[int, set[int]]:
    """Steps done or skipped per invoice by ``as_of`` (few rows: read them all, filter here)."""
    wanted = set(invoice_ids)
    done: dict[int, set[int]] = defaultdict(set)
    for invoice_id, offset in s.execute(
        select(DunningRecord.invoice_id, DunningRecord.offset_days).where(DunningRecord.on <= as_of)
    ):
        if invoice_id in wanted:
            done[invoice_id].add(offset)
    return done


@dataclass(slots=True)
class Group:
    """One client's invoices at one step (one currency): a dunning action."""

    client_id: int
    offset: int
    currency: str
    rows: list[Row] = field(default_factory=list)
    missed: set[int] = field(default_factory=set)  # offsets of earlier steps never done
    all_missed: bool = False  # an invoice with no step done at all is in the group

    @property
    def cents(self) -> int:
        return sum(r[4] for r in self.rows)

    @property
    def max_age(self) -> int:
        return max(r[3] for r in self.rows)


class StepLike(Protocol):
    """What placement reads of a step (``dunning.Step``, which lives above this module)."""

    @property
    def offset_days(self) -> int: ...

    @property
    def action(self) -> str: ...


_S = TypeVar("_S", bound=StepLike)


class Ladder(Generic[_S]):
    """A scenario's steps, prepared for fast placement."""

    def __init__(self, steps: Sequence[_S]) -> None:
        self.steps: list[_S] = list(steps)
        self.offsets = [st.offset_days for st in self.steps]
        self.pre = [st.action == "pre_reminder" for st in self.steps]
        self._cache: dict[int, int] = {}

    def target(self, age: int) -> int:
        """Index of the step ``age`` calls for, or -1 (same rule as dunning.place)."""
        try:
            return self._cache[age]
        except KeyError:
            pass
        index = bisect.bisect_right(self.offsets, age) - 1
        while index >= 0 and age >= 0 and self.pre[index]:
            index -= 1
        self._cache[age] = index
        return index


def groups(
    rows: Sequence[Row],
    clients: dict[int, ClientInfo],
    ladder_of: dict[int | str, Ladder[Any]],
    done: dict[int, set[int]],
    paused: set[int],
    handed: set[int],
    as_of: dt.date,
) -> list[Group]:
    """The day's actions: each open invoice placed on its client's ladder, grouped."""
    out: dict[tuple[int, int, str], Group] = {}
    # per client; None = no reminders (collective procedure)
    ladders: dict[int, Ladder[Any] | None] = {}
    skip = paused | handed
    earliest = min(
        (ladder.offsets[0] for ladder in ladder_of.values() if ladder.offsets), default=0
    )
    get_group = out.get
    get_done = done.get
    for row in rows:
        invoice_id, client_id, currency, age = row[0], row[1], row[2], row[3]
        if age < earliest or row[5] or invoice_id in skip:
            continue
        try:
            ladder = ladders[client_id]
        except KeyError:
            info = clients[client_id]
            if info.procedure_on is not None and info.procedure_on <= as_of:
                ladder = None
            else:
                ladder = (
                    ladder_of.get(info.scenario_id) if info.scenario_id else None
                ) or ladder_of[info.kind]
            ladders[client_id] = ladder
        if ladder is None:
            continue
        index = ladder.target(age)
        if index < 0:
            continue
        offset = ladder.offsets[index]
        did = get_done(invoice_id)
        if did and offset in did:
            continue
        key = (client_id, offset, currency)
        group = get_group(key)
        if group is None:
            group = out[key] = Group(client_id, offset, currency)
        group.rows.append(row)
        if not did:
            if not group.all_missed:  # nothing done: every earlier step was missed
                group.all_missed = True
                group.missed.update(ladder.offsets[:index])
            continue
        last_done = max((o for o in did if o < offset), default=None)
        for earlier in ladder.offsets[:index]:
            if earlier not in did and (last_done is None or earlier > last_done):
                group.missed.add(earlier)
    return list(out.values())


# -- the same ladder, in SQL, for counting on a large book ------------------------------------
def _case(ladder: Ladder[Any]) -> str:
    """SQL for Ladder.target: the offset of the step ``age`` calls for, or NULL."""

    def when(offsets: list[int]) -> str:
        parts = " ".join(
            f"WHEN age >= {int(o)} THEN {int(o)}" for o in sorted(offsets, reverse=True)
        )
        return f"(CASE {parts} END)" if parts else "NULL"

    after = [o for o, pre in zip(ladder.offsets, ladder.pre, strict=True) if not pre]
    return f"(CASE WHEN age >= 0 THEN {when(after)} ELSE {when(ladder.offsets)} END)"


def sql_groups(
    s: Session, as_of: dt.date, ladder_of: dict[int | str, Ladder[Any]]
) -> list[tuple[int, str, int, int, int, int, str, int | None]]:
    """(client_id, currency, step offset, invoices, cents, max age, client kind, scenario id)
    for every open invoice
    with no step recorded and no hold (those few go through ``groups``), not disputed,
    whose client is not in a collective procedure. SQLite only."""
    branches = [
        f"WHEN scenario_id = {int(key)} THEN {_case(ladder)}"
        for key, ladder in ladder_of.items()
        if isinstance(key, int)
    ]
    branches += [
        f"WHEN kind = '{key}' THEN {_case(ladder)}"
        for key, ladder in ladder_of.items()
        if isinstance(key, str) and key.isalpha()
    ]
    target = f"(CASE {' '.join(branches)} END)"
    sql = f"""
        WITH o AS (
            SELECT i.client_id, i.currency, i.total - i.allocated AS cents,
                   CAST(julianday(:d) - julianday(i.due_date) AS INTEGER) AS age,
                   c.kind AS kind, c.scenario_id AS scenario_id
            FROM invoices i JOIN clients c ON c.id = i.client_id
            WHERE i.kind = 'invoice' AND i.total > i.allocated AND +i.issue_date <= :d
              AND i.disputed = 0
              AND (c.collective_procedure_on IS NULL OR c.collective_procedure_on > :d)
              AND i.id NOT IN (SELECT invoice_id FROM dunning_records)
              AND i.id NOT IN (SELECT invoice_id FROM invoice_holds WHERE closed_on IS NULL)
        ), p AS (SELECT client_id, currency, cents, age, kind, scenario_id, {target} AS t FROM o)
        SELECT client_id, currency, t, count(*), sum(cents), max(age), min(kind),
               min(scenario_id)
        FROM p WHERE t IS NOT NULL GROUP BY client_id, currency, t"""
    cursor = s.connection().connection.cursor()
    try:
        cursor.execute(sql, {"d": as_of.isoformat()})
        return list(cursor.fetchall())
    finally:
        cursor.close()


def special_ids(s: Session) -> set[int]:
    """Invoices with a step recorded or a hold: the ladder needs their history."""
    ids = set(s.scalars(select(DunningRecord.invoice_id)))
    ids |= set(
        s.execute(text("SELECT invoice_id FROM invoice_holds WHERE closed_on IS NULL")).scalars()
    )
    return ids


# -- where the open invoices come from: SQL on a current SQLite book, else a list ------------
class Source:
    """Open invoices as of a date, asked for by what each alert needs."""

    def __init__(self, s: Session, as_of: dt.date) -> None:
        self.s = s
        self.as_of = as_of
        self.sql = s.get_bind().dialect.name == "sqlite" and as_of >= clock.today()
        self._rows: list[Row] | None = None if self.sql else open_rows(s, as_of)

    def _query(self, condition: str, params: dict[str, object]) -> list[Row]:
        cursor = self.s.connection().connection.cursor()
        try:
            cursor.execute(
                "SELECT id, client_id, currency, "
                "CAST(julianday(:d) - julianday(due_date) AS INTEGER), "
                "total - allocated, disputed FROM invoices "
                "WHERE kind = 'invoice' AND total > allocated AND +issue_date <= :d AND "
                + condition,
                {"d": self.as_of.isoformat(), **params},
            )
            return list(cursor.fetchall())
        finally:
            cursor.close()

    @property
    def rows(self) -> list[Row]:
        """Every open invoice (the slow path; small books and past dates)."""
        if self._rows is None:
            self._rows = self._query("1", {})
        return self._rows

    def due_between(self, first: dt.date, last: dt.date) -> list[Row]:
        if self.sql:
            return self._query(
                "due_date BETWEEN :a AND :b", {"a": first.isoformat(), "b": last.isoformat()}
            )
        low, high = (self.as_of - last).days, (self.as_of - first).days
        return [r for r in self.rows if low <= r[3] <= high]

    def of_clients(self, ids: set[int]) -> list[Row]:
        if not ids:
            return []
        if self.sql:
            marks = ",".join(str(int(i)) for i in ids)
            return self._query(f"client_id IN ({marks})", {})
        return [r for r in self.rows if r[1] in ids]

    def of_invoices(self, ids: set[int]) -> list[Row]:
        if not ids:
            return []
        if self.sql:
            out: list[Row] = []
            listed = sorted(ids)
            for start in range(0, len(listed), 900):
                marks = ",".join(str(int(i)) for i in listed[start : start + 900])
                out += self._query(f"id IN ({marks})", {})
            return out
        return [r for r in self.rows if r[0] in ids]

    def overdue(self) -> list[Row]:
        if self.sql:
            return self._query("+due_date < :d", {})
        return [r for r in self.rows if r[3] > 0]

    def overdue_count(self) -> int:
        if self.sql:
            cursor = self.s.connection().connection.cursor()
            try:
                cursor.execute(
                    "SELECT count(*) FROM invoices WHERE kind = 'invoice' AND total > allocated "
                    "AND +issue_date <= :d AND +due_date < :d",
                    {"d": self.as_of.isoformat()},
                )
                row = cursor.fetchone()
                return int(row[0]) if row is not None else 0
            finally:
                cursor.close()
        return sum(1 for r in self.rows if r[3] > 0)
