"""What needs attention on a date: the startup panel and ``python main.py alerts``
read this one function, so the two always agree.

Kinds: ``due_soon`` (due within N days, a setting, default 7), ``step_due`` (a
dunning step is due — one per client, step and currency), ``promise_due`` (a
promise to pay falls due on the date), ``promise_broken`` (promised date plus grace
passed, still unpaid), ``over_credit_limit``, ``prescription_near`` (time-barred
within 90 days: 2 years for a consumer, 5 otherwise, from the due date —
shared/domain.md §3.4), ``missing_proof`` (overdue invoice whose proof is
incomplete), ``claim_declaration`` (collective procedure: declare the claim within
2 months of the BODACC notice — §4.10), ``injunction_serve`` (an ordonnance to serve within
30 days of its 6-month deadline, art. 1411 CPC — §4.6), ``injunction_enforceable`` (the
month to oppose has ended), ``rates_missing`` (from the first day of a
half-year, one per half-year whose ECB or legal rates are not entered yet — §2.2–2.3; not
about a client: its client id is 0 and its client code "").

Paid invoices never raise alerts; amounts are per currency.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta
from sqlalchemy import not_, select
from sqlalchemy.orm import Session

from models import AlertSnooze, Client, Document, Invoice
from services.core import clock, company, db, history, settings
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.money import from_cents, plain, to_cents
from services.followup import dunning, rates
from services.followup import open_invoices as core
from services.proof import rules as proof

KINDS = (
    "due_soon",
    "step_due",
    "promise_due",
    "promise_broken",
    "plan_installment_missed",
    "over_credit_limit",
    "insurance_deadline",
    "prescription_near",
    "missing_proof",
    "claim_declaration",
    "injunction_serve",
    "injunction_enforceable",
    "rates_missing",
)
PRESCRIPTION_WARNING_DAYS = 90
CLAIM_DECLARATION_MONTHS = 2
INSURANCE_WARNING_DAYS = 15
#: warn this many days before the 6-month deadline to serve an ordonnance (art. 1411 CPC)
INJUNCTION_WARNING_DAYS = 30
#: the client id of an alert about no client (rates_missing)
NO_CLIENT = 0

KIND_LABELS = {
    "due_soon": QT_TRANSLATE_NOOP("Messages", "Due soon"),
    "step_due": QT_TRANSLATE_NOOP("Messages", "Dunning step due"),
    "promise_due": QT_TRANSLATE_NOOP("Messages", "Promise to pay due today"),
    "promise_broken": QT_TRANSLATE_NOOP("Messages", "Broken promise"),
    "plan_installment_missed": QT_TRANSLATE_NOOP("Messages", "Missed instalment"),
    "over_credit_limit": QT_TRANSLATE_NOOP("Messages", "Over the credit limit"),
    "insurance_deadline": QT_TRANSLATE_NOOP("Messages", "Credit-insurance deadline"),
    "prescription_near": QT_TRANSLATE_NOOP("Messages", "Claim soon time-barred"),
    "missing_proof": QT_TRANSLATE_NOOP("Messages", "Overdue with proof missing"),
    "claim_declaration": QT_TRANSLATE_NOOP("Messages", "Declare the claim (collective procedure)"),
    "injunction_serve": QT_TRANSLATE_NOOP("Messages", "Serve the ordonnance (injonction)"),
    "injunction_enforceable": QT_TRANSLATE_NOOP("Messages", "Opposition period over (injonction)"),
    "rates_missing": QT_TRANSLATE_NOOP("Messages", "Rates not entered"),
}

MSG_DUE_SOON = QT_TRANSLATE_NOOP("Messages", "{invoice} falls due on {date} ({amount})")
MSG_STEP = QT_TRANSLATE_NOOP("Messages", "{step} for {count} invoice(s), {amount}")
MSG_PROMISE_DUE = QT_TRANSLATE_NOOP("Messages", "{invoice}: {amount} promised for today")
MSG_PROMISE_BROKEN = QT_TRANSLATE_NOOP(
    "Messages", "{invoice}: payment promised for {date} not received"
)
MSG_OVER_LIMIT = QT_TRANSLATE_NOOP("Messages", "balance {amount} over the credit limit of {limit}")
MSG_PRESCRIPTION = QT_TRANSLATE_NOOP("Messages", "{invoice} becomes time-barred on {date}")
MSG_MISSING_PROOF = QT_TRANSLATE_NOOP(
    "Messages", "{invoice} is overdue and its proof is incomplete"
)
MSG_PLAN_MISSED = QT_TRANSLATE_NOOP(
    "Messages", "instalment of {date} not paid in full ({amount} short)"
)
MSG_INSURANCE = QT_TRANSLATE_NOOP(
    "Messages", "{invoice}: declare it to the credit insurer before {date}"
)
MSG_DECLARE = QT_TRANSLATE_NOOP(
    "Messages", "declare the claim before {date} (BODACC notice of {notice})"
)
MSG_INJUNCTION_SERVE = QT_TRANSLATE_NOOP(
    "Messages",
    "{invoice}: have the ordonnance of {ordonnance} served by a commissaire de justice by "
    "{date}; after that it lapses (art. 1411 CPC)",
)
MSG_INJUNCTION_ENFORCEABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "{invoice}: the month to oppose the ordonnance ended on {end}; unless the debtor opposed "
    "it, it is enforceable from {date}",
)
MSG_RATES_MISSING = QT_TRANSLATE_NOOP(
    "Messages",
    "rates for {half} not entered: enter the ECB rate in force on {date} and the legal "
    "interest rates in Settings (late charges are provisional until then)",
)


@dataclass(frozen=True, slots=True)
class Alert:
    kind: str
    client: str  # client code
    client_id: int
    invoice: str | None
    invoice_id: int | None
    amount: Decimal
    currency: str
    due_date: dt.date | None
    days: int
    step: str | None
    message: str  # English source, with {params}
    params: dict[str, str]

    @property
    def key(self) -> str:
        return snooze_key(self.kind, self.client_id, self.invoice_id, self.step, self.currency)

    def render(self, translate: Any = None) -> str:
        text = translate("Messages", self.message) if translate else self.message
        return text.format(**self.params)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "client": self.client,
            "invoice": self.invoice,
            "amount": plain(self.amount),
            "currency": self.currency,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "days": self.days,
            "step": self.step,
            "message": self.render(),
        }


def snooze_key(
    kind: str, client_id: int, invoice_id: int | None, step: str | None, currency: str
) -> str:
    return f"{kind}:{client_id}:{invoice_id or ''}:{step or ''}:{currency}"


class Raw(NamedTuple):
    """An alert before it is dressed for display (no invoice number, no text yet).
    A named tuple: there can be tens of thousands on a large book."""

    kind: str
    client_id: int
    invoice_id: int | None
    currency: str
    cents: int
    due_date: dt.date | None
    days: int
    step: str | None = None
    params: tuple[tuple[str, str], ...] = ()
    age: int | None = None  # days since the due date (the due date is derived from it)

    @property
    def key(self) -> str:
        return snooze_key(self.kind, self.client_id, self.invoice_id, self.step, self.currency)


def snooze(alert: Alert, until: dt.date) -> None:
    from services.core.terms import check_date_range

    check_date_range(until, "until")  # issue #11: 1900-01-01 … 2100-12-31
    with db.transaction() as s:
        row = s.get(AlertSnooze, alert.key)
        if row is None:
            s.add(AlertSnooze(key=alert.key, until=until))
        else:
            row.until = until
        entity, entity_id = (
            ("invoice", alert.invoice_id) if alert.invoice_id else ("client", alert.client_id)
        )
        history.record(
            s,
            entity,
            entity_id,
            "alert_snoozed",
            client_id=alert.client_id,
            label=alert.invoice or alert.client,
            details={"kind": alert.kind, "until": until},
        )


def _money(amount: Decimal, currency: str) -> str:
    return f"{plain(amount)} {currency}"


def _complete_among(s: Any, rows: Sequence[core.Row]) -> set[int]:
    """Which of these invoices have their full proof.

    Worked out from the documents side: only an invoice with a signed order and a
    signed delivery note can be complete, and there are few of those; the CGV rule
    is then checked in SQL for them alone (services.proof.rules's expressions, in the caller's
    session: one snapshot for the whole read)."""
    live = (
        Document.superseded_at.is_(None),
        Document.deleted_at.is_(None),
        Document.signed.is_(True),
    )
    ordered = set(
        s.scalars(
            select(Document.invoice_id).where(
                *live, Document.invoice_id.is_not(None), Document.kind.in_(proof.ORDER_KINDS)
            )
        )
    )
    contracted = set(
        s.scalars(
            select(Document.client_id).where(
                *live, Document.invoice_id.is_(None), Document.kind == "contract"
            )
        )
    )
    delivered = set(
        s.scalars(
            select(Document.invoice_id).where(
                *live, Document.invoice_id.is_not(None), Document.kind == "delivery_note"
            )
        )
    )
    candidates = [
        r[0] for r in rows if r[0] in delivered and (r[0] in ordered or r[1] in contracted)
    ]
    complete: set[int] = set()
    for start in range(0, len(candidates), 900):  # few; the SQL form of the rules, in this session
        complete.update(
            s.scalars(
                select(Invoice.id).where(
                    Invoice.id.in_(candidates[start : start + 900]), not_(proof.missing_expr())
                )
            )
        )
    return complete


def _on_invoice(
    kind: str, r: core.Row, days: int, date: dt.date | None = None, *, cents: int | None = None
) -> Raw:
    """An alert on one open invoice row: its client, currency and balance (or ``cents``), its
    age; ``date``, when given, is the date the alert's text names."""
    return Raw(
        kind,
        r[1],
        r[0],
        r[2],
        r[4] if cents is None else cents,
        None,
        days,
        params=(("date", date.isoformat()),) if date is not None else (),
        age=r[3],
    )


