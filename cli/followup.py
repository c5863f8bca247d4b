"""Commands of the follow-up: ``alerts``, ``actions``, ``promise``, ``dispute`` and
``penalties``."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from cli.output import out, plural, print_json, print_table
from services.core import clock
from services.core.money import parse_amount, plain
from services.core.text import nfc
from services.followup import alerts, dunning, penalties


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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "alerts": _cmd_alerts,
    "actions": _cmd_actions,
    "promise": _cmd_promise,
    "dispute": _cmd_dispute,
    "penalties": _cmd_penalties,
}
