"""``check`` recomputes every running total; ``check --repair`` puts them right after a
backup (issue #11, point 2; on PostgreSQL, point 9: ``check`` says what it cannot check).

The running totals are ``Invoice.allocated`` (an invoice's paid amount, a credit note's
applied amount) and ``Payment.allocated``; the client's unallocated credit is read from them.
They are corrupted here behind the services' back — raw SQL, or an allocation added the way
the race of two concurrent payments left one — and ``check`` must name each one.
"""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text

from models import Allocation, Event, Invoice, Payment
from services.book import backup, integrity
from services.core import clock, db
from services.ledger import open_items as ledger
from tests.helpers_cli import Run, run_cli
from tests.service_fixtures import (
    FAR_FUTURE,
    add_client,
    add_credit_note,
    add_invoice,
    fresh_book,
    pay,
)

pytestmark = pytest.mark.both_engines


@pytest.fixture
def ledger_book(book_target: str) -> Iterator[str]:
    """A book with an invoice F1 of 100.00 paid 60.00 by one payment, a second invoice F2
    of 50.00 with a credit note AV1 of 10.00 applied to it, and an unallocated payment."""
    with fresh_book(book_target):
        add_client("ACME")
        f1 = add_invoice("F1", total="100.00")
        f2 = add_invoice("F2", total="50.00", issue="2025-01-16")
        add_credit_note("AV1", total="10.00", applies_to=f2.number)
        pay("ACME", "2025-02-01", "60.00", [(f1.id, None)], reference="VIR-60")
        pay("ACME", "2025-02-02", "5.00", [], reference="VIR-5", confirm=True)
    yield book_target
    db.close()


def _sql(target: str, statement: str, **params: object) -> None:
    with fresh_book(target), db.transaction() as s:
        s.execute(text(statement), params)


def _check(capsys: pytest.CaptureFixture[str], target: str, *args: str) -> Run:
    return run_cli(capsys, target, "check", *args)


def _totals(target: str) -> dict[str, Decimal]:
    with fresh_book(target), db.reading() as s:
        out = {i.number: i.allocated for i in s.scalars(select(Invoice))}
        out.update({p.reference: p.allocated for p in s.scalars(select(Payment))})
        return out


def test_a_sound_book_checks_ok_with_every_running_total_counted(
    ledger_book: str, capsys: pytest.CaptureFixture[str], engine: str
) -> None:
    run = _check(capsys, ledger_book)
    assert run.code == 0, run.out + run.err
    # F1, F2, AV1 and two payments
    assert "5 running totals: ok" in run.out
    payload = _check(capsys, ledger_book, "--json").json()
    assert payload["ok"] is True
    assert payload["totals"] == {"checked": 5, "problems": []}


