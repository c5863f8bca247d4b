"""The database: engine, sessions, migrations.  One module owns them.

SQLite runs with foreign keys on and WAL.  Schema changes go through
Alembic; an older book is copied to a timestamped backup beside it before
it is upgraded.  A book written by a newer version is refused.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from models import SCHEMA_REVISION
from services.core import changes, clock
from services.core.errors import KnownError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.paths import migrations_path

log = logging.getLogger(__name__)

MSG_NEWER = QT_TRANSLATE_NOOP(
    "Messages",
    "This book was written by a newer version of Encaisse (schema {revision}). "
    "Install the newer version to open it.",
)
MSG_CANNOT_OPEN = QT_TRANSLATE_NOOP("Messages", "The database {path} cannot be opened: {detail}")
MSG_READ_ONLY = QT_TRANSLATE_NOOP(
    "Messages",
    "The database {path} is read-only: nothing can be saved. Check the folder's permissions.",
)
MSG_DISK_FULL = QT_TRANSLATE_NOOP(
    "Messages", "The disk is full: nothing was saved. Free some space and try again."
)
MSG_LOCKED = QT_TRANSLATE_NOOP(
    "Messages", "The database is busy (used by another program). Try again in a moment."
)
MSG_NOT_A_DB = QT_TRANSLATE_NOOP(
    "Messages", "The file {path} is not an Encaisse database or is damaged."
)
MSG_PG_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Messages",
    "The database server {server} cannot be reached ({detail}). Check that it is running "
    "and that its address and port are right.",
)
MSG_PG_LOGIN = QT_TRANSLATE_NOOP(
    "Messages",
    "The database server {server} refused the login of {user} ({detail}). Check the user "
    "name and the password.",
)
MSG_PG_NO_DATABASE = QT_TRANSLATE_NOOP(
    "Messages",
    "The database {database} does not exist on the server {server}. Create it, empty: "
    "Encaisse creates its tables at the first start.",
)


#: Execution option of the engine behind :func:`transaction`: its transactions begin with
#: ``BEGIN IMMEDIATE`` on SQLite (issue #11).
WRITE = "encaisse_write"
#: How long a writer waits for another one before "the database is busy" (ms).
BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is turned off: it would begin a transaction only
    # at the first write, after the reads it depends on (two payments of one invoice both
    # read "nothing allocated yet"). _sqlite_begin emits BEGIN itself (issue #11).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    with contextlib.suppress(sqlite3.DatabaseError):  # a read-only book: saving will say so
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    """A write transaction takes SQLite's write lock before it reads what it will update
    (``BEGIN IMMEDIATE``; a second writer waits up to the busy timeout); a read begins a
    snapshot (``BEGIN``), which never blocks a writer in WAL mode."""
    immediate = conn.get_execution_options().get(WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL from a path or a URL."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, also of a URI one (``sqlite:///file:/x/book.db?mode=ro&uri=true``)."""
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    database = parsed.database
    if str(parsed.query.get("uri", "")).lower() in ("true", "1") and database.startswith("file:"):
        from urllib.parse import unquote, urlsplit

        location = urlsplit(database)
        database = unquote(location.path)
        if not database or "memory" in str(location.query):
            return None
    return Path(database)


