"""The dunning engine: where each open invoice stands on its client's ladder as of a
date, the day's actions (one per client and step), and what the user does with them.

Rules (shared/domain.md §4.1, §4.10, §3.4):
- a scenario is an ordered list of steps, each ``offset_days`` from the due date;
  a client uses its own scenario, else the default of its kind (built in, or as
  edited in Settings);
- an invoice is at the step its age calls for: the last step whose offset is
  reached. Earlier steps never done are not skipped silently: the action lists
  them as ``missed``. A pre-reminder is only worth sending before the due date;
- done or skipped steps are recorded per invoice; the next action waits for the
  next step's offset;
- the ladder pauses for a disputed invoice, a promise to pay (until its date plus a
  grace period), a postponed action (until the chosen date), an invoice handed to an
  agency or to court, and a client in a collective procedure (no more reminders,
  penalties or €40).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import (
    CHANNELS,
    CLIENT_KINDS,
    DISPUTE_REASONS,
    STEP_ACTIONS,
    Client,
    ContactLog,
    Dispute,
    DunningRecord,
    DunningScenario,
    DunningStep,
    Invoice,
    InvoiceHold,
    Payment,
    PaymentPlan,
    PlanInstalment,
)
from services.core import clock, company, db, history, lookups, settings
from services.core.errors import NotFound, UserError, ValidationError
from services.core.i18n import FIELD_LABELS, QT_TRANSLATE_NOOP
from services.core.money import from_cents
from services.core.terms import check_date_range
from services.core.text import clean_text
from services.followup import open_invoices as core
from services.ledger import clients

ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class Step:
    offset_days: int
    action: str
    channel: str
    with_penalties: bool = False
    label: str = ""


# shared/domain.md §4.1 — the defaults per client kind
DEFAULT_STEPS: dict[str, tuple[Step, ...]] = {
    "pro": (
        Step(-5, "pre_reminder", "email"),
        Step(5, "reminder", "letter"),
        Step(15, "reminder", "letter", True),
        Step(22, "phone_call", "phone", True),
        Step(30, "formal_notice", "registered_letter", True),
        Step(45, "final_notice", "registered_letter", True),
        Step(60, "injunction", "letter", True),
    ),
    # no €40 and no penalties before the formal notice (§3.1)
    "consumer": (
        Step(-3, "pre_reminder", "email"),
        Step(7, "reminder", "letter"),
        Step(20, "reminder", "letter"),
        Step(35, "formal_notice", "registered_letter", True),
        Step(50, "final_notice", "registered_letter", True),
    ),
    "public": (
        Step(5, "reminder", "letter"),
        Step(20, "reminder", "letter", True),
        Step(35, "reminder", "registered_letter", True),
        Step(50, "moratorium_claim", "registered_letter", True),
    ),
}
DEFAULT_STEPS["nonprofit"] = DEFAULT_STEPS["pro"]

ACTION_LABELS = {
    "pre_reminder": QT_TRANSLATE_NOOP("Messages", "pre-reminder"),
    "reminder": QT_TRANSLATE_NOOP("Messages", "reminder"),
    "phone_call": QT_TRANSLATE_NOOP("Messages", "phone call"),
    "formal_notice": QT_TRANSLATE_NOOP("Messages", "formal notice"),
    "final_notice": QT_TRANSLATE_NOOP("Messages", "final notice"),
    "agency": QT_TRANSLATE_NOOP("Messages", "hand-off to a collection agency"),
    "small_claims": QT_TRANSLATE_NOOP("Messages", "small-claims procedure"),
    "injunction": QT_TRANSLATE_NOOP("Messages", "injonction de payer"),
    "moratorium_claim": QT_TRANSLATE_NOOP("Messages", "claim for moratorium interest"),
}

MSG_NO_STEPS = QT_TRANSLATE_NOOP("Messages", "a scenario needs at least one step")
MSG_SAME_OFFSET = QT_TRANSLATE_NOOP("Messages", "two steps at the same offset ({offset} days)")
MSG_BAD_ACTION = QT_TRANSLATE_NOOP("Messages", "unknown action {value}")
MSG_BAD_CHANNEL = QT_TRANSLATE_NOOP("Messages", "unknown channel {value}")
MSG_BAD_KIND = QT_TRANSLATE_NOOP("Messages", "unknown client kind {value}")
MSG_PAID = QT_TRANSLATE_NOOP("Messages", "the invoice {number} is paid")
MSG_AMOUNT = QT_TRANSLATE_NOOP("Messages", "the promised amount must be more than zero")
MSG_PAST = QT_TRANSLATE_NOOP("Messages", "the date {value} is already past")
MSG_REASON = QT_TRANSLATE_NOOP("Messages", "unknown reason {value}; expected one of {choices}")
MSG_ALREADY_DISPUTED = QT_TRANSLATE_NOOP("Messages", "the invoice {number} is already disputed")
MSG_NOT_DISPUTED = QT_TRANSLATE_NOOP("Messages", "the invoice {number} is not disputed")
MSG_OUTCOME = QT_TRANSLATE_NOOP("Messages", "close a dispute as resolved or rejected")
MSG_NEED_REASON = QT_TRANSLATE_NOOP("Messages", "say why the step is skipped")

history.ACTIONS.update(
    {
        "step_done": QT_TRANSLATE_NOOP("History", "dunning step done"),
        "step_skipped": QT_TRANSLATE_NOOP("History", "dunning step skipped"),
        "step_postponed": QT_TRANSLATE_NOOP("History", "dunning step postponed"),
        "promise": QT_TRANSLATE_NOOP("History", "promise to pay"),
        "dispute_opened": QT_TRANSLATE_NOOP("History", "dispute opened"),
        "dispute_closed": QT_TRANSLATE_NOOP("History", "dispute closed"),
        "handed_off": QT_TRANSLATE_NOOP("History", "handed off"),
        "procedure": QT_TRANSLATE_NOOP("History", "injonction de payer: dates recorded"),
        "collective_procedure": QT_TRANSLATE_NOOP("History", "collective procedure"),
        "scenario_changed": QT_TRANSLATE_NOOP("History", "dunning scenario changed"),
        "alert_snoozed": QT_TRANSLATE_NOOP("History", "alert snoozed"),
        "contact_logged": QT_TRANSLATE_NOOP("History", "call or contact logged"),
        "plan_agreed": QT_TRANSLATE_NOOP("History", "payment plan agreed"),
        "plan_closed": QT_TRANSLATE_NOOP("History", "payment plan closed"),
    }
)

# the fields of the follow-up's dialogs that the shared labels do not name yet
FIELD_LABELS.update(
    {
        "collective_procedure_on": QT_TRANSLATE_NOOP("Fields", "BODACC notice date"),
        "promised_on": QT_TRANSLATE_NOOP("Fields", "Promised for"),
        "filed": QT_TRANSLATE_NOOP("Fields", "Request filed on"),
        "ordonnance": QT_TRANSLATE_NOOP("Fields", "Ordonnance of"),
        "served": QT_TRANSLATE_NOOP("Fields", "Served (signification) on"),
        "serve_by": QT_TRANSLATE_NOOP("Fields", "To serve by"),
        "opposition_until": QT_TRANSLATE_NOOP("Fields", "Opposition until"),
        "enforceable_from": QT_TRANSLATE_NOOP("Fields", "Enforceable from"),
        # books from before issue #13 hold this date of the step abolished on 1 March 2022
        "executory_request_by": QT_TRANSLATE_NOOP("Fields", "Formule exécutoire to ask by"),
    }
)

MSG_PROCEDURE_ORDER = QT_TRANSLATE_NOOP(
    "Messages", "this date ({value}) cannot be before an earlier date of the procedure ({before})"
)
MSG_FUTURE = QT_TRANSLATE_NOOP("Messages", "the date {value} is in the future")
MSG_NO_PROCEDURE = QT_TRANSLATE_NOOP(
    "Messages", "the invoice {number} is not handed over to an injonction de payer"
)
#: the injonction de payer since 1 March 2022 (art. 1410–1411, 1416 CPC; shared/domain.md
#: §4.6): serve the ordonnance within 6 months or it lapses; the debtor may oppose for one
#: month from service; without opposition the ordonnance, issued with the formule
#: exécutoire, is enforceable. (No "ask for the formule exécutoire" step any more.)
SERVE_WITHIN_MONTHS = 6
OPPOSE_WITHIN_MONTHS = 1
PROCEDURE_DATES = ("filed", "ordonnance", "served")


def procedure_deadlines(details: dict[str, Any]) -> dict[str, dt.date]:
    """The dates an injonction de payer's recorded dates lead to (§4.6)."""
    from dateutil.relativedelta import relativedelta

    def day(key: str) -> dt.date | None:
        value = details.get(key)
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    out: dict[str, dt.date] = {}
    ordonnance, served = day("ordonnance"), day("served")
    if ordonnance is not None and served is None:
        out["serve_by"] = ordonnance + relativedelta(months=SERVE_WITHIN_MONTHS)
    if served is not None:
        out["opposition_until"] = served + relativedelta(months=OPPOSE_WITHIN_MONTHS)
        out["enforceable_from"] = out["opposition_until"] + dt.timedelta(days=1)
    return out


