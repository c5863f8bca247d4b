"""CSV import (``main.py import clients|invoices|payments FILE.csv [--dry-run]``).

All or nothing; every bad row reported as ``line N: column: reason``;
separator, encoding and French or English headers detected.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Allocation, Client, Event, Invoice, Payment
from services.core import company, db
from services.ledger import clients, imports, invoices, payments
from services.ledger import open_items as ledger
from tests.helpers_cli import (
    TODAY,
    D,
    by_code,
    by_number,
    frozen_book_path,
    open_book,
    run_cli,
    write_csv,
)


@pytest.fixture
def cli_book(tmp_path: Path) -> Iterator[Path]:
    yield from frozen_book_path(tmp_path)


CLIENTS_CSV = (
    "code,name,kind,siren,siret,vat_number,email,phone,address,postcode,city,country,terms,"
    "credit_limit,language\n"
    "ACME,Acme SARL,pro,732829320,73282932000074,FR44732829320,compta@acme.fr,04 72 00 00 00,"
    "1 rue de la Paix,69002,Lyon,FR,45 jours fin de mois,5000,fr\n"
    "DUPONT,Jean Dupont,consumer,,,,,,,,Villeurbanne,,à réception,,\n"
    "CITY,Mairie de Bron,public,,,,,,,,Bron,,30 jours,,en\n"
)


def counts(path: Path) -> tuple[int, int, int]:
    with open_book(path), db.reading() as s:
        return (
            s.scalar(select(func.count(Client.id))) or 0,
            s.scalar(select(func.count(Invoice.id))) or 0,
            s.scalar(select(func.count(Payment.id))) or 0,
        )


def with_clients(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(
        capsys, path, "import", "clients", str(write_csv(tmp_path / "clients.csv", CLIENTS_CSV))
    )
    assert run.code == 0, run.err


# -- clients ---------------------------------------------------------------------


def test_import_clients(cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(
        capsys, cli_book, "import", "clients", str(write_csv(tmp_path / "c.csv", CLIENTS_CSV))
    )
    assert run.code == 0, run.err
    assert run.out.strip() == "imported 3 clients"
    with open_book(cli_book):
        acme = clients.get_client_by_code("ACME")
        assert (acme.name, acme.kind, acme.siren, acme.siret, acme.vat_number) == (
            "Acme SARL",
            "pro",
            "732829320",
            "73282932000074",
            "FR44732829320",
        )
        assert (acme.terms, acme.credit_limit, acme.city, acme.postcode) == (
            "45 jours fin de mois",
            D("5000.00"),
            "Lyon",
            "69002",
        )
        assert clients.get_client_by_code("DUPONT").kind == "consumer"
        assert clients.get_client_by_code("CITY").language == "en"
        with db.reading() as s:
            actions = set(s.scalars(select(Event.action).where(Event.entity == "client")))
        assert actions == {"imported"}


def test_windows_1252_semicolons_and_french_headers(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a French spreadsheet saves: cp1252, ';', accents, '1 234,56 €', DD/MM/YYYY."""
    clients_file = write_csv(
        tmp_path / "clients.csv",
        (
            "Code client;Raison sociale;Type;Ville;Encours autorisé;Conditions de paiement\n"
            "BOUL;Boulangerie Lefèvre;professionnel;Besançon;1 234,56 €;30 jours fin de mois\n"
            "ÉCOLE;École Saint-Exupéry;association;Épinal;;à réception\n"
        ),
        encoding="cp1252",
        newline="\r\n",
    )
    run = run_cli(capsys, cli_book, "import", "clients", str(clients_file))
    assert run.code == 0, run.err
    invoices_file = write_csv(
        tmp_path / "factures.csv",
        (
            "N° facture;Code client;Date facture;Échéance;Montant HT;TVA;Montant TTC;Devise\n"
            "FA-001;BOUL;05/01/2026;;1 028,80;205,76;1 234,56 €;EUR\n"
            "FA-002;école;15/01/2026;20/01/2026;;;2\u00a0500,00;\n"
        ),
        encoding="cp1252",
    )
    run = run_cli(capsys, cli_book, "import", "invoices", str(invoices_file))
    assert run.code == 0, run.err
    assert run.out.strip() == "imported 2 invoices"
    with open_book(cli_book):
        boul = clients.get_client_by_code("BOUL")
        assert (boul.name, boul.city, boul.credit_limit) == (
            "Boulangerie Lefèvre",
            "Besançon",
            D("1234.56"),
        )
        assert clients.get_client_by_code("ÉCOLE").kind == "nonprofit"
        fa1 = invoices.get_invoice_by_number("FA-001")
        assert (fa1.total, fa1.net, fa1.vat, fa1.issue_date) == (
            D("1234.56"),
            D("1028.80"),
            D("205.76"),
            dt.date(2026, 1, 5),
        )
        assert fa1.due_date == dt.date(2026, 2, 28)  # the client's 30 jours fin de mois
        fa2 = invoices.get_invoice_by_number("FA-002")
        assert (fa2.client_code, fa2.total, fa2.due_date, fa2.due_date_manual) == (
            "ÉCOLE",
            D("2500.00"),
            dt.date(2026, 1, 20),
            True,
        )


