"""Encaisse — entry point.

``python main.py [--db DB] [COMMAND ...]``: without a command, opens the
window; with one, runs it headless (see ``services/cli.py``).  This file
only wires the layers together: it finds the default database with Qt's
QStandardPaths, then hands over to the command line or to the UI.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def default_database() -> Path:
    """The book in the platform's per-user data folder (QStandardPaths AppDataLocation)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    from services.version import APP_NAME, ORG_DOMAIN, ORG_NAME

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationName(APP_NAME)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / "encaisse.db"


def main(argv: list[str] | None = None) -> int:
    from services import cli

    parser = cli.build_parser()
    args = parser.parse_args(argv)
    target = args.db or os.environ.get("ENCAISSE_DB") or str(default_database())
    if args.command is None:
        from ui.app import run_gui

        return run_gui(target, sys.argv[:1] + (argv or []))
    return cli.run(args, target)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
