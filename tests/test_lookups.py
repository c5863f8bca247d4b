"""One way to find a thing (issue #12, point 1): every command that takes ``--client CODE``
or ``--invoice NUMBER`` finds it in any case and with spaces around it, through
services.core.lookups; an unknown code or number is named in the message as the user typed it."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from cli import build_parser
from services.core import db, lookups
from services.core.errors import NotFound
from services.followup import dunning
from services.ledger import clients, invoices
from tests.helpers_cli import frozen_book_path, open_book, run_cli

CLIENT = "  archiMoreau "  # stored as ARCHIMOREAU
INVOICE = " f2026-001  "  # stored as F2026-001


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Path]:
    for path in frozen_book_path(tmp_path):  # TODAY = 2026-03-15
        with open_book(path):
            clients.create_client({"code": "ARCHIMOREAU", "name": "Archi Moreau", "kind": "pro"})
            clients.create_client({"code": "OTHER", "name": "Other", "kind": "pro"})
            first = invoices.create_invoice(
                {
                    "number": "F2026-001",
                    "client": "ARCHIMOREAU",
                    "issue_date": "2026-01-05",
                    "due_date": "2026-02-04",
                    "total": "1200.00",
                }
            )[0]
            invoices.create_invoice(
                {
                    "number": "F2026-002",
                    "client": "OTHER",
                    "issue_date": "2026-01-05",
                    "total": "50.00",
                }
            )
            archi = clients.get_client_by_code("ARCHIMOREAU").id
            dunning.create_plan(
                archi, [first.id], dunning.equal_split(Decimal("1200.00"), 2, dt.date(2026, 4, 15))
            )
        yield path


def _pdf(path: Path) -> Path:
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "devis")
    c.showPage()
    c.save()
    return path


def _commands(tmp: Path) -> dict[str, list[str]]:
    """Every command line with --client or --invoice, the code or number typed differently."""
    pdf = str(_pdf(tmp / "devis.pdf"))
    return {
        "invoices --client": ["invoices", "--client", CLIENT, "--json"],
        "attach --invoice": ["attach", "--invoice", INVOICE, "--kind", "quote", pdf],
        "attach --client": ["attach", "--client", CLIENT, "--kind", "contract", pdf],
        "documents --invoice": ["documents", "--invoice", INVOICE, "--json"],
        "documents --client": ["documents", "--client", CLIENT, "--json"],
        "evidence --invoice": ["evidence", "--invoice", INVOICE, "--out", str(tmp / "e1.pdf")],
        "evidence --client": ["evidence", "--client", CLIENT, "--out", str(tmp / "e2.pdf")],
        "statement --client": ["statement", "--client", CLIENT, "--out", str(tmp / "s.pdf")],
        "agreement --client": ["agreement", "--client", CLIENT, "--out", str(tmp / "a.pdf")],
        "claim --client": ["claim", "--client", CLIENT, "--out", str(tmp / "c.pdf")],
        "promise --invoice": [
            "promise",
            "--invoice",
            INVOICE,
            "--amount",
            "10",
            "--date",
            "2026-04-01",
        ],
        "dispute open --invoice": ["dispute", "open", "--invoice", INVOICE, "--reason", "other"],
        "penalties --invoice": ["penalties", "--invoice", INVOICE, "--json"],
        "procedure --invoice": ["procedure", "--invoice", INVOICE, "--json"],
        "export --client": ["export", "--out", str(tmp / "export"), "--client", CLIENT, "--json"],
    }


def _parser_commands() -> set[str]:
    """'<command> --client' / '<command> --invoice' for every command of the parser."""
    found: set[str] = set()

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{prefix} {name}".strip())
            for option in ("--client", "--invoice"):
                if option in action.option_strings:
                    found.add(f"{prefix} {option}")

    walk(build_parser(), "")
    return found


def test_the_list_covers_every_command_taking_a_client_or_an_invoice(tmp_path: Path) -> None:
    """issue #12: a new --client/--invoice command must be added to this test."""
    covered = {f"{name.split()[0]} {name.split()[-1]}" for name in _commands(tmp_path)}
    assert _parser_commands() == covered  # 'dispute' open here, closed in the test below


