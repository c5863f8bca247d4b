"""The command line: ``python main.py [--db DB] [COMMAND ...]``.

Same engine as the window, for scripting, tests and power users.  The
names, options and JSON keys below are a contract: they may gain keys,
never change meaning.

- ``demo [--date YYYY-MM-DD] [--force]``
- ``import clients|invoices|payments FILE.csv [--dry-run]``
- ``invoices [--date D] [--open] [--client CODE] [--json]``
- ``clients [--date D] [--json]``

Exit status: 0 success, 1 user error (one line on stderr, no traceback;
an import lists every bad row as ``line N: column: reason``), 2 usage
error (argparse).  Messages are the English source texts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TextIO

from sqlalchemy.exc import SQLAlchemyError

from services import clock, db, demo, imports, ledger
from services.dto import ClientBalance, OpenItem
from services.errors import AppError, UserError
from services.i18n import QT_TRANSLATE_NOOP
from services.money import plain
from services.terms import parse_date
from services.version import __version__

PROG = "encaisse"

MSG_CANNOT_OPEN = QT_TRANSLATE_NOOP("Messages", "the database {target} cannot be opened: {detail}")

DEMO_FORCE_HELP = (
    "add the demo data even if the database is not empty. Nothing existing is changed: "
    "the demo clients' codes and the demo invoice numbers get a 'DEMO-' prefix (DEMO2-, "
    "DEMO3-… if that one is taken) so they never collide with yours, and the company "
    "details are filled in only if they are still empty."
)


# -- parsing ---------------------------------------------------------------------


def _date_arg(text: str) -> dt.date:
    try:
        return parse_date(text, "date")
    except UserError as exc:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a valid date (YYYY-MM-DD or DD/MM/YYYY)"
        ) from exc


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``main.py``; ``args.command`` is None when no command is given."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Encaisse — receivables for French small businesses. "
        "Without a command, opens the window.",
    )
    db_help = ("the database: a SQLite file path or a SQLAlchemy URL "
               "(default: $ENCAISSE_DB, else the per-user data folder)")
    parser.add_argument("--db", metavar="DB", default=None, help=db_help)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # --db is also accepted after the command (main.py invoices --json --db x.db)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="DB", default=argparse.SUPPRESS, help=db_help)

    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", parents=[common], help="fill the database with demo data",
                       description="Fill the database with realistic demo data (a joinery "
                       "business near Lyon: 30+ clients, 300+ invoices over 18 months), "
                       "built relative to DATE. Refuses a non-empty database unless --force.")
    p.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD", default=None,
                   help="the 'today' the demo book is built around (default: today)")
    p.add_argument("--force", action="store_true", help=DEMO_FORCE_HELP)

    p = sub.add_parser("import", parents=[common], help="import a CSV file (all or nothing)",
                       description="Import clients, invoices or payments from a CSV file "
                       "(separator , ; or tab; UTF-8 or Windows-1252; English or French "
                       "column names). All or nothing: one bad row and nothing is written; "
                       "every bad row is reported as 'line N: column: reason'.")
    p.add_argument("kind", choices=imports.KINDS, help="what the file holds")
    p.add_argument("file", metavar="FILE.csv", help="the CSV file")
    p.add_argument("--dry-run", action="store_true",
                   help="check every row, write nothing")

    p = sub.add_parser("invoices", parents=[common], help="the open-item view as of a date",
                       description="Invoices and credit notes as of DATE: what was issued "
                       "by then, what was paid by then, days late and status.")
    p.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD", default=None,
                   help="as of this date (default: today)")
    p.add_argument("--open", action="store_true", help="only documents with a balance")
    p.add_argument("--client", metavar="CODE", default=None, help="only this client")
    p.add_argument("--json", action="store_true", help="JSON output")

    p = sub.add_parser("clients", parents=[common], help="client balances as of a date",
                       description="Per client (and currency): balance, overdue and "
                       "unallocated credit as of DATE.")
    p.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD", default=None,
                   help="as of this date (default: today)")
    p.add_argument("--json", action="store_true", help="JSON output")
    return parser


# -- output helpers ----------------------------------------------------------------


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a console that cannot show every character
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, errors="replace").decode(encoding))


def _out(text: str = "") -> None:
    _write(sys.stdout, text + "\n")


def _err(text: str) -> None:
    _write(sys.stderr, text + "\n")


def _one_line(text: str) -> str:
    return "; ".join(part.strip() for part in text.splitlines() if part.strip())


def _json(payload: dict[str, Any]) -> None:
    # No indent: the C encoder, fast on 200,000 invoices.
    try:
        _write(sys.stdout, json.dumps(payload, ensure_ascii=False) + "\n")
    except UnicodeEncodeError:  # pragma: no cover - _write replaces; kept for safety
        _write(sys.stdout, json.dumps(payload) + "\n")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """Aligned text columns (numbers right-aligned)."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def fmt(cells: Sequence[str]) -> str:
        out = [c.rjust(widths[i]) if i in right else c.ljust(widths[i])
               for i, c in enumerate(cells)]
        return "  ".join(out).rstrip()

    lines = [fmt(headers), "  ".join("-" * w for w in widths)]
    lines.extend(fmt(row) for row in rows)
    return lines