class Database:
    """An open book: an engine and its session factory."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = sqlite_path(url)
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
        #: sessions that only read (and the alembic/inspection connections)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False, future=True)
        #: sessions of :func:`transaction`: on SQLite they begin with BEGIN IMMEDIATE
        self.write_sessions = sessionmaker(
            self.engine.execution_options(**{WRITE: True}), expire_on_commit=False, future=True
        )
        changes.watch(self.write_sessions)  # what each transaction touches (issue #12)

    # -- migrations -------------------------------------------------------
    def _alembic_config(self) -> Any:
        from alembic.config import Config  # imported lazily: alembic is slow to import

        cfg = Config()
        cfg.set_main_option("script_location", str(migrations_path()))
        return cfg

    def head_revision(self) -> str:
        from alembic.script import ScriptDirectory

        return str(ScriptDirectory.from_config(self._alembic_config()).get_current_head())

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if "alembic_version" not in inspect(conn).get_table_names():
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def upgrade(self, backup: bool = True) -> Path | None:
        """Bring the schema to the latest revision; return the backup made, if any."""
        try:
            current = self.current_revision()
            if current == SCHEMA_REVISION:  # fast path: no need to load alembic at all
                return None
            from alembic import command
            from alembic.script import ScriptDirectory

            script = ScriptDirectory.from_config(self._alembic_config())
            head = script.get_current_head()
            if current == head:
                return None
            if current is not None and current not in {r.revision for r in script.walk_revisions()}:
                raise KnownError(MSG_NEWER, revision=current)
            saved = None
            if backup and current is not None and self.path is not None and self.path.exists():
                saved = self._backup_before_migration(current)
            cfg = self._alembic_config()
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            log.info("database upgraded from %s to %s", current, head)
            return saved
        except (OperationalError, DBAPIError) as exc:
            raise translate_db_error(exc, self.path) from exc

    def _backup_before_migration(self, revision: str) -> Path:
        assert self.path is not None
        stamp = clock.stamp()  # local time, like every backup's name (issue #12)
        target = self.path.with_name(
            f"{self.path.stem}.before-upgrade-{revision}-{stamp}{self.path.suffix}"
        )
        # SQLite's online backup API gives a consistent copy even with WAL.
        src = sqlite3.connect(str(self.path))
        try:
            dst = sqlite3.connect(str(target))
            with dst:
                src.backup(dst)
            dst.close()
        finally:
            src.close()
        _owner_only(target)  # a whole copy of the book: the owner's only (issue #6)
        log.info("backed up %s to %s before upgrading", self.path, target)
        return target

    def is_empty(self) -> bool:
        from models import Client, Invoice, Payment

        with self.sessions() as s:
            return not any(s.query(m.id).limit(1).first() for m in (Client, Invoice, Payment))

    def has_schema(self) -> bool:
        return "clients" in inspect(self.engine).get_table_names()

    def dispose(self) -> None:
        self.engine.dispose()


_current: Database | None = None


def open_database(target: str | Path, *, migrate: bool = True) -> Database:
    """Open (and by default upgrade) the book at ``target``; make it current."""
    global _current
    if _current is not None:
        _current.dispose()
    database = Database(database_url(target))
    if migrate:
        database.upgrade()
    _owner_only(database.path)
    _current = database
    changes.publish(changes.Change.BOOK)  # another book: every view reloads
    return database


def _owner_only(path: Path | None) -> None:
    """The book and its companions readable by the owner only (0600), on Unix (issue #6)."""
    import os

    if path is None or os.name != "posix":
        return
    for candidate in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        try:
            mode = candidate.stat().st_mode if candidate.exists() else 0
            if mode & 0o077:
                candidate.chmod(mode & 0o700)  # the others lose access; the owner keeps his own
        except OSError:
            pass  # a file owned by someone else: leave it, the open itself will say if it matters


def is_open() -> bool:
    return _current is not None


def current() -> Database:
    if _current is None:
        raise RuntimeError("no database is open")
    return _current


def close() -> None:
    global _current
    if _current is not None:
        _current.dispose()
        _current = None


def integrity_problems(*, quick: bool = False) -> list[str]:
    """The database's own check of the open book: [] when sound, else what it found.

    SQLite: its integrity (or quick) check and its foreign-key check. Another engine (a
    PostgreSQL server) checks its own pages, which cannot be checked from here
    (``services.book.integrity.MSG_SERVER_PAGES`` says so); what can be is: every foreign key
    points at a row (issue #11)."""
    database = current()
    if database.engine.dialect.name != "sqlite":
        return _orphans(database)
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with database.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}")]
            rows += [
                f"foreign key violation in {r[0]} row {r[1]}"
                for r in conn.exec_driver_sql("PRAGMA foreign_key_check")
            ]
    except DBAPIError as exc:
        return [str(exc.orig)]
    return [] if rows == ["ok"] else [r for r in rows if r != "ok"]