def _procedure_details(
    filed: dt.date | None, ordonnance: dt.date | None, served: dt.date | None, today: dt.date
) -> dict[str, Any]:
    """The injonction's dates, checked (in order, none after today), with their deadlines."""
    given = {"filed": filed, "ordonnance": ordonnance, "served": served}
    before: tuple[str, dt.date] | None = None
    for key in PROCEDURE_DATES:
        value = given[key]
        if value is None:
            continue
        check_date_range(value, key)
        if value > today:
            raise UserError(MSG_FUTURE, field=key, value=value.isoformat())
        if before is not None and value < before[1]:
            raise UserError(
                MSG_PROCEDURE_ORDER,
                field=key,
                value=value.isoformat(),
                before=before[1].isoformat(),
            )
        before = (key, value)
    details: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    details.update(procedure_deadlines(details))
    return details


def _line(text: str, field: str) -> str:
    """A name, a reason or a reference: no control character at all (issue #11)."""
    return clean_text(text, field)


def _note(text: str, field: str = "notes") -> str:
    """A note: tabs and newlines kept, no other control character (issue #11)."""
    return clean_text(text, field, multiline=True)


def _day_or_today(day: dt.date | None) -> dt.date:
    """The date an action is recorded on: the one given (checked, named 'date'), else today."""
    return check_date_range(day, "date") if day is not None else clock.today()


# -- scenarios ------------------------------------------------------------------------------
def validate_steps(steps: Sequence[Step]) -> list[Step]:
    errors: list[UserError] = []
    if not steps:
        errors.append(UserError(MSG_NO_STEPS, field="steps"))
    seen: set[int] = set()
    for step in steps:
        if step.offset_days in seen:
            errors.append(UserError(MSG_SAME_OFFSET, field="steps", offset=str(step.offset_days)))
        seen.add(step.offset_days)
        if step.action not in STEP_ACTIONS:
            errors.append(UserError(MSG_BAD_ACTION, field="steps", value=step.action))
        if step.channel not in CHANNELS:
            errors.append(UserError(MSG_BAD_CHANNEL, field="steps", value=step.channel))
        try:
            _line(step.label, "steps")
        except UserError as exc:
            errors.append(exc)
    if errors:
        raise ValidationError(errors)
    return sorted(steps, key=lambda s: s.offset_days)