@dataclass(slots=True)
class Found:
    """The alerts of a date, cheap to count: the two kinds that can run to tens of
    thousands on a large book (``missing_proof``, ``step_due``) are counted first and
    turned into records only when listed."""

    as_of: dt.date
    raws: list[Raw]  # every other kind, already filtered
    steps: list[
        tuple[int, str, int, str, int, int, int]
    ]  # client, currency, offset, action, n, cents, max age
    missing_count: int
    off: set[str]
    snoozed: set[str]
    complete: set[int]

    def _missing(self, s: Session | None = None) -> list[Raw]:
        with company.reading(s) as s:
            rows = core.Source(s, self.as_of).overdue()
        return [_on_invoice("missing_proof", r, r[3]) for r in rows if r[0] not in self.complete]

    def _steps(self) -> list[Raw]:
        return [
            Raw(
                "step_due",
                client_id,
                None,
                currency,
                cents,
                None,
                max(0, age),
                action,
                (("count", str(count)),),
                age=age,
            )
            for client_id, currency, _offset, action, count, cents, age in self.steps
        ]

    def _hot(self, kind: str, s: Session | None = None) -> list[Raw]:
        if kind in self.off:
            return []
        made = self._missing(s) if kind == "missing_proof" else self._steps()
        return [r for r in made if r.key not in self.snoozed] if self.snoozed else made

    def counts(self) -> dict[str, int]:
        out = raw_counts(self.raws)
        for kind, number in (("missing_proof", self.missing_count), ("step_due", len(self.steps))):
            if kind in self.off or not number:
                continue
            if any(k.startswith(kind + ":") for k in self.snoozed):
                number = len(self._hot(kind))
            if number:
                out[kind] = number
        return out

    def of_kind(self, kind: str) -> list[Raw]:
        if kind in ("missing_proof", "step_due"):
            return self._hot(kind)
        return [r for r in self.raws if r.kind == kind]

    def all(self, s: Session | None = None) -> list[Raw]:
        """Every alert (``s``: the session of the read that found them)."""
        return self.raws + self._hot("missing_proof", s) + self._hot("step_due")


