"""The letters dialog refuses to print or save a provisional amount (issue #13, point 1;
shared/domain.md §2.2–2.3): late charges computed with a rate not entered yet are printed only
once the owner enters the rate (and prepares the letters again) or confirms them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from services.core import clock, db
from services.followup import rates
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from ui import i18n
from ui.letters_dialog import LettersDialog

pytestmark = pytest.mark.gui
#: 2026-H2: neither the ECB rate of 1 July nor the legal rates are shipped
TODAY = dt.date(2026, 7, 20)


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Path]:
    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    clock.freeze(TODAY)
    path = tmp_path / "book.db"
    db.open_database(path)
    client_service.create_client({"code": "ACME", "name": "Acme", "kind": "pro"})
    invoice_service.create_invoice(
        {
            "number": "F1",
            "client": "ACME",
            "issue_date": "2026-06-05",
            "due_date": "2026-07-05",
            "total": "1000.00",
        }
    )  # 15 days late: the reminder with penalties
    yield path
    clock.freeze(None)
    db.close()


def _dialog(qtbot) -> LettersDialog:  # type: ignore[no-untyped-def]
    dialog = LettersDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.wait_ready()
    qtbot.waitUntil(lambda: dialog.viewer is not None, timeout=5000)
    return dialog


def test_a_provisional_amount_is_not_printed_until_confirmed(
    qtbot, book: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    [(letter, _action, _path)] = dialog.written
    assert letter.with_penalties and letter.invoices[0].charges is not None
    assert letter.invoices[0].charges.provisional
    assert dialog.provisional_codes == ["ACME"]
    assert "provisional" in dialog.summary.text() and "ACME" in dialog.summary.text()
    assert dialog.confirm_provisional.isVisibleTo(dialog)
    for button in (dialog.print_button, dialog.save_button, dialog.record_button):
        assert not button.isEnabled()
    assert dialog.save(str(tmp_path / "refused")) is None
    assert not (tmp_path / "refused").exists()
    dialog.confirm_provisional.setChecked(True)
    for button in (dialog.print_button, dialog.save_button, dialog.record_button):
        assert button.isEnabled()
    assert dialog.save(str(tmp_path / "confirmed")) is not None
    dialog.close()


def test_once_the_rates_are_entered_the_letters_print_at_once(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    rates.add_legal_rate("2026-H2", "2.75", "6.84", "arrêté of June 2026")
    rates.confirm_ecb_until(TODAY, "ECB meeting of 11 June 2026: rates unchanged")
    dialog = _dialog(qtbot)
    [(letter, _action, _path)] = dialog.written
    assert letter.invoices[0].charges is not None
    assert not letter.invoices[0].charges.provisional
    assert dialog.provisional_codes == [] and not dialog.confirm_provisional.isVisibleTo(dialog)
    for button in (dialog.print_button, dialog.save_button, dialog.record_button):
        assert button.isEnabled()
    dialog.close()


def test_the_rates_missing_alert_opens_where_the_rates_are_entered(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from services.followup import alerts
    from ui.alerts_panel import AlertListDialog
    from ui.dialogs.charges_dialog import ChargesDialog
    from ui.labels import ALERT_KINDS, label

    assert label(ALERT_KINDS, "rates_missing") == "Rates not entered"
    found = alerts.find(TODAY)
    shown = alerts.dress(found, found.of_kind("rates_missing"))
    assert [a.params["half"] for a in shown] == ["2026-H2"]
    dialog = AlertListDialog("rates_missing", shown)
    qtbot.addWidget(dialog)
    opened: list[object] = []

    def close_it() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, close_it)
            return
        opened.append(modal)
        modal.close()

    QTimer.singleShot(20, close_it)
    dialog._open()
    assert len(opened) == 1 and isinstance(opened[0], ChargesDialog)


def test_the_rate_warning_is_in_the_users_language(qtbot, book: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue #13, point 1: "Warnings are translated" — the letters dialog of a French window
    gives the warning about the rate not entered in French."""
    i18n.install(QApplication.instance(), "fr")  # type: ignore[arg-type]
    try:
        dialog = _dialog(qtbot)
        text = dialog.summary.text()
        assert "2026-H2" in text and "provisoire" in text, text
        assert "no rate is known" not in text
    finally:
        i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