def test_check_names_each_drifted_running_total_and_exits_1(
    ledger_book: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # F1 says 100.00 paid (its allocation is 60.00); the 60.00 payment says 0.00 allocated;
    # the credit note says nothing applied (10.00 is)
    _sql(ledger_book, "UPDATE invoices SET allocated = 10000 WHERE number = 'F1'")
    _sql(ledger_book, "UPDATE payments SET allocated = 0 WHERE reference = 'VIR-60'")
    _sql(ledger_book, "UPDATE invoices SET allocated = 0 WHERE number = 'AV1'")
    run = _check(capsys, ledger_book)
    assert run.code == 1
    lines = run.out.splitlines()
    assert (
        "invoice F1 (ACME): its running total says 100.00 paid, its allocations add up to 60.00"
    ) in lines
    assert any(
        line.startswith("payment ")
        and "(ACME, 60.00 EUR): its running total says 0.00 "
        "allocated, its allocations add up to 60.00"
        in line
        for line in lines
    )
    assert (
        "credit note AV1 (ACME): its running total says 0.00 applied, its allocations add "
        "up to 10.00"
    ) in lines
    assert "running totals: ok" not in run.out
    payload = _check(capsys, ledger_book, "--json").json()
    assert payload["ok"] is False
    problems = {(p["entity"], p["number"]): p for p in payload["totals"]["problems"]}
    assert set(problems) == {("invoice", "F1"), ("payment", None), ("credit_note", "AV1")}
    assert problems[("invoice", "F1")] | {"message": ""} == {
        "kind": "drift",
        "entity": "invoice",
        "id": problems[("invoice", "F1")]["id"],
        "number": "F1",
        "client": "ACME",
        "currency": "EUR",
        "total": "100.00",
        "stored": "100.00",
        "recomputed": "60.00",
        "message": "",
    }
    assert problems[("payment", None)]["stored"] == "0.00"
    assert problems[("payment", None)]["recomputed"] == "60.00"


def test_check_repair_backs_up_then_recomputes_and_check_is_ok_again(
    ledger_book: str, capsys: pytest.CaptureFixture[str], engine: str, tmp_path: Path
) -> None:
    _sql(ledger_book, "UPDATE invoices SET allocated = 10000 WHERE number = 'F1'")
    _sql(ledger_book, "UPDATE payments SET allocated = 0 WHERE reference = 'VIR-60'")
    before = _totals(ledger_book)
    if engine == "postgresql":
        # Encaisse cannot back a PostgreSQL book up: it refuses to repair without --yes…
        refused = _check(capsys, ledger_book, "--repair")
        assert refused.code == 1
        assert "cannot back this book up before the repair" in refused.err
        assert "pg_dump" in refused.err and "--yes" in refused.err
        assert _totals(ledger_book) == before  # nothing repaired
        run = _check(capsys, ledger_book, "--repair", "--yes")
        assert "warning: no backup was made by Encaisse (--yes)" in run.out
    else:
        run = _check(capsys, ledger_book, "--repair")
        made = [line for line in run.out.splitlines() if line.startswith("backed up to ")]
        assert len(made) == 1
        zip_path = Path(made[0].removeprefix("backed up to "))
        assert zip_path.is_file()
        # the backup holds the book as it was before the repair
        with zipfile.ZipFile(zip_path) as archive:
            (tmp_path / "saved.db").write_bytes(archive.read(backup.DATABASE))
        saved = sqlite3.connect(tmp_path / "saved.db")
        try:
            assert saved.execute(
                "SELECT allocated FROM invoices WHERE number = 'F1'"
            ).fetchone() == (10000,)
        finally:
            saved.close()
    assert run.code == 0, run.out + run.err
    assert "repaired: 2 running totals recomputed, 0 allocations in excess taken back" in run.out
    after = _totals(ledger_book)
    assert after["F1"] == Decimal("60.00") and after["VIR-60"] == Decimal("60.00")
    assert {k: v for k, v in after.items() if k not in ("F1", "VIR-60")} == {
        k: v for k, v in before.items() if k not in ("F1", "VIR-60")
    }
    again = _check(capsys, ledger_book)
    assert again.code == 0, again.out
    # the history says what the repair changed
    with fresh_book(ledger_book), db.reading() as s:
        edits = s.scalars(
            select(Event.details).where(
                Event.action == "edited", Event.details.contains("recomputed")
            )
        ).all()
    assert len(edits) == 2


def test_repair_takes_back_what_a_race_allocated_twice(
    ledger_book: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The race of issue #11: two payments of F3's full amount both allocated to it, its
    running total still saying "paid once". ``check`` calls it over-allocated; the repair
    takes the newer allocation back (its payment keeps the money as credit)."""
    with fresh_book(ledger_book):
        f3 = add_invoice("F3", total="2663.76", issue="2025-03-01")
        first = pay("ACME", "2025-03-10", "2663.76", [(f3.id, None)], reference="A")
        second = pay("ACME", "2025-03-10", "2663.76", [], reference="B", confirm=True)
        with db.transaction() as s:  # what the lost update left behind
            s.add(
                Allocation(
                    invoice_id=f3.id,
                    payment_id=second.id,
                    amount=Decimal("2663.76"),
                    date=clock.today(),
                    created_at=clock.now(),
                )
            )
            s.get(Payment, second.id).allocated = Decimal("2663.76")  # type: ignore[union-attr]
    run = _check(capsys, ledger_book)
    assert run.code == 1
    assert (
        "invoice F3 (ACME): its allocations add up to 5327.52, more than its total of "
        "2663.76 (its running total says 2663.76)"
    ) in run.out.splitlines()
    payload = _check(capsys, ledger_book, "--json").json()
    assert [(p["kind"], p["number"]) for p in payload["totals"]["problems"]] == [
        ("over_allocated", "F3")
    ]

    repaired = _check(capsys, ledger_book, "--repair", "--yes")
    assert repaired.code == 0, repaired.out + repaired.err
    assert "1 allocation in excess taken back" in repaired.out
    with fresh_book(ledger_book):
        with db.reading() as s:
            active = s.scalars(
                select(Allocation).where(
                    Allocation.invoice_id == f3.id, Allocation.removed_on.is_(None)
                )
            ).all()
            assert [(a.payment_id, a.amount) for a in active] == [(first.id, Decimal("2663.76"))]
            assert s.get(Invoice, f3.id).allocated == Decimal("2663.76")  # type: ignore[union-attr]
            assert s.get(Payment, second.id).allocated == Decimal("0.00")  # type: ignore[union-attr]
        (f3_item,) = [i for i in ledger.open_items(FAR_FUTURE) if i.number == "F3"]
        assert f3_item.paid == Decimal("2663.76") and f3_item.balance == Decimal("0.00")
        (eur,) = [
            b for b in ledger.client_balances(FAR_FUTURE, client_code="ACME") if b.currency == "EUR"
        ]
        assert eur.unallocated == Decimal("2668.76")  # B's 2663.76 and the 5.00 payment
        assert integrity.running_total_problems().problems == []


@pytest.mark.sqlite_only("the backup of an SQLite file fails here; PostgreSQL has none")
def test_no_repair_when_the_backup_fails(
    ledger_book: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _sql(ledger_book, "UPDATE invoices SET allocated = 10000 WHERE number = 'F1'")

    def failing() -> None:
        raise backup.UserError(
            backup.MSG_CANNOT_WRITE,
            field="file",
            folder="/nowhere",
            detail="No space left on device",
        )

    monkeypatch.setattr(backup, "back_up", failing)
    run = _check(capsys, ledger_book, "--repair")
    assert run.code == 1 and run.err.startswith("error: ")
    assert _totals(ledger_book)["F1"] == Decimal("100.00")  # untouched


def test_check_says_what_it_cannot_check_on_postgresql(
    ledger_book: str, capsys: pytest.CaptureFixture[str], engine: str
) -> None:
    run = _check(capsys, ledger_book)
    payload = _check(capsys, ledger_book, "--json").json()
    note = (
        "database: SQLite's integrity check does not apply to a PostgreSQL book; the "
        "server checks its own pages"
    )
    if engine == "postgresql":
        assert note in run.out.splitlines()
        assert "database: ok" not in run.out  # nothing is passed off as checked
        assert "foreign keys: ok" in run.out
        assert payload["database"]["notes"] == [note.removeprefix("database: ")]
    else:
        assert note not in run.out and run.out.startswith("database: ok")
        assert payload["database"]["notes"] == []
    assert run.code == 0


def test_check_finds_rows_pointing_at_nothing(
    ledger_book: str, capsys: pytest.CaptureFixture[str], engine: str
) -> None:
    """A row whose foreign key points at no row: SQLite's foreign_key_check finds it in a
    file; on PostgreSQL, where ``check`` cannot read the server's pages, it is what can be
    checked of the book's own consistency."""
    if engine == "postgresql":
        with fresh_book(ledger_book), db.transaction() as s:
            # the server enforces its keys: only a key dropped lets an orphan in
            s.execute(
                text("ALTER TABLE allocations DROP CONSTRAINT fk_allocations_payment_id_payments")
            )
            s.execute(
                text("UPDATE allocations SET payment_id = 999999 WHERE payment_id IS NOT NULL")
            )
        expected = (
            "database: foreign key violation in allocations: 1 rows whose payment_id "
            "points at no payments row"
        )
    else:
        raw = sqlite3.connect(ledger_book)  # foreign keys are off on a bare connection
        try:
            raw.execute("UPDATE allocations SET payment_id = 999999 WHERE payment_id IS NOT NULL")
            raw.commit()
            (rowid,) = raw.execute(
                "SELECT rowid FROM allocations WHERE payment_id = 999999"
            ).fetchone()
        finally:
            raw.close()
        expected = f"database: foreign key violation in allocations row {rowid}"
    run = _check(capsys, ledger_book)
    assert run.code == 1
    assert expected in run.out.splitlines()
