"""Commands over the ledger: ``import``, ``invoices`` and ``clients``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from cli.output import clip, err, out, plural, print_json, print_table
from services.core import clock, lookups
from services.core.dto import ClientBalance, OpenItem
from services.core.money import plain
from services.ledger import imports
from services.ledger import open_items as ledger
from services.proof import rules as proof


def _cmd_import(args: argparse.Namespace) -> int:
    result = imports.import_file(args.kind, args.file, dry_run=args.dry_run)
    for warning in result.warnings:
        err(f"warning: {warning}")
    if result.errors:
        for error in result.errors:
            err(str(error))
        err(f"error: {plural(len(result.errors), 'error')} in {args.file}; nothing was imported.")
        return 1
    noun = {"clients": "client", "invoices": "invoice", "payments": "payment"}[args.kind]
    if args.dry_run:
        out(f"{plural(result.rows, 'row')} OK, nothing written")
    else:
        out(f"imported {plural(result.imported, noun)}")
    return 0


def _client_code(code: str | None) -> str | None:
    """The code as stored of the client the user named (any case, trimmed), or None."""
    return lookups.client_for(code)[1] if code else None


def invoice_json(item: OpenItem) -> dict[str, Any]:
    """One row of ``invoices --json`` (without its ``proof``, added by the command)."""
    return {
        "number": item.number,
        "client": item.client_code,
        "client_name": item.client_name,
        "kind": item.kind,
        "issue_date": item.issue_date.isoformat(),
        "due_date": item.due_date.isoformat(),
        "currency": item.currency,
        "total": plain(item.total),
        "paid": plain(item.paid),
        "balance": plain(item.balance),
        "days_late": item.days_late,
        "status": item.status,
        "disputed": item.disputed,
    }


def _with_proof(items: list[OpenItem]) -> list[dict[str, Any]]:
    statuses = proof.proof_map([i.id for i in items])
    rows = []
    for item in items:
        data = invoice_json(item)
        status = statuses.get(item.id)
        data["proof"] = (
            status.to_json() if status else {"order": False, "delivery": False, "cgv": False}
        )
        rows.append(data)
    return rows


def _cmd_invoices(args: argparse.Namespace) -> int:
    as_of = args.date or clock.today()
    items = ledger.open_items(as_of, client_code=_client_code(args.client), open_only=args.open)
    if args.json:
        print_json({"as_of": as_of.isoformat(), "invoices": _with_proof(items)})
        return 0
    rows = [
        [
            i.number,
            i.client_code,
            "credit note" if i.kind == "credit_note" else "invoice",
            i.issue_date.isoformat(),
            i.due_date.isoformat(),
            plain(i.total),
            plain(i.paid),
            plain(i.balance),
            i.currency,
            str(i.days_late) if i.days_late else "",
            i.status.replace("_", " "),
            "disputed" if i.disputed else "",
        ]
        for i in items
    ]
    headers = [
        "Number",
        "Client",
        "Kind",
        "Issued",
        "Due",
        "Total",
        "Paid",
        "Balance",
        "Cur",
        "Late",
        "Status",
        "Dispute",
    ]
    out(f"As of {as_of.isoformat()}")
    print_table(headers, rows, right={5, 6, 7, 9})
    totals = _totals((i.currency, i.balance) for i in items)
    out(f"{plural(len(items), 'document')}; balance: {totals or '0.00'}")
    return 0


def _totals(pairs: Any) -> str:
    sums: dict[str, Decimal] = {}
    for currency, amount in pairs:
        sums[currency] = sums.get(currency, Decimal("0.00")) + amount
    return ", ".join(f"{plain(v)} {c}" for c, v in sorted(sums.items()))


def client_json(b: ClientBalance) -> dict[str, Any]:
    """One row of ``clients --json``."""
    return {
        "code": b.code,
        "name": b.name,
        "kind": b.kind,
        "currency": b.currency,
        "invoiced": plain(b.invoiced),
        "credited": plain(b.credited),
        "received": plain(b.received),
        "balance": plain(b.balance),
        "overdue": plain(b.overdue),
        "unallocated": plain(b.unallocated),
    }


def _cmd_clients(args: argparse.Namespace) -> int:
    as_of = args.date or clock.today()
    balances = ledger.client_balances(as_of)
    if args.json:
        print_json({"as_of": as_of.isoformat(), "clients": [client_json(b) for b in balances]})
        return 0
    rows = [
        [
            b.code,
            clip(b.name),
            b.kind,
            b.currency,
            plain(b.balance),
            plain(b.overdue),
            plain(b.unallocated),
        ]
        for b in balances
    ]
    headers = ["Code", "Name", "Kind", "Cur", "Balance", "Overdue", "Unallocated"]
    out(f"As of {as_of.isoformat()}")
    print_table(headers, rows, right={4, 5, 6})
    codes = {b.code for b in balances}
    totals = _totals((b.currency, b.balance) for b in balances)
    out(f"{plural(len(codes), 'client')}; balance: {totals or '0.00'}")
    return 0


def _cmd_aged(args: argparse.Namespace) -> int:
    from pathlib import Path

    from services.ledger import aged as aged_service

    as_of = args.date or clock.today()
    report = aged_service.aged_balance(as_of)
    columns = [*report.buckets, aged_service.UNALLOCATED]
    if args.out:
        path = Path(args.out)
        if path.suffix.lower() == ".pdf":
            from services.paper import reports

            reports.aged_pdf(report, path)
        else:
            from services.book import export

            export.write_aged_csv(report, path)
    if args.json:

        def amounts(row: aged_service.AgedRow) -> dict[str, str]:
            return {**{c: plain(row.amounts[c]) for c in columns}, "total": plain(row.total)}

        print_json(
            {
                "as_of": as_of.isoformat(),
                "buckets": report.buckets,
                "clients": [
                    {"client": r.client, "currency": r.currency, **amounts(r)} for r in report.rows
                ],
                "totals": {c: amounts(r) for c, r in report.totals.items()},
            }
        )
        return 0
    out(f"Aged balance as of {as_of.isoformat()} (days past due)")
    headers = ["Code", "Cur", *(c.replace("_", "-") for c in columns), "Total"]
    rows = [
        [r.client, r.currency, *(plain(r.amounts[c]) for c in columns), plain(r.total)]
        for r in [*report.rows, *report.totals.values()]
    ]
    print_table(headers, rows, right=set(range(2, len(headers))))
    if args.out:
        out(f"wrote {args.out}")
    return 0


def _number(value: Decimal | None) -> float | None:
    """A ratio (4 decimals) or a number of days (1 decimal) as a JSON number; money stays a
    string with two decimals. ``None``: undefined (no sales to divide by…), never 0."""
    return None if value is None else float(value)


def _kpi_json(figures: Any) -> dict[str, Any]:
    return {
        "receivable": plain(figures.receivable),
        "not_due": plain(figures.not_due),
        "overdue": plain(figures.overdue),
        "overdue_ratio": _number(figures.overdue_ratio),
        "dso_countback": _number(figures.dso_countback),
        "dso_accounting": _number(figures.dso_accounting),
        "average_payment_delay": _number(figures.average_payment_delay),
        "weighted_days_late": _number(figures.weighted_days_late),
        "due_7_days": plain(figures.due_7_days),
        "due_30_days": plain(figures.due_30_days),
        "disputed": plain(figures.disputed),
        "aged": {name: plain(amount) for name, amount in figures.aged.items()},
        "top_debtors": [
            {"client": code, "balance": plain(balance), "share": _number(share)}
            for code, balance, share in figures.top_debtors
        ],
        "top5_share": _number(figures.top5_share),
        "hhi": _number(figures.hhi),
    }


def _cmd_kpi(args: argparse.Namespace) -> int:
    from services.ledger import kpi

    as_of = args.date or clock.today()
    if args.history:
        months = kpi.history(as_of, args.months)
        if args.json:
            print_json(
                {
                    "as_of": as_of.isoformat(),
                    "months": [
                        {
                            "month_end": end.isoformat(),
                            "currencies": {
                                c: {
                                    "receivable": plain(f.receivable),
                                    "overdue": plain(f.overdue),
                                    "overdue_ratio": _number(f.overdue_ratio),
                                    "dso_countback": _number(f.dso_countback),
                                }
                                for c, f in result.items()
                            },
                        }
                        for end, result in months
                    ],
                }
            )
            return 0
        rows = [
            [
                end.isoformat(),
                c,
                plain(f.receivable),
                plain(f.overdue),
                "" if f.overdue_ratio is None else f"{f.overdue_ratio * 100:.1f} %",
                "—" if f.dso_countback is None else str(f.dso_countback),
            ]
            for end, result in months
            for c, f in result.items()
        ]
        headers = ["Month end", "Cur", "Receivable", "Overdue", "Overdue %", "DSO"]
        print_table(headers, rows, right={2, 3, 4, 5})
        return 0
    result = kpi.figures(as_of)
    if args.json:
        print_json(
            {
                "as_of": as_of.isoformat(),
                "currencies": {c: _kpi_json(f) for c, f in result.items()},
            }
        )
        return 0
    out(f"As of {as_of.isoformat()}")
    for currency, f in result.items():
        values = _kpi_json(f)
        out(f"{currency}:")
        for key in (
            "receivable",
            "not_due",
            "overdue",
            "overdue_ratio",
            "dso_countback",
            "dso_accounting",
            "average_payment_delay",
            "weighted_days_late",
            "due_7_days",
            "due_30_days",
            "disputed",
            "top5_share",
            "hhi",
        ):
            value = values[key]
            out(f"  {key.replace('_', ' ')}: {'—' if value is None else value}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": _cmd_import,
    "invoices": _cmd_invoices,
    "clients": _cmd_clients,
    "aged": _cmd_aged,
    "kpi": _cmd_kpi,
}
