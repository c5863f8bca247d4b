"""The command line's table of commands (cli/app.py) names, for each command, the module that
runs it; the modules are imported only when one of their commands runs (issue #12)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import cli
from cli import app
from tests.helpers_cli import ROOT


def test_the_table_is_each_modules_own_commands() -> None:
    seen: dict[str, str] = {}
    for module_name in sorted(set(app.WHERE.values())):
        module = importlib.import_module(f"cli.{module_name}")
        for name in module.COMMANDS:
            seen[name] = module_name
    assert seen == app.WHERE
    for name, where in app.WHERE.items():
        assert cli.COMMANDS[name] is importlib.import_module(f"cli.{where}").COMMANDS[name]


def test_every_parser_command_has_a_runner() -> None:
    parser = cli.build_parser()
    [commands] = [a for a in parser._actions if a.dest == "command"]  # noqa: SLF001
    assert set(commands.choices) - {"print"} == set(app.WHERE)


def test_a_ledger_command_does_not_load_the_pdf_backup_or_demo_code() -> None:
    code = (
        "import sys, cli\n"
        "args = cli.build_parser().parse_args(['invoices', '--json'])\n"
        "cli.COMMANDS['invoices']\n"
        "heavy = [m for m in ('reportlab', 'services.paper.letters', 'services.book.backup',"
        " 'services.book.demo', 'cli.paper', 'cli.book') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
