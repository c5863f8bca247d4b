"""Opening a book written by an older version keeps a copy of it before migrating it
(issue #12, point 8): the copy must exist beside the book, hold the old schema revision and
the old rows, and be the owner's only. Every way a book is opened is covered: the services'
``open_database``, the window's ``open_book`` and a command."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from models import SCHEMA_REVISION
from services.core import clock, db
from tests.helpers_cli import first_schema_book, run_cli

FIRST = "0001"


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def _revision(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def old_book(tmp_path: Path) -> Iterator[Path]:
    """A book at the first migration holding one client; the clock frozen."""
    book = tmp_path / "book.db"
    first_schema_book(book)
    assert _revision(book) == FIRST != SCHEMA_REVISION  # the test means something
    clock.freeze(dt.date(2026, 5, 4))
    try:
        yield book
    finally:
        clock.freeze(None)
        db.close()


def _check_the_copy(book: Path, before: dict[str, list[tuple[object, ...]]]) -> Path:
    [kept] = book.parent.glob(f"{book.stem}.before-upgrade-{FIRST}-*{book.suffix}")
    assert _revision(kept) == FIRST  # the old schema, not a copy taken after the migration
    assert _rows(kept) == before  # every row as it was
    assert ("OLD", "Ancien client") in [(r[1], r[2]) for r in before["clients"]]
    if os.name == "posix":
        assert kept.stat().st_mode & 0o077 == 0  # a whole copy of the book: the owner's only
    assert _revision(book) == SCHEMA_REVISION  # and the book itself was migrated
    return kept


def test_open_database_backs_up_an_older_book_before_migrating_it(old_book: Path) -> None:
    before = _rows(old_book)
    database = db.open_database(old_book)
    assert database.current_revision() == SCHEMA_REVISION
    _check_the_copy(old_book, before)


def test_upgrade_says_where_the_copy_is(old_book: Path) -> None:
    before = _rows(old_book)
    database = db.open_database(old_book, migrate=False)
    saved = database.upgrade()
    assert saved is not None and saved == _check_the_copy(old_book, before)
    assert database.upgrade() is None  # current now: nothing more to copy
    assert len(list(old_book.parent.glob("*.before-upgrade-*"))) == 1


def test_a_command_backs_up_an_older_book_before_migrating_it(
    old_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _rows(old_book)
    run = run_cli(capsys, old_book, "clients", "--json")
    assert run.code == 0, run.err
    assert [c["code"] for c in run.json()["clients"]] == ["OLD"]
    _check_the_copy(old_book, before)


def test_the_window_backs_up_an_older_book_before_migrating_it(old_book: Path) -> None:
    pytest.importorskip("PySide6")
    from ui.app import open_book

    before = _rows(old_book)
    open_book(str(old_book))
    _check_the_copy(old_book, before)


def test_an_open_that_skipped_the_copy_is_caught(
    old_book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above is not vacuous: with the copy left out, it fails."""
    monkeypatch.setattr(db.Database, "_backup_before_migration", lambda self, revision: None)
    before = _rows(old_book)
    db.open_database(old_book)
    assert _revision(old_book) == SCHEMA_REVISION
    with pytest.raises(ValueError):  # no copy beside the book: nothing to unpack
        _check_the_copy(old_book, before)
