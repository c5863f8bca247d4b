"""Commands of the follow-up: ``alerts``, ``actions``, ``promise``, ``dispute``,
``penalties`` and ``rates``."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from cli.output import out, plural, print_json, print_table
from services.core import clock
from services.core.errors import UserError
from services.core.money import parse_amount, plain
from services.core.text import nfc
from services.followup import alerts, dunning, penalties, rates


def _cmd_alerts(args: argparse.Namespace) -> int:
    as_of = args.date or clock.today()
    items = alerts.alerts(as_of)
    if args.json:
        print_json({"as_of": as_of.isoformat(), "alerts": [a.to_json() for a in items]})
        return 0
    rows = [
        [
            a.kind,
            a.client,
            a.invoice or "",
            f"{plain(a.amount)} {a.currency}",
            str(a.days),
            a.render(),
        ]
        for a in items
    ]
    out(f"As of {as_of.isoformat()}")
    print_table(["Kind", "Client", "Invoice", "Amount", "Days", "What"], rows, right={3, 4})
    out(plural(len(items), "alert"))
    return 0


def action_json(action: dunning.Action, as_of: dt.date) -> dict[str, Any]:
    """One row of ``actions --json``."""
    return {
        "client": action.client_code,
        "step": action.step.action,
        "offset_days": action.step.offset_days,
        "channel": action.step.channel,
        "with_penalties": action.step.with_penalties,
        "invoices": [i.number for i in action.invoices],
        "amount": plain(action.amount),
        "currency": action.currency,
        "max_days_late": action.max_days_late(as_of),
        "missed_steps": [m.action for m in action.missed],
    }


def _cmd_actions(args: argparse.Namespace) -> int:
    as_of = args.date or clock.today()
    items = dunning.actions(as_of)
    if args.json:
        print_json({"as_of": as_of.isoformat(), "actions": [action_json(a, as_of) for a in items]})
        return 0
    rows = [
        [
            a.client_code,
            a.step.action,
            a.step.channel,
            ", ".join(i.number for i in a.invoices),
            f"{plain(a.amount)} {a.currency}",
            str(a.max_days_late(as_of)),
            ", ".join(m.action for m in a.missed),
        ]
        for a in items
    ]
    out(f"As of {as_of.isoformat()}")
    print_table(
        ["Client", "Step", "Channel", "Invoices", "Amount", "Late", "Never done"],
        rows,
        right={4, 5},
    )
    out(plural(len(items), "action"))
    return 0


def _typed(number: str) -> str:
    """The number as the user typed it, trimmed (and in Unicode's composed form): what the
    message of an unknown number quotes too (services.core.lookups)."""
    return nfc(number)


def _cmd_promise(args: argparse.Namespace) -> int:
    amount = parse_amount(args.amount, "amount")
    dunning.promise(args.invoice, amount, args.date, note=args.note)
    out(f"promise recorded: {plain(amount)} by {args.date.isoformat()} on {_typed(args.invoice)}")
    return 0


def _cmd_dispute(args: argparse.Namespace) -> int:
    if args.operation == "open":
        dunning.open_dispute(args.invoice, args.reason or "other", args.note)
        out(f"dispute opened on {_typed(args.invoice)}: its dunning is paused")
    else:
        dunning.close_dispute(args.invoice, args.reason or "resolved", args.note)
        out(f"dispute closed on {_typed(args.invoice)}: its dunning resumes")
    return 0


#: the dates of an injonction de payer, in the order they come (shared/domain.md §4.6)
PROCEDURE_KEYS = (
    "filed",
    "ordonnance",
    "serve_by",
    "served",
    "opposition_until",
    "enforceable_from",
)


def _cmd_procedure(args: argparse.Namespace) -> int:
    if args.filed or args.ordonnance or args.served:
        dunning.record_procedure(
            args.invoice, filed=args.filed, ordonnance=args.ordonnance, served=args.served
        )
    details = dunning.procedure_of(args.invoice)  # finds the invoice (or says it is unknown)
    if details is None:  # nothing to show: the dates are recorded on a hand-off only
        if args.json:
            print_json({"invoice": _typed(args.invoice), "procedure": False})
        else:
            out(f"no injonction de payer in progress for {_typed(args.invoice)}")
        return 0
    dates = {k: str(details[k]) for k in PROCEDURE_KEYS if details.get(k)}
    if args.json:
        print_json({"invoice": _typed(args.invoice), "procedure": True, **dates})
        return 0
    for key, value in dates.items():
        out(f"{key.replace('_', ' ')}: {value}")
    return 0


def _cmd_penalties(args: argparse.Namespace) -> int:
    number, result = penalties.for_invoice(args.invoice, args.date)
    payload = penalties.to_json(number, result)
    if args.json:
        print_json(payload)
        return 0
    out(
        f"Invoice {number} ({result.client_kind}) as of {payload['as_of']}: "
        f"balance {payload['balance']}, "
        f"{result.days_late} days late"
    )
    rows = [
        [p["from"], p["to"], str(p["days"]), p["base"], p["rate"] + " %", p["amount"]]
        for p in payload["periods"]
    ]
    print_table(["From", "To", "Days", "Base", "Rate", "Amount"], rows, right={2, 3, 4, 5})
    out(
        f"penalties {payload['penalties']}, indemnity {payload['indemnity']}, "
        f"total claimed {payload['total_claimed']}"
    )
    for warning in payload["warnings"]:
        out(f"warning: {warning}")
    return 0


def rates_json(as_of: dt.date) -> dict[str, Any]:
    """``rates --json``: the tables in force (shipped rows with their source, the owner's with
    their official reference) and the half-years whose rates are missing on ``as_of``."""
    t = rates.tables()
    return {
        "as_of": as_of.isoformat(),
        "ecb_mro": [
            {"from": d.isoformat(), "rate": f"{r:.2f}", "source": t.ecb_sources.get(d, "")}
            for d, r in t.ecb
        ],
        "ecb_known_until": t.ecb_known_until.isoformat(),
        "ecb_known_source": t.ecb_known_source,
        "legal": [
            {
                "half": half,
                "professional": f"{pro:.2f}",
                "individual": f"{ind:.2f}",
                "source": t.legal_sources.get(half, ""),
            }
            for half, (pro, ind) in sorted(t.legal.items())
        ],
        "missing": rates.missing_halves(as_of, t),
    }


def _required(value: Any, field: str) -> Any:
    from services.ledger.clients import MSG_REQUIRED

    if value is None:
        raise UserError(MSG_REQUIRED, field=field)
    return value


def _cmd_rates(args: argparse.Namespace) -> int:
    operation = args.operation or "list"
    if operation == "add-ecb":
        start = _required(args.in_force_from, "in_force_from")
        rates.add_ecb_rate(start, args.rate or "", args.reference or "")
        out(f"ECB rate {args.rate} % recorded from {start.isoformat()}")
        return 0
    if operation == "unchanged-until":
        day = _required(args.date, "date")
        rates.confirm_ecb_until(day, args.reference or "")
        out(f"ECB rate recorded as unchanged up to {day.isoformat()}")
        return 0
    if operation == "add-legal":
        half = rates.parse_half(args.half or "")
        rates.add_legal_rate(
            half, args.professional or "", args.individual or "", args.reference or ""
        )
        out(f"legal interest rates recorded for {half}")
        return 0
    as_of = args.date or clock.today()
    payload = rates_json(as_of)
    if args.json:
        print_json(payload)
        return 0
    out(f"ECB main refinancing rate (known up to {payload['ecb_known_until']})")
    print_table(
        ["From", "Rate", "Source"],
        [[r["from"], r["rate"] + " %", r["source"]] for r in payload["ecb_mro"]],
        right={1},
    )
    out("Legal interest rate (creditor acting professionally / private creditor)")
    print_table(
        ["Half-year", "Professional", "Individual", "Source"],
        [
            [r["half"], r["professional"] + " %", r["individual"] + " %", r["source"]]
            for r in payload["legal"]
        ],
        right={1, 2},
    )
    for half in payload["missing"]:
        out(f"warning: rates for {half} not entered (late charges are provisional)")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "alerts": _cmd_alerts,
    "actions": _cmd_actions,
    "promise": _cmd_promise,
    "dispute": _cmd_dispute,
    "procedure": _cmd_procedure,
    "penalties": _cmd_penalties,
    "rates": _cmd_rates,
}
