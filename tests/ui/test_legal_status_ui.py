"""GUI tests of issue #13, points 3 and 9: the client editor's legal form, register and
professional purchases; the company dialog's share capital, register and signatory."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from services.core import company
from services.ledger import clients as client_service
from ui.dialogs.client_dialog import ClientDialog
from ui.dialogs.company_dialog import CompanyDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _save(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def test_the_client_editor_saves_the_legal_status(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = ClientDialog(parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.fields["code"], "DUR")
    qtbot.keyClicks(dialog.fields["name"], "Paul Durand")
    assert dialog.legal_form.currentText() == "Not known"
    assert dialog.legal_form.findText("SCI — property holding company") >= 0
    assert not dialog.registered_as.isEnabled()  # only for a sole trader
    assert not dialog.acts_professionally.isEnabled()  # only for a non-profit
    dialog.legal_form.setCurrentIndex(dialog.legal_form.findData("ei"))
    assert dialog.registered_as.isEnabled()
    dialog.registered_as.setCurrentIndex(dialog.registered_as.findData("artisan"))
    _save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.banner.text()
    saved = client_service.get_client_by_code("DUR")
    assert (saved.legal_form, saved.registered_as) == ("ei", "artisan")

    again = ClientDialog(saved, window)
    qtbot.addWidget(again)
    assert again.legal_form.currentData() == "ei"
    assert again.registered_as.currentData() == "artisan"
    # a company form: the register is not the company's (disabled, saved empty)
    again.legal_form.setCurrentIndex(again.legal_form.findData("sarl"))
    assert not again.registered_as.isEnabled()
    assert again.values()["registered_as"] == ""
    # a consumer has no legal form
    again.kind.setCurrentIndex(again.kind.findData("consumer"))
    assert not again.legal_form.isEnabled() and again.values()["legal_form"] == ""
    again.kind.setCurrentIndex(again.kind.findData("nonprofit"))
    again.legal_form.setCurrentIndex(again.legal_form.findData("association"))
    assert again.acts_professionally.isEnabled()
    again.acts_professionally.setChecked(True)
    _save(qtbot, again)
    assert again.result() == QDialog.DialogCode.Accepted, again.banner.text()
    saved = client_service.get_client_by_code("DUR")
    assert (saved.kind, saved.legal_form, saved.registered_as, saved.acts_professionally) == (
        "nonprofit",
        "association",
        "",
        True,
    )


def test_the_company_dialog_asks_for_the_identification(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = CompanyDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.fields["name"], "Menuiserie Martin")
    qtbot.keyClicks(dialog.fields["legal_form"], "SARL")
    qtbot.keyClicks(dialog.fields["share_capital"], "8 000")
    qtbot.keyClicks(dialog.fields["siren"], "732829320")
    dialog.register_kind.setCurrentIndex(dialog.register_kind.findData("rcs"))
    qtbot.keyClicks(dialog.fields["signatory_name"], "Jeanne Martin")
    _save(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    text = dialog.banner.text()
    assert "registry" in text and "title" in text  # the town of the RCS, the signatory's title
    assert dialog.fields["register_city"].styleSheet() != ""
    assert dialog.fields["signatory_title"].styleSheet() != ""
    assert company.get_company().name == ""  # nothing written
    qtbot.keyClicks(dialog.fields["register_city"], "Lyon")
    dialog.fields["signatory_title"].setText("gérante")  # type: ignore[attr-defined]
    _save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.banner.text()
    saved = company.get_company()
    assert (saved.share_capital, saved.register_kind, saved.register_city) == (
        "8000.00",
        "rcs",
        "Lyon",
    )
    assert "RCS Lyon 732 829 320" in company.identification_lines(saved)
    again = CompanyDialog(window)
    qtbot.addWidget(again)
    assert again.register_kind.currentData() == "rcs"
    assert again.fields["share_capital"].text() == "8000,00"  # type: ignore[attr-defined]
