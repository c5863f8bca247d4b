"""The tests' new books are copies of one migrated template (tests/book_template.py): a copy
must be the book the migrations make from nothing, and open without running them again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models import SCHEMA_REVISION
from services.core import db
from tests import book_template


def _dump(path: Path) -> tuple[list[tuple[str, str, str]], dict[str, list[tuple[object, ...]]]]:
    """Every table, index and trigger with its SQL, and every table's rows."""
    con = sqlite3.connect(path)
    try:
        schema = sorted(
            con.execute(
                "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                "WHERE name NOT LIKE 'sqlite_%'"
            ).fetchall()
        )
        rows = {
            name: sorted(con.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for kind, name, _sql in schema
            if kind == "table"
        }
        return schema, rows
    finally:
        con.close()


@pytest.mark.real_migrations
def test_the_template_is_the_book_the_migrations_make(tmp_path: Path) -> None:
    made = tmp_path / "from-nothing.db"
    database = db.open_database(made)  # marked: Alembic runs from nothing here
    try:
        assert database.current_revision() == SCHEMA_REVISION
    finally:
        db.close()
    template_schema, template_rows = _dump(book_template.template())
    schema, rows = _dump(made)
    assert template_schema == schema
    assert template_rows == rows
    assert len(schema) > 20 and template_rows["alembic_version"] == [(SCHEMA_REVISION,)]


def test_a_new_book_is_a_copy_opened_without_alembic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy is at SCHEMA_REVISION, so services/core/db.py takes its fast path: Alembic's
    upgrade command is never called for it."""
    from alembic import command

    calls: list[object] = []
    monkeypatch.setattr(command, "upgrade", lambda *a, **k: calls.append(a))
    book = tmp_path / "new.db"
    database = db.open_database(book)
    try:
        assert database.current_revision() == SCHEMA_REVISION
        assert database.is_empty()
    finally:
        db.close()
    assert calls == []
    assert _dump(book) == _dump(book_template.template())


@pytest.mark.real_migrations
def test_marked_tests_run_the_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from alembic import command

    calls: list[object] = []
    real = command.upgrade
    monkeypatch.setattr(command, "upgrade", lambda *a, **k: calls.append(a) or real(*a, **k))
    db.open_database(tmp_path / "new.db")
    db.close()
    assert len(calls) == 1


def test_a_book_that_holds_something_is_never_replaced(tmp_path: Path) -> None:
    """Only an absent or empty file is a new book: anything else reaches the real code."""
    book = tmp_path / "not-a-book.db"
    book.write_bytes(b"this is not a database" * 100)
    with pytest.raises(Exception, match="not an Encaisse database"):
        db.open_database(book)
    db.close()
    assert book.read_bytes() == b"this is not a database" * 100