def _steps_of(s: Session, scenario_id: int) -> tuple[Step, ...]:
    rows = s.scalars(
        select(DunningStep)
        .where(DunningStep.scenario_id == scenario_id)
        .order_by(DunningStep.offset_days)
    ).all()
    return tuple(Step(r.offset_days, r.action, r.channel, r.with_penalties, r.label) for r in rows)


def default_steps(kind: str, s: Session | None = None) -> tuple[Step, ...]:
    """The steps of a client kind's default scenario (as edited, else built in)."""

    def read(session: Session) -> tuple[Step, ...]:
        scenario = session.scalars(
            select(DunningScenario).where(DunningScenario.client_kind == kind)
        ).first()
        return (
            _steps_of(session, scenario.id)
            if scenario
            else DEFAULT_STEPS.get(kind, DEFAULT_STEPS["pro"])
        )

    if s is not None:
        return read(s)
    with db.reading() as session:
        return read(session)


def client_steps(s: Session, kind: str, scenario_id: int | None) -> tuple[Step, ...]:
    """The ladder a client is on, as placement reads it (``Situation.ladder_of``): its own
    scenario when it has one, else its kind's default."""
    return _steps_of(s, scenario_id) if scenario_id else default_steps(kind, s)


def reminder_number(steps: Sequence[Step], step: Step) -> int:
    """The number a reminder letter prints ("Relance n° 3"): 1 + the reminders of the client's
    own ladder that come before ``step``."""
    return 1 + sum(
        1 for st in steps if st.action == "reminder" and st.offset_days < step.offset_days
    )


def _replace_steps(s: Session, scenario_id: int, steps: Sequence[Step]) -> None:
    """The scenario's steps become ``steps`` (already validated): the old rows go first."""
    for row in s.scalars(select(DunningStep).where(DunningStep.scenario_id == scenario_id)):
        s.delete(row)
    s.flush()
    for step in steps:
        s.add(
            DunningStep(
                scenario_id=scenario_id,
                offset_days=step.offset_days,
                action=step.action,
                channel=step.channel,
                with_penalties=step.with_penalties,
                label=step.label,
            )
        )


def save_default_scenario(kind: str, steps: Sequence[Step]) -> None:
    """Replace the default scenario of a client kind (Settings)."""
    if kind not in CLIENT_KINDS:
        raise UserError(MSG_BAD_KIND, field="kind", value=kind)
    clean = validate_steps(steps)
    with db.transaction() as s:
        scenario = s.scalars(
            select(DunningScenario).where(DunningScenario.client_kind == kind)
        ).first()
        if scenario is None:
            scenario = DunningScenario(
                name=f"default-{kind}", client_kind=kind, created_at=clock.now()
            )
            s.add(scenario)
            s.flush()
        before = [step.offset_days for step in _steps_of(s, scenario.id)]
        _replace_steps(s, scenario.id, clean)
        history.record(
            s,
            "scenario",
            scenario.id,
            "scenario_changed",
            label=kind,
            details={"before": before, "after": [x.offset_days for x in clean]},
        )


@dataclass(frozen=True, slots=True)
class ScenarioRow:
    id: int | None  # None: a built-in default not edited yet
    name: str
    client_kind: str | None  # set: the default of that kind
    steps: tuple[Step, ...]


MSG_NAME = QT_TRANSLATE_NOOP("Messages", "give the scenario a name")
MSG_NAME_TAKEN = QT_TRANSLATE_NOOP("Messages", "a scenario named {value} already exists")
MSG_SCENARIO_GONE = QT_TRANSLATE_NOOP("Messages", "this scenario no longer exists")


def scenarios() -> list[ScenarioRow]:
    """The four defaults (one per client kind), then the named scenarios."""
    with db.reading() as s:
        rows = s.scalars(select(DunningScenario).order_by(DunningScenario.name)).all()
        by_kind = {r.client_kind: r for r in rows if r.client_kind}
        out = [
            ScenarioRow(
                by_kind[k].id if k in by_kind else None, f"default-{k}", k, default_steps(k, s)
            )
            for k in CLIENT_KINDS
        ]
        out += [
            ScenarioRow(r.id, r.name, None, _steps_of(s, r.id)) for r in rows if not r.client_kind
        ]
        return out


def save_scenario(name: str, steps: Sequence[Step], scenario_id: int | None = None) -> int:
    """Create or replace a named scenario (assignable to clients)."""
    name = _line(name, "name")
    if not name:
        raise UserError(MSG_NAME, field="name")
    clean = validate_steps(steps)
    with db.transaction() as s:
        taken = s.scalar(select(DunningScenario.id).where(DunningScenario.name == name))
        if taken is not None and taken != scenario_id:
            raise UserError(MSG_NAME_TAKEN, field="name", value=name)
        if scenario_id is None:
            scenario = DunningScenario(name=name, created_at=clock.now())
            s.add(scenario)
            s.flush()
        else:
            found = s.get(DunningScenario, scenario_id)
            if found is None:
                raise NotFound(MSG_SCENARIO_GONE, field="name")
            scenario = found
            scenario.name = name
        _replace_steps(s, scenario.id, clean)
        history.record(
            s,
            "scenario",
            scenario.id,
            "scenario_changed",
            label=name,
            details={"after": [x.offset_days for x in clean]},
        )
        return scenario.id


