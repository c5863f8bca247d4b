"""Real printing (issue #5): a letter printed through the same code path as the window's
Print button (ui/printing.print_document, here via ``python main.py print``) to the CUPS
cups-pdf virtual printer; the PDF it writes is read back with pdftotext.

.ci/run installs CUPS and cups-pdf, starts cupsd and adds the "PDF" queue. Where CUPS cannot
be used, the test is skipped with the reason — never passed silently."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from services.followup import penalties
from services.paper import letters
from services.paper.letters import Letter, LetterInvoice, Party

ROOT = Path(__file__).resolve().parent.parent
PRINTER = "PDF"


def _printer_ready() -> str:
    """'' when the cups-pdf queue is there, else why not."""
    if not shutil.which("lpstat") or not shutil.which("pdftotext"):
        return "CUPS client tools or pdftotext are not installed"
    state = subprocess.run(["lpstat", "-p", PRINTER], capture_output=True, text=True)
    if state.returncode != 0:
        said = state.stderr.strip() or state.stdout.strip()
        return f"no CUPS printer named {PRINTER} (lpstat: {said})"
    if "disabled" in state.stdout:
        return f"the {PRINTER} printer is disabled"
    return ""


def _output_folder() -> Path:
    """Where cups-pdf writes (its conf: Out ${HOME}/PDF for the job's user)."""
    return Path.home() / "PDF"


def test_a_letter_printed_on_a_real_cups_printer(tmp_path: Path) -> None:
    reason = _printer_ready()
    if reason:
        pytest.skip(f"real printing not possible here: {reason}")
    company = Party(
        "Menuiserie Lefèvre",
        "12 rue des Artisans",
        "69007",
        "Lyon",
        iban="FR7630004008230001012345669",
    )
    due = dt.date(2025, 8, 1)
    charges = penalties.compute(
        client_kind="pro", total=Decimal("1200.00"), due_date=due, as_of=dt.date(2025, 9, 30)
    )
    letter = Letter(
        company,
        Party("Quincaillerie Dupuis", "3 rue Mercière", "69002", "Lyon"),
        "DUPUIS",
        "pro",
        "fr",
        "formal_notice",
        1,
        True,
        dt.date(2025, 9, 30),
        "EUR",
    )
    letter.invoices.append(
        LetterInvoice(
            "F-0777",
            due - dt.timedelta(days=30),
            due,
            Decimal("1200.00"),
            Decimal("0.00"),
            Decimal("1200.00"),
            60,
            charges,
        )
    )
    name = f"encaisse-cups-{os.getpid()}-{int(time.time())}.pdf"
    source = tmp_path / name
    letters.write_letter(source, letter)
    out = _output_folder()
    before = set(out.glob("*.pdf")) if out.is_dir() else set()
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "print", str(source), "--printer", PRINTER],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0, run.stderr
    deadline = time.time() + 60
    printed: list[Path] = []
    while time.time() < deadline and not printed:
        printed = [
            p
            for p in (set(out.glob("*.pdf")) if out.is_dir() else set()) - before
            if p.stem.startswith(name[:-4])
        ]
        time.sleep(0.5)
    assert printed, f"cups-pdf wrote nothing in {out} within a minute"
    text = subprocess.run(
        ["pdftotext", "-q", str(printed[0]), "-"], capture_output=True, text=True
    ).stdout
    flat = " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())
    assert "Quincaillerie Dupuis" in flat
    total = (
        letters.format_money(letter.total_claimed, "EUR", "fr")
        .replace("\u202f", " ")
        .replace("\u00a0", " ")
    )
    assert total in flat, (total, flat[:500])
