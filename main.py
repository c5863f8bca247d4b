"""Encaisse — entry point.

``python main.py [--db DB] [COMMAND ...]``: without a command, opens the
window; with one, runs it headless (see ``cli/``).  This file
only wires the layers together: it finds the default database with Qt's
QStandardPaths, then hands over to the command line or to the UI.

Everything Encaisse writes holds debtor data (letters, statements, claims,
evidence files, exports, logs, the lock file): on Linux and macOS the process
creates its files owner-only (umask 077: files 0600, folders 0700) for the
whole run, the window's included (issue #11, point 8).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: what the process never grants: every permission of the group and of the others
OWNER_ONLY_UMASK = 0o077


@contextmanager
def owner_only() -> Iterator[None]:
    """Create every file 0600 and every folder 0700 while the block runs (POSIX only).

    The umask covers every way a file is created — our code, reportlab, Qt's
    QLockFile, logging, SQLite — where a ``chmod`` after the fact would leave a
    moment when the file is readable by all, and would miss a library's files.
    The previous umask is given back after (``main()`` also runs inside tests).
    """
    if os.name != "posix":  # Windows: access comes from the folder's ACLs, not from a umask
        yield
        return
    previous = os.umask(OWNER_ONLY_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def default_database() -> Path:
    """The book in the platform's per-user data folder (QStandardPaths AppDataLocation)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    from services.core.version import APP_NAME, ORG_DOMAIN, ORG_NAME

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationName(APP_NAME)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / "encaisse.db"


def main(argv: list[str] | None = None) -> int:
    with owner_only():
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    import cli

    parser = cli.build_parser()
    args = parser.parse_args(argv)
    target = args.db or os.environ.get("ENCAISSE_DB") or str(default_database())
    if args.command is None:
        from ui.app import run_gui

        return run_gui(target, sys.argv[:1] + (argv or []))
    if args.command == "print":  # needs Qt's print support, not the book
        return _print(args.file, args.printer)
    try:
        return cli.run(args, target)
    except Exception as exc:  # a bug: log the traceback, show one line
        log = _log_bug()
        print(
            f"error: unexpected problem ({type(exc).__name__}: {exc}); details written to {log}",
            file=sys.stderr,
        )
        return 1


def _print(file: str, printer: str) -> int:
    from PySide6.QtWidgets import QApplication

    from ui.printing import PrintError, print_file

    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841 - Qt needs it
    try:
        sheets = print_file(Path(file), printer)
    except PrintError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"sent {sheets} page(s) of {file} to {printer or 'the default printer'}")
    return 0


def _log_bug() -> Path:
    """Write the current exception's traceback to the log file; return its path."""
    import contextlib
    import logging
    import logging.handlers

    folder = default_database().parent / "logs"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / "encaisse.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    if os.name == "posix":  # a log written by an older version may still be 0644
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("encaisse.cli")
    logger.addHandler(handler)
    logger.exception("unhandled exception in the command line")
    handler.close()
    return path


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