def _clip(text: str, width: int = 32) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# -- commands --------------------------------------------------------------------


def _cmd_demo(args: argparse.Namespace) -> int:
    today = args.date or clock.today()
    summary = demo.fill_demo(today, force=args.force)
    prefix = f" (codes prefixed '{summary.prefix}')" if summary.prefix else ""
    _out(f"demo data as of {today.isoformat()}: {_plural(summary.clients, 'client')}, "
         f"{_plural(summary.invoices, 'invoice')}, {_plural(summary.credit_notes, 'credit note')}, "
         f"{_plural(summary.payments, 'payment')}{prefix}")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    result = imports.import_file(args.kind, args.file, dry_run=args.dry_run)
    for warning in result.warnings:
        _err(f"warning: {warning}")
    if result.errors:
        for error in result.errors:
            _err(str(error))
        _err(f"error: {_plural(len(result.errors), 'error')} in {args.file}; nothing was imported.")
        return 1
    noun = {"clients": "client", "invoices": "invoice", "payments": "payment"}[args.kind]
    if args.dry_run:
        _out(f"{_plural(result.rows, 'row')} OK, nothing written")
    else:
        _out(f"imported {_plural(result.imported, noun)}")
    return 0


def _check_client(code: str | None) -> None:
    if not code:
        return
    from services.clients import client_id_by_code

    with db.reading() as s:
        client_id_by_code(s, code)


def invoice_json(item: OpenItem) -> dict[str, Any]:
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


def _cmd_invoices(args: argparse.Namespace) -> int:
    as_of = args.date or clock.today()
    _check_client(args.client)
    items = ledger.open_items(as_of, client_code=args.client, open_only=args.open)
    if args.json:
        _json({"as_of": as_of.isoformat(), "invoices": [invoice_json(i) for i in items]})
        return 0
    rows = [
        [i.number, i.client_code, "credit note" if i.kind == "credit_note" else "invoice",
         i.issue_date.isoformat(), i.due_date.isoformat(), plain(i.total), plain(i.paid),
         plain(i.balance), i.currency, str(i.days_late) if i.days_late else "",
         i.status.replace("_", " "), "disputed" if i.disputed else ""]
        for i in items
    ]
    headers = ["Number", "Client", "Kind", "Issued", "Due", "Total", "Paid", "Balance", "Cur",
               "Late", "Status", "Dispute"]
    _out(f"As of {as_of.isoformat()}")
    for line in _table(headers, rows, right={5, 6, 7, 9}):
        _out(line)
    totals = _totals((i.currency, i.balance) for i in items)
    _out(f"{_plural(len(items), 'document')}; balance: {totals or '0.00'}")
    return 0


def _totals(pairs: Any) -> str:
    sums: dict[str, Decimal] = {}
    for currency, amount in pairs:
        sums[currency] = sums.get(currency, Decimal("0.00")) + amount
    return ", ".join(f"{plain(v)} {c}" for c, v in sorted(sums.items()))


def client_json(b: ClientBalance) -> dict[str, Any]:
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
        _json({"as_of": as_of.isoformat(), "clients": [client_json(b) for b in balances]})
        return 0
    rows = [[b.code, _clip(b.name), b.kind, b.currency, plain(b.balance), plain(b.overdue),
             plain(b.unallocated)] for b in balances]
    headers = ["Code", "Name", "Kind", "Cur", "Balance", "Overdue", "Unallocated"]
    _out(f"As of {as_of.isoformat()}")
    for line in _table(headers, rows, right={4, 5, 6}):
        _out(line)
    codes = {b.code for b in balances}
    totals = _totals((b.currency, b.balance) for b in balances)
    _out(f"{_plural(len(codes), 'client')}; balance: {totals or '0.00'}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": _cmd_demo,
    "import": _cmd_import,
    "invoices": _cmd_invoices,
    "clients": _cmd_clients,
}


def _open(target: str) -> None:
    try:
        db.open_database(target)
    except AppError:
        raise
    except (SQLAlchemyError, ImportError, OSError, ValueError) as exc:
        detail = _one_line(str(getattr(exc, "orig", None) or exc)) or type(exc).__name__
        raise UserError(MSG_CANNOT_OPEN, field="database", target=target, detail=detail) from exc


def run(args: argparse.Namespace, target: str) -> int:
    """Run the parsed command on the database ``target``; return the exit status."""
    command = COMMANDS.get(args.command or "")
    if command is None:  # main.py opens the window instead; never reached from there
        build_parser().print_usage(sys.stderr)
        return 2
    try:
        _open(target)
        return command(args)
    except AppError as exc:
        _err(f"error: {_one_line(exc.render())}")
        return 1
    except BrokenPipeError:  # `… | head`
        return 0
    finally:
        db.close()