def test_utf8_bom_and_tab_separator(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bom = write_csv(tmp_path / "bom.csv", "code;nom;ville\nA1;Atelier Öko;Nîmes\n", bom=True)
    run = run_cli(capsys, cli_book, "import", "clients", str(bom))
    assert run.code == 0, run.err  # the BOM does not hide the 'code' header
    tab = write_csv(
        tmp_path / "tab.csv", "Code\tName\tCity\tCredit limit\nT1\tTabulé\tLyon\t2 000,00\n"
    )
    run = run_cli(capsys, cli_book, "import", "clients", str(tab))
    assert run.code == 0, run.err
    with open_book(cli_book):
        assert clients.get_client_by_code("A1").name == "Atelier Öko"
        assert clients.get_client_by_code("A1").city == "Nîmes"
        assert clients.get_client_by_code("T1").credit_limit == D("2000.00")


def test_a_bad_row_imports_nothing_and_every_bad_row_is_reported(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_csv(
        tmp_path / "bad.csv",
        (
            "Code;Nom;SIREN;Encours autorisé\n"  # line 1
            "OK1;Bon client;;\n"  # line 2
            ";Sans code;;\n"  # line 3: no code
            'OK2;"Nom sur\ndeux lignes";;\n'  # lines 4-5: a quoted newline (refused in a
            # name since issue #11)
            "BAD;Mauvais;123456789;-5\n"  # line 6: SIREN checksum, negative amount
            "\n"  # line 7: blank, skipped
            "OK1;Doublon;;\n"  # line 8: code already on line 2
        ),
    )
    run = run_cli(capsys, cli_book, "import", "clients", str(bad))
    assert run.code == 1
    assert run.out == ""
    assert run.err_lines[:-1] == [
        "line 3: Code: this field is required.",
        "line 4: Nom: contains a control character (U+000A, character 8), "
        "which is not allowed here.",
        "line 6: SIREN: '123456789' is not valid: the check digits do not match (mistyped?).",
        "line 6: Encours autorisé: the amount must not be negative.",
        "line 8: Code: the code 'OK1' appears twice in the file (first on line 2).",
    ]
    assert run.err_lines[-1].startswith("error: 5 errors in ")
    assert "nothing was imported" in run.err_lines[-1]
    assert counts(cli_book) == (0, 0, 0)  # the good rows were not written either


def test_dry_run_writes_nothing(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(write_csv(tmp_path / "c.csv", CLIENTS_CSV))
    run = run_cli(capsys, cli_book, "import", "clients", path, "--dry-run")
    assert run.code == 0, run.err
    assert run.out.strip() == "3 rows OK, nothing written"
    assert counts(cli_book) == (0, 0, 0)
    with open_book(cli_book), db.reading() as s:
        assert s.scalar(select(func.count(Event.id))) == 0
    bad = write_csv(tmp_path / "bad.csv", "code,name\nX,\n")
    run = run_cli(capsys, cli_book, "import", "clients", str(bad), "--dry-run")
    assert run.code == 1 and run.err_lines[0] == "line 2: name: this field is required."


def test_client_code_already_in_the_book(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_clients(cli_book, tmp_path, capsys)
    again = write_csv(tmp_path / "again.csv", "code,name\nNEW,Nouveau\nacme,Acme encore\n")
    run = run_cli(capsys, cli_book, "import", "clients", str(again))
    assert run.code == 1
    assert run.err_lines[0] == "line 3: code: the code 'acme' is already used by another client."
    assert counts(cli_book)[0] == 3


def test_missing_required_columns(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_clients(cli_book, tmp_path, capsys)
    path = write_csv(tmp_path / "i.csv", "number;client;date\nF1;ACME;2026-01-01\n")
    run = run_cli(capsys, cli_book, "import", "invoices", str(path))
    assert run.code == 1
    assert run.err_lines[0] == "line 1: total: missing required column"
    path = write_csv(tmp_path / "p.csv", "client,montant\nACME,10\n")
    run = run_cli(capsys, cli_book, "import", "payments", str(path))
    assert run.err_lines[0] == "line 1: date: missing required column"


def test_unreadable_or_empty_file(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(capsys, cli_book, "import", "clients", str(tmp_path / "absent.csv"))
    assert run.code == 1 and len(run.err_lines) == 1 and "absent.csv" in run.err
    empty = write_csv(tmp_path / "empty.csv", "\n\n")
    run = run_cli(capsys, cli_book, "import", "clients", str(empty))
    assert run.code == 1 and "empty" in run.err


# -- invoices --------------------------------------------------------------------


def test_import_invoices_due_dates(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """due_date as given, else from terms, else the client's terms, else the company's."""
    with_clients(cli_book, tmp_path, capsys)
    with open_book(cli_book):
        company.save_company({"name": "Moi SARL", "default_terms": "60 jours"})
        clients.create_client({"code": "NOTERMS", "name": "Sans conditions"})
    path = write_csv(
        tmp_path / "i.csv",
        (
            "number,client,issue_date,total,kind,due_date,terms,net,vat,currency,delivery_date,po_number\n"
            "F1,ACME,2026-01-15,120.00,,2026-01-20,,,,,,\n"
            "F2,ACME,2026-01-15,120.00,,,30 jours,,,,,\n"
            "F3,ACME,2026-01-15,120.00,,,,100.00,20.00,,2026-01-10,PO-77\n"
            "F4,NOTERMS,2026-01-15,120.00,,,,,,,,\n"
            "A1,ACME,2026-01-20,20.00,avoir,,,,,,,\n"
            "U1,ACME,2026-01-15,99.99,facture,,,,,usd,,\n"
        ),
    )
    run = run_cli(capsys, cli_book, "import", "invoices", str(path))
    assert run.code == 0, run.err
    assert run.out.strip() == "imported 6 invoices"
    with open_book(cli_book):
        due = {n: invoices.get_invoice_by_number(n).due_date for n in ("F1", "F2", "F3", "F4")}
        assert due == {
            "F1": dt.date(2026, 1, 20),
            "F2": dt.date(2026, 2, 14),
            "F3": dt.date(2026, 3, 31),  # ACME: 45 jours fin de mois (method A)
            "F4": dt.date(2026, 3, 16),
        }  # the company's 60 jours
        f3 = invoices.get_invoice_by_number("F3")
        assert (f3.net, f3.vat, f3.delivery_date, f3.po_number) == (
            D("100.00"),
            D("20.00"),
            dt.date(2026, 1, 10),
            "PO-77",
        )
        a1 = invoices.get_invoice_by_number("A1")
        assert (a1.kind, a1.balance) == ("credit_note", D("-20.00"))
        assert invoices.get_invoice_by_number("U1").currency == "USD"
        with db.reading() as s:
            actions = set(s.scalars(select(Event.action).where(Event.entity == "invoice")))
        assert actions == {"imported"}


def test_invoice_errors(cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_clients(cli_book, tmp_path, capsys)
    with open_book(cli_book):
        invoices.create_invoice(
            {"number": "OLD-1", "client": "ACME", "issue_date": "2026-01-01", "total": "10"}
        )
    path = write_csv(
        tmp_path / "i.csv",
        (
            "Numéro;Code client;Date;Montant TTC\n"
            "N1;ACME;2026-01-05;100,00\n"
            "N2;GHOST;2026-01-05;100,00\n"
            "N1;ACME;2026-01-06;50,00\n"
            "OLD-1;ACME;2026-01-06;50,00\n"
            "N3;ACME;31/02/2026;abc\n"
            "N4;ACME;2026-01-05;0\n"
        ),
    )
    run = run_cli(capsys, cli_book, "import", "invoices", str(path))
    assert run.code == 1
    assert run.err_lines[:-1] == [
        "line 3: Code client: no client has the code 'GHOST'.",
        "line 4: Numéro: the number 'N1' appears twice in the file (first on line 2).",
        "line 5: Numéro: the number 'OLD-1' is already used.",
        "line 6: Date: '31/02/2026' is not a valid date.",
        "line 6: Montant TTC: 'abc' is not an amount.",
        "line 7: Montant TTC: the total must be greater than zero.",
    ]
    assert counts(cli_book) == (3, 1, 0)


# -- payments --------------------------------------------------------------------


def _book_for_payments(path: Path) -> None:
    with open_book(path):
        clients.create_client({"code": "ACME", "name": "Acme", "terms": "30 jours"})
        clients.create_client({"code": "BETA", "name": "Beta"})
        for number, issue, total in (
            ("F1", "2025-11-01", "100.00"),
            ("F2", "2025-12-01", "200.00"),
            ("F3", "2026-01-01", "300.00"),
        ):
            invoices.create_invoice(
                {"number": number, "client": "ACME", "issue_date": issue, "total": total}
            )
        invoices.create_invoice(
            {"number": "B1", "client": "BETA", "issue_date": "2026-01-01", "total": "50.00"}
        )
        invoices.create_invoice(
            {
                "number": "U1",
                "client": "ACME",
                "issue_date": "2026-01-01",
                "total": "500.00",
                "currency": "USD",
            }
        )


def test_import_payments_allocation(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _book_for_payments(cli_book)
    path = write_csv(
        tmp_path / "p.csv",
        (
            "Date de paiement;Code client;Montant;Facture;Mode de règlement;Référence\n"
            "10/02/2026;ACME;250,00;F3;virement;VIR 1\n"  # to F3 as named
            "2026-02-12;ACME;150,00;;chèque;CHQ 42\n"  # FIFO: F1 then half of F2
            "2026-02-13;BETA;80,00;;CB;\n"  # 30.00 more than owed: kept as credit
            "2026-02-14;ACME;500,00;U1;;\n"  # a payment of a USD invoice is in USD
        ),
    )
    run = run_cli(capsys, cli_book, "import", "payments", str(path))
    assert run.code == 0, run.err
    assert run.out.strip() == "imported 4 payments"
    rows = by_number(run_cli(capsys, cli_book, "invoices", "--json").json())
    assert {n: rows[n]["paid"] for n in ("F1", "F2", "F3", "B1", "U1")} == {
        "F1": "100.00",
        "F2": "50.00",
        "F3": "250.00",
        "B1": "50.00",
        "U1": "500.00",
    }
    balances = by_code(run_cli(capsys, cli_book, "clients", "--json").json())
    assert (balances["BETA"]["balance"], balances["BETA"]["unallocated"]) == ("-30.00", "30.00")
    assert balances["ACME"]["balance"] == "200.00"
    with open_book(cli_book), db.reading() as s:
        methods = sorted(s.scalars(select(Payment.method)))
        assert methods == ["card", "cheque", "transfer", "transfer"]
        assert s.scalar(select(Payment.currency).where(Payment.amount == D("500.00"))) == "USD"
        assert s.scalar(select(func.count(Allocation.id))) == 5
        actions = set(s.scalars(select(Event.action).where(Event.entity == "payment")))
        assert actions == {"imported"}


def test_payment_errors(cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _book_for_payments(cli_book)
    path = write_csv(
        tmp_path / "p.csv",
        (
            "date,client,amount,invoice,method\n"
            "2026-02-10,ACME,10.00,B1,\n"  # BETA's invoice
            "2026-02-10,ACME,10.00,NOPE,\n"
            "2026-02-10,NOBODY,10.00,,\n"
            "2026-02-10,ACME,-3,,\n"
            "2026-02-10,ACME,3.00,,pigeon\n"
            "2026-02-10,ACME,3.00,,\n"  # fine, but the file is refused as a whole
        ),
    )
    run = run_cli(capsys, cli_book, "import", "payments", str(path))
    assert run.code == 1
    assert run.err_lines[:-1] == [
        "line 2: invoice: the invoice B1 belongs to another client.",
        "line 3: invoice: no invoice has the number 'NOPE'.",
        "line 4: client: no client has the code 'NOBODY'.",
        "line 5: amount: the amount must not be negative.",
        "line 6: method: 'pigeon' is not a payment method (transfer, cheque, card, cash, "
        "direct_debit, bill_of_exchange).",
    ]
    assert counts(cli_book)[2] == 0


# -- the service itself ------------------------------------------------------------


def test_import_file_result_object(cli_book: Path, tmp_path: Path) -> None:
    with open_book(cli_book):
        result = imports.import_file(
            "clients", write_csv(tmp_path / "c.csv", "code;name;unknown\nA;B;x\n")
        )
        assert result.ok and (result.rows, result.imported) == (1, 1)
        assert (result.encoding, result.delimiter) == ("utf-8", ";")
        assert result.ignored_columns == ["unknown"]
        bad = imports.import_file("clients", write_csv(tmp_path / "d.csv", "code;name\nA;B\n"))
        assert not bad.ok and bad.imported == 0
        (error,) = bad.errors
        assert (error.line, error.column) == (2, "code")
        assert error.error is not None and error.error.field == "code"  # for a translated text
        assert str(error) == "line 2: code: the code 'A' is already used by another client."


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("code;nom;montant", ";"),
        ("code,name,amount", ","),
        ("code\tname\tamount", "\t"),
        ('"Nom, prénom";code;ville', ";"),
    ],
)
def test_separator_detection(header: str, expected: str) -> None:
    sample = header + "\n" + "X;1 234,56;Lyon\n"
    assert imports.detect_delimiter(header, sample) == expected


def test_separator_from_data_when_the_header_has_one_column() -> None:
    table = imports.parse_csv("code\nA\nB\n")
    assert table.headers == ["code"] and [v for _, v in table.rows] == [["A"], ["B"]]
    table = imports.parse_csv("sep=;\ncode;name\nA;B\n")  # Excel's hint line
    assert table.delimiter == ";" and table.headers == ["code", "name"]
    assert table.rows == [(3, ["A", "B"])]


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        ("Société;Ville\n".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "Société\n".encode(), "utf-8-sig"),
        ("Société;Ville\n".encode("cp1252"), "cp1252"),
        ("Société\n".encode("utf-16"), "utf-16"),
    ],
)
def test_encoding_detection(raw: bytes, encoding: str) -> None:
    text, found = imports.decode(raw)
    assert found == encoding and text.lstrip("\ufeff").startswith("Société")


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("N° TVA", "vat_number"),
        ("E-mail", "email"),
        ("Téléphone", "phone"),
        ("Code Postal", "postcode"),
        ("CP", "postcode"),
        ("Raison sociale", "name"),
        ("Conditions de paiement", "terms"),
        ("Plafond", "credit_limit"),
        ("LANGUE", "language"),
    ],
)
def test_french_client_headers(header: str, field: str) -> None:
    mapping = imports.map_columns(
        "clients", ["code", "nom", header] if field != "name" else ["code", header]
    )
    assert field in mapping.index and mapping.label[field] == header


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("n° facture", "number"),
        ("Date d'émission", "issue_date"),
        ("Date d'échéance", "due_date"),
        ("Total TTC", "total"),
        ("Montant HT", "net"),
        ("Montant TVA", "vat"),
        ("Devise", "currency"),
        ("Date de livraison", "delivery_date"),
        ("Bon de commande", "po_number"),
        ("Type", "kind"),
    ],
)
def test_french_invoice_headers(header: str, field: str) -> None:
    headers = ["numéro", "client", "date", "total"]
    base = {"number": 0, "client": 1, "issue_date": 2, "total": 3}
    if field in base:
        headers[base[field]] = header
    else:
        headers.append(header)
    mapping = imports.map_columns("invoices", headers)
    assert not mapping.errors and mapping.label[field] == header


def test_five_thousand_rows(cli_book: Path, tmp_path: Path) -> None:
    """A large file goes through in one transaction (speed is measured elsewhere)."""
    lines = ["code;nom;ville"] + [f"C{i:05d};Client {i};Lyon" for i in range(5000)]
    path = write_csv(tmp_path / "big.csv", "\n".join(lines) + "\n")
    with open_book(cli_book):
        result = imports.import_file("clients", path)
        assert result.ok and result.imported == 5000
        assert len(ledger.client_balances(TODAY)) == 5000
    rows = ["number;client;date;total"] + [
        f"F{i:05d};C{i % 5000:05d};2026-01-{1 + i % 28:02d};{100 + i},50" for i in range(5000)
    ]
    with open_book(cli_book):
        result = imports.import_file(
            "invoices", write_csv(tmp_path / "inv.csv", "\n".join(rows) + "\n")
        )
        assert result.ok and result.imported == 5000
        total = sum((i.total for i in ledger.open_items(TODAY)), Decimal("0.00"))
        assert total == sum(
            (Decimal(100 + i) + Decimal("0.50") for i in range(5000)), Decimal("0.00")
        )


def test_imported_data_is_what_the_editor_would_save(
    cli_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Running totals (kept by the services) agree with the as-of engine after an import."""
    _book_for_payments(cli_book)
    path = write_csv(tmp_path / "p.csv", "date,client,amount\n2026-02-12,ACME,450.00\n")
    assert run_cli(capsys, cli_book, "import", "payments", str(path)).code == 0
    with open_book(cli_book):
        for item in ledger.open_items(dt.date(2100, 1, 1)):
            row = invoices.get_invoice(item.id)
            assert row.balance == item.balance, item.number
        (payment,) = payments.list_payments(payments.PaymentQuery())
        assert payment.allocated == D("450.00")
    listed = json.loads(run_cli(capsys, cli_book, "invoices", "--open", "--json").out)
    assert {i["number"] for i in listed["invoices"]} == {"F3", "B1", "U1"}
