"""The database engines the tests run on (issue #11): SQLite always, PostgreSQL when a
server is given.

A test module opts in to both engines with ``pytestmark = pytest.mark.both_engines``; its
tests then take the ``engine`` parameter ``sqlite`` or ``postgresql`` (through the
:func:`book_target` fixture). The PostgreSQL server is chosen with ``--pg-url URL`` or the
``ENCAISSE_TEST_PG_URL`` environment variable (``tools/pg-start`` starts one and prints its
URL; ``.ci/run`` does so). Without one, the PostgreSQL runs are skipped and say why.

Each PostgreSQL test gets a new database of its own, copied from a template migrated once
per session, and dropped after the test.
"""

from __future__ import annotations

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
    """The session's template database is dropped with it."""
    for url in list(_template_ready):
        try:
            drop_pg_database(url, _TEMPLATE)
        except Exception:  # noqa: BLE001 - a server gone away: nothing left to tidy
            pass
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
    url, name = new_pg_database(server)
    monkeypatch.setenv("ENCAISSE_DOCUMENTS", str(tmp_path / "book.documents"))
    try:
        yield url
    finally:
        from services.core import db

        db.close()
        drop_pg_database(server, name)
