"""PostgreSQL's environment failures get plain messages, never "an unexpected problem"
(issue #11, point 9: PostgreSQL for real).

* A writer that meets another one — a deadlock, a serialization failure, a lock timeout —
  gets the same "busy" message as SQLite's lock (``db.MSG_LOCKED``): each is provoked on a
  real server and goes through ``db.transaction()`` as every user action does.
* A server that cannot be reached (a closed port, a server that went away during the
  session), refuses the login, or has no such database: a message naming the server,
  never the password, from the window's start (``ui.app.open_book``) and from the command
  line alike (one ``error:`` line, exit 1).

The tests that need a server take it from ``ENCAISSE_TEST_PG_URL`` (or ``--pg-url``) and
are skipped, saying why, without one; the closed-port tests need none.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from services.core import db
from services.core.errors import KnownError
from tests.engines import NO_SERVER, drop_pg_database, new_pg_database, server_url
from tests.helpers_cli import run_cli
from tests.service_fixtures import book  # noqa: F401

SECRET = "s3cret-Pa55word"


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _with_password(url: str, **changes: object) -> str:
    return make_url(url).set(password=SECRET, **changes).render_as_string(hide_password=False)


@pytest.fixture
def server(request: pytest.FixtureRequest) -> str:
    url = server_url(request.config)
    if url is None:
        pytest.skip(NO_SERVER)
    return url


@pytest.fixture
def pg_book(server: str) -> Iterator[str]:
    """A new, migrated PostgreSQL book, open, holding two rows to lock (``t``: 1 and 2)."""
    url, name = new_pg_database(server)
    db.open_database(url)
    with db.transaction() as s:
        s.execute(text("CREATE TABLE t (id integer PRIMARY KEY, n integer NOT NULL)"))
        s.execute(text("INSERT INTO t VALUES (1, 0), (2, 0)"))
    try:
        yield url
    finally:
        db.close()
        drop_pg_database(server, name)


# -- a writer meets another one: "busy" ---------------------------------------------------------


def _busy(caught: BaseException | None) -> None:
    assert isinstance(caught, KnownError), repr(caught)
    assert caught.message == db.MSG_LOCKED
    assert (
        caught.render() == "The database is busy (used by another program). Try again in a moment."
    )


def test_a_deadlock_on_postgresql_says_busy(pg_book: str) -> None:
    """Two transactions lock rows 1 and 2 in opposite orders: the server aborts one
    ("deadlock detected", SQLSTATE 40P01); its user is told the book is busy."""
    both_hold_one = threading.Barrier(2, timeout=10)
    outcomes: dict[int, BaseException | None] = {}

    def writer(first: int, second: int) -> None:
        try:
            with db.transaction() as s:
                s.execute(text("SELECT n FROM t WHERE id = :id FOR UPDATE"), {"id": first})
                both_hold_one.wait()
                s.execute(text("UPDATE t SET n = n + 1 WHERE id = :id"), {"id": second})
            outcomes[first] = None
        except BaseException as exc:  # noqa: BLE001 - the outcome is what is tested
            outcomes[first] = exc

    threads = [threading.Thread(target=writer, args=pair) for pair in ((1, 2), (2, 1))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    failed = [exc for exc in outcomes.values() if exc is not None]
    assert len(outcomes) == 2 and len(failed) == 1, outcomes  # the server aborted one of the two
    _busy(failed[0])
    assert "deadlock detected" in str(failed[0].__cause__)


def test_a_serialization_failure_on_postgresql_says_busy(pg_book: str) -> None:
    """A repeatable-read transaction updates a row another one changed since its snapshot:
    "could not serialize access due to concurrent update" (40001) says busy."""
    caught: BaseException | None = None
    other = create_engine(pg_book)
    try:
        with db.transaction() as s:
            s.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
            s.execute(text("SELECT n FROM t WHERE id = 1")).scalar()  # the snapshot is taken
            with other.begin() as conn:
                conn.execute(text("UPDATE t SET n = 5 WHERE id = 1"))
            s.execute(text("UPDATE t SET n = n + 1 WHERE id = 1"))
    except BaseException as exc:  # noqa: BLE001
        caught = exc
    finally:
        other.dispose()
    _busy(caught)
    assert "could not serialize access" in str(caught.__cause__)


def test_a_lock_timeout_on_postgresql_says_busy(pg_book: str) -> None:
    """A row held by another writer longer than the lock timeout: "canceling statement due
    to lock timeout" (55P03) says busy."""
    caught: BaseException | None = None
    other = create_engine(pg_book)
    try:
        with other.begin() as conn:
            conn.execute(text("SELECT n FROM t WHERE id = 1 FOR UPDATE"))
            try:
                with db.transaction() as s:
                    s.execute(text("SET LOCAL lock_timeout = '200ms'"))
                    s.execute(text("UPDATE t SET n = n + 1 WHERE id = 1"))
            except BaseException as exc:  # noqa: BLE001
                caught = exc
    finally:
        other.dispose()
    _busy(caught)
    assert "lock timeout" in str(caught.__cause__)


