"""GUI tests of the follow-up: the start-up alerts panel (shown with the right counts
when something is due, absent otherwise, the same as ``alerts``), and the follow-up
screen's "done", "postpone" and "dispute"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from services.core import clock, db
from services.followup import alerts, dunning
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from ui import i18n
from ui.dunning_dialogs import DisputeDialog, PostponeDialog
from ui.main_window import PAGE_FOLLOWUP, MainWindow

pytestmark = pytest.mark.gui
TODAY = dt.date(2026, 3, 15)


def make_window(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(str(path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.alerts_panel.day is not None, timeout=5000)
    return win


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Path]:
    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    clock.freeze(TODAY)
    path = tmp_path / "book.db"
    db.open_database(path)
    yield path
    clock.freeze(None)
    db.close()


def due_items() -> None:
    client_service.create_client({"code": "ACME", "name": "Acme", "kind": "pro"})
    client_service.create_client({"code": "BETA", "name": "Beta", "kind": "pro"})
    for number, client, due in (
        ("F1", "ACME", "2026-03-10"),
        ("F2", "ACME", "2026-03-10"),
        ("F3", "BETA", "2026-03-18"),
        ("F4", "BETA", "2026-01-01"),
    ):
        invoice_service.create_invoice(
            {
                "number": number,
                "client": client,
                "issue_date": "2025-12-01",
                "due_date": due,
                "total": "500.00",
            }
        )


def when_modal(handle) -> None:  # type: ignore[no-untyped-def]
    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, poll)
            return
        try:
            handle(modal)
        except BaseException:
            modal.close()  # a failed check must not leave the test waiting on an open dialog
            raise

    QTimer.singleShot(20, poll)


def test_the_startup_panel_shows_the_right_counts(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    due_items()
    win = make_window(qtbot, book)
    panel = win.alerts_panel
    assert panel.isVisible()
    expected = alerts.counts(alerts.alerts(TODAY))  # what `python main.py alerts` prints
    assert panel.counts() == expected
    assert expected["due_soon"] == 1 and expected["step_due"] == 3
    assert set(panel.buttons) == set(expected)
    assert panel.buttons["due_soon"].text().endswith(": 1")
    # "open" on the steps goes to the follow-up screen
    panel.buttons["step_due"].click()
    assert win.stack.currentIndex() == PAGE_FOLLOWUP
    panel.dismiss()
    assert not panel.isVisible()
    win.close()


def test_no_panel_when_nothing_is_due(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    client_service.create_client({"code": "ACME", "name": "Acme", "kind": "pro"})
    invoice_service.create_invoice(
        {
            "number": "F1",
            "client": "ACME",
            "issue_date": "2026-03-01",
            "due_date": "2026-05-30",
            "total": "500.00",
        }
    )
    win = make_window(qtbot, book)
    assert win.alerts_panel.counts() == {}
    assert not win.alerts_panel.isVisible()
    win.close()


def test_the_panel_follows_a_change_of_day(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    client_service.create_client({"code": "ACME", "name": "Acme", "kind": "pro"})
    invoice_service.create_invoice(
        {
            "number": "F1",
            "client": "ACME",
            "issue_date": "2026-03-01",
            "due_date": "2026-03-30",
            "total": "500.00",
        }
    )
    win = make_window(qtbot, book)
    assert not win.alerts_panel.isVisible()
    clock.freeze(dt.date(2026, 3, 25))  # the laptop wakes up five days later
    win.alerts_panel._tick()
    qtbot.waitUntil(lambda: win.alerts_panel.day == dt.date(2026, 3, 25), timeout=5000)
    assert win.alerts_panel.isVisible() and win.alerts_panel.counts() == {
        "due_soon": 1,
        "step_due": 1,
    }
    win.close()


def _followup(qtbot, book: Path) -> tuple[MainWindow, QWidget]:  # type: ignore[no-untyped-def]
    due_items()
    win = make_window(qtbot, book)
    win.nav.setCurrentRow(PAGE_FOLLOWUP)
    page = win.followup
    assert page.isVisible()
    return win, page


def _steps(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(a.client_code, a.step.action) for a in page.due_actions]


def test_done_moves_the_action_off_today(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    win, page = _followup(qtbot, book)
    assert ("ACME", "reminder") in _steps(page)
    assert page.tree.topLevelItemCount() == len(page.due_actions)
    assert page.select_action("ACME", "reminder")
    page.buttons["done"].click()
    qtbot.waitUntil(lambda: ("ACME", "reminder") not in _steps(page))  # it reloads by itself
    # on the day of the next step it comes back, one step further
    page.as_of.set_value(TODAY + dt.timedelta(days=10))  # F1, F2 due 10/03: J+15
    assert [a.step.offset_days for a in page.due_actions if a.client_code == "ACME"] == [15]
    win.close()


def test_postpone_moves_the_action_to_the_chosen_date(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    win, page = _followup(qtbot, book)
    page.select_action("ACME", "reminder")

    def postpone(modal: QWidget) -> None:
        assert isinstance(modal, PostponeDialog)
        modal.until.set_value(TODAY + dt.timedelta(days=3))
        modal.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(postpone)
    page.buttons["postpone"].click()
    qtbot.waitUntil(lambda: ("ACME", "reminder") not in _steps(page))
    page.as_of.set_value(TODAY + dt.timedelta(days=3))
    assert ("ACME", "reminder") in _steps(page)
    win.close()


def test_opening_a_dispute_removes_the_invoice_from_todays_actions(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    win, page = _followup(qtbot, book)
    [acme] = [a for a in page.due_actions if a.client_code == "ACME"]
    assert [i.number for i in acme.invoices] == ["F1", "F2"]
    page.select_action("ACME", "reminder")
    top = page.tree.currentItem()
    page.tree.setCurrentItem(top.child(0))  # the F1 row

    def dispute(modal: QWidget) -> None:
        assert isinstance(modal, DisputeDialog) and modal.number == "F1"
        modal.reason.setCurrentIndex(modal.reason.findData("quality"))
        modal.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(dispute)
    page.buttons["dispute"].click()
    qtbot.waitUntil(
        lambda: (
            [i.number for a in page.due_actions if a.client_code == "ACME" for i in a.invoices]
            == ["F2"]
        )
    )
    assert [
        i.number for a in dunning.actions(TODAY) for i in a.invoices if a.client_code == "ACME"
    ] == ["F2"]
    win.close()


def test_a_dispute_opened_and_closed_from_the_invoice_editor(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.invoice_dialog import InvoiceDialog
    from ui.dunning_dialogs import CloseDisputeDialog

    due_items()
    f1 = invoice_service.get_invoice_by_number("F1")
    dialog = InvoiceDialog(invoice_service.get_invoice(f1.id))
    qtbot.addWidget(dialog)
    assert not dialog.disputed.isEnabled() and dialog.dispute_button.text() == "Open a dispute…"

    def open_it(modal: QWidget) -> None:
        assert isinstance(modal, DisputeDialog)
        modal.reason.setCurrentIndex(modal.reason.findData("not_received"))
        modal.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(open_it)
    dialog.dispute_button.click()
    assert dialog.disputed.isChecked() and invoice_service.get_invoice(f1.id).disputed
    assert dialog.dispute_button.text() == "Close the dispute…"

    def close_it(modal: QWidget) -> None:
        assert isinstance(modal, CloseDisputeDialog)
        modal.outcome.setCurrentIndex(modal.outcome.findData("rejected"))
        modal.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(close_it)
    dialog.dispute_button.click()
    assert not invoice_service.get_invoice(f1.id).disputed
    events = [
        i.text(1)
        for i in (dialog.history.topLevelItem(n) for n in range(dialog.history.topLevelItemCount()))
    ]
    assert any("dispute opened" in e for e in events) and any("dispute closed" in e for e in events)


def test_prepare_letters_preview_save_and_record(qtbot, book: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from services.proof import documents

    win, page = _followup(qtbot, book)  # the book of due_items()
    letters_due = [a for a in page.due_actions if a.step.action != "phone_call"]
    dialog = page.prepare_letters()
    dialog.wait_ready()
    qtbot.waitUntil(lambda: dialog.viewer is not None, timeout=5000)
    assert dialog.page_count() == len(letters_due) == len(dialog.written)
    out = dialog.save(str(tmp_path / "out"))
    assert out is not None
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [p.name for _l, _a, p in dialog.written] + ["2026-03-15-letters.pdf"]
    )
    dialog.record_button.click()
    assert not dialog.record_button.isEnabled()
    qtbot.waitUntil(  # done: off today's list (the page reloads by itself)
        lambda: [a for a in page.due_actions if a.step.action != "phone_call"] == []
    )
    assert len([d for d in documents.list_documents() if d.kind == "correspondence"]) == len(
        letters_due
    )
    dialog.close()
    win.close()


def test_a_payment_plan_then_its_agreement_to_sign(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.dunning_dialogs import PlanDialog
    from ui.viewer import DocumentViewer

    win, page = _followup(qtbot, book)
    page.select_action("ACME", "reminder")

    def agree(modal: QWidget) -> None:
        assert isinstance(modal, PlanDialog)
        assert modal.action.amount == Decimal("500.00") * 2  # F1 and F2, both overdue
        modal.count.setValue(2)
        modal.split()
        modal.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(agree)
    page.buttons["plan"].click()
    qtbot.waitUntil(lambda: ("ACME", "reminder") not in _steps(page))  # the plan holds the ladder
    viewers = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentViewer) and w.isVisible()
    ]
    assert viewers and viewers[-1].page_count() == 1
    viewers[-1].close()
    win.close()


def test_registered_letters_get_their_tracking_numbers(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    from services.core import history

    client_service.create_client({"code": "LATE", "name": "Late SARL", "kind": "pro"})
    invoice_service.create_invoice(
        {
            "number": "L1",
            "client": "LATE",
            "issue_date": "2026-01-01",
            "due_date": "2026-02-13",
            "total": "900.00",
        }
    )  # 30 days late: formal notice
    win = make_window(qtbot, book)
    win.nav.setCurrentRow(PAGE_FOLLOWUP)
    dialog = win.followup.prepare_letters()
    dialog.wait_ready()
    qtbot.waitUntil(lambda: dialog.viewer is not None, timeout=5000)
    assert any(letter.step == "formal_notice" for letter, _a, _p in dialog.written)

    def numbers(modal: QWidget) -> None:
        from PySide6.QtWidgets import QLineEdit

        modal.findChildren(QLineEdit)[0].setText("1A 000 111 2223 3")
        modal.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(numbers)
    dialog.record_button.click()
    l1 = invoice_service.get_invoice_by_number("L1").id
    [done] = [e for e in history.events_for("invoice", l1) if e.action == "step_done"]
    assert done.details["tracking_number"] == "1A 000 111 2223 3"
    dialog.close()
    win.close()


def test_a_hand_off_shows_the_letter_naming_the_agency(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue #13, point 8: the hand-off letter names whom the file went to, from what was
    entered with the hand-off, and says that payment goes there now."""
    from pypdf import PdfReader

    from ui.dunning_dialogs import HandOffDialog
    from ui.viewer import DocumentViewer

    win, page = _followup(qtbot, book)
    page.select_action("ACME", "reminder")

    def hand(modal: QWidget) -> None:
        assert isinstance(modal, HandOffDialog)
        modal.kind.setCurrentIndex(modal.kind.findData("agency"))
        modal.name.setText("Recouvre SA")
        modal.address.setText("4 quai Perrache, 69002 Lyon")
        modal.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(hand)
    page.buttons["handoff"].click()
    viewers = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentViewer) and w.isVisible()
    ]
    assert viewers, "the letter opens in the viewer"
    path = viewers[-1].path
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages).replace(
        "\u00a0", " "
    )
    assert "Recouvre SA, 4 quai Perrache, 69002 Lyon" in text
    assert "lui être adressés" in text and "F1" in text and "F2" in text
    viewers[-1].close()
    win.close()
