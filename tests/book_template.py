"""A migrated SQLite book, made once per test session, copied for every new book (issue #12,
point 9).

Running the Alembic migrations for each of the thousand books the tests open cost about a
minute; copying a file costs a few milliseconds. At the start of the session (of each
xdist worker: each has its own temporary folder) the migrations run for real, once, on an
empty file: that is the template. Then, while the tests run, ``Database.upgrade`` on a
SQLite book that does not exist yet (or is an empty file) first copies the template into
place; the real ``upgrade`` follows and finds the book at ``models.SCHEMA_REVISION``, so it
does nothing (its fast path). Everything else a new book goes through (the engine, the
SQLite pragmas, the owner-only permissions, the lock, the commands) is the application's
own code.

Left alone: a book that already holds something (an older schema is migrated by Alembic,
with its backup), PostgreSQL (tests/engines.py copies a migrated template database
there), and the tests marked ``real_migrations``, which build a book from nothing with
Alembic. ``tests/test_book_template.py`` checks that a copy of the template and a book
migrated from nothing have the same schema and rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

_template: Path | None = None
_enabled = True
_cache: pytest.TempPathFactory | None = None
#: demo books built this session, by (day, with documents)
_demo_books: dict[tuple[dt.date, bool], Path] = {}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "real_migrations: new SQLite books run the Alembic migrations from nothing "
        "instead of copying the session's migrated template",
    )


def build_template(path: Path) -> Path:
    """Migrate an empty SQLite file at ``path`` with the application's migrations."""
    from services.core import db

    database = db.Database(db.database_url(path))
    try:
        database.upgrade(backup=False)
    finally:
        database.dispose()
    # one self-contained file: the write-ahead log folded back in, nothing beside it
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        companion.unlink(missing_ok=True)
    return path


def template() -> Path:
    """The session's migrated template (built by the session fixture below)."""
    assert _template is not None, "the template is made by the _migrated_template fixture"
    return _template


def _blank(path: Path) -> bool:
    """A book about to be created: no file yet, or an empty one (SQLite's new database)."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False


@pytest.fixture(scope="session", autouse=True)
def _migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    global _template, _cache
    from services.core import db

    _cache = tmp_path_factory
    _template = build_template(tmp_path_factory.mktemp("template") / "template.db")
    real_upgrade = db.Database.upgrade

    def upgrade(self: db.Database, backup: bool = True) -> Path | None:
        path = self.path
        if _enabled and path is not None and _blank(path):
            self.engine.dispose()  # no connection holds the empty file open
            # a folder that refuses the file: the real code below says how
            with contextlib.suppress(OSError):
                shutil.copyfile(template(), path)
        return real_upgrade(self, backup)

    patch = pytest.MonkeyPatch()
    patch.setattr(db.Database, "upgrade", upgrade)
    try:
        yield _template
    finally:
        patch.undo()


@pytest.fixture(autouse=True)
def _real_migrations(request: pytest.FixtureRequest) -> Iterator[None]:
    global _enabled
    if request.node.get_closest_marker("real_migrations") is None:
        yield
        return
    _enabled = False
    try:
        yield
    finally:
        _enabled = True


def demo_copy(target: Path, day: dt.date, *, with_documents: bool = True) -> Path:
    """Put at ``target`` (a SQLite path; no book open) the demo book of ``day``, with its
    documents' store beside it, and return ``target``.

    The demo is built once per session for each (day, documents) by the application's own
    ``fill_demo`` on a book of its own, the clock frozen on ``day`` (the demo is the same
    for the same day: tests/test_demo.py), and copied for each test: a build takes seconds,
    a copy milliseconds. Tests about building the demo (the ``demo`` command, the demo's
    contents) build it themselves."""
    from services.book import demo
    from services.core import clock, db

    assert not db.is_open(), "demo_copy replaces a book: close the one open first"
    key = (day, with_documents)
    source = _demo_books.get(key)
    if source is None:
        assert _cache is not None
        source = _cache.mktemp(f"demo-{day.isoformat()}") / "book.db"
        documents = os.environ.pop("ENCAISSE_DOCUMENTS", None)  # the store beside the book
        try:
            with clock.frozen(day):
                db.open_database(source)
                try:
                    demo.fill_demo(day, with_documents=with_documents)
                finally:
                    db.close()
        finally:
            if documents is not None:
                os.environ["ENCAISSE_DOCUMENTS"] = documents
        for companion in (Path(f"{source}-wal"), Path(f"{source}-shm")):
            assert not companion.exists(), companion  # closed: one self-contained file
        _demo_books[key] = source
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)  # the mode too: the owner's only, as the book was made
    store = source.with_name(f"{source.stem}.documents")
    if store.exists():
        shutil.copytree(store, target.with_name(f"{target.stem}.documents"), symlinks=True)
    return target
