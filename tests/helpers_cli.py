"""Shared set-up for the command-line, import and demo tests.

:func:`frozen_book_path` gives a path to a fresh SQLite book in ``tmp_path``
with the clock frozen on :data:`TODAY` (each test module wraps it in its own
``cli_book`` fixture); :func:`run_cli` runs ``main.main`` in-process
and returns the exit status and what was printed; :func:`open_book` opens
the book for the services (to set up or inspect data) and closes it after.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import main
from services.core import clock, db

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 3, 15)


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def frozen_book_path(tmp_path: Path, target: str | None = None) -> Iterator[Path]:
    """A path for a new book (not created yet); the clock frozen on TODAY; closed after.

    ``target`` (the ``book_target`` fixture) is a PostgreSQL URL in ``both_engines``
    modules; it is yielded as it is (``str(book)`` gives the URL back to ``--db``).
    """
    clock.freeze(TODAY)
    try:
        yield tmp_path / "book.db" if target is None or "://" not in target else target  # type: ignore[misc]
    finally:
        clock.freeze(None)
        db.close()


def run_cli(capsys: pytest.CaptureFixture[str], book: Path | str, *args: str) -> Run:
    """``main.py --db BOOK ARGS…`` in this process; usage errors give their exit status."""
    capsys.readouterr()  # drop what earlier steps printed
    try:
        code = main.main(["--db", str(book), *args])
    except SystemExit as exc:  # argparse: --help, usage errors
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def run_process(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS…`` in a fresh interpreter (end-to-end)."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=cwd or ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@contextmanager
def open_book(path: Path | str) -> Iterator[db.Database]:
    """Open (and migrate) the book for direct service calls; close it after."""
    database = db.open_database(path)
    try:
        yield database
    finally:
        db.close()


def write_csv(
    path: Path, text: str, *, encoding: str = "utf-8", bom: bool = False, newline: str = "\n"
) -> Path:
    data = text.replace("\n", newline).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


def D(text: str) -> Decimal:  # noqa: N802 - reads like a literal
    return Decimal(text)


def by_number(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["number"]: row for row in payload["invoices"]}


def by_code(payload: dict[str, Any], currency: str = "EUR") -> dict[str, dict[str, Any]]:
    return {row["code"]: row for row in payload["clients"] if row["currency"] == currency}


def book_snapshot(book: Path) -> tuple[str, list[tuple[str, str]]]:
    """The book's SHA-256 and every file beside it (the store, the backups) with its hash:
    what must not change when an action is refused. SQLite's -wal/-shm companions (made and
    removed by every open) and the lock file (made by every writing command) are not the
    owner's data and are left out."""
    import hashlib

    digest = hashlib.sha256(book.read_bytes()).hexdigest()
    listing = []
    for path in sorted(book.parent.rglob("*")):
        if path.name.endswith(("-wal", "-shm", ".lock")) or path == book:
            continue
        listing.append(
            (
                str(path.relative_to(book.parent)),
                hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir",
            )
        )
    return digest, listing


def first_schema_book(path: Path) -> None:
    """A book at the first migration (0001) holding one client, OLD: an older version's book."""
    from alembic import command

    old = db.Database(db.database_url(path))
    cfg = old._alembic_config()
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql(
            "INSERT INTO clients (code, name, kind, contact, address, postcode, city, country,"
            " email, phone, siren, siret, vat_number, language, terms, notes, search_key,"
            " created_at, updated_at) VALUES ('OLD', 'Ancien client', 'pro', '', '', '', '',"
            " 'FR', '', '', '', '', '', 'fr', '', '', 'old', '2025-01-01', '2025-01-01')"
        )
    old.dispose()
