"""The command line: ``main.py [--db DB] demo|import|invoices|clients …``.

Names, options, exit statuses and JSON keys are the contract of issue #2.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, select, text

import cli
from models import Client, Company, Invoice
from services.core import company, db
from services.core.paths import migrations_path
from services.ledger import clients, invoices, payments
from tests.helpers_cli import (
    TODAY,
    by_code,
    by_number,
    frozen_book_path,
    open_book,
    run_cli,
    run_process,
)

#: on SQLite and on PostgreSQL (issue #11); the tests about the SQLite file are marked
pytestmark = pytest.mark.both_engines


@pytest.fixture
def cli_book(tmp_path: Path, book_target: str) -> Iterator[Path]:
    yield from frozen_book_path(tmp_path, book_target)


MONEY = re.compile(r"^-?\d+\.\d{2}$")
INVOICE_KEYS = {
    "number",
    "client",
    "kind",
    "issue_date",
    "due_date",
    "total",
    "paid",
    "balance",
    "days_late",
    "status",
    "disputed",
}
CLIENT_KEYS = {"code", "name", "kind", "balance", "overdue", "unallocated", "currency"}


def make_small_book(path: Path) -> None:
    """ACME (pro, 30 jours), BETA (consumer), IDLE (public, nothing on its account).

    F1 ACME 2026-01-05 1200.00, due 2026-02-04, 500.00 paid on 2026-02-10
    F2 ACME 2026-02-20 600.00, due 2026-03-22
    AV1 ACME credit note 2026-02-25 100.00, not applied
    F3 BETA 2026-01-10 300.00 on receipt, paid 350.00 on 2026-03-01 (50.00 over)
    F9 ACME 2026-03-01 80.00, due the same day (set by hand), disputed
    """
    with open_book(path):
        clients.create_client(
            {"code": "ACME", "name": "Acme SARL", "kind": "pro", "terms": "30 jours"}
        )
        clients.create_client(
            {"code": "BETA", "name": "Béatrice Lenoir", "kind": "consumer", "terms": "à réception"}
        )
        clients.create_client({"code": "IDLE", "name": "Mairie d'Ailleurs", "kind": "public"})
        f1, _ = invoices.create_invoice(
            {"number": "F1", "client": "ACME", "issue_date": "2026-01-05", "total": "1200.00"}
        )
        invoices.create_invoice(
            {"number": "F2", "client": "ACME", "issue_date": "2026-02-20", "total": "600.00"}
        )
        invoices.create_invoice(
            {
                "number": "AV1",
                "client": "ACME",
                "kind": "credit_note",
                "issue_date": "2026-02-25",
                "total": "100.00",
            }
        )
        invoices.create_invoice(
            {"number": "F3", "client": "BETA", "issue_date": "2026-01-10", "total": "300.00"}
        )
        f9, _ = invoices.create_invoice(
            {
                "number": "F9",
                "client": "ACME",
                "issue_date": "2026-03-01",
                "due_date": "2026-03-01",
                "total": "80.00",
            }
        )
        invoices.set_disputed(f9.id, True)
        payments.record_payment(
            {"client": "ACME", "date": "2026-02-10", "amount": "500.00"}, [(f1.id, None)]
        )
        payments.record_payment(
            {"client": "BETA", "date": "2026-03-01", "amount": "350.00"}, confirm_overpayment=True
        )


# -- parsing ---------------------------------------------------------------------


def test_no_command_means_the_window() -> None:
    parser = cli.build_parser()
    assert parser.parse_args([]).command is None
    args = parser.parse_args(["--db", "x.db"])
    assert args.command is None and args.db == "x.db"


def test_every_command_and_option_parses() -> None:
    parser = cli.build_parser()
    a = parser.parse_args(["demo", "--date", "2026-01-31", "--force"])
    assert (a.command, a.date, a.force) == ("demo", dt.date(2026, 1, 31), True)
    a = parser.parse_args(["import", "payments", "p.csv", "--dry-run"])
    assert (a.command, a.kind, a.file, a.dry_run) == ("import", "payments", "p.csv", True)
    a = parser.parse_args(["invoices", "--date", "31/01/2026", "--open", "--client", "X", "--json"])
    assert (a.date, a.open, a.client, a.json) == (dt.date(2026, 1, 31), True, "X", True)
    a = parser.parse_args(["clients", "--json"])
    assert (a.command, a.date, a.json) == ("clients", None, True)
    a = parser.parse_args(["invoices", "--json", "--db", "late.db"])  # --db after the command
    assert a.db == "late.db"


@pytest.mark.sqlite_only  # about the SQLite file itself
@pytest.mark.parametrize(
    "argv",
    [
        ["invoices", "--date", "2026-02-30"],
        ["clients", "--date", "yesterday"],
        ["demo", "--date", "15/13/2026"],
        ["import", "suppliers", "x.csv"],
        ["import", "clients"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(
    cli_book: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    run = run_cli(capsys, cli_book, *argv)
    assert run.code == 2
    assert "usage:" in run.err
    assert not cli_book.exists()  # nothing was opened


def test_bad_date_message_names_the_value(
    cli_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(capsys, cli_book, "invoices", "--date", "2026-02-30")
    assert "'2026-02-30' is not a valid date" in run.err


# -- demo ------------------------------------------------------------------------


# The demo built on PostgreSQL is tests/test_postgresql.py's: it builds it there and compares
# every list with SQLite's. Here, what the command says and refuses, and its default date.
@pytest.mark.sqlite_only
def test_demo_fills_an_empty_book_then_refuses(
    cli_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(capsys, cli_book, "demo", "--date", "2026-01-31")
    assert run.code == 0, run.err
    assert "37 clients" in run.out and "2026-01-31" in run.out
    with open_book(cli_book):
        with db.reading() as s:
            counted = s.scalar(select(func.count(Invoice.id)))
            latest = s.scalar(select(func.max(Invoice.issue_date)))
        assert counted >= 300
        assert latest <= dt.date(2026, 1, 31)  # built relative to --date, not today
    again = run_cli(capsys, cli_book, "demo")
    assert again.code == 1
    assert len(again.err_lines) == 1 and "--force" in again.err
    assert "Traceback" not in again.err
    with open_book(cli_book), db.reading() as s:
        assert s.scalar(select(func.count(Invoice.id))) == counted  # nothing added


# The demo built on PostgreSQL is tests/test_postgresql.py's: it builds it there and compares
# every list with SQLite's. Here, what the command says and refuses, and its default date.
@pytest.mark.sqlite_only
def test_demo_defaults_to_today(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(capsys, cli_book, "demo")
    assert run.code == 0, run.err
    assert TODAY.isoformat() in run.out
    items = by_number(run_cli(capsys, cli_book, "invoices", "--json").json())
    assert max(i["issue_date"] for i in items.values()) <= TODAY.isoformat()
    assert any(
        0 < (dt.date.fromisoformat(i["due_date"]) - TODAY).days <= 7
        for i in items.values()
        if i["status"] == "not_due" and i["kind"] == "invoice"
    )


@pytest.mark.sqlite_only  # two whole demos; the prefix's SQL on both engines below
def test_demo_force_adds_alongside_with_prefixed_codes(
    cli_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_small_book(cli_book)
    with open_book(cli_book):
        company.save_company({"name": "Ma Boîte", "default_terms": "45 jours fin de mois"})
    run = run_cli(capsys, cli_book, "demo", "--force")
    assert run.code == 0, run.err
    assert "DEMO-" in run.out
    with open_book(cli_book), db.reading() as s:
        codes = set(s.scalars(select(Client.code)))
        assert {"ACME", "BETA", "IDLE"} <= codes
        assert len([c for c in codes if c.startswith("DEMO-")]) == 37
        numbers = list(s.scalars(select(Invoice.number)))
        assert "F1" in numbers and all(
            n.startswith("DEMO-") for n in numbers if n not in {"F1", "F2", "F3", "F9", "AV1"}
        )
        assert s.get(Company, 1).name == "Ma Boîte"  # the user's company is left alone
    # a second forced run takes the next prefix: test_the_demo_prefix_skips_the_prefixes_in_use…


def test_the_demo_prefix_skips_the_prefixes_in_use_without_regard_to_case(
    cli_book: Path,
) -> None:
    """What `demo --force` looks up in the book (lower() and LIKE), on both engines."""
    from services.book import demo

    with open_book(cli_book):
        with db.reading() as s:
            assert demo.free_prefix(s) == "DEMO-"
        clients.create_client({"code": "demo-acme", "name": "Acme"})
        with db.reading() as s:
            assert demo.free_prefix(s) == "DEMO2-"  # a client code, in lower case
        invoices.create_invoice(
            {"number": "Demo2-F1", "client": "demo-acme", "issue_date": "2026-01-05", "total": "1"}
        )
        with db.reading() as s:
            assert demo.free_prefix(s) == "DEMO3-"  # an invoice number, in mixed case
        clients.create_client({"code": "XDEMO3-Y", "name": "Not a prefix"})
        with db.reading() as s:
            assert demo.free_prefix(s) == "DEMO3-"  # only at the start


# -- invoices --------------------------------------------------------------------


def test_invoices_json_shape_and_values(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_small_book(cli_book)
    run = run_cli(capsys, cli_book, "invoices", "--json")
    assert run.code == 0, run.err
    payload = run.json()
    assert payload["as_of"] == TODAY.isoformat()
    rows = by_number(payload)
    assert set(rows) == {"F1", "F2", "F3", "F9", "AV1"}
    for row in rows.values():
        assert set(row) >= INVOICE_KEYS
        for key in ("total", "paid", "balance"):
            assert isinstance(row[key], str) and MONEY.match(row[key]), (key, row[key])
        assert row["status"] in {"paid", "not_due", "overdue"}
        assert isinstance(row["days_late"], int) and isinstance(row["disputed"], bool)
    f1 = rows["F1"]
    assert (f1["client"], f1["kind"], f1["issue_date"], f1["due_date"]) == (
        "ACME",
        "invoice",
        "2026-01-05",
        "2026-02-04",
    )
    assert (f1["total"], f1["paid"], f1["balance"]) == ("1200.00", "500.00", "700.00")
    assert (f1["days_late"], f1["status"], f1["disputed"]) == (39, "overdue", False)
    f2 = rows["F2"]
    assert (f2["balance"], f2["days_late"], f2["status"]) == ("600.00", 0, "not_due")
    f3 = rows["F3"]
    assert (f3["client"], f3["due_date"], f3["paid"], f3["balance"], f3["status"]) == (
        "BETA",
        "2026-01-10",
        "300.00",
        "0.00",
        "paid",
    )
    av1 = rows["AV1"]
    assert (av1["kind"], av1["total"], av1["paid"], av1["balance"]) == (
        "credit_note",
        "-100.00",
        "0.00",
        "-100.00",
    )
    assert av1["days_late"] == 0
    assert rows["F9"]["disputed"] is True and rows["F9"]["status"] == "overdue"
    assert rows["F9"]["days_late"] == 14


def test_invoices_as_of_a_past_date_ignores_what_came_later(
    cli_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_small_book(cli_book)
    payload = run_cli(capsys, cli_book, "invoices", "--date", "2026-02-05", "--json").json()
    assert payload["as_of"] == "2026-02-05"
    rows = by_number(payload)
    assert set(rows) == {"F1", "F3"}  # F2, AV1 and F9 were issued later
    assert (rows["F1"]["paid"], rows["F1"]["balance"]) == ("0.00", "1200.00")  # paid on 02-10
    assert (rows["F1"]["days_late"], rows["F1"]["status"]) == (1, "overdue")
    assert (rows["F3"]["paid"], rows["F3"]["days_late"], rows["F3"]["status"]) == (
        "0.00",
        26,
        "overdue",
    )
    # the day the payment arrived, it counts
    rows = by_number(run_cli(capsys, cli_book, "invoices", "--date", "2026-02-10", "--json").json())
    assert rows["F1"]["paid"] == "500.00"


def test_invoices_open_and_client_filters(
    cli_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_small_book(cli_book)
    rows = by_number(run_cli(capsys, cli_book, "invoices", "--open", "--json").json())
    assert set(rows) == {"F1", "F2", "F9", "AV1"}  # F3 is paid
    rows = by_number(run_cli(capsys, cli_book, "invoices", "--client", "beta", "--json").json())
    assert set(rows) == {"F3"}  # codes match without regard to case
    rows = by_number(
        run_cli(capsys, cli_book, "invoices", "--client", "BETA", "--open", "--json").json()
    )
    assert rows == {}
    rows = by_number(run_cli(capsys, cli_book, "invoices", "--client", "IDLE", "--json").json())
    assert rows == {}


def test_invoices_unknown_client_is_a_user_error(
    cli_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_small_book(cli_book)
    run = run_cli(capsys, cli_book, "invoices", "--client", "NOPE")
    assert run.code == 1
    assert run.err_lines == ["error: Client: no client has the code 'NOPE'."]
    assert run.out == ""


def test_invoices_text_table_is_aligned(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_small_book(cli_book)
    run = run_cli(capsys, cli_book, "invoices")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0] == f"As of {TODAY.isoformat()}"
    header = lines[1]
    assert header.split()[:3] == ["Number", "Client", "Kind"]
    f1 = next(line for line in lines if line.startswith("F1 "))
    end = header.index("Balance") + len("Balance")
    assert f1[:end].endswith("700.00")  # amounts right-aligned under their header
    assert "overdue" in f1
    assert "credit note" in next(line for line in lines if line.startswith("AV1"))
    assert lines[-1].startswith("5 documents")


def test_invoices_on_an_empty_book(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(capsys, cli_book, "invoices", "--json")
    assert run.code == 0
    assert run.json() == {"as_of": TODAY.isoformat(), "invoices": []}


# -- clients ---------------------------------------------------------------------


def test_clients_json(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_small_book(cli_book)
    run = run_cli(capsys, cli_book, "clients", "--json")
    assert run.code == 0, run.err
    payload = run.json()
    assert payload["as_of"] == TODAY.isoformat()
    rows = by_code(payload)
    assert set(rows) == {"ACME", "BETA", "IDLE"}  # every client, even with nothing due
    for row in payload["clients"]:
        assert set(row) >= CLIENT_KEYS
        for key in ("balance", "overdue", "unallocated"):
            assert MONEY.match(row[key])
    acme = rows["ACME"]
    # invoices 1200 + 600 + 80 − credit note 100 − payments 500
    assert (acme["name"], acme["kind"], acme["currency"]) == ("Acme SARL", "pro", "EUR")
    assert acme["balance"] == "1280.00"
    assert acme["overdue"] == "780.00"  # F1's 700 and the disputed F9's 80
    assert acme["unallocated"] == "100.00"  # the credit note not yet applied
    beta = rows["BETA"]
    assert (beta["balance"], beta["overdue"], beta["unallocated"]) == ("-50.00", "0.00", "50.00")
    assert beta["name"] == "Béatrice Lenoir"
    idle = rows["IDLE"]
    assert (idle["balance"], idle["overdue"], idle["unallocated"]) == ("0.00", "0.00", "0.00")


def test_clients_as_of_a_past_date(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_small_book(cli_book)
    rows = by_code(run_cli(capsys, cli_book, "clients", "--date", "2026-02-05", "--json").json())
    assert (rows["ACME"]["balance"], rows["ACME"]["overdue"]) == ("1200.00", "1200.00")
    assert (rows["BETA"]["balance"], rows["BETA"]["unallocated"]) == ("300.00", "0.00")


def test_clients_text_table(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_small_book(cli_book)
    run = run_cli(capsys, cli_book, "clients")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[1].split() == ["Code", "Name", "Kind", "Cur", "Balance", "Overdue", "Unallocated"]
    acme = next(line for line in lines if line.startswith("ACME"))
    assert "1280.00" in acme and "780.00" in acme
    assert lines[-1] == "3 clients; balance: 1230.00 EUR"


# -- the database ----------------------------------------------------------------


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    return cfg


@pytest.mark.sqlite_only  # about the SQLite file itself
def test_a_book_from_the_first_migration_is_upgraded_and_read(
    cli_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A book created at revision 0001 (rows written by that version) still reads right."""
    old = db.Database(db.database_url(cli_book))
    cfg = _config()
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    stamp = "2026-01-02 10:00:00.000000"
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clients (id, code, name, kind, contact, address, postcode, city,"
                " country, email, phone, siren, siret, vat_number, language, terms, credit_limit,"
                " notes,"
                " search_key, created_at, updated_at) VALUES (1, 'OLD', 'Ancien Client', 'pro', '',"
                " '', '', 'Lyon', 'FR', '', '', '', '', '', 'fr', '30 jours', NULL, '', 'old',"
                " :at, :at)"
            ),
            {"at": stamp},
        )
        conn.execute(
            text(
                "INSERT INTO invoices (id, number, client_id, kind, issue_date, delivery_date,"
                " terms, due_date, due_date_manual, total, net, vat, currency, po_number, notes,"
                " disputed, allocated, search_key, created_at, updated_at) VALUES (1, 'OLD-1', 1,"
                " 'invoice', '2026-01-02', NULL, '30 jours', '2026-02-01', 0, 150000, 125000,"
                " 25000, 'EUR', '', '', 0, 50000, 'old-1', :at, :at)"
            ),
            {"at": stamp},
        )
        conn.execute(
            text(
                "INSERT INTO payments (id, client_id, date, amount, currency, method, reference,"
                " notes, allocated, created_at) VALUES (1, 1, '2026-01-20', 50000, 'EUR',"
                " 'cheque', 'CHQ 1', '', 50000, :at)"
            ),
            {"at": stamp},
        )
        conn.execute(
            text(
                "INSERT INTO allocations (id, invoice_id, payment_id, credit_note_id, amount, date,"
                " removed_on, created_at, removed_at) VALUES (1, 1, 1, NULL, 50000, '2026-01-20',"
                " NULL, :at, NULL)"
            ),
            {"at": stamp},
        )
    assert old.current_revision() == "0001"
    old.dispose()

    run = run_cli(capsys, cli_book, "clients", "--json")
    assert run.code == 0, run.err
    row = by_code(run.json())["OLD"]
    assert (row["name"], row["balance"], row["overdue"], row["unallocated"]) == (
        "Ancien Client",
        "1000.00",
        "1000.00",
        "0.00",
    )
    rows = by_number(run_cli(capsys, cli_book, "invoices", "--json").json())
    assert (rows["OLD-1"]["paid"], rows["OLD-1"]["days_late"]) == ("500.00", 42)

    upgraded = db.Database(db.database_url(cli_book))
    try:
        assert upgraded.current_revision() == upgraded.head_revision()
        if upgraded.head_revision() != "0001":  # later migrations: a backup is kept beside it
            [kept] = cli_book.parent.glob("book.before-upgrade-0001-*.db")
            if os.name == "posix":  # a whole copy of the book: the owner's only (issue #6)
                assert kept.stat().st_mode & 0o077 == 0
    finally:
        upgraded.dispose()