def test_a_constraint_violation_on_postgresql_stays_a_bug(pg_book: str) -> None:
    """Only environment failures are translated: a broken rule is a bug, with its trace."""
    with pytest.raises(Exception) as caught, db.transaction() as s:
        s.execute(text("INSERT INTO t VALUES (1, 0)"))
    assert not isinstance(caught.value, KnownError)


# -- the server cannot be reached, refuses the login, lacks the database -------------------------


def _assert_names_server(error: KnownError, server: str) -> str:
    shown = error.render()
    assert server in shown, shown
    assert SECRET not in shown and SECRET not in repr(error.params), shown
    return shown


def test_a_closed_port_says_the_server_cannot_be_reached_without_the_password() -> None:
    port = _closed_port()
    url = f"postgresql+psycopg://encaisse:{SECRET}@127.0.0.1:{port}/books"
    with pytest.raises(KnownError) as caught:
        db.open_database(url)
    assert caught.value.message == db.MSG_PG_UNREACHABLE
    shown = _assert_names_server(caught.value, f"127.0.0.1:{port}")
    assert shown == (
        f"The database server 127.0.0.1:{port} cannot be reached (Connection "
        "refused). Check that it is running and that its address and port are right."
    )
    assert not db.is_open()


def test_the_command_line_and_the_window_say_the_same_for_a_closed_port(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``_open`` (the command line) lets the KnownError through; the window's start
    (``ui.app.open_book``) catches KnownError and shows it: the same words for both."""
    from ui import app

    port = _closed_port()
    url = f"postgresql+psycopg://encaisse:{SECRET}@127.0.0.1:{port}/books"
    run = run_cli(capsys, url, "invoices")
    assert run.code == 1
    assert run.err_lines == [
        f"error: The database server 127.0.0.1:{port} cannot be reached "
        "(Connection refused). Check that it is running and that its address "
        "and port are right."
    ]
    assert SECRET not in run.err + run.out and "Traceback" not in run.err
    with pytest.raises(KnownError) as caught:
        app.open_book(url)
    assert "error: " + caught.value.render() == run.err_lines[0]
    db.close()


def test_a_database_that_does_not_exist_is_named_with_its_server(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parsed = make_url(server)
    url = _with_password(server, database="encaisse_no_such_book")
    with pytest.raises(KnownError) as caught:
        db.open_database(url)
    assert caught.value.message == db.MSG_PG_NO_DATABASE
    where = f"{parsed.host}:{parsed.port}"
    assert _assert_names_server(caught.value, where) == (
        f"The database encaisse_no_such_book does not exist on the server {where}. Create it, "
        "empty: Encaisse creates its tables at the first start."
    )
    run = run_cli(capsys, url, "check")
    assert run.code == 1 and run.err_lines == ["error: " + caught.value.render()]


def test_an_unknown_user_is_a_refused_login(server: str) -> None:
    parsed = make_url(server)
    url = _with_password(server, username="encaisse_nobody")
    with pytest.raises(KnownError) as caught:
        db.open_database(url)
    assert caught.value.message == db.MSG_PG_LOGIN
    shown = _assert_names_server(caught.value, f"{parsed.host}:{parsed.port}")
    assert "encaisse_nobody" in shown and "Check the user name and the password." in shown


def test_a_wrong_password_is_a_refused_login() -> None:
    """The test server trusts the loopback (tools/pg-start), so it never asks for a password:
    the driver's error for a wrong one is built here, as psycopg raises it."""
    orig = psycopg.OperationalError(
        'connection failed: connection to server at "192.0.2.7", port 5432 failed: FATAL:  '
        'password authentication failed for user "shop"'
    )
    error = db.translate_db_error(OperationalError("connect", {}, orig), None)
    assert isinstance(error, KnownError) and error.message == db.MSG_PG_LOGIN
    assert error.render() == (
        "The database server 192.0.2.7:5432 refused the login of ? (password authentication "
        'failed for user "shop"). Check the user name and the password.'
    )


def test_a_server_that_goes_away_during_the_session_cannot_be_reached(pg_book: str) -> None:
    """The server ends the book's connections (a restart, an administrator): the next
    action is told the server cannot be reached, then works once it is back."""
    admin = create_engine(server_url_of(pg_book), isolation_level="AUTOCOMMIT")
    try:
        with db.reading() as s:
            s.execute(text("SELECT 1"))
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": make_url(pg_book).database},
            )
        with pytest.raises(KnownError) as caught, db.reading() as s:
            s.execute(text("SELECT n FROM t WHERE id = 1"))
        assert caught.value.message == db.MSG_PG_UNREACHABLE
        parsed = make_url(pg_book)
        _assert_names_server(caught.value, f"{parsed.host}:{parsed.port}")
        with db.reading() as s:  # the pool connects again
            assert s.execute(text("SELECT n FROM t WHERE id = 1")).scalar() == 0
    finally:
        admin.dispose()


def server_url_of(url: str) -> str:
    return make_url(url).set(database="postgres").render_as_string(hide_password=False)