def test_every_command_finds_a_client_or_invoice_in_any_case(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """issue #12 point 1: ' archiMoreau ' is ARCHIMOREAU and ' f2026-001 ' is F2026-001
    everywhere."""
    for name, argv in _commands(tmp_path).items():
        run = run_cli(capsys, book, *argv)
        assert run.code == 0, f"{name}: {run.err}"
        if name == "invoices --client":
            assert [i["number"] for i in run.json()["invoices"]] == ["F2026-001"]
        if name == "penalties --invoice":
            assert run.json()["invoice"] == "F2026-001"
        if name == "documents --client":  # the two attached above (one to its invoice)
            assert len(run.json()["documents"]) == 2
        if name == "export --client":
            assert run.json()["client"] == "ARCHIMOREAU"
    run = run_cli(capsys, book, "dispute", "close", "--invoice", INVOICE)
    assert run.code == 0, run.err
    with open_book(book):
        assert invoices.get_invoice_by_number("F2026-001").disputed is False


@pytest.mark.parametrize(
    "argv, message",
    [
        (["invoices", "--client", " nobody "], "error: Client: no client has the code 'nobody'."),
        (["documents", "--client", "Nobody"], "error: Client: no client has the code 'Nobody'."),
        (
            ["claim", "--client", "nobody", "--out", "x.pdf"],
            "error: Client: no client has the code 'nobody'.",
        ),
        (
            ["agreement", "--client", "nobody", "--out", "x.pdf"],
            "error: Client: no client has the code 'nobody'.",
        ),
        (
            ["statement", "--client", "nobody", "--out", "x.pdf"],
            "error: Client: no client has the code 'nobody'.",
        ),
        (
            ["export", "--out", "x", "--client", "nobody"],
            "error: Client: no client has the code 'nobody'.",
        ),
        (["penalties", "--invoice", " f404 "], "error: Invoice: no invoice has the number 'f404'."),
        (
            ["dispute", "open", "--invoice", "f404"],
            "error: Invoice: no invoice has the number 'f404'.",
        ),
        (
            ["evidence", "--invoice", "f404", "--out", "x.pdf"],
            "error: Invoice: no invoice has the number 'f404'.",
        ),
    ],
)
def test_an_unknown_code_or_number_is_quoted_as_typed(
    book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    """issue #12: the message names what the user typed (trimmed), never an id."""
    monkeypatch.chdir(tmp_path)
    run = run_cli(capsys, book, *argv)
    assert run.code == 1
    assert run.err_lines == [message]


def test_the_lookup_module(book: Path) -> None:
    """The service: exact first, then any case; NFC; NotFound quoting the trimmed text."""
    with open_book(book):
        with db.reading() as s:
            archi = lookups.client_id(s, "ARCHIMOREAU")
            assert lookups.client_id(s, " archimoreau\t") == archi
            assert lookups.invoice_id(s, "F2026-001") == lookups.invoice_id(s, "f2026-001 ")
            with pytest.raises(NotFound) as caught:
                lookups.client_id(s, "  ghost ", field="code")
        assert caught.value.field == "code" and caught.value.params == {"code": "ghost"}
        assert lookups.client_for(" archimoreau") == (archi, "ARCHIMOREAU")
        with pytest.raises(NotFound):
            lookups.invoice_id_for("   ")
        # a code with a decomposed accent is found as its composed form (NFC)
        ecole = clients.create_client({"code": "ÉCOLE", "name": "École", "kind": "nonprofit"}).id
        assert lookups.client_id_for("E\u0301COLE") == ecole
        # the old copies are gone: one implementation
        assert not hasattr(clients, "client_id_by_code")
        assert not hasattr(invoices, "invoice_id_by_number")


def test_the_ledger_filters_by_client_with_the_same_rule(book: Path) -> None:
    """``invoices --client`` (services.ledger.open_items) uses the lookups' rule too: a code
    typed in decomposed Unicode ('E' + combining acute) and padded finds the client saved as
    'CAFÉ'."""
    from services.ledger import open_items as ledger

    with open_book(book):
        clients.create_client({"code": "CAFÉ", "name": "Le Café", "kind": "pro"})
        invoices.create_invoice(
            {
                "number": "C-1",
                "client": "CAFÉ",
                "issue_date": "2026-01-10",
                "due_date": "2026-02-10",
                "total": "50.00",
            }
        )
        typed = "  CAFE\u0301 "
        assert [i.number for i in ledger.open_items(dt.date(2026, 3, 15), client_code=typed)] == [
            "C-1"
        ]
        assert [
            b.code for b in ledger.client_balances(dt.date(2026, 3, 15), client_code=typed)
        ] == ["CAFÉ"]