def _orphans(database: Database) -> list[str]:
    """Rows whose foreign key points at no row, counted per key of the models."""
    from sqlalchemy import and_, func, select

    from models import Base

    problems = []
    try:
        with database.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                for key in table.foreign_key_constraints:
                    parent = key.referred_table.alias("parent")
                    pairs = [
                        (element.parent, parent.c[element.column.name]) for element in key.elements
                    ]
                    count = conn.scalar(
                        select(func.count())
                        .select_from(
                            table.outerjoin(
                                parent, and_(*(child == referred for child, referred in pairs))
                            )
                        )
                        .where(*(child.is_not(None) for child, _ in pairs), pairs[0][1].is_(None))
                    )
                    if count:
                        columns = ", ".join(child.name for child, _ in pairs)
                        problems.append(
                            f"foreign key violation in {table.name}: {count} rows "
                            f"whose {columns} points at no {key.referred_table.name} row"
                        )
    except DBAPIError as exc:
        return [str(exc.orig)]
    return problems


@contextmanager
def transaction() -> Iterator[Session]:
    """One user action = one transaction: commit on success, roll back on error.

    On SQLite it holds the write lock from its first statement (BEGIN IMMEDIATE), so what
    it reads cannot change under it before it writes; never open one inside another.
    Once committed, the topics it touched are published (:mod:`services.core.changes`);
    a rolled-back transaction publishes nothing.
    """
    session = current().write_sessions()
    try:
        with session.begin():
            yield session
    except (OperationalError, DBAPIError) as exc:
        raise translate_db_error(exc, current().path) from exc
    finally:
        touched = changes.collected(session)
        session.close()
    changes.publish(touched)


@contextmanager
def reading() -> Iterator[Session]:
    """A read-only session (rolled back at the end)."""
    session = current().sessions()
    try:
        yield session
    except (OperationalError, DBAPIError) as exc:
        raise translate_db_error(exc, current().path) from exc
    finally:
        session.rollback()
        session.close()


#: PostgreSQL's SQLSTATEs of a writer that met another one: deadlock_detected,
#: serialization_failure, lock_not_available (a lock timeout, NOWAIT) — "busy" to the user
_PG_BUSY_STATES = frozenset({"40P01", "40001", "55P03"})
_PG_BUSY_TEXTS = (
    "deadlock detected",
    "could not serialize access",
    "lock timeout",
    "could not obtain lock",
)
#: what libpq says when the server cannot be reached, or went away during the session
_PG_UNREACHABLE_TEXTS = (
    "connection refused",
    "could not connect",
    "failed to resolve host",
    "could not translate host name",
    "name or service not known",
    "no route to host",
    "network is unreachable",
    "timeout expired",
    "server closed the connection",
    "terminating connection",
    "the connection is closed",
    "connection is lost",
    "is the server running",
    "the database system is starting up",
    "the database system is shutting down",
    "consuming input failed",
)
_PG_LOGIN_TEXTS = (
    "authentication failed",
    "no password supplied",
    "pg_hba.conf",
    "permission denied for database",
)