def test_sqlite_lock_still_says_busy_and_a_missing_table_stays_a_bug() -> None:
    """The PostgreSQL rules leave SQLite's translations as they were."""
    import sqlite3

    locked = OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))
    error = db.translate_db_error(locked, None)
    assert isinstance(error, KnownError) and error.message == db.MSG_LOCKED
    missing = OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: t"))
    assert db.translate_db_error(missing, None) is missing


# -- a total lowered while a payment is being recorded (issue #11, point 2) ---------------------


@pytest.mark.both_engines
def test_lowering_a_total_while_a_payment_is_recorded_gets_the_message(
    book: db.Database, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One user records a payment of 100.00 on F1 (100.00); another lowers F1's total to 50.00
    at that moment. The edit waits for the payment (it loads the invoice ``FOR UPDATE``), then
    sees the allocation and says the total cannot be less than what is paid — before the fix
    it read "nothing paid" and met the table's CHECK (allocated <= total) on PostgreSQL: an
    unexpected problem. On SQLite the write lock (``BEGIN IMMEDIATE``) already serialises the
    two; the test holds there too."""
    from decimal import Decimal

    from models import Invoice
    from services.book import integrity
    from services.core.errors import UserError
    from services.ledger import invoices, payments
    from tests.service_fixtures import add_client, add_invoice

    add_client("ACME")
    f1 = add_invoice("F1", total="100.00")
    allocated, go = threading.Event(), threading.Event()
    real_allocate = payments._allocate_payment

    def allocate_then_wait(*args: object, **kwargs: object) -> object:
        result = real_allocate(*args, **kwargs)  # type: ignore[arg-type]
        if threading.current_thread().name == "payer":
            allocated.set()  # the invoice row is locked and its allocation written, not committed
            assert go.wait(30)
        return result

    monkeypatch.setattr(payments, "_allocate_payment", allocate_then_wait)
    outcome: dict[str, BaseException | None] = {}

    def run(name: str, action: object) -> threading.Thread:
        def body() -> None:
            try:
                action()  # type: ignore[operator]
                outcome[name] = None
            except BaseException as exc:  # noqa: BLE001 - the outcome is what is tested
                outcome[name] = exc

        thread = threading.Thread(target=body, name=name)
        thread.start()
        return thread

    payer = run(
        "payer",
        lambda: payments.record_payment(
            {"client": "ACME", "date": "2025-02-01", "amount": "100.00"}, [(f1.id, None)]
        ),
    )
    assert allocated.wait(30)
    editor = run(
        "editor",
        lambda: invoices.update_invoice(
            f1.id,
            {
                "number": "F1",
                "client": "ACME",
                "issue_date": "2025-01-15",
                "total": "50.00",
                "terms": "30 jours",
            },
        ),
    )
    _wait_until_blocked(engine, editor)
    go.set()
    payer.join(30)
    editor.join(30)
    assert outcome["payer"] is None, outcome
    refused = outcome["editor"]
    assert isinstance(refused, UserError), repr(refused)
    assert refused.message == invoices.MSG_TOTAL_BELOW_PAID
    assert refused.render() == (
        "Total incl. VAT: the total cannot be less than what is already paid or applied (100.00)."
    )
    with db.reading() as s:
        stored = s.get(Invoice, f1.id)
        assert stored is not None
        assert (stored.total, stored.allocated) == (Decimal("100.00"), Decimal("100.00"))
    assert integrity.running_total_problems().problems == []


def _wait_until_blocked(engine: str, editor: threading.Thread) -> None:
    """Until the editor waits for the payer's lock: on PostgreSQL a backend of the book waits
    for a lock; SQLite's wait (the busy timeout) cannot be seen from outside: a moment."""
    import time

    if engine != "postgresql":
        time.sleep(0.5)
        assert editor.is_alive()
        return
    database = make_url(db.current().url).database
    deadline = time.monotonic() + 20
    with db.current().engine.connect() as conn:
        while time.monotonic() < deadline:
            waiting = conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = :name "
                    "AND wait_event_type = 'Lock'"
                ),
                {"name": database},
            ).scalar()
            conn.rollback()
            if waiting:
                return
            time.sleep(0.05)
    raise AssertionError("the editor never waited for the payment's lock")


def test_a_user_without_the_right_to_connect_is_a_refused_login(server: str) -> None:
    """A role the database does not let in (``REVOKE CONNECT``): "permission denied for
    database", a refused login — never the URL with its password."""
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    url, name = new_pg_database(server)
    try:
        with admin.connect() as conn:
            conn.execute(text("DROP ROLE IF EXISTS encaisse_outsider"))
            conn.execute(text("CREATE ROLE encaisse_outsider LOGIN"))
            conn.execute(text(f'REVOKE CONNECT ON DATABASE "{name}" FROM PUBLIC'))
        with pytest.raises(KnownError) as caught:
            db.open_database(_with_password(url, username="encaisse_outsider"))
        assert caught.value.message == db.MSG_PG_LOGIN
        assert "permission denied for database" in caught.value.render()
        assert SECRET not in caught.value.render()
    finally:
        db.close()
        drop_pg_database(server, name)
        with admin.connect() as conn:
            conn.execute(text("DROP ROLE IF EXISTS encaisse_outsider"))
        admin.dispose()