def find(
    as_of: dt.date | None = None, *, include_off: bool = False, s: Session | None = None
) -> Found:
    """Every alert on ``as_of`` (default today), minus kinds turned off and snoozed ones.

    On a current SQLite book the open invoices are asked for by what each alert needs
    (a handful each), and the dunning steps are counted by the SQL form of the ladder;
    the few invoices with a history (a step done, a promise, a hold) go through the
    Python ladder of services.followup.dunning. Elsewhere every open invoice is read once.
    Everything, the settings included, is read in one session (``s``, or one of its own)."""
    as_of = as_of or clock.today()
    out: list[Raw] = []
    with company.reading(s) as s:
        values = settings.load(s)
        soon = values.due_soon_days
        grace = values.grace_days
        off = set() if include_off else set(values.kinds_off)
        source = core.Source(s, as_of)
        holds = dunning._holds(s, as_of, grace)
        ladder_of = dunning.ladders(s)
        # the day's dunning steps
        if source.sql:
            special = core.special_ids(s)
            bulk = core.sql_groups(s, as_of, ladder_of)
            special_rows = source.of_invoices(special)
        else:
            special_rows, bulk = source.rows, []
        clients = core.client_infos(s, {r[1] for r in special_rows})
        done = core.done_offsets(s, (r[0] for r in special_rows), as_of)
        action_of = {
            key: dict(zip(ladder.offsets, (st.action for st in ladder.steps), strict=True))
            for key, ladder in ladder_of.items()
        }
        pro = action_of["pro"]
        steps = [
            (
                client_id,
                currency,
                offset,
                action_of.get(scenario_id or kind, pro)[offset],
                count,
                cents,
                age,
            )
            for client_id, currency, offset, count, cents, age, kind, scenario_id in bulk
        ]
        specials = core.groups(
            special_rows, clients, ladder_of, done, holds.paused, holds.handed_off, as_of
        )
        if specials:  # few: merge them into the bulk groups by (client, currency, step)
            index = {(st[0], st[1], st[2]): n for n, st in enumerate(steps)}
            for group in specials:
                info = clients[group.client_id]
                action = action_of.get(info.scenario_id or info.kind, pro)[group.offset]
                key = (group.client_id, group.currency, group.offset)
                if key in index:
                    old = steps[index[key]]
                    steps[index[key]] = (
                        old[0],
                        old[1],
                        old[2],
                        old[3],
                        old[4] + len(group.rows),
                        old[5] + group.cents,
                        max(old[6], group.max_age),
                    )
                else:
                    index[key] = len(steps)
                    steps.append(
                        (
                            group.client_id,
                            group.currency,
                            group.offset,
                            action,
                            len(group.rows),
                            group.cents,
                            group.max_age,
                        )
                    )
        # overdue invoices with proof missing: counted; listed on demand
        # (only overdue invoices count: one not yet due, even with its full proof, is no
        # alert, and subtracting it made the count disagree with the list, 28 vs 34)
        overdue = (
            source.overdue()
            if not source.sql
            else [r for r in source.of_invoices(_with_documents(s)) if r[3] > 0]
        )
        complete = _complete_among(s, overdue)
        missing_count = source.overdue_count() - len(complete)
        # the other kinds: small sets
        for r in source.due_between(as_of, as_of + dt.timedelta(days=soon)):
            if not r[5]:
                out.append(_on_invoice("due_soon", r, -r[3]))
        watched = dict(
            s.execute(
                select(Client.id, Client.kind).where(
                    (Client.credit_limit.is_not(None))
                    | (Client.collective_procedure_on.is_not(None))
                    | ((Client.insurance_days.is_not(None)) & (Client.insurer != ""))
                )
            ).all()
        )
        windows = {}
        for years in (2, 5):
            first = as_of - relativedelta(years=years) - dt.timedelta(days=2)
            last = (
                as_of
                - relativedelta(years=years)
                + dt.timedelta(days=PRESCRIPTION_WARNING_DAYS + 2)
            )
            windows[years] = source.due_between(first, last)
        near = {r[1] for rows_ in windows.values() for r in rows_}
        consumers = (
            set(s.scalars(select(Client.id).where(Client.kind == "consumer", Client.id.in_(near))))
            if near
            else set()
        )
        for years, candidates in windows.items():
            for r in candidates:
                if (years == 2) != (r[1] in consumers):
                    continue
                barred = as_of - dt.timedelta(days=r[3]) + relativedelta(years=years)
                if 0 <= (barred - as_of).days <= PRESCRIPTION_WARNING_DAYS:
                    out.append(_on_invoice("prescription_near", r, r[3], barred))
        infos = core.client_infos(s, watched)
        balances: dict[tuple[int, str], int] = defaultdict(int)
        for r in source.of_clients(set(watched)):
            balances[(r[1], r[2])] += r[4]
            days = infos[r[1]].insurance_days
            if days is not None and r[3] > 0 and not r[5]:
                deadline = as_of - dt.timedelta(days=r[3] - days)
                if 0 <= (deadline - as_of).days <= INSURANCE_WARNING_DAYS:
                    out.append(_on_invoice("insurance_deadline", r, r[3], deadline))
        promised = source.of_invoices({i for i, _, _ in holds.promises})
        # the injonctions de payer in progress (issue #13, point 6; shared/domain.md §4.6)
        procedures = dunning.procedures(s)
        pending = {r[0]: r for r in source.of_invoices({p.invoice_id for p in procedures})}
        snoozed = {
            k for k, until in s.execute(select(AlertSnooze.key, AlertSnooze.until)) if until > as_of
        }
    by_id = {r[0]: r for r in promised}
    for invoice_id, promised_on, amount in holds.promises:
        row = by_id.get(invoice_id)
        if row is None:  # paid: a kept promise
            continue
        if promised_on == as_of:
            kind = "promise_due"
        elif as_of > promised_on + dt.timedelta(days=grace):
            kind = "promise_broken"
        else:
            continue
        cents = to_cents(amount) if amount is not None else None
        out.append(_on_invoice(kind, row, max(0, row[3]), promised_on, cents=cents))
    for _plan_id, client_id, due_on, short, currency in holds.missed_instalments:
        out.append(
            Raw(
                "plan_installment_missed",
                client_id,
                None,
                currency,
                to_cents(short),
                due_on,
                (as_of - due_on).days,
                params=(("date", due_on.isoformat()),),
            )
        )
    for client_id, info in infos.items():
        if info.credit_limit is not None:
            owed = balances.get((client_id, "EUR"), 0)
            if owed > to_cents(info.credit_limit):
                out.append(
                    Raw(
                        "over_credit_limit",
                        client_id,
                        None,
                        "EUR",
                        owed,
                        None,
                        0,
                        params=(("limit", _money(info.credit_limit, "EUR")),),
                    )
                )
        if info.procedure_on is not None:
            deadline = info.procedure_on + relativedelta(months=CLAIM_DECLARATION_MONTHS)
            owed = balances.get((client_id, "EUR"), 0)
            if info.procedure_on <= as_of <= deadline and owed > 0:
                out.append(
                    Raw(
                        "claim_declaration",
                        client_id,
                        None,
                        "EUR",
                        owed,
                        deadline,
                        (deadline - as_of).days,
                        params=(
                            ("date", deadline.isoformat()),
                            ("notice", info.procedure_on.isoformat()),
                        ),
                    )
                )
    for procedure in procedures:
        row = pending.get(procedure.invoice_id)
        if row is None:  # paid meanwhile
            continue
        serve_by = procedure.deadlines.get("serve_by")
        if serve_by is not None and (serve_by - as_of).days <= INJUNCTION_WARNING_DAYS:
            alert = _on_invoice("injunction_serve", row, (serve_by - as_of).days, serve_by)
            ordonnance = str(procedure.details.get("ordonnance", ""))
            out.append(alert._replace(params=(*alert.params, ("ordonnance", ordonnance))))
        enforceable = procedure.deadlines.get("enforceable_from")
        if enforceable is not None and as_of >= enforceable:
            end = procedure.deadlines["opposition_until"].isoformat()
            alert = _on_invoice(
                "injunction_enforceable", row, (as_of - enforceable).days, enforceable
            )
            out.append(alert._replace(params=(*alert.params, ("end", end))))
    # the half-years whose rates the owner has not entered yet (issue #13): not about a client
    for half in rates.missing_halves(as_of, rates.tables(values)):
        first = rates.half_start_of(half)
        out.append(
            Raw(
                "rates_missing",
                NO_CLIENT,
                None,
                "EUR",
                0,
                first,
                (as_of - first).days,
                half,
                (("half", half),),
            )
        )
    kept = [r for r in out if r.kind not in off and (not snoozed or r.key not in snoozed)]
    return Found(as_of, kept, steps, missing_count, off, snoozed, complete)


