"""The command line: ``python main.py [--db DB] [COMMAND ...]``.

Same engine as the window, for scripting, tests and power users.  The
names, options and JSON keys below are a contract: they may gain keys,
never change meaning.

- ``demo [--date YYYY-MM-DD] [--force]``
- ``import clients|invoices|payments FILE.csv [--dry-run]``
- ``invoices [--date D] [--open] [--client CODE] [--json]``
- ``clients [--date D] [--json]``
- ``attach (--invoice NUMBER | --client CODE) --kind KIND [--signed [--signed-on D]] [--title T]
  [--date D] [--cgv-version LABEL] FILE...``
- ``documents [--invoice NUMBER | --client CODE] [--json]``
- ``evidence (--invoice NUMBER | --client CODE) --out FILE.pdf [--date D] [--language fr|en]``
- ``check [--json] [--repair [--yes]]`` — exit 1 when anything is damaged, missing, altered,
  drifted or left over; ``--repair`` backs the book up (on PostgreSQL: ``--yes`` once the
  owner has, with ``pg_dump``), recomputes the running totals, and moves the store's files
  that belong to no document (an hour old or more) to the store's trash
- ``alerts [--date D] [--json]``, ``actions [--date D] [--json]``
- ``promise --invoice NUMBER --amount A --date D [--note TEXT]``
- ``dispute open|close --invoice NUMBER [--reason R] [--note TEXT]``
- ``penalties --invoice NUMBER [--date D] [--json]``
- ``rates [list] [--date D] [--json]``, ``rates add-ecb --from D --rate R --reference T``,
  ``rates unchanged-until --date D --reference T``,
  ``rates add-legal --half YYYY-HN --professional R --individual R --reference T``
- ``letters [--date D] --out DIR [--record] [--json]``
- ``statement --client CODE [--date D] --out FILE.pdf``
- ``agreement --client CODE --out FILE.pdf``
- ``claim --client CODE [--date D] --out FILE.pdf``
- ``print FILE.pdf [--printer NAME]``
- ``backup [--out FILE]``, ``backups [--json]``, ``restore FILE [--yes]``
- ``export --out DIR [--client CODE] [--json]``

Exit status: 0 success, 1 user error (one line on stderr, no traceback;
an import lists every bad row as ``line N: column: reason``), 2 usage
error (argparse).  Messages are the English source texts.

The package, an adapter over the services beside ``ui/``: :mod:`cli.parser` (the options),
:mod:`cli.app` (:func:`run`: the book's lock, opening the book, the dispatch, the errors),
:mod:`cli.output` (lines, JSON and tables, escaped), and one module per group of commands:
:mod:`cli.ledger` (import, invoices, clients), :mod:`cli.proof` (attach, documents,
evidence), :mod:`cli.followup` (alerts, actions, promise, dispute, penalties, rates),
:mod:`cli.paper` (letters, statement, agreement, claim) and :mod:`cli.book` (demo, backup,
backups, restore, export, check).  ``print`` needs Qt: ``main.py`` runs it.
"""

from __future__ import annotations

from cli.app import COMMANDS, READERS, WRITERS, open_book, run
from cli.followup import action_json
from cli.ledger import client_json, invoice_json
from cli.parser import PROG, build_parser

__all__ = [
    "COMMANDS",
    "PROG",
    "READERS",
    "WRITERS",
    "action_json",
    "build_parser",
    "client_json",
    "invoice_json",
    "open_book",
    "run",
]
