"""Running a command: the book's lock, opening the book, the dispatch, the errors.

:func:`run` takes the parsed arguments (:func:`cli.parser.build_parser`) and the database
to open; it returns the exit status: 0 success, 1 a user error (one line on stderr,
never a traceback). A bug is not caught here: ``main.py`` logs it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterator, MutableMapping

from sqlalchemy.exc import SQLAlchemyError

from cli.output import err, one_line
from cli.parser import build_parser
from services.book import booklock
from services.core import db
from services.core.errors import AppError, UserError
from services.core.i18n import QT_TRANSLATE_NOOP

MSG_CANNOT_OPEN = QT_TRANSLATE_NOOP("Messages", "the database {target} cannot be opened: {detail}")

Command = Callable[[argparse.Namespace], int]

#: Every command this package runs and the module of ``cli`` that holds it (``print`` is run by
#: ``main.py``: it needs Qt). A command's module is imported when the command runs, so that
#: ``import invoices`` does not load the PDF, backup and demo code (every subprocess of the
#: tests, every script of a user, starts faster); tests/test_cli_commands.py checks this table
#: against each module's own ``COMMANDS``.
WHERE: dict[str, str] = {
    **dict.fromkeys(("import", "invoices", "clients", "aged", "kpi"), "ledger"),
    **dict.fromkeys(("attach", "documents", "evidence"), "proof"),
    **dict.fromkeys(
        ("alerts", "actions", "promise", "dispute", "procedure", "penalties", "rates"), "followup"
    ),
    **dict.fromkeys(("letters", "statement", "agreement", "claim", "send-queue"), "paper"),
    **dict.fromkeys(("demo", "backup", "backups", "restore", "export", "check"), "book"),
}


class _Commands(MutableMapping[str, Command]):
    """The commands by name, each imported on first use (a test may replace one)."""

    def __init__(self) -> None:
        self._loaded: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        if name not in self._loaded:
            if name not in WHERE:
                raise KeyError(name)
            module = importlib.import_module(f"cli.{WHERE[name]}")
            self._loaded[name] = module.COMMANDS[name]
        return self._loaded[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(WHERE)

    def __len__(self) -> int:
        return len(WHERE)


COMMANDS: MutableMapping[str, Command] = _Commands()


def open_book(target: str) -> None:
    """Open the database ``target`` for the services; one that cannot be opened is a
    :class:`UserError` naming it (its password hidden)."""
    try:
        db.open_database(target)
    except AppError:
        raise
    except (SQLAlchemyError, ImportError, OSError, ValueError) as exc:
        detail = one_line(str(getattr(exc, "orig", None) or exc)) or type(exc).__name__
        shown = _without_password(target)
        if shown != target:
            detail = detail.replace(target, shown)
        raise UserError(MSG_CANNOT_OPEN, field="database", target=shown, detail=detail) from exc


def _without_password(target: str) -> str:
    """A database URL as it may be shown: its password replaced by ***."""
    if "://" not in target:
        return target
    try:
        from sqlalchemy.engine import make_url

        return make_url(target).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return target.split("://", 1)[0] + "://…"


#: The commands that change the book, and when (issue #11, point 3): they hold the book's
#: lock while they run, so they are refused while a window has the book open. ``restore``
#: replaces the whole file: it holds the lock alone. A command missing from both tables is
#: taken for a writer.
WRITERS: dict[str, Callable[[argparse.Namespace], bool]] = {
    "demo": lambda a: True,
    "import": lambda a: not a.dry_run,
    "attach": lambda a: True,
    "promise": lambda a: True,
    "dispute": lambda a: True,
    "procedure": lambda a: bool(a.filed or a.ordonnance or a.served),
    "rates": lambda a: a.operation != "list",
    "letters": lambda a: bool(a.record),
    "send-queue": lambda a: True,  # records what was sent
    "backup": lambda a: a.out is None,  # the backup folder's rotation; --out only reads the book
    "restore": lambda a: bool(a.yes),
    "check": lambda a: bool(getattr(a, "repair", False)),
}
#: Commands that only read the book (``check`` and ``evidence`` add a line to the
#: documents' history, one short transaction behind SQLite's own lock, as a window does).
READERS = frozenset(
    {
        "invoices",
        "clients",
        "aged",
        "kpi",
        "documents",
        "evidence",
        "alerts",
        "actions",
        "penalties",
        "statement",
        "agreement",
        "claim",
        "backups",
        "export",
        "print",
    }
)


def _lock_for(args: argparse.Namespace, target: str) -> booklock.BookLock | None:
    """The book's lock for a command that writes (None for the others, and for a book that
    is not a file); refused at once while a window holds the book."""
    writes = WRITERS.get(args.command)
    if writes is None and args.command in READERS or writes is not None and not writes(args):
        return None
    try:
        path = db.sqlite_path(db.database_url(target))
    except (SQLAlchemyError, ValueError):  # not a URL: opening it says so
        return None
    return booklock.for_command(path, replaces=args.command == "restore")


def run(args: argparse.Namespace, target: str) -> int:
    """Run the parsed command on the database ``target``; return the exit status."""
    command = COMMANDS.get(args.command or "")
    if command is None:  # main.py opens the window instead; never reached from there
        build_parser().print_usage(sys.stderr)
        return 2
    lock = None
    try:
        lock = _lock_for(args, target)
        if args.command in ("backups", "restore"):
            from cli import book

            damaged = book.damaged_book(target)
            if damaged is not None:
                return book.run_on_damaged_book(args, damaged)
        open_book(target)
        return command(args)
    except AppError as exc:
        err(f"error: {one_line(exc.render())}")
        if exc.message == db.MSG_NOT_A_DB:
            err(
                "hint: `backups` lists this book's backups; "
                "`restore FILE --yes` puts one in its place"
            )
        return 1
    except BrokenPipeError:  # `… | head`
        return 0
    finally:
        db.close()
        if lock is not None:
            lock.release()