def _with_documents(s: Any) -> set[int]:
    """Invoices with at least one signed delivery note (the only ones that can be complete)."""
    return set(
        s.scalars(
            select(Document.invoice_id).where(
                Document.invoice_id.is_not(None),
                Document.kind == "delivery_note",
                Document.signed.is_(True),
                Document.superseded_at.is_(None),
                Document.deleted_at.is_(None),
            )
        )
    )


def compute(
    as_of: dt.date | None = None, *, include_off: bool = False, s: Session | None = None
) -> tuple[Found, list[Raw]]:
    with company.reading(s) as s:
        found = find(as_of, include_off=include_off, s=s)
        return found, found.all(s)


MESSAGES = {
    "due_soon": MSG_DUE_SOON,
    "step_due": MSG_STEP,
    "promise_due": MSG_PROMISE_DUE,
    "promise_broken": MSG_PROMISE_BROKEN,
    "plan_installment_missed": MSG_PLAN_MISSED,
    "over_credit_limit": MSG_OVER_LIMIT,
    "insurance_deadline": MSG_INSURANCE,
    "prescription_near": MSG_PRESCRIPTION,
    "missing_proof": MSG_MISSING_PROOF,
    "claim_declaration": MSG_DECLARE,
    "injunction_serve": MSG_INJUNCTION_SERVE,
    "injunction_enforceable": MSG_INJUNCTION_ENFORCEABLE,
    "rates_missing": MSG_RATES_MISSING,
}


