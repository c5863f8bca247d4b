"""Commands that write papers (PDF): ``letters``, ``statement``, ``agreement`` and ``claim``.

(``print`` sends a PDF to a printer through Qt: ``main.py`` runs it, not this package.)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from cli.output import out, plural, print_json
from services.core import settings
from services.core.money import plain
from services.paper import legal_docs, letters


def _cmd_letters(args: argparse.Namespace) -> int:
    prepared = letters.prepare(args.date)
    written = letters.write_all(prepared, Path(args.out))
    if args.record:
        letters.record_sent(written)
    if args.json:
        print_json(
            {"letters": [letters.letter_json(letter, path) for letter, _action, path in written]}
        )
        return 0
    for letter, _action, path in written:
        out(
            f"{path.name}: {letter.client_code} {letter.step} ({letter.language}), "
            f"total claimed {plain(letter.total_claimed)} {letter.currency}"
        )
    out(plural(len(written), "letter") + (", recorded as sent" if args.record and written else ""))
    return 0


def _cmd_statement(args: argparse.Namespace) -> int:
    letter = letters.statement(args.client, args.date)  # finds the client (services.core.lookups)
    path = Path(args.out)
    letters.write_letter(path, letter, settings.read().window)
    out(
        f"wrote {path}: {plural(len(letter.invoices), 'open item')}, balance "
        f"{plain(letter.balance)} {letter.currency}"
    )
    return 0


def _cmd_agreement(args: argparse.Namespace) -> int:

    pages = legal_docs.plan_agreement(args.client, Path(args.out))  # finds the client
    out(f"wrote {args.out}: {plural(pages, 'page')}")
    return 0


def _cmd_claim(args: argparse.Namespace) -> int:

    pages = legal_docs.claim_summary(args.client, Path(args.out), args.date)  # finds the client
    out(f"wrote {args.out}: {plural(pages, 'page')}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "letters": _cmd_letters,
    "statement": _cmd_statement,
    "agreement": _cmd_agreement,
    "claim": _cmd_claim,
}