def delete_scenario(scenario_id: int) -> None:
    """Delete a named scenario; its clients go back to the default of their kind."""
    with db.transaction() as s:
        scenario = s.get(DunningScenario, scenario_id)
        if scenario is None or scenario.client_kind:
            raise NotFound(MSG_SCENARIO_GONE, field="name")
        for client in s.scalars(select(Client).where(Client.scenario_id == scenario_id)):
            client.scenario_id = None
        s.delete(scenario)


# -- the ladder -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class OpenInvoice:
    id: int
    number: str
    client_id: int
    client_code: str
    client_name: str
    client_kind: str
    currency: str
    issue_date: dt.date
    due_date: dt.date
    balance: Decimal
    disputed: bool


@dataclass(slots=True)
class Action:
    """One client's invoices at one step, due on ``as_of``."""

    client_id: int
    client_code: str
    client_name: str
    client_kind: str
    step: Step
    currency: str
    invoices: list[OpenInvoice] = field(default_factory=list)
    missed: list[Step] = field(default_factory=list)  # earlier steps never done

    @property
    def amount(self) -> Decimal:
        return sum((i.balance for i in self.invoices), ZERO)

    def max_days_late(self, as_of: dt.date) -> int:
        return max(0, max((as_of - i.due_date).days for i in self.invoices))

    @property
    def key(self) -> str:
        return f"{self.client_code}:{self.step.offset_days}:{self.currency}"


@dataclass(frozen=True, slots=True)
class Holds:
    paused: set[int]  # invoice ids whose ladder is paused on the date
    handed_off: set[int]
    promises: list[tuple[int, dt.date, Decimal | None]]  # open promises: invoice, date, amount
    missed_instalments: list[
        tuple[int, int, dt.date, Decimal, str]
    ]  # plan, client, due, amount, currency


def _plan_status(
    s: Session, as_of: dt.date, grace: int
) -> tuple[set[int], list[tuple[int, int, dt.date, Decimal, str]]]:
    """Invoices covered by a plan in good standing, and the first missed instalment of
    each plan that is not. Paid = the client's payments since the plan was agreed."""
    paused: set[int] = set()
    missed: list[tuple[int, int, dt.date, Decimal, str]] = []
    for plan in s.scalars(
        select(PaymentPlan).where(PaymentPlan.closed_on.is_(None), PaymentPlan.agreed_on <= as_of)
    ):
        paid = (
            s.scalar(
                select(func.sum(Payment.amount)).where(
                    Payment.client_id == plan.client_id,
                    Payment.currency == plan.currency,
                    Payment.date >= plan.agreed_on,
                    Payment.date <= as_of,
                )
            )
            or ZERO
        )
        owed = Decimal("0.00")
        late: tuple[int, int, dt.date, Decimal, str] | None = None
        for instalment in s.scalars(
            select(PlanInstalment)
            .where(PlanInstalment.plan_id == plan.id)
            .order_by(PlanInstalment.due_on)
        ):
            owed += instalment.amount
            if instalment.due_on + dt.timedelta(days=grace) < as_of and paid < owed:
                late = (plan.id, plan.client_id, instalment.due_on, owed - paid, plan.currency)
                break
        if late is not None:
            missed.append(late)
        else:
            paused.update(json.loads(plan.invoice_ids or "[]"))
    return paused, missed


def _holds(s: Session, as_of: dt.date, grace: int) -> Holds:
    paused: set[int] = set()
    handed: set[int] = set()
    promises: list[tuple[int, dt.date, Decimal | None]] = []
    for hold in s.scalars(
        select(InvoiceHold).where(InvoiceHold.closed_on.is_(None), InvoiceHold.since <= as_of)
    ):
        if hold.kind in ("agency", "legal"):
            handed.add(hold.invoice_id)
        elif hold.kind == "postpone" and hold.until is not None and as_of < hold.until:
            paused.add(hold.invoice_id)
        elif hold.kind == "promise" and hold.until is not None:
            promises.append((hold.invoice_id, hold.until, hold.amount))
            if as_of <= hold.until + dt.timedelta(days=grace):
                paused.add(hold.invoice_id)
    in_plan, missed = _plan_status(s, as_of, grace)
    return Holds(paused | in_plan, handed, promises, missed)


def place(steps: Sequence[Step], age: int, done: set[int]) -> tuple[Step | None, list[Step]]:
    """The step an invoice ``age`` days after its due date is at, unless already done,
    and the earlier steps never done. Pure: the heart of the ladder."""
    eligible = [
        st
        for st in steps
        if st.offset_days <= age and not (st.action == "pre_reminder" and age >= 0)
    ]
    if not eligible:
        return None, []
    target = eligible[-1]
    if target.offset_days in done:
        return None, []
    last_done = max((o for o in done if o < target.offset_days), default=None)
    missed = [
        st
        for st in steps
        if st.offset_days < target.offset_days
        and st.offset_days not in done
        and (last_done is None or st.offset_days > last_done)
    ]
    return target, missed


@dataclass(slots=True)
class Situation:
    """Everything the actions and the alerts need on a date, read once."""

    as_of: dt.date
    rows: list[core.Row]
    clients: dict[int, core.ClientInfo]
    ladders: dict[int | str, core.Ladder[Step]]
    holds: Holds
    groups: list[core.Group]

    def ladder_of(self, client_id: int) -> core.Ladder[Step]:
        info = self.clients[client_id]
        return (self.ladders.get(info.scenario_id) if info.scenario_id else None) or self.ladders[
            info.kind
        ]

    def step_of(self, group: core.Group) -> Step:
        ladder = self.ladder_of(group.client_id)
        return ladder.steps[ladder.offsets.index(group.offset)]


def ladders(
    s: Session, scenario_ids: Iterable[int] | None = None
) -> dict[int | str, core.Ladder[Step]]:
    """The ladder of each client kind's default and of each named scenario in use."""
    out: dict[int | str, core.Ladder[Step]] = {
        k: core.Ladder(default_steps(k, s)) for k in CLIENT_KINDS
    }
    if scenario_ids is None:
        scenario_ids = s.scalars(
            select(Client.scenario_id).where(Client.scenario_id.is_not(None)).distinct()
        )
    for scenario_id in set(scenario_ids):
        out[scenario_id] = core.Ladder(_steps_of(s, scenario_id))
    return out


def situation(as_of: dt.date | None = None, s: Session | None = None) -> Situation:
    """Everything the day's actions need, read in one session (``s``, or one of its own)."""
    as_of = as_of or clock.today()
    with company.reading(s) as s:
        grace = settings.load(s).grace_days
        rows = core.open_rows(s, as_of)
        clients = core.client_infos(s)
        holds = _holds(s, as_of, grace)
        ladder_of = ladders(s, {c.scenario_id for c in clients.values() if c.scenario_id})
        done = core.done_offsets(s, (r[0] for r in rows), as_of)
    groups = core.groups(rows, clients, ladder_of, done, holds.paused, holds.handed_off, as_of)
    return Situation(as_of, rows, clients, ladder_of, holds, groups)


def invoice_details(ids: Sequence[int], s: Session | None = None) -> dict[int, tuple[str, dt.date]]:
    """Number and issue date of these invoices (in ``s``, or a session of its own)."""
    out: dict[int, tuple[str, dt.date]] = {}
    ids = list(ids)
    with company.reading(s) as s:
        for start in range(0, len(ids), 900):
            for invoice_id, number, issued in s.execute(
                select(Invoice.id, Invoice.number, Invoice.issue_date).where(
                    Invoice.id.in_(ids[start : start + 900])
                )
            ):
                out[invoice_id] = (number, issued)
    return out


def _open_invoice(
    row: core.Row, details: tuple[str, dt.date], info: core.ClientInfo, as_of: dt.date
) -> OpenInvoice:
    """An open row as of ``as_of`` (its age is days past the due date), with its number and
    issue date, and its client."""
    invoice_id, client_id, currency, age, cents, disputed = row
    number, issued = details
    return OpenInvoice(
        invoice_id,
        number,
        client_id,
        info.code,
        info.name,
        info.kind,
        currency,
        issued,
        as_of - dt.timedelta(days=age),
        from_cents(cents),
        bool(disputed),
    )


def overdue_invoices(
    client_id: int, as_of: dt.date | None = None, currency: str = "EUR"
) -> list[OpenInvoice]:
    """The client's invoices past their due date and not fully paid (for a payment plan)."""
    as_of = as_of or clock.today()
    with company.reading() as s:
        rows = [
            r
            for r in core.Source(s, as_of).of_clients({client_id})
            if r[3] > 0 and r[2] == currency
        ]
        info = core.client_infos(s, {client_id})[client_id]
        details = invoice_details([r[0] for r in rows], s)
    out = [_open_invoice(r, details[r[0]], info, as_of) for r in rows]
    return sorted(out, key=lambda i: (i.due_date, i.number))


def actions(
    as_of: dt.date | None = None, *, seen: Situation | None = None, s: Session | None = None
) -> list[Action]:
    """Every action due on ``as_of``: one per client, step and currency (read in one
    session: ``s``, or one of its own)."""
    with company.reading(s) as s:
        now = seen or situation(as_of, s)
        details = invoice_details([r[0] for g in now.groups for r in g.rows], s)
    day = now.as_of
    out: list[Action] = []
    for group in now.groups:
        info = now.clients[group.client_id]
        ladder = now.ladder_of(group.client_id)
        action = Action(
            group.client_id, info.code, info.name, info.kind, now.step_of(group), group.currency
        )
        action.invoices += [_open_invoice(r, details[r[0]], info, day) for r in group.rows]
        action.missed = [st for st in ladder.steps if st.offset_days in group.missed]
        action.invoices.sort(key=lambda i: (i.due_date, i.number))
        out.append(action)
    out.sort(key=lambda a: (-a.step.offset_days, a.client_name.casefold(), a.currency))
    return out


# -- what the user does with an action -------------------------------------------------------
def _record_step(
    s: Session,
    invoice: Invoice,
    step: Step,
    status: str,
    on: dt.date,
    reason: str = "",
    tracking: str = "",
    channel: str = "",
) -> None:
    s.add(
        DunningRecord(
            invoice_id=invoice.id,
            client_id=invoice.client_id,
            offset_days=step.offset_days,
            action=step.action,
            channel="registered_letter" if tracking else (channel or step.channel),
            status=status,
            on=on,
            reason=reason,
            tracking_number=tracking,
            created_at=clock.now(),
        )
    )
    action = "step_done" if status == "done" else "step_skipped"
    details: dict[str, Any] = {
        "step": step.action,
        "offset": step.offset_days,
        "channel": step.channel,
    }
    if reason:
        details["reason"] = reason
    if tracking:
        details["tracking_number"] = tracking
    history.record_invoice(s, invoice, action, details)


def record_step_in_session(s: Session, invoice: Invoice, step: Step, on: dt.date) -> None:
    """A step done on a date, inside the caller's transaction (the demo book's history)."""
    _record_step(s, invoice, step, "done", on)


def _invoices(s: Session, ids: Sequence[int]) -> list[Invoice]:
    return list(s.scalars(select(Invoice).where(Invoice.id.in_(ids))))


def mark_done(action: Action, on: dt.date | None = None, *, tracking_number: str = "") -> None:
    """The step is done for every invoice of the action (one transaction)."""
    with db.transaction() as s:
        mark_done_in_session(s, action, on, tracking_number=tracking_number)


def mark_done_in_session(
    s: Session,
    action: Action,
    on: dt.date | None = None,
    *,
    tracking_number: str = "",
    channel: str = "",
) -> None:
    """:func:`mark_done` inside the caller's transaction (letters recorded as sent);
    ``channel``: how it was really done, when not the step's (a paper letter for an e-mail
    step: the record must not say an e-mail went out)."""
    on = _day_or_today(on)
    tracking = _line(tracking_number, "reference")
    for invoice in _invoices(s, [i.id for i in action.invoices]):
        _record_step(s, invoice, action.step, "done", on, tracking=tracking, channel=channel)


def skip(action: Action, reason: str, on: dt.date | None = None) -> None:
    reason = _line(reason, "reason")
    if not reason:
        raise UserError(MSG_NEED_REASON, field="reason")
    on = _day_or_today(on)
    with db.transaction() as s:
        for invoice in _invoices(s, [i.id for i in action.invoices]):
            _record_step(s, invoice, action.step, "skipped", on, reason=reason)


def postpone(action: Action, until: dt.date, on: dt.date | None = None) -> None:
    check_date_range(until, "date")
    on = _day_or_today(on)
    if until <= on:
        raise UserError(MSG_PAST, field="date", value=until.isoformat())
    with db.transaction() as s:
        for invoice in _invoices(s, [i.id for i in action.invoices]):
            s.add(
                InvoiceHold(
                    invoice_id=invoice.id,
                    client_id=invoice.client_id,
                    kind="postpone",
                    since=on,
                    until=until,
                    details=json.dumps({"step": action.step.action}),
                    created_at=clock.now(),
                )
            )
            history.record_invoice(
                s, invoice, "step_postponed", {"step": action.step.action, "until": until}
            )


# -- promises, disputes, hand-offs ---------------------------------------------------------------
def _invoice_by_number(s: Session, number: str) -> Invoice:
    invoice = s.get(Invoice, lookups.invoice_id(s, number))
    assert invoice is not None  # just found in this session
    return invoice


def promise(
    number: str, amount: Decimal, on_date: dt.date, *, note: str = "", today: dt.date | None = None
) -> None:
    """A promise to pay ``amount`` by ``on_date``: the ladder pauses until then plus grace."""
    today = _day_or_today(today)
    _check_promise(amount, on_date, today)
    note = _note(note)
    with db.transaction() as s:
        _promise(s, number, amount, on_date, note, today)


def _check_promise(amount: Decimal, on_date: dt.date, today: dt.date) -> None:
    if amount <= 0:
        raise UserError(MSG_AMOUNT, field="amount")
    check_date_range(on_date, "promised_on")
    if on_date < today:
        raise UserError(MSG_PAST, field="date", value=on_date.isoformat())


def _promise(
    s: Session, number: str, amount: Decimal, on_date: dt.date, note: str, today: dt.date
) -> None:
    invoice = _invoice_by_number(s, number)
    if invoice.total <= invoice.allocated:
        raise UserError(MSG_PAID, field="invoice", number=invoice.number)
    s.add(
        InvoiceHold(
            invoice_id=invoice.id,
            client_id=invoice.client_id,
            kind="promise",
            since=today,
            until=on_date,
            amount=amount,
            details=json.dumps({"note": note}),
            created_at=clock.now(),
        )
    )
    history.record_invoice(s, invoice, "promise", {"amount": amount, "date": on_date, "note": note})


def open_dispute(number: str, reason: str, note: str = "", today: dt.date | None = None) -> None:
    if reason not in DISPUTE_REASONS:
        raise UserError(
            MSG_REASON, field="reason", value=reason, choices=", ".join(DISPUTE_REASONS)
        )
    today = _day_or_today(today)
    note = _note(note)
    with db.transaction() as s:
        invoice = _invoice_by_number(s, number)
        if invoice.disputed:
            raise UserError(MSG_ALREADY_DISPUTED, field="invoice", number=invoice.number)
        invoice.disputed = True
        s.add(
            Dispute(
                invoice_id=invoice.id,
                reason=reason,
                note=note,
                opened_on=today,
                created_at=clock.now(),
            )
        )
        history.record_invoice(s, invoice, "dispute_opened", {"reason": reason, "note": note})


def close_dispute(number: str, outcome: str, note: str = "", today: dt.date | None = None) -> None:
    if outcome not in ("resolved", "rejected"):
        raise UserError(MSG_OUTCOME, field="outcome")
    today = _day_or_today(today)
    note = _note(note)
    with db.transaction() as s:
        invoice = _invoice_by_number(s, number)
        if not invoice.disputed:
            raise UserError(MSG_NOT_DISPUTED, field="invoice", number=invoice.number)
        invoice.disputed = False
        for dispute in s.scalars(
            select(Dispute).where(Dispute.invoice_id == invoice.id, Dispute.closed_on.is_(None))
        ):
            dispute.closed_on = today
            dispute.outcome = outcome
            if note:
                dispute.note = (dispute.note + "\n" + note).strip()
        history.record_invoice(s, invoice, "dispute_closed", {"outcome": outcome, "note": note})


def hand_off(
    numbers: str | Sequence[str], kind: str, details: dict[str, Any], today: dt.date | None = None
) -> None:
    """Hand invoices to a collection agency (``agency``) or to court (``legal``):
    internal reminders stop (§4.6, §4.8). One transaction for all of them."""
    today = _day_or_today(today)
    numbers = [numbers] if isinstance(numbers, str) else list(numbers)
    details = _checked_details(details)
    with db.transaction() as s:
        for number in numbers:
            invoice = _invoice_by_number(s, number)
            s.add(
                InvoiceHold(
                    invoice_id=invoice.id,
                    client_id=invoice.client_id,
                    kind=kind,
                    since=today,
                    details=json.dumps(details, default=str),
                    created_at=clock.now(),
                )
            )
            history.record_invoice(s, invoice, "handed_off", {"to": kind, **details})


def hand_off_to_injunction(
    numbers: str | Sequence[str],
    details: dict[str, Any],
    *,
    filed: dt.date | None = None,
    ordonnance: dt.date | None = None,
    served: dt.date | None = None,
    today: dt.date | None = None,
) -> None:
    """Hand invoices to an injonction de payer (a ``legal`` hold, ``to`` = ``injunction``)
    with the procedure's dates known so far and their deadlines (§4.6)."""
    today = _day_or_today(today)
    dates = _procedure_details(filed, ordonnance, served, today)
    hand_off(numbers, "legal", {**details, "to": "injunction", **dates}, today)


def record_procedure(
    numbers: str | Sequence[str],
    *,
    filed: dt.date | None = None,
    ordonnance: dt.date | None = None,
    served: dt.date | None = None,
    today: dt.date | None = None,
) -> None:
    """The injonction de payer moved on: the dates given (and the ones already recorded)
    are kept on each invoice's hand-off with the deadlines they lead to. One transaction."""
    today = _day_or_today(today)
    numbers = [numbers] if isinstance(numbers, str) else list(numbers)
    with db.transaction() as s:
        for number in numbers:
            invoice = _invoice_by_number(s, number)
            hold = s.scalars(
                select(InvoiceHold)
                .where(
                    InvoiceHold.invoice_id == invoice.id,
                    InvoiceHold.kind == "legal",
                    InvoiceHold.closed_on.is_(None),
                )
                .order_by(InvoiceHold.since.desc())
                .limit(1)
            ).first()
            details = json.loads(hold.details or "{}") if hold is not None else {}
            if hold is None or details.get("to") != "injunction":
                raise UserError(MSG_NO_PROCEDURE, field="invoice", number=invoice.number)
            known = {
                key: dt.date.fromisoformat(details[key])
                for key in PROCEDURE_DATES
                if details.get(key)
            }
            given = {"filed": filed, "ordonnance": ordonnance, "served": served}
            merged = {key: given[key] or known.get(key) for key in PROCEDURE_DATES}
            dates = _procedure_details(
                merged["filed"], merged["ordonnance"], merged["served"], today
            )
            for key in ("serve_by", "opposition_until", "enforceable_from", "executory_request_by"):
                details.pop(key, None)
            details.update(dates)
            hold.details = json.dumps(details, default=str)
            changed = {k: v for k, v in given.items() if v is not None}
            history.record_invoice(s, invoice, "procedure", {**changed, **dates})


def procedure_of(number: str) -> dict[str, Any] | None:
    """The injonction de payer in progress for an invoice: its recorded details (dates as
    ISO text) with the deadlines they lead to; None when it is not handed to one."""
    with db.reading() as s:
        invoice = _invoice_by_number(s, number)
        for procedure in procedures(s):
            if procedure.invoice_id == invoice.id:
                return {**procedure.details, **procedure.deadlines}
    return None


@dataclass(frozen=True, slots=True)
class Procedure:
    """An injonction de payer in progress, for the alerts (§4.6)."""

    invoice_id: int
    number: str
    client_id: int
    details: dict[str, Any]
    deadlines: dict[str, dt.date]


def procedures(s: Session) -> list[Procedure]:
    """The injonctions de payer in progress (open ``legal`` hand-offs to an injunction)."""
    out = []
    for hold, number in s.execute(
        select(InvoiceHold, Invoice.number)
        .join(Invoice, Invoice.id == InvoiceHold.invoice_id)
        .where(InvoiceHold.kind == "legal", InvoiceHold.closed_on.is_(None))
        .order_by(InvoiceHold.since, Invoice.number)
    ):
        try:
            details = json.loads(hold.details or "{}")
        except ValueError:
            continue
        if isinstance(details, dict) and details.get("to") == "injunction":
            out.append(
                Procedure(
                    hold.invoice_id, number, hold.client_id, details, procedure_deadlines(details)
                )
            )
    return out


def _checked_details(details: dict[str, Any]) -> dict[str, Any]:
    """A hand-off's details as given: every text on one line, every date within
    1900-01-01 … 2100-12-31, each refused naming its key (issue #11)."""
    out: dict[str, Any] = {}
    for key, value in details.items():
        if isinstance(value, str):
            value = _line(value, key)
        elif isinstance(value, dt.date):
            check_date_range(value, key)
        out[key] = value
    return out


def set_collective_procedure(client_id: int, notice_date: dt.date | None) -> None:
    """The BODACC notice of a collective procedure: no more reminders, penalties or €40;
    the claim must be declared within 2 months (§4.10)."""
    if notice_date is not None:
        check_date_range(notice_date, "collective_procedure_on")
    with db.transaction() as s:
        client = lookups.client(s, client_id)
        clients.collective_procedure_in_session(s, client, notice_date)


# -- calls and payment plans ---------------------------------------------------------------------
MSG_PLAN_EMPTY = QT_TRANSLATE_NOOP("Messages", "a payment plan needs at least one instalment")
MSG_PLAN_SUM = QT_TRANSLATE_NOOP("Messages", "the instalments add up to {sum}, not {total}")
MSG_PLAN_DATES = QT_TRANSLATE_NOOP(
    "Messages", "instalment dates must be in order and not before {date}"
)
MSG_PLAN_GONE = QT_TRANSLATE_NOOP("Messages", "this payment plan no longer exists.")


