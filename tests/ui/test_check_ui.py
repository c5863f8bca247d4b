"""Tools ▸ Check the book and documents shows what ``check`` shows — the running totals
against their allocations, what cannot be checked on the book, the store's leftovers — and
offers the repair, after a confirmation that says a backup is made first (issue #11,
points 1, 2 and 4).

A running total is corrupted with raw SQL behind the services' back, the check names it,
the repair (the real one: a backup of the book, then the totals) puts it right, and the
check says so.
"""

from __future__ import annotations

import os
import time
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from models import Invoice
from services.book import backup
from services.core import db
from services.proof import documents
from tests.service_fixtures import add_client, add_invoice, pay
from ui import document_tools
from ui.document_tools import CheckDialog
from ui.main_window import MainWindow


def _items(dialog: CheckDialog) -> list[str]:
    return [dialog.problems.item(i).text() for i in range(dialog.problems.count())]


@pytest.fixture
def drifted(window: MainWindow) -> MainWindow:
    """F1 (100.00) paid 60.00 — and its running total set to 100.00 behind the services."""
    add_client("ACME")
    f1 = add_invoice("F1", total="100.00", issue="2026-01-15")
    pay("ACME", "2026-02-01", "60.00", [(f1.id, None)], reference="VIR-60")
    with db.transaction() as s:
        s.execute(text("UPDATE invoices SET allocated = 10000 WHERE number = 'F1'"))
    return window


class Boxes:
    """QMessageBox.question / information / warning of the dialog, answered and recorded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> None:
        self.asked: list[str] = []
        self.told: list[str] = []
        self.warned: list[str] = []

        def question(
            _parent: Any, _title: str, text: str, *args: Any
        ) -> QMessageBox.StandardButton:
            self.asked.append(text)
            return answer

        monkeypatch.setattr(document_tools.QMessageBox, "question", question)
        monkeypatch.setattr(
            document_tools.QMessageBox,
            "information",
            lambda _p, _t, text, *a: self.told.append(text),
        )
        monkeypatch.setattr(
            document_tools.QMessageBox, "warning", lambda _p, _t, text, *a: self.warned.append(text)
        )


def test_the_check_names_a_drifted_running_total_and_the_repair_fixes_it(
    qtbot, drifted: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = CheckDialog(drifted)
    qtbot.addWidget(dialog)
    # amounts as the window's language writes them, with their currency
    assert (
        "invoice F1 (ACME): its running total says €100.00 paid, its allocations add up to €60.00"
    ) in _items(dialog)
    assert dialog.summary.text() == "1 problem found."  # a plural form, not "1 problems"
    assert "Repair recomputes the running totals from the allocations" in dialog.advice.text()
    assert dialog.notes.isHidden()  # an SQLite file: everything is checked
    assert not dialog.repair_button.isHidden()

    # "No": nothing happens, no backup
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.No)
    dialog.repair_button.click()
    assert len(boxes.asked) == 1
    assert boxes.asked[0].startswith(
        "Encaisse first makes a backup of the book, in the backup "
        "folder; nothing is repaired if it fails."
    )
    assert backup.list_backups() == []
    assert "invoice F1 (ACME)" in " ".join(_items(dialog))

    # "Yes": a backup of the book as it was, then the repair; the check is clean again
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.repair_button.click()
    assert boxes.warned == []
    [made] = backup.list_backups()
    with zipfile.ZipFile(made.path) as archive:
        (tmp_path / "saved.db").write_bytes(archive.read(backup.DATABASE))
    import sqlite3

    saved = sqlite3.connect(tmp_path / "saved.db")
    try:
        assert saved.execute("SELECT allocated FROM invoices WHERE number = 'F1'").fetchone() == (
            10000,
        )  # the backup holds the book before the repair
    finally:
        saved.close()
    [told] = boxes.told
    assert told.startswith(f"The book was backed up to {made.path}.")
    assert "Running totals recomputed: 1. Allocations in excess taken back: 0." in told
    with db.reading() as s:
        f1 = s.query(Invoice).filter_by(number="F1").one()
        assert f1.allocated == Decimal("60.00")
    assert dialog.summary.text().startswith(
        "Everything is sound: the database passed SQLite's "
        "integrity check, all 2 running totals match"
    )
    assert dialog.problems.isHidden() and dialog.repair_button.isHidden()


def test_the_menu_opens_the_check(
    qtbot, drifted: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    opened: list[CheckDialog] = []
    monkeypatch.setattr(CheckDialog, "exec", lambda self: opened.append(self) or 0)
    drifted.check_documents()
    [dialog] = opened
    qtbot.addWidget(dialog)
    assert any(line.startswith("invoice F1 (ACME)") for line in _items(dialog))


def test_what_cannot_be_checked_on_postgresql_is_said(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The notes of ``integrity.database_notes`` (what a PostgreSQL book cannot have checked)
    are shown, and the summary does not claim SQLite's check passed; the confirmation says
    Encaisse cannot back the book up."""
    from services.book import integrity

    monkeypatch.setattr(integrity, "database_notes", lambda: [integrity.MSG_SERVER_PAGES])
    monkeypatch.setattr(CheckDialog, "_can_back_up", staticmethod(lambda: False))
    dialog = CheckDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.notes.text() == (
        "Not checked: SQLite's integrity check does not apply to a "
        "PostgreSQL book; the server checks its own pages"
    )
    assert not dialog.notes.isHidden()
    assert dialog.summary.text().startswith("Everything that can be checked is sound")
    assert "SQLite's integrity check," not in dialog.summary.text()
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.No)
    dialog._repair()
    assert boxes.asked[0].startswith(
        "Encaisse cannot back up a PostgreSQL book: back it up "
        "first with the server's own tools (pg_dump)."
    )


def test_the_stores_leftovers_are_shown_and_the_repair_moves_the_old_ones(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]

    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% a letter copied, then the command was killed\n%%EOF\n")
    item = documents.ingest(pdf)
    store = documents.the_store()
    old = time.time() - 2 * 3600
    os.utime(store.path_of(item.sha256), (old, old))
    partial = store.tmp / "in-4242-0123456789abcdef"
    partial.write_bytes(b"being written")
    dialog = CheckDialog(window)
    qtbot.addWidget(dialog)
    assert f"a stored file belongs to no document: {store.path_of(item.sha256)}" in _items(dialog)
    advice = dialog.advice.text()
    assert (
        "Repair moves the 1 stored files that belong to no document to the store's trash, "
        "where they stay 30 days."
    ) in advice
    assert "1 of these files are less than 60 minutes old" in advice
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.repair_button.click()
    assert "Files moved to the store's trash: 1." in boxes.told[0]
    assert not store.path_of(item.sha256).exists() and partial.exists()
    assert _items(dialog) == [f"a partial copy was left by an interrupted attachment: {partial}"]
    assert dialog.repair_button.isHidden()  # nothing left the repair would touch
