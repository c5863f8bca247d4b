"""Amounts in their own currency, never added together (issue #13, point 5): the €40 of
D441-5 is always €40, in euros, shown apart from a claim in another currency; the EPC QR
code asks for euros only; a statement lists every open item, each in its own currency."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from services.paper import letters
from tests.service_fixtures import add_client, add_invoice, book  # noqa: F401
from tests.test_letters import COMPANY, letter, text_of


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def test_a_usd_letter_claims_dollars_plus_the_indemnity_in_euros_apart(tmp_path: Path) -> None:
    subject = letter(kind="pro", step="formal_notice", invoices=2)
    subject.currency = "USD"
    assert COMPANY.iban  # the letter would carry a QR code in euros
    path = tmp_path / "usd.pdf"
    drawn = letters.write_letter(path, subject)
    text = _flat(text_of(path))
    assert subject.indemnity == D("80.00")
    assert subject.total_claimed == subject.balance + subject.penalties  # no euros added in
    dollars = _flat(letters.format_money(subject.total_claimed, "USD", "fr"))
    assert f"Total réclamé : {dollars} + 80,00 € d’indemnité forfaitaire" in text
    assert "40,00 € par facture, soit 80,00 €" in text
    assert "40,00 $" not in text and "80,00 $" not in text  # the €40 is never in dollars
    # no EPC QR code: it can only ask for euros; the IBAN is given as text
    assert drawn.transfer is None and "QR code" not in text and "IBAN" in text
    _subject, body = letters.subject_and_body(subject)
    assert f"{dollars} + 80,00 €" in _flat(body)  # {total_due} says it the same way


def test_a_euro_letter_adds_the_indemnity_and_carries_the_qr_code(tmp_path: Path) -> None:
    subject = letter(kind="pro", step="formal_notice", invoices=2)
    path = tmp_path / "eur.pdf"
    drawn = letters.write_letter(path, subject)
    assert subject.total_claimed == subject.balance + subject.penalties + D("80.00")
    assert drawn.transfer is not None and drawn.transfer.amount == subject.total_claimed


@pytest.mark.usefixtures("book")
def test_a_statement_lists_every_open_item_in_its_own_currency(tmp_path: Path) -> None:
    add_client("ACME", language="fr")
    add_invoice("F1", issue=dt.date(2025, 1, 15), total="1200.00")
    add_invoice("U1", issue=dt.date(2025, 1, 20), total="3400.00", currency="USD")
    statement = letters.statement("ACME", dt.date(2025, 3, 1))
    assert [i.number for i in statement.invoices] == ["F1", "U1"]
    assert statement.currency == "EUR" and statement.balance == D("1200.00")
    assert statement.other_balances == {"USD": D("3400.00")}
    path = tmp_path / "statement.pdf"
    letters.write_letter(path, statement)
    text = _flat(text_of(path))
    assert "Total restant dû : 1 200,00 €" in text
    assert f"Total restant dû : {_flat(letters.format_money(D('3400.00'), 'USD', 'fr'))}" in text
    assert "4 600" not in text  # never the two added together


def test_the_statement_command_gives_each_currencys_balance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from services.core import clock, db
    from tests.helpers_cli import run_cli

    path = tmp_path / "book.db"
    clock.freeze(dt.date(2025, 3, 1))
    try:
        db.open_database(path)
        add_client("ACME", language="fr")
        add_invoice("F1", issue=dt.date(2025, 1, 15), total="1200.00")
        add_invoice("U1", issue=dt.date(2025, 1, 20), total="3400.00", currency="USD")
        db.close()
        run = run_cli(
            capsys, path, "statement", "--client", "ACME", "--out", str(tmp_path / "s.pdf")
        )
    finally:
        clock.freeze(None)
        db.close()
    assert run.code == 0, run.err
    assert "2 open items, balance 1200.00 EUR, 3400.00 USD" in run.out
