"""Concurrent writers never lose an update (issue #11, point 2).

Eight worker processes, each with the book opened by itself, record a payment of an
invoice's full amount at the same moment (a barrier releases them together), twenty rounds, a
new invoice each round: through the payment dialog's path (automatic allocation) and through
``import payments`` (a row naming the invoice, or the oldest due invoice first). Whatever the
order they run in, the invoice is paid once: one payment is
allocated to it, the seven others stay as unallocated credit on the client, and every running
total equals what its allocations add up to. Before the fix, two or more payments were
allocated in full to the same invoice (paid twice, balance negative) while its running total
still said "paid once". Then the same through the real command line: several
``import payments`` processes at once.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from models import Allocation, Invoice, Payment
from services.book import integrity
from services.core import db
from services.core.money import from_sql
from services.ledger import open_items as ledger
from tests.service_fixtures import FAR_FUTURE, add_client, add_invoice, book  # noqa: F401

pytestmark = pytest.mark.both_engines

WORKERS = 8
ROUNDS = 20
AMOUNT = Decimal("2663.76")
ROOT = Path(__file__).resolve().parent.parent
#: seconds a round may take before the test gives up on a stuck worker
ROUND_TIMEOUT = 60


#: How each round's eight payments are recorded: the payment dialog's automatic allocation
#: (``record_payment`` without allocations), and ``import payments`` of a row naming the
#: invoice or not (then the oldest due invoice first). The import reads the invoices it
#: names before it writes anything: that is the path where SQLite lost updates before
#: BEGIN IMMEDIATE; on PostgreSQL every path did.
PATHS = (
    "dialog",
    "import-invoice",
    "import-fifo",
    "import-invoice",
    "dialog",
    "import-invoice",
    "import-fifo",
    "import-invoice",
)


def _record(job: dict[str, str]) -> None:
    from services.ledger import imports, payments

    if job["path"] == "dialog":
        payments.record_payment(
            {
                "client": job["client"],
                "date": job["date"],
                "amount": job["amount"],
                "reference": job["reference"],
            },
            None,
            confirm_overpayment=True,
        )
        return
    if job["path"] == "import-file":
        text, rows = job["csv"], job["csv"].count("\n") - 1
    else:
        invoice = job["invoice"] if job["path"] == "import-invoice" else ""
        text, rows = (
            (
                "date,client,amount,invoice,reference\n"
                f"{job['date']},{job['client']},{job['amount']},{invoice},"
                f"{job['reference']}\n"
            ),
            1,
        )
    result = imports.import_table("payments", imports.parse_csv(text))
    if result.errors or result.imported != rows:
        raise AssertionError(f"import: {result.imported} imported, errors {result.errors}")


def _worker(target: str, barrier: Any, jobs: Any, results: Any) -> None:
    """One writer: opens the book itself, then records one payment per round when the
    barrier lets every worker go at once."""
    from services.core import db

    try:
        db.open_database(target)
    except Exception as exc:  # said to the test, which fails with it
        results.put(("error", f"open: {type(exc).__name__}: {exc}"))
        return
    while True:
        job = jobs.get()
        if job is None:
            break
        try:
            barrier.wait(timeout=ROUND_TIMEOUT)
            _record(job)
            results.put(("ok", job["path"]))
        except Exception as exc:  # a busy book, a deadlock…: the test fails saying which
            results.put(("error", f"{job['path']}: {type(exc).__name__}: {exc}"))
    db.close()


def _assert_paid_once(number: str, writers: int) -> None:
    """The invoice is paid exactly once, whichever payment came first; the rest of the
    money is unallocated credit on the payments; every running total equals its
    allocations."""
    with db.reading() as s:
        invoice = s.scalars(select(Invoice).where(Invoice.number == number)).one()
        carried = from_sql(
            s.scalar(
                select(func.coalesce(func.sum(Allocation.amount), 0)).where(
                    Allocation.invoice_id == invoice.id, Allocation.removed_on.is_(None)
                )
            )
        )
        assert carried <= invoice.total, f"{number} paid {carried} on a total of {invoice.total}"
        assert carried == invoice.total  # paid in full by the first payment, once
        assert invoice.allocated == carried
        payments = s.scalars(select(Payment).where(Payment.reference.like(f"{number}/%"))).all()
        assert len(payments) == writers
        for payment in payments:
            own = s.scalar(
                select(func.coalesce(func.sum(Allocation.amount), 0)).where(
                    Allocation.payment_id == payment.id, Allocation.removed_on.is_(None)
                )
            )
            assert payment.allocated == from_sql(own)
        assert sum((p.allocated for p in payments), Decimal("0.00")) == AMOUNT
        surplus = sum((p.amount - p.allocated for p in payments), Decimal("0.00"))
        assert surplus == AMOUNT * (writers - 1)
    assert integrity.running_total_problems().problems == []


def test_eight_processes_paying_one_invoice_at_once_pay_it_once(
    book: db.Database, book_target: str
) -> None:
    add_client("RACE")
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS)
    jobs = context.Queue()
    results = context.Queue()
    workers = [
        context.Process(target=_worker, args=(book_target, barrier, jobs, results), daemon=True)
        for _ in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    try:
        for round_ in range(ROUNDS):
            number = f"RACE-{round_:02d}"
            add_invoice(number, "RACE", issue="2025-01-15", total=AMOUNT)
            for n, path in enumerate(PATHS):
                jobs.put(
                    {
                        "path": path,
                        "client": "RACE",
                        "date": "2025-06-30",
                        "amount": str(AMOUNT),
                        "invoice": number,
                        "reference": f"{number}/{n}",
                    }
                )
            outcomes = []
            for _ in range(WORKERS):
                try:
                    outcomes.append(results.get(timeout=ROUND_TIMEOUT))
                except queue.Empty:
                    pytest.fail(f"round {round_}: a worker did not answer in {ROUND_TIMEOUT} s")
            errors = [detail for status, detail in outcomes if status != "ok"]
            assert errors == [], f"round {round_}"
            _assert_paid_once(number, WORKERS)
    finally:
        for _ in workers:
            jobs.put(None)
        for worker in workers:
            worker.join(timeout=30)
            if worker.is_alive():
                worker.kill()
    (eur,) = [
        b for b in ledger.client_balances(FAR_FUTURE, client_code="RACE") if b.currency == "EUR"
    ]
    assert eur.unallocated == AMOUNT * (WORKERS - 1) * ROUNDS
    assert eur.balance == -AMOUNT * (WORKERS - 1) * ROUNDS


def test_imports_naming_clients_in_another_order_never_deadlock(
    book: db.Database, book_target: str
) -> None:
    """Four imports at once, two of them paying client A's invoice then B's, two B's then
    A's: each locks every invoice it may pay before its first row, by id, so none waits for
    another in a circle (PostgreSQL would abort one of them: "deadlock detected")."""
    add_client("A")
    add_client("B")
    context = multiprocessing.get_context("spawn")
    writers = 4
    barrier = context.Barrier(writers)
    jobs, results = context.Queue(), context.Queue()
    workers = [
        context.Process(target=_worker, args=(book_target, barrier, jobs, results), daemon=True)
        for _ in range(writers)
    ]
    for worker in workers:
        worker.start()
    try:
        for round_ in range(5):
            for client in "AB":
                add_invoice(f"{client}-{round_}", client, issue="2025-01-15", total=AMOUNT)
            for n in range(writers):
                order = "AB" if n % 2 == 0 else "BA"
                text = "date,client,amount,reference\n" + "".join(
                    f"2025-06-30,{client},{AMOUNT},{client}-{round_}/{n}\n" for client in order
                )
                jobs.put({"path": "import-file", "csv": text})
            outcomes = [results.get(timeout=ROUND_TIMEOUT) for _ in range(writers)]
            assert [detail for status, detail in outcomes if status != "ok"] == [], round_
            for client in "AB":
                _assert_paid_once(f"{client}-{round_}", writers)
    finally:
        for _ in workers:
            jobs.put(None)
        for worker in workers:
            worker.join(timeout=30)
            if worker.is_alive():
                worker.kill()


CLI_ROUNDS = 3
CLI_WRITERS = 4


def test_import_payments_run_at_once_from_the_command_line_pay_the_invoice_once(
    book: db.Database, book_target: str, tmp_path: Path
) -> None:
    """``import payments payA.csv & import payments payB.csv & …``: the issue's own case."""
    add_client("RACE")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for round_ in range(CLI_ROUNDS):
        number = f"CLI-{round_}"
        add_invoice(number, "RACE", issue="2025-01-15", total=AMOUNT)
        files = []
        for n in range(CLI_WRITERS):
            # half name the invoice, half leave it to the oldest-due-first rule
            invoice = number if n % 2 == 0 else ""
            path = tmp_path / f"pay-{round_}-{n}.csv"
            path.write_text(
                "date,client,amount,invoice,reference\n"
                f"2025-06-30,RACE,{AMOUNT},{invoice},{number}/{n}\n",
                encoding="utf-8",
            )
            files.append(path)
        processes = [
            subprocess.Popen(
                [
                    sys.executable,
                    str(ROOT / "main.py"),
                    "--db",
                    book_target,
                    "import",
                    "payments",
                    str(path),
                ],
                cwd=ROOT,
                env=environment,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for path in files
        ]
        for process in processes:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, (out, err)
        _assert_paid_once(number, CLI_WRITERS)