def dress(found: Found, raws: list[Raw], s: Session | None = None) -> list[Alert]:
    """Full alerts (invoice numbers, texts), sorted by kind, client and invoice."""
    with company.reading(s) as s:
        numbers = dunning.invoice_details(
            [r.invoice_id for r in raws if r.invoice_id is not None], s
        )
        clients = core.client_infos(s, {r.client_id for r in raws})
    out = []
    for raw in raws:
        info = clients.get(raw.client_id)  # None: an alert about no client (rates_missing)
        amount = from_cents(raw.cents)
        number = numbers[raw.invoice_id][0] if raw.invoice_id is not None else None
        due = raw.due_date
        if due is None and raw.age is not None:
            due = found.as_of - dt.timedelta(days=raw.age)
        params = {
            "invoice": number or "",
            "amount": _money(amount, raw.currency),
            "date": due.isoformat() if due else "",
            **dict(raw.params),
        }
        if raw.kind == "step_due" and raw.step:
            params["step"] = dunning.ACTION_LABELS.get(raw.step, raw.step)
        out.append(
            Alert(
                raw.kind,
                info.code if info is not None else "",
                raw.client_id,
                number,
                raw.invoice_id,
                amount,
                raw.currency,
                due,
                raw.days,
                raw.step,
                MESSAGES[raw.kind],
                params,
            )
        )
    order = {k: n for n, k in enumerate(KINDS)}
    out.sort(key=lambda a: (order[a.kind], a.client, a.invoice or "", a.step or "", a.currency))
    return out


def alerts(as_of: dt.date | None = None, *, include_off: bool = False) -> list[Alert]:
    """Every alert on ``as_of`` (default today), minus kinds turned off and snoozed ones;
    read in one session (issue #11)."""
    with company.reading() as s:
        found, raws = compute(as_of, include_off=include_off, s=s)
        return dress(found, raws, s)


def raw_counts(raws: list[Raw]) -> dict[str, int]:
    out: dict[str, int] = {}
    for raw in raws:
        out[raw.kind] = out.get(raw.kind, 0) + 1
    return out


def counts(items: list[Alert]) -> dict[str, int]:
    out: dict[str, int] = {}
    for alert in items:
        out[alert.kind] = out.get(alert.kind, 0) + 1
    return out