@pytest.mark.sqlite_only  # about the SQLite file itself
def test_a_file_that_is_not_a_database(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli_book.write_bytes(b"this is not a database, just some text" * 100)
    run = run_cli(capsys, cli_book, "clients")
    assert run.code == 1
    assert run.err.startswith("error: ") and "is not an Encaisse database or is damaged" in run.err
    assert run.err_lines[1:] == [
        "hint: `backups` lists this book's backups; `restore FILE --yes` puts one in its place"
    ]
    assert "Traceback" not in run.err


def test_an_unusable_url(cli_book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(capsys, "nosuchdialect://user@host/db", "clients")
    assert run.code == 1
    assert len(run.err_lines) == 1 and "cannot be opened" in run.err


# -- end to end, in a fresh interpreter --------------------------------------------


def test_end_to_end_in_a_subprocess(tmp_path: Path) -> None:
    book = tmp_path / "e2e.db"
    env = {"ENCAISSE_DB": str(book), "ENCAISSE_TODAY": "2026-03-15"}
    demo = run_process("demo", env=env)
    assert demo.returncode == 0, demo.stderr
    assert book.exists()  # ENCAISSE_DB chose the book
    listed = run_process("invoices", "--open", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    import json

    payload = json.loads(listed.stdout)
    assert payload["as_of"] == "2026-03-15"  # ENCAISSE_TODAY is the clock
    assert payload["invoices"] and all(i["balance"] != "0.00" for i in payload["invoices"])
    refused = run_process("demo", env=env)
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
    missing = run_process("import", "invoices", str(tmp_path / "missing.csv"), env=env)
    assert missing.returncode == 1
    assert "missing.csv" in missing.stderr and "Traceback" not in missing.stderr
    usage = run_process("invoices", "--date", "tomorrow", env=env)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    other = tmp_path / "other.db"  # --db wins over ENCAISSE_DB
    explicit = run_process("--db", str(other), "clients", "--json", env=env)
    assert explicit.returncode == 0 and json.loads(explicit.stdout)["clients"] == []
    assert other.exists()


def test_a_bug_in_a_command_shows_one_line_and_goes_to_the_log(tmp_path, monkeypatch, capsys):
    """No traceback reaches the user: the details go to the log file."""
    import cli
    import main

    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.setitem(cli.COMMANDS, "clients", broken)
    monkeypatch.setattr(main, "default_database", lambda: tmp_path / "data" / "encaisse.db")
    code = main.main(["--db", str(tmp_path / "b.db"), "clients"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and "RuntimeError: boom" in err
    log = (tmp_path / "data" / "logs" / "encaisse.log").read_text()
    assert "Traceback" in log and "boom" in log
