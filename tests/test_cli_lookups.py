"""Every ``--client CODE`` / ``--invoice NUMBER`` of the command line, taken from the parser
itself (issue #12, point 1): a new command with one of these options is run here without
anyone adding it to a list.

- the code typed in another case and with spaces around it is found (exit 0), and no output
  echoes the spaces;
- an unknown code is refused with one line that quotes it as typed (trimmed);
- ``promise`` and ``dispute`` name the invoice as the user typed it (trimmed), the way the
  message of an unknown number does.

tests/test_lookups.py checks what each command finds (the rows, the JSON); this module
checks that none is left out.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

import cli
from services.followup import dunning
from services.ledger import clients, invoices
from tests.helpers_cli import frozen_book_path, open_book, run_cli

CLIENT = "  archiMoreau "  # stored as ARCHIMOREAU
INVOICE = " f2026-001  "  # stored as F2026-001
TYPED = {"--client": CLIENT, "--invoice": INVOICE}
UNKNOWN = {"--client": " nobody ", "--invoice": " f404 "}
NOT_FOUND = {
    "--client": "error: Client: no client has the code 'nobody'.",
    "--invoice": "error: Invoice: no invoice has the number 'f404'.",
}


@dataclass(frozen=True)
class Case:
    """One command run with one of the two options; ``runs`` are its positional choices in
    order ('dispute open' then 'dispute close'), or one run without."""

    command: str
    option: str
    parser: argparse.ArgumentParser
    runs: tuple[tuple[str, ...], ...]

    def __str__(self) -> str:
        return f"{self.command} {self.option}"


def _cases() -> list[Case]:
    found = []
    root = cli.build_parser()
    [commands] = [a for a in root._actions if isinstance(a, argparse._SubParsersAction)]
    for name, parser in commands.choices.items():
        options = {o for a in parser._actions for o in a.option_strings}
        choices = [a.choices for a in parser._actions if not a.option_strings and a.choices]
        runs: tuple[tuple[str, ...], ...] = tuple((c,) for c in choices[0]) if choices else ((),)
        for option in ("--client", "--invoice"):
            if option in options:
                found.append(Case(name, option, parser, runs))
    return found


CASES = _cases()


def _pdf(path: Path) -> Path:
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "devis")
    c.showPage()
    c.save()
    return path


def _argv(case: Case, positional: tuple[str, ...], code: str, tmp: Path) -> list[str]:
    """The command line: the option under test, then every other required argument filled
    by its metavar (a new kind of required argument fails here, asking to be taught)."""
    values = {
        "FILE.pdf": lambda: str(tmp / f"{case.command}.pdf"),
        "DIR": lambda: str(tmp / f"{case.command}-out"),
        "A": lambda: "10",
        "YYYY-MM-DD": lambda: "2026-04-01",
        "FILE": lambda: str(_pdf(tmp / "devis.pdf")),
    }
    argv = [case.command, *positional, case.option, code]
    for action in case.parser._actions:
        if action.option_strings and not action.required or case.option in action.option_strings:
            continue
        if not action.option_strings and action.choices is not None:
            continue  # the positional choice above
        metavar = action.metavar or action.dest
        if action.choices is not None:
            value = str(next(iter(action.choices)))
        elif isinstance(metavar, str) and metavar in values:
            value = values[metavar]()
        else:
            pytest.fail(f"{case}: teach this test a value for {metavar!r}")
        argv.extend([action.option_strings[0], value] if action.option_strings else [value])
    return argv


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
            archi = clients.get_client_by_code("ARCHIMOREAU").id
            dunning.create_plan(  # for `agreement`
                archi, [first.id], dunning.equal_split(Decimal("1200.00"), 2, dt.date(2026, 4, 15))
            )
        yield path


def test_the_parser_has_commands_with_both_options() -> None:
    """The derivation finds what the parser has (so the tests below are not empty)."""
    names = {str(c) for c in CASES}
    assert {"attach --client", "attach --invoice", "promise --invoice", "export --client"} <= names
    assert [c.runs for c in CASES if c.command == "dispute"] == [(("open",), ("close",))]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_command_finds_a_code_typed_in_another_case(
    case: Case,
    book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    for positional in case.runs:
        run = run_cli(capsys, book, *_argv(case, positional, TYPED[case.option], tmp_path))
        assert run.code == 0, f"{case} {positional}: {run.err}"
        assert TYPED[case.option] not in run.out + run.err  # never the spaces echoed


@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_command_quotes_an_unknown_code_as_typed(
    case: Case,
    book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    for positional in case.runs:
        run = run_cli(capsys, book, *_argv(case, positional, UNKNOWN[case.option], tmp_path))
        assert (run.code, run.err_lines) == (1, [NOT_FOUND[case.option]]), f"{case} {positional}"


def test_promise_and_dispute_name_the_invoice_as_typed(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    promise = ["promise", "--invoice", INVOICE, "--amount", "10", "--date", "2026-04-01"]
    assert run_cli(capsys, book, *promise).out == (
        "promise recorded: 10.00 by 2026-04-01 on f2026-001\n"
    )
    run = run_cli(capsys, book, "dispute", "open", "--invoice", INVOICE)
    assert run.out == "dispute opened on f2026-001: its dunning is paused\n"
    run = run_cli(capsys, book, "dispute", "close", "--invoice", INVOICE)
    assert run.out == "dispute closed on f2026-001: its dunning resumes\n"
