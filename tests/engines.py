"""The database engines the tests run on (issue #11): SQLite always, PostgreSQL when a
server is given.

A test module opts in to both engines with ``pytestmark = pytest.mark.both_engines``; its
tests then take the ``engine`` parameter ``sqlite`` or ``postgresql`` (through the
:func:`book_target` fixture). The PostgreSQL server is chosen with ``--pg-url URL`` or the
``ENCAISSE_TEST_PG_URL`` environment variable (``tools/pg-start`` starts one and prints its
URL; ``.ci/run`` does so). Without one, the PostgreSQL runs are skipped and say why.

Each PostgreSQL test gets an empty, migrated database of its own: the session (each xdist
worker) makes one database from a template migrated once, and empties it before each test
(every row deleted, every id sequence restarted: as in a new database). ``CREATE DATABASE``
costs most of a second; emptying costs a few milliseconds. A test that changed the database
itself (a table, a constraint, a trigger, a grant, the schema revision) is caught by a
fingerprint of its catalog, and the next test gets a new copy of the template instead. Tests
that need a database to themselves (to drop, to lock out) call :func:`new_pg_database`.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ENV = "ENCAISSE_TEST_PG_URL"
NO_SERVER = (
    f"no PostgreSQL server for the tests: run tools/pg-start and set {ENV} (or pass --pg-url)"
)
#: one template per test session: two sessions at once (two terminals, xdist) never drop
#: each other's template
_TEMPLATE = f"encaisse_test_template_{os.getpid()}"
_counter = itertools.count(1)
_template_ready: dict[str, bool] = {}
#: per server: (URL, name) of the database this session empties and hands to each test
_reused: dict[str, tuple[str, str]] = {}
#: per server: the catalog fingerprint of a database fresh from the template
_fingerprint: dict[str, str] = {}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--pg-url",
        default=None,
        help=f"a PostgreSQL server URL for the both-engine tests (default: ${ENV})",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_engines: run the module's tests on SQLite and on PostgreSQL"
    )
    config.addinivalue_line(
        "markers", "sqlite_only(reason): in a both_engines module, a test about the SQLite file"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" not in metafunc.fixturenames:
        return
    definition = metafunc.definition
    both = definition.get_closest_marker("both_engines") is not None
    if both and definition.get_closest_marker("sqlite_only") is None:
        metafunc.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
    # elsewhere the engine fixture is SQLite, without a parameter in the test's name


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The session's template database and its reused test database are dropped with it."""
    for server, (_url, name) in list(_reused.items()):
        with contextlib.suppress(Exception):  # a server gone away: nothing left to tidy
            drop_pg_database(server, name)
        _reused.pop(server, None)
    for url in list(_template_ready):
        with contextlib.suppress(Exception):  # a server gone away: nothing left to tidy
            drop_pg_database(url, _TEMPLATE)
        _template_ready.pop(url, None)


def server_url(config: pytest.Config) -> str | None:
    return config.getoption("--pg-url") or os.environ.get(ENV) or None


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``; skips the PostgreSQL run when no server is given."""
    name = getattr(request, "param", "sqlite")
    if name == "postgresql" and server_url(request.config) is None:
        pytest.skip(NO_SERVER)
    return str(name)


def _admin(url: str):  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    return create_engine(url, isolation_level="AUTOCOMMIT")


def _ensure_template(url: str) -> None:
    """A database migrated to the current schema, copied for each test."""
    if _template_ready.get(url):
        return
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from services.core import db

    admin = _admin(url)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{_TEMPLATE}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{_TEMPLATE}"'))
    admin.dispose()
    template_url = make_url(url).set(database=_TEMPLATE).render_as_string(hide_password=False)
    database = db.Database(template_url)
    try:
        database.upgrade(backup=False)
    finally:
        database.dispose()
    _template_ready[url] = True


def new_pg_database(url: str) -> tuple[str, str]:
    """(URL, name) of a fresh, migrated, empty database on the server at ``url``."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    _ensure_template(url)
    name = f"encaisse_test_{os.getpid()}_{next(_counter)}"
    admin = _admin(url)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_TEMPLATE}"'))
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False), name


