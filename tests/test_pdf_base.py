"""The PDF base (issue #12, point 6): dates and amounts in the document's language whatever the
process's locale, the same letter byte for byte from the window and from the command line,
one page template numbering every document, and nothing of it copied outside services/pdf."""

from __future__ import annotations

import datetime as dt
import io
import locale
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from babel.numbers import format_currency
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph

from services.core import clock, db
from services.pdf import formats, page
from services.pdf.fonts import fonts
from tests.helpers_cli import ROOT, open_book, run_process

D = Decimal
DAY = dt.date(2026, 12, 2)  # the demo book has English and French letters to send that day
FRENCH = ("fr_FR.UTF-8", "fr_FR.utf8", "fr_FR")


@pytest.fixture
def french_locale() -> Iterator[str]:
    """The process's dates in French, as Qt sets them in the window of a French user."""
    before = locale.setlocale(locale.LC_ALL)
    for name in FRENCH:
        try:
            locale.setlocale(locale.LC_ALL, name)
            break
        except locale.Error:
            continue
    else:
        pytest.skip("no French locale on this machine (locale -a; .ci/run generates fr_FR.UTF-8)")
    try:
        assert dt.date(2025, 10, 9).strftime("%B") == "octobre"  # the trap is set
        yield name
    finally:
        locale.setlocale(locale.LC_ALL, before)


def test_dates_are_in_the_documents_language_not_the_processs(french_locale: str) -> None:
    assert formats.long_date(dt.date(2025, 10, 9), "en") == "9 October 2025"
    assert formats.long_date(dt.date(2025, 10, 9), "fr") == "9 octobre 2025"
    assert formats.long_date(dt.date(2026, 12, 1), "fr") == "1er décembre 2026"
    assert formats.long_date(dt.date(2026, 12, 1), "en") == "1 December 2026"
    assert formats.long_date(dt.date(2026, 2, 14), "fr") == "14 février 2026"
    assert formats.short_date(dt.date(2026, 2, 4), "fr") == "04/02/2026"
    assert formats.short_date(dt.date(2026, 2, 4), "en") == "2026-02-04"


@pytest.mark.parametrize(
    "value", ["0", "0.5", "40", "1234.56", "-1234.56", "999999999.99", "1000000"]
)
def test_amounts_in_euros_are_babels_with_no_break_spaces(value: str) -> None:
    """The letters keep their characters: CLDR's narrow no-break space (U+202F) between the
    thousands in French is a no-break space (U+00A0) here, as on every screen."""
    amount = D(value)
    assert formats.money(amount, "EUR", "en") == format_currency(amount, "EUR", locale="en_GB")
    babel = format_currency(amount, "EUR", locale="fr_FR")
    assert formats.money(amount, "EUR", "fr") == babel.replace("\u202f", "\u00a0")
    assert "\u202f" not in formats.money(amount, "EUR", "fr")


@pytest.mark.gui
def test_the_same_letters_from_the_window_and_the_command_line(
    qtbot, french_locale: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from services.book import demo
    from ui.letters_dialog import LettersDialog

    book = tmp_path / "book.db"
    clock.freeze(DAY)
    try:
        with open_book(book):
            demo.fill_demo(DAY, with_documents=False)
        # the command line: a fresh interpreter, the shell's (C) locale
        out = tmp_path / "cli"
        run = run_process(
            "--db", str(book), "letters", "--date", DAY.isoformat(), "--out", str(out),
            env={"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        # the window: this process, its dates in French
        db.open_database(book)
        dialog = LettersDialog(DAY)
        qtbot.addWidget(dialog)
        dialog.wait_ready()
        assert dialog.job.ok, dialog.job.error
        written = dialog.written
        english = [path for letter, _action, path in written if letter.language == "en"]
        assert english, "the demo day has a letter to an English client"
        assert sorted(p.name for _l, _a, p in written) == sorted(
            p.name for p in out.glob("*.pdf") if p.name != "all.pdf"
        )
        for _letter, _action, path in written:
            assert path.read_bytes() == (out / path.name).read_bytes(), path.name
        text = "\n".join(p.extract_text() for p in PdfReader(english[0]).pages)
        assert "December 2026" in text and "décembre" not in text
        dialog.close()
    finally:
        clock.freeze(None)
        db.close()


def _pages_text(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def test_the_page_template_numbers_the_pages_once_their_number_is_known() -> None:
    style = ParagraphStyle("p", fontName=fonts().regular, fontSize=10)
    story = [Paragraph("one", style), PageBreak(), Paragraph("two", style), PageBreak()]
    story.append(Paragraph("three", style))
    buffer = io.BytesIO()
    footer = page.Footer(left="Décompte — Brasserie des Halles")
    assert page.build(buffer, story, footer, title="Décompte") == 3
    pages = _pages_text(buffer.getvalue())
    assert ["page 1 / 3" in t for t in pages] == [True, False, False]
    assert all(f"page {n} / 3" in t and "Décompte — Brasserie" in t for n, t in enumerate(pages, 1))
    # the same document gives the same bytes (reportlab's invariant mode)
    again = io.BytesIO()
    story = [Paragraph("one", style), PageBreak(), Paragraph("two", style), PageBreak()]
    story.append(Paragraph("three", style))
    page.build(again, story, footer, title="Décompte")
    assert again.getvalue() == buffer.getvalue()
    # a letter of one page is not numbered; a document told its total says it
    single = io.BytesIO()
    c = page.canvas(single, page.Footer(numbers="Page {n} / {total}", alone=False))
    c.drawString(100, 700, "one page")
    c.showPage()
    c.save()
    assert "Page 1" not in _pages_text(single.getvalue())[0]
    told = io.BytesIO()
    c = page.canvas(told, page.Footer(total=23))
    c.showPage()
    c.save()
    assert "page 1 / 23" in _pages_text(told.getvalue())[0]


def test_nothing_of_the_pdf_base_is_copied_outside_it() -> None:
    """Fonts registered, parties, table styles and the page template live in services/pdf;
    no module borrows another's private helper (``letters._fonts`` from legal_docs…)."""
    copied = re.compile(r"registerFont|TTFont\(|TableStyle\(|class Party\b|SimpleDocTemplate\(")
    borrowed = re.compile(r"\b(letters|evidence|legal_docs|dossier)\._[a-z]")
    found = []
    for folder in ("services", "cli", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.is_relative_to(ROOT / "services" / "pdf"):
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if copied.search(line) or borrowed.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []
