"""What needs attention on a date: the startup panel and ``python main.py alerts``
read this one function, so the two always agree.

Kinds: ``due_soon`` (due within N days, a setting, default 7), ``step_due`` (a
dunning step is due — one per client, step and currency), ``promise_due`` (a
promise to pay falls due on the date), ``promise_broken`` (promised date plus grace
passed, still unpaid), ``over_credit_limit``, ``prescription_near`` (time-barred
within 90 days: 2 years for a consumer, 5 otherwise, from the due date —
shared/domain.md §3.4), ``missing_proof`` (overdue invoice whose proof is
incomplete), ``claim_declaration`` (collective procedure: declare the claim within
2 months of the BODACC notice — §4.10).

Paid invoices never raise alerts; amounts are per currency.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from models import AlertSnooze, Client, Invoice
from services import clock, db, dunning, history, proof
from services.i18n import QT_TRANSLATE_NOOP
from services.money import plain

KINDS = ("due_soon", "step_due", "promise_due", "promise_broken", "plan_installment_missed",
         "over_credit_limit", "insurance_deadline", "prescription_near", "missing_proof",
         "claim_declaration")
DUE_SOON_SETTING = "alerts.due_soon_days"
OFF_SETTING = "alerts.off"
PRESCRIPTION_WARNING_DAYS = 90
CLAIM_DECLARATION_MONTHS = 2
INSURANCE_WARNING_DAYS = 15

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
}

MSG_DUE_SOON = QT_TRANSLATE_NOOP("Messages", "{invoice} falls due on {date} ({amount})")
MSG_STEP = QT_TRANSLATE_NOOP("Messages", "{step} for {count} invoice(s), {amount}")
MSG_PROMISE_DUE = QT_TRANSLATE_NOOP("Messages", "{invoice}: {amount} promised for today")
MSG_PROMISE_BROKEN = QT_TRANSLATE_NOOP("Messages", "{invoice}: payment promised for {date} not received")
MSG_OVER_LIMIT = QT_TRANSLATE_NOOP("Messages", "balance {amount} over the credit limit of {limit}")
MSG_PRESCRIPTION = QT_TRANSLATE_NOOP("Messages", "{invoice} becomes time-barred on {date}")
MSG_MISSING_PROOF = QT_TRANSLATE_NOOP("Messages", "{invoice} is overdue and its proof is incomplete")
MSG_PLAN_MISSED = QT_TRANSLATE_NOOP("Messages", "instalment of {date} not paid in full ({amount} short)")
MSG_INSURANCE = QT_TRANSLATE_NOOP("Messages", "{invoice}: declare it to the credit insurer before {date}")
MSG_DECLARE = QT_TRANSLATE_NOOP("Messages", "declare the claim before {date} (BODACC notice of {notice})")


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
        return f"{self.kind}:{self.client}:{self.invoice or ''}:{self.step or ''}:{self.currency}"

    def render(self, translate: Any = None) -> str:
        text = translate("Messages", self.message) if translate else self.message
        return text.format(**self.params)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "client": self.client, "invoice": self.invoice,
                "amount": plain(self.amount), "currency": self.currency,
                "due_date": self.due_date.isoformat() if self.due_date else None,
                "days": self.days, "step": self.step, "message": self.render()}


def due_soon_days() -> int:
    from services.company import get_setting

    try:
        return max(0, int(get_setting(DUE_SOON_SETTING, "7")))
    except ValueError:
        return 7


def set_due_soon_days(days: int) -> None:
    from services.company import set_setting

    set_setting(DUE_SOON_SETTING, str(max(0, min(90, days))))


def kinds_off() -> set[str]:
    from services.company import get_setting

    return {k for k in get_setting(OFF_SETTING, "").split(",") if k}


def set_kinds_off(kinds: set[str]) -> None:
    from services.company import set_setting

    set_setting(OFF_SETTING, ",".join(sorted(k for k in kinds if k in KINDS)))


def snooze(alert: Alert, until: dt.date) -> None:
    with db.transaction() as s:
        row = s.get(AlertSnooze, alert.key)
        if row is None:
            s.add(AlertSnooze(key=alert.key, until=until))
        else:
            row.until = until
        entity, entity_id = ("invoice", alert.invoice_id) if alert.invoice_id else ("client", alert.client_id)
        history.record(s, entity, entity_id, "alert_snoozed", client_id=alert.client_id,
                       label=alert.invoice or alert.client, details={"kind": alert.kind, "until": until})


def _money(amount: Decimal, currency: str) -> str:
    return f"{plain(amount)} {currency}"


def alerts(as_of: dt.date | None = None, *, include_off: bool = False) -> list[Alert]:
    """Every alert on ``as_of`` (default today), minus kinds turned off and snoozed ones."""
    as_of = as_of or clock.today()
    soon = due_soon_days()
    grace = dunning.grace_days()
    out: list[Alert] = []
    with db.reading() as s:
        invoices = dunning._open_invoices(s, as_of)
        by_id = {i.id: i for i in invoices}
        holds = dunning._holds(s, as_of, grace)
        procedures = dict(s.execute(select(Client.id, Client.collective_procedure_on)
                                    .where(Client.collective_procedure_on.is_not(None))).all())
        limits = s.execute(select(Client.id, Client.code, Client.credit_limit)
                           .where(Client.credit_limit.is_not(None))).all()
        overdue_ids = [i.id for i in invoices if i.due_date < as_of]
        missing: set[int] = set()
        for start in range(0, len(overdue_ids), 900):
            missing |= set(s.scalars(select(Invoice.id).where(
                Invoice.id.in_(overdue_ids[start:start + 900]), proof.missing_expr())))
        codes_by_id = dict(s.execute(select(Client.id, Client.code)).all())
        insured = dict(s.execute(select(Client.id, Client.insurance_days).where(
            Client.insurance_days.is_not(None), Client.insurer != "")).all())
        snoozed = {k for k, until in s.execute(select(AlertSnooze.key, AlertSnooze.until)) if until > as_of}

    for inv in invoices:
        days_to_due = (inv.due_date - as_of).days
        base = {"invoice": inv.number, "amount": _money(inv.balance, inv.currency)}
        if 0 <= days_to_due <= soon and not inv.disputed:
            out.append(Alert("due_soon", inv.client_code, inv.client_id, inv.number, inv.id, inv.balance,
                             inv.currency, inv.due_date, days_to_due, None, MSG_DUE_SOON,
                             {**base, "date": inv.due_date.isoformat()}))
        years = 2 if inv.client_kind == "consumer" else 5
        barred = inv.due_date + relativedelta(years=years)
        if 0 <= (barred - as_of).days <= PRESCRIPTION_WARNING_DAYS:
            out.append(Alert("prescription_near", inv.client_code, inv.client_id, inv.number, inv.id,
                             inv.balance, inv.currency, inv.due_date, max(0, -days_to_due), None,
                             MSG_PRESCRIPTION, {**base, "date": barred.isoformat()}))
        if inv.id in missing:
            out.append(Alert("missing_proof", inv.client_code, inv.client_id, inv.number, inv.id,
                             inv.balance, inv.currency, inv.due_date, -days_to_due, None,
                             MSG_MISSING_PROOF, base))
    for invoice_id, promised_on, amount in holds.promises:
        inv = by_id.get(invoice_id)
        if inv is None:  # paid: a kept promise
            continue
        shown = amount if amount is not None else inv.balance
        params = {"invoice": inv.number, "amount": _money(shown, inv.currency), "date": promised_on.isoformat()}
        if promised_on == as_of:
            out.append(Alert("promise_due", inv.client_code, inv.client_id, inv.number, inv.id, shown,
                             inv.currency, inv.due_date, max(0, (as_of - inv.due_date).days), None,
                             MSG_PROMISE_DUE, params))
        elif as_of > promised_on + dt.timedelta(days=grace):
            out.append(Alert("promise_broken", inv.client_code, inv.client_id, inv.number, inv.id, shown,
                             inv.currency, inv.due_date, max(0, (as_of - inv.due_date).days), None,
                             MSG_PROMISE_BROKEN, params))
    for plan_id, client_id, due_on, short, currency in holds.missed_instalments:
        code = codes_by_id.get(client_id, "")
        out.append(Alert("plan_installment_missed", code, client_id, None, None, short, currency, due_on,
                         (as_of - due_on).days, None, MSG_PLAN_MISSED,
                         {"date": due_on.isoformat(), "amount": _money(short, currency)}))
    for inv in invoices:
        days = insured.get(inv.client_id)
        if days is None or inv.disputed:
            continue
        deadline = inv.due_date + dt.timedelta(days=days)
        if inv.due_date < as_of and 0 <= (deadline - as_of).days <= INSURANCE_WARNING_DAYS:
            out.append(Alert("insurance_deadline", inv.client_code, inv.client_id, inv.number, inv.id,
                             inv.balance, inv.currency, inv.due_date, (as_of - inv.due_date).days, None,
                             MSG_INSURANCE, {"invoice": inv.number, "date": deadline.isoformat()}))
    for action in dunning.actions(as_of):
        name = dunning.ACTION_LABELS.get(action.step.action, action.step.action)
        out.append(Alert("step_due", action.client_code, action.client_id, None, None, action.amount,
                         action.currency, min(i.due_date for i in action.invoices),
                         action.max_days_late(as_of), action.step.action, MSG_STEP,
                         {"step": name, "count": str(len(action.invoices)),
                          "amount": _money(action.amount, action.currency)}))
    balances: dict[tuple[int, str], Decimal] = {}
    codes: dict[int, str] = {}
    for inv in invoices:
        balances[(inv.client_id, inv.currency)] = balances.get((inv.client_id, inv.currency), Decimal("0.00")) + inv.balance
        codes[inv.client_id] = inv.client_code
    for client_id, code, limit in limits:
        balance = balances.get((client_id, "EUR"), Decimal("0.00"))
        if balance > limit:
            out.append(Alert("over_credit_limit", code, client_id, None, None, balance, "EUR", None, 0, None,
                             MSG_OVER_LIMIT, {"amount": _money(balance, "EUR"), "limit": _money(limit, "EUR")}))
    for client_id, notice in procedures.items():
        deadline = notice + relativedelta(months=CLAIM_DECLARATION_MONTHS)
        if notice <= as_of <= deadline:
            owed = sum((b for (c, cur), b in balances.items() if c == client_id and cur == "EUR"), Decimal("0.00"))
            if owed > 0:
                out.append(Alert("claim_declaration", codes.get(client_id, ""), client_id, None, None, owed, "EUR",
                                 deadline, (deadline - as_of).days, None, MSG_DECLARE,
                                 {"date": deadline.isoformat(), "notice": notice.isoformat()}))
    off = set() if include_off else kinds_off()
    order = {k: n for n, k in enumerate(KINDS)}
    kept = [a for a in out if a.kind not in off and a.key not in snoozed]
    kept.sort(key=lambda a: (order[a.kind], a.client, a.invoice or "", a.currency))
    return kept


def counts(items: list[Alert]) -> dict[str, int]:
    out: dict[str, int] = {}
    for alert in items:
        out[alert.kind] = out.get(alert.kind, 0) + 1
    return out