def _pg_server(exc: Exception) -> tuple[str, str, str]:
    """(host:port, database, user) of the PostgreSQL server an error came from — never
    the password: from the driver's connection, else from the open book's URL."""
    pgconn = getattr(getattr(exc, "orig", None), "pgconn", None)
    if pgconn is not None:

        def part(name: str) -> str:
            value = getattr(pgconn, name, b"") or b""
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)

        host, port, database, user = part("host"), part("port"), part("db"), part("user")
    elif _current is not None and _current.path is None:
        url = make_url(_current.url)
        host, port = url.host or "", str(url.port or "")
        database, user = url.database or "", url.username or ""
    else:  # no connection was attempted (a host name that does not resolve): the message's
        named = re.search(
            r"""(?:host|server at) ['"]([^'"]+)['"](?:, port (\d+))?""",
            str(getattr(exc, "orig", exc)),
        )
        host, port = (named.group(1), named.group(2) or "") if named else ("", "")
        database = user = ""
    server = f"{host}:{port}" if host and port else host or "?"
    return server, database or "?", user or "?"


def _pg_detail(original: str) -> str:
    """libpq's reason, on one line, without its "connection to server at … failed:" (the
    message names the server itself) nor its "FATAL:" prefix."""
    first = next((line.strip() for line in original.splitlines() if line.strip()), original)
    reason = first.rsplit(" failed: ", 1)[-1] if " failed: " in first else first
    reason = re.sub(r"^(connection failed:\s*)?((FATAL|ERROR):\s*)?", "", reason).strip()
    return reason or first


def _pg_connection_error(exc: Exception, text: str) -> KnownError | None:
    """A PostgreSQL server that cannot be reached, refuses the login or has no such
    database: a plain message naming the server (never the password); None otherwise."""
    original = str(getattr(exc, "orig", exc))
    if 'database "' in text and "does not exist" in text:
        server, database, _user = _pg_server(exc)
        return KnownError(MSG_PG_NO_DATABASE, server=server, database=database)
    if any(marker in text for marker in _PG_LOGIN_TEXTS) or (
        'role "' in text and "does not exist" in text
    ):
        server, _database, user = _pg_server(exc)
        return KnownError(MSG_PG_LOGIN, server=server, user=user, detail=_pg_detail(original))
    if any(marker in text for marker in _PG_UNREACHABLE_TEXTS):
        server, _database, _user = _pg_server(exc)
        return KnownError(MSG_PG_UNREACHABLE, server=server, detail=_pg_detail(original))
    return None


def translate_db_error(exc: Exception, path: Path | None) -> Exception:
    """Environment failures become KnownError with plain words; bugs stay bugs.

    On PostgreSQL (issue #11): a writer that met another one (a deadlock, a serialization
    failure, a lock timeout) gets the same "busy" message as SQLite's lock; a server that
    cannot be reached, refuses the login or lacks the database gets a message naming the
    server, never the password."""
    text = str(getattr(exc, "orig", exc)).lower()
    where = str(path) if path else "?"
    if "readonly" in text or "read-only" in text:
        return KnownError(MSG_READ_ONLY, path=where)
    if "disk is full" in text or "database or disk is full" in text:
        return KnownError(MSG_DISK_FULL)
    if "database is locked" in text or "busy" in text:
        return KnownError(MSG_LOCKED)
    if getattr(getattr(exc, "orig", None), "sqlstate", None) in _PG_BUSY_STATES or any(
        marker in text for marker in _PG_BUSY_TEXTS
    ):
        return KnownError(MSG_LOCKED)
    if path is None:
        known = _pg_connection_error(exc, text)
        if known is not None:
            return known
    if "file is not a database" in text or "malformed" in text:
        return KnownError(MSG_NOT_A_DB, path=where)
    if "unable to open" in text:
        if path is not None and _read_only_folder(path.parent):
            return KnownError(MSG_READ_ONLY, path=where)  # WAL needs its -shm file beside the book
        return KnownError(MSG_CANNOT_OPEN, path=where, detail=text)
    return exc


def _read_only_folder(folder: Path) -> bool:
    """True when nothing can be created in ``folder`` (permissions, a read-only mount...)."""
    import os

    try:
        if folder.is_dir() and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    return folder.is_dir() and not os.access(folder, os.W_OK)