def drop_pg_database(url: str, name: str) -> None:
    from sqlalchemy import text

    admin = _admin(url)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def book_target(
    engine: str, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """Where a test's book lives: a SQLite file in ``tmp_path``, or a new PostgreSQL database
    (its documents in ``tmp_path`` too)."""
    if engine == "sqlite":
        yield str(tmp_path / "book.db")
        return
    server = server_url(request.config)
    assert server is not None  # the engine fixture skipped otherwise
    url = empty_pg_database(server)
    monkeypatch.setenv("ENCAISSE_DOCUMENTS", str(tmp_path / "book.documents"))
    try:
        yield url
    finally:
        from services.core import db

        db.close()


#: the catalog of the book's schema: what a test must not leave changed for the next one
_CATALOG = """
SELECT md5(string_agg(item, '|' ORDER BY item)) FROM (
    SELECT 'class:' || relname || ':' || relkind::text FROM pg_class
     WHERE relnamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'column:' || attrelid::regclass || '.' || attname || ':' || atttypid::regtype
           || ':' || attnotnull || ':' || coalesce(pg_get_expr(adbin, adrelid), '')
      FROM pg_attribute JOIN pg_class ON pg_class.oid = attrelid
      LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
     WHERE relnamespace = 'public'::regnamespace AND attnum > 0 AND NOT attisdropped
    UNION ALL
    SELECT 'constraint:' || conrelid::regclass || ':' || conname || ':' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'trigger:' || tgrelid::regclass || ':' || tgname || ':' || tgenabled::text
      FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL
    SELECT 'function:' || proname || ':' || md5(prosrc) FROM pg_proc
     WHERE pronamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'acl:' || coalesce(datacl::text, '') FROM pg_database WHERE datname = current_database()
    UNION ALL
    SELECT 'revision:' || version_num FROM alembic_version
) AS catalog(item)
"""


#: every row of every table but alembic_version deleted (the triggers, the events' append-only
#: ones and the foreign keys', off for this transaction), every id sequence back to 1
_DELETE_ALL = """
DO $$ DECLARE r record; BEGIN
    SET LOCAL session_replication_role = replica;
    FOR r IN SELECT tablename FROM pg_tables
              WHERE schemaname = 'public' AND tablename <> 'alembic_version' LOOP
        EXECUTE format('DELETE FROM %I', r.tablename);
    END LOOP;
    FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
        EXECUTE format('ALTER SEQUENCE %I RESTART', r.sequencename);
    END LOOP;
END $$
"""


def _tables(conn) -> list[str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    return list(
        conn.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'alembic_version' ORDER BY tablename"
            )
        ).scalars()
    )


def _empty(url: str, name: str, expected: str | None) -> str | None:
    """Empty the database ``name`` (ids from 1 again); its fingerprint, or None when it is
    no longer the template's schema (a test altered it)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            # a connection a test left behind (a thread, a leaked session) holds no lock
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            found = str(conn.execute(text(_CATALOG)).scalar())
            if expected is not None and found != expected:
                return None
            conn.execute(text("SET lock_timeout = '10s'"))
            try:  # a few rows: DELETE is quicker than TRUNCATE's new files for every table
                conn.execute(text("BEGIN"))
                conn.execute(text(_DELETE_ALL))
                conn.execute(text("COMMIT"))
            except Exception:  # noqa: BLE001 - not a superuser (session_replication_role)
                conn.execute(text("ROLLBACK"))
                tables = ", ".join(f'"{t}"' for t in _tables(conn))
                conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            return found
    finally:
        engine.dispose()


def empty_pg_database(server: str) -> str:
    """URL of a migrated database holding nothing, for one test: this session's reused
    database, emptied, or a new copy of the template when a test changed that one."""
    if server in _reused:
        url, name = _reused[server]
        try:
            if _empty(url, name, _fingerprint[server]) is not None:
                return url
        except Exception:  # noqa: BLE001 - whatever the last test left: start afresh
            pass
        _reused.pop(server)
        drop_pg_database(server, name)
    url, name = new_pg_database(server)
    _reused[server] = (url, name)
    fingerprint = _empty(url, name, None)
    assert fingerprint is not None
    _fingerprint.setdefault(server, fingerprint)
    if fingerprint != _fingerprint[server]:  # pragma: no cover - the template itself changed
        raise AssertionError("a new copy of the template does not match the first one")
    return url
