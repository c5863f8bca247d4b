"""Commands that write papers (PDF): ``letters``, ``statement``, ``agreement`` and ``claim``;
``send-queue`` sends the e-mails ``letters --eml --record`` queued.

(``print`` sends a PDF to a printer through Qt: ``main.py`` runs it, not this package.)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from cli.output import one_line, out, plural, print_json
from services.core import settings
from services.core.money import plain
from services.paper import email, legal_docs, letters, outbox


def _cmd_letters(args: argparse.Namespace) -> int:
    prepared = letters.prepare(args.date)
    written = letters.write_all(prepared, Path(args.out))
    made = email.make_all(written) if getattr(args, "eml", False) else None
    queued: list[int] = []
    if args.record:
        if made is None:
            letters.record_sent(written)
        else:  # the e-mails are recorded when sent (send-queue), the paper letters now
            letters.record_sent([w for w in written if made.emailed(w[0]) is None])
            queued = outbox.queue(made.emails)
    if args.json:
        items = []
        for letter, _action, path in written:
            item = letters.letter_json(letter, path)
            if made is not None:
                mail = made.emailed(letter)
                item["eml"] = str(mail.file) if mail is not None and mail.file else None
                item["to"] = mail.recipient if mail is not None else None
                item["message_id"] = mail.message_id if mail is not None else None
                why = made.note_of(letter.client_code, letter.step)
                item["note"] = why[0].format(**why[1]) if why is not None else None
            items.append(item)
        payload: dict[str, object] = {"letters": items}
        if made is not None and args.record:
            payload["queued"] = len(queued)
        print_json(payload)
        return 0
    for letter, _action, path in written:
        out(
            f"{path.name}: {letter.client_code} {letter.step} ({letter.language}), "
            f"total claimed {plain(letter.total_claimed)} {letter.currency}"
        )
        mail = made.emailed(letter) if made is not None else None
        if mail is not None and mail.file is not None:
            out(f"{mail.file.name}: e-mail to {mail.recipient}")
    if made is not None:
        for _letter, _action, _path, text, params in made.paper:
            out("note: " + text.format(**params))
    out(plural(len(written), "letter") + (", recorded as sent" if args.record and written else ""))
    if made is not None:
        out(
            plural(len(made.emails), "e-mail")
            + (", queued: send them with send-queue" if args.record and made.emails else "")
        )
    return 0


def _cmd_statement(args: argparse.Namespace) -> int:
    letter = letters.statement(args.client, args.date)  # finds the client (services.core.lookups)
    path = Path(args.out)
    letters.write_letter(path, letter, settings.read().window)
    balances = ", ".join(
        f"{plain(amount)} {currency}" for currency, amount in letter.balances.items()
    )
    out(f"wrote {path}: {plural(len(letter.invoices), 'open item')}, balance {balances}")
    return 0


def _cmd_agreement(args: argparse.Namespace) -> int:

    charges = legal_docs.WAIVED if args.waive_charges else legal_docs.RESERVED
    pages = legal_docs.plan_agreement(args.client, Path(args.out), charges=charges)
    out(f"wrote {args.out}: {plural(pages, 'page')}")
    return 0


def _cmd_claim(args: argparse.Namespace) -> int:

    pages = legal_docs.claim_summary(args.client, Path(args.out), args.date)  # finds the client
    out(f"wrote {args.out}: {plural(pages, 'page')}")
    return 0


def _cmd_send_queue(args: argparse.Namespace) -> int:
    """Send the queued e-mails; an unreachable server or a refused login is an error naming
    the field (exit 1), and every e-mail stays queued."""
    report = outbox.send_queue()
    if args.json:
        print_json(
            {
                "sent": [{"id": n, "message_id": mid} for n, mid in report.sent],
                "refused": [
                    {"id": n, "error": one_line(problem.render())} for n, problem in report.refused
                ],
                "queued": report.remaining,
                "error": one_line(report.error.render()) if report.error else None,
            }
        )
    else:
        for _n, message_id in report.sent:
            out(f"sent {message_id}")
        for _n, problem in report.refused:
            out(f"refused: {one_line(problem.render())}")
        out(plural(len(report.sent), "e-mail") + f" sent, {report.remaining} still queued")
    if report.error is not None:
        raise report.error
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "letters": _cmd_letters,
    "statement": _cmd_statement,
    "agreement": _cmd_agreement,
    "claim": _cmd_claim,
    "send-queue": _cmd_send_queue,
}