def log_contact(
    client_id: int,
    on: dt.date,
    *,
    person: str = "",
    outcome: str = "",
    note: str = "",
    channel: str = "phone",
    invoice_number: str | None = None,
    promised: tuple[Decimal, dt.date] | None = None,
) -> None:
    """A call (or another contact) with the client; optionally a promise to pay that
    pauses the invoice's ladder (§4.2). The call and the promise: one transaction."""
    check_date_range(on, "date")
    person, outcome = _line(person, "contact"), _line(outcome, "outcome")
    note = _note(note)
    if promised is not None and invoice_number:
        _check_promise(promised[0], promised[1], on)
    with db.transaction() as s:
        client = lookups.client(s, client_id)
        invoice = _invoice_by_number(s, invoice_number) if invoice_number else None
        s.add(
            ContactLog(
                client_id=client_id,
                invoice_id=invoice.id if invoice else None,
                on=on,
                channel=channel,
                person=person,
                outcome=outcome,
                note=note,
                created_at=clock.now(),
            )
        )
        history.record(
            s,
            "client",
            client_id,
            "contact_logged",
            client_id=client_id,
            label=client.code,
            details={
                "on": on,
                "person": person,
                "outcome": outcome,
                "note": note,
                "invoice": invoice.number if invoice else None,
            },
        )
        if promised is not None and invoice_number:
            _promise(s, invoice_number, promised[0], promised[1], note, on)


def equal_split(
    total: Decimal, count: int, first: dt.date, months_apart: int = 1
) -> list[tuple[dt.date, Decimal]]:
    """``count`` monthly instalments adding up exactly to ``total`` (the last takes the cents)."""
    from dateutil.relativedelta import relativedelta

    check_date_range(first, "instalments")  # 9999-12-31 + 1 month would overflow
    count = max(1, count)
    share = (total / count).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    amounts = [share] * (count - 1) + [total - share * (count - 1)]
    return [(first + relativedelta(months=n * months_apart), amounts[n]) for n in range(count)]


def create_plan(
    client_id: int,
    invoice_ids: Sequence[int],
    instalments: Sequence[tuple[dt.date, Decimal]],
    *,
    agreed_on: dt.date | None = None,
    currency: str = "EUR",
    note: str = "",
) -> int:
    """Agree a payment plan over these invoices; their ladder pauses while it is kept."""
    agreed_on = _day_or_today(agreed_on)
    if not instalments:
        raise UserError(MSG_PLAN_EMPTY, field="instalments")
    dates = [check_date_range(d, "instalments") for d, _ in instalments]
    if dates != sorted(dates) or dates[0] < agreed_on:
        raise UserError(MSG_PLAN_DATES, field="instalments", date=agreed_on.isoformat())
    if any(a <= 0 for _, a in instalments):
        raise UserError(MSG_AMOUNT, field="instalments")
    total = sum((a for _, a in instalments), ZERO)
    note = _note(note)
    with db.transaction() as s:
        client = lookups.client(s, client_id)
        covered = list(
            s.scalars(
                select(Invoice).where(Invoice.id.in_(invoice_ids), Invoice.client_id == client_id)
            )
        )
        owed = sum((i.total - i.allocated for i in covered), ZERO)
        if covered and total != owed:
            raise UserError(
                MSG_PLAN_SUM, field="instalments", sum=f"{total:.2f}", total=f"{owed:.2f}"
            )
        plan = PaymentPlan(
            client_id=client_id,
            currency=currency,
            agreed_on=agreed_on,
            total=total,
            invoice_ids=json.dumps([i.id for i in covered]),
            note=note,
            created_at=clock.now(),
        )
        s.add(plan)
        s.flush()
        for due_on, amount in instalments:
            s.add(PlanInstalment(plan_id=plan.id, due_on=due_on, amount=amount))
        history.record(
            s,
            "client",
            client_id,
            "plan_agreed",
            client_id=client_id,
            label=client.code,
            details={
                "total": total,
                "instalments": len(instalments),
                "invoices": [i.number for i in covered],
            },
        )
        for invoice in covered:
            history.record(
                s,
                "invoice",
                invoice.id,
                "plan_agreed",
                client_id=client_id,
                label=invoice.number,
                details={"plan": plan.id},
            )
        return plan.id


def close_plan(plan_id: int, on: dt.date | None = None) -> None:
    if on is not None:
        check_date_range(on, "date")
    with db.transaction() as s:
        plan = s.get(PaymentPlan, plan_id)
        if plan is None:
            raise NotFound(MSG_PLAN_GONE, field="plan")
        plan.closed_on = on or clock.today()
        history.record(
            s,
            "client",
            plan.client_id,
            "plan_closed",
            client_id=plan.client_id,
            details={"plan": plan_id},
        )


@dataclass(frozen=True, slots=True)
class ContactRow:
    on: dt.date
    channel: str
    person: str
    outcome: str
    note: str
    invoice: str


def contacts(client_id: int) -> list[ContactRow]:
    with db.reading() as s:
        rows = s.execute(
            select(ContactLog, Invoice.number)
            .outerjoin(Invoice, Invoice.id == ContactLog.invoice_id)
            .where(ContactLog.client_id == client_id)
            .order_by(ContactLog.on.desc(), ContactLog.id.desc())
        ).all()
        return [
            ContactRow(c.on, c.channel, c.person, c.outcome, c.note, number or "")
            for c, number in rows
        ]
