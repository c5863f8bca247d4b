"""GUI tests of the follow-up settings: dunning scenarios, alert settings, and the
follow-up tab of a client."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QMessageBox

from services.core import clock, db, settings
from services.followup import dunning
from services.ledger import clients as client_service
from tests.ui.conftest import WINDOW_TODAY
from ui.dialogs.client_dialog import ClientDialog
from ui.dialogs.scenario_dialog import COL_PENALTIES, ScenarioDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui
TODAY = WINDOW_TODAY  # the ``window`` fixture's day (tests/ui/conftest.py)


def _scenario_dialog(qtbot, window: MainWindow) -> ScenarioDialog:  # type: ignore[no-untyped-def]
    dialog = ScenarioDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type_offset(qtbot, dialog: ScenarioDialog, row: int, days: int) -> None:  # type: ignore[no-untyped-def]
    box = dialog.offset_box(row)
    box.setFocus()
    box.selectAll()  # the number, not the " days" suffix
    qtbot.keyClicks(box, str(days))


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_scenario_dialog_edits_the_business_default(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = _scenario_dialog(qtbot, window)
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert titles == [
        "Default — Business",
        "Default — Consumer",
        "Default — Non-profit body",
        "Default — Public buyer",
    ]
    assert dialog.current_scenario().client_kind == "pro"  # type: ignore[union-attr]
    assert dialog.offset_box(1).value() == 5
    assert dialog.action_box(1).currentText() == "Reminder"
    assert dialog.channel_box(1).currentText() == "Letter"
    assert "J+5" in dialog.offset_box(1).toolTip()
    assert "J−5" in dialog.offset_box(0).toolTip()
    assert not dialog.save_button.isEnabled()  # nothing changed yet

    _type_offset(qtbot, dialog, 1, 8)
    assert dialog.offset_box(1).value() == 8
    assert "J+8" in dialog.offset_box(1).toolTip()
    assert dialog.save_button.isEnabled()
    _click(qtbot, dialog.save_button)
    assert not dialog.banner.isVisible(), dialog.banner.text()
    steps = dunning.default_steps("pro")
    assert [s.offset_days for s in steps] == [-5, 8, 15, 22, 30, 45, 60]
    assert steps[1].action == "reminder" and not steps[1].with_penalties
    assert dunning.default_steps("nonprofit")[1].offset_days == 5  # its own default, untouched

    # two steps at the same offset: an error, nothing saved, nothing lost from the table
    _type_offset(qtbot, dialog, 2, 8)
    _click(qtbot, dialog.save_button)
    assert dialog.banner.isVisible()
    assert "same offset" in dialog.banner.text()
    assert "8" in dialog.banner.text()
    assert dialog.offset_box(2).styleSheet() != ""
    assert [s.offset_days for s in dunning.default_steps("pro")] == [-5, 8, 15, 22, 30, 45, 60]
    assert [s.offset_days for s in dialog.steps()] == [-5, 8, 8, 22, 30, 45, 60]

    # the built-in defaults come back in the table, and are saved with Save
    _click(qtbot, dialog.restore_button)
    built_in = [s.offset_days for s in dunning.DEFAULT_STEPS["pro"]]
    assert [s.offset_days for s in dialog.steps()] == built_in
    _click(qtbot, dialog.save_button)
    assert dunning.default_steps("pro") == dunning.DEFAULT_STEPS["pro"]


def test_scenario_dialog_adds_removes_and_edits_steps(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = _scenario_dialog(qtbot, window)
    dialog.list.setCurrentRow(3)  # public buyer
    assert dialog.current_scenario().client_kind == "public"  # type: ignore[union-attr]
    count = dialog.table.rowCount()
    _click(qtbot, dialog.add_button)
    assert dialog.table.rowCount() == count + 1
    last = dialog.table.rowCount() - 1
    assert dialog.offset_box(last).value() == 65  # 15 days after the last step
    dialog.action_box(last).setCurrentIndex(dialog.action_box(last).findData("small_claims"))
    dialog.channel_box(last).setCurrentIndex(dialog.channel_box(last).findData("registered_letter"))
    _click(qtbot, dialog.save_button)
    saved = dunning.default_steps("public")
    assert saved[-1] == dunning.Step(65, "small_claims", "registered_letter", True)

    dialog.table.setCurrentCell(0, COL_PENALTIES)
    _click(qtbot, dialog.remove_button)
    _click(qtbot, dialog.save_button)
    assert [s.offset_days for s in dunning.default_steps("public")] == [20, 35, 50, 65]


def test_named_scenario_is_created_renamed_and_deleted(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch
) -> None:
    dialog = _scenario_dialog(qtbot, window)
    changed: list[bool] = []
    dialog.changed.connect(lambda: changed.append(True))
    dialog.list.setCurrentRow(1)  # consumer
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Slow payers", True))
    _click(qtbot, dialog.new_button)
    assert not dialog.banner.isVisible(), dialog.banner.text()
    row = dialog.current_scenario()
    assert row is not None and row.client_kind is None and row.name == "Slow payers"
    assert dialog.list.currentItem().text() == "Slow payers"
    assert row.steps == dunning.DEFAULT_STEPS["consumer"]
    assert dialog.delete_button.isEnabled() and not dialog.restore_button.isEnabled()
    assert changed

    # a second one with the same name is refused
    dialog.list.setCurrentRow(0)
    _click(qtbot, dialog.new_button)
    assert "already exists" in dialog.banner.text()
    assert len(dunning.scenarios()) == 5

    dialog.list.setCurrentRow(4)
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Very slow payers")
    _click(qtbot, dialog.save_button)
    assert [s.name for s in dunning.scenarios()][4] == "Very slow payers"

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    _click(qtbot, dialog.delete_button)
    assert len(dunning.scenarios()) == 5  # said no
    _click(qtbot, dialog.delete_button)
    assert len(dunning.scenarios()) == 4
    assert dialog.list.count() == 4


def test_leaving_a_changed_scenario_asks_first(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = _scenario_dialog(qtbot, window)
    _type_offset(qtbot, dialog, 1, 9)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    dialog.list.setCurrentRow(2)
    assert dialog.list.currentRow() == 0  # cancelled: still on the changed one
    assert dialog.offset_box(1).value() == 9
    dialog.list.setCurrentRow(2)
    assert dialog.current_scenario().client_kind == "nonprofit"  # type: ignore[union-attr]
    assert dunning.default_steps("pro")[1].offset_days == 5

    # answered "Save": saved, and shown as saved when coming back
    _type_offset(qtbot, dialog, 1, 6)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    dialog.list.setCurrentRow(0)
    assert dunning.default_steps("nonprofit")[1].offset_days == 6
    assert dialog.offset_box(1).value() == 5  # the business default
    dialog.list.setCurrentRow(2)
    assert dialog.offset_box(1).value() == 6
    assert not dialog.save_button.isEnabled()


def test_settings_turn_an_alert_kind_off_and_change_due_soon_days(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    assert settings.read().kinds_off == set()
    dialog = SettingsDialog(window.database, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.due_soon.value() == settings.read().due_soon_days == 7
    assert dialog.grace.value() == settings.read().grace_days
    assert all(check.isChecked() for check in dialog.alert_kinds.values())
    assert dialog.alert_kinds["missing_proof"].text() == "Overdue, proof missing"

    _click(qtbot, dialog.alert_kinds["missing_proof"])
    assert not dialog.alert_kinds["missing_proof"].isChecked()
    dialog.due_soon.setFocus()
    dialog.due_soon.selectAll()
    qtbot.keyClicks(dialog.due_soon, "14")
    dialog.grace.setFocus()
    dialog.grace.selectAll()
    qtbot.keyClicks(dialog.grace, "5")
    _click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = settings.read()
    assert saved.kinds_off == {"missing_proof"}
    assert saved.due_soon_days == 14
    assert saved.grace_days == 5

    again = SettingsDialog(window.database, window)
    qtbot.addWidget(again)
    assert not again.alert_kinds["missing_proof"].isChecked()
    assert again.alert_kinds["due_soon"].isChecked()
    assert again.due_soon.value() == 14


def test_settings_open_the_scenario_editor(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[ScenarioDialog] = []
    monkeypatch.setattr(ScenarioDialog, "exec", lambda self: opened.append(self) or 0)
    dialog = SettingsDialog(window.database, window)
    qtbot.addWidget(dialog)
    _click(qtbot, dialog.scenarios_button)
    assert len(opened) == 1


def test_client_follow_up_tab_saves_insurance_scenario_and_procedure(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    scenario_id = dunning.save_scenario("Slow payers", list(dunning.DEFAULT_STEPS["consumer"]))
    client = client_service.create_client(
        {"code": "BOUL", "name": "Boulangerie Émile", "kind": "pro"}
    )
    dunning.log_contact(
        client.id,
        dt.date(2026, 2, 20),
        person="Mme Durand",
        outcome="Will pay on Friday",
        note="Invoice was misplaced",
    )

    dialog = ClientDialog(client_service.get_client(client.id), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(dialog.followup_tab)
    assert dialog.scenario.currentText() == "Default for its kind"
    assert [dialog.scenario.itemText(i) for i in range(dialog.scenario.count())] == [
        "Default for its kind",
        "Slow payers",
    ]
    assert dialog.contacts.topLevelItemCount() == 1
    call = dialog.contacts.topLevelItem(0)
    assert [call.text(c) for c in (1, 2, 3)] == [
        "Mme Durand",
        "Will pay on Friday",
        "Invoice was misplaced",
    ]

    dialog.scenario.setCurrentIndex(dialog.scenario.findData(scenario_id))
    qtbot.keyClicks(dialog.fields["insurer"], "Allianz Trade")
    qtbot.keyClicks(dialog.fields["insurance_days"], "400")
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    dialog.tabs.setCurrentIndex(0)
    _click(qtbot, save)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Days to declare an unpaid invoice" in dialog.banner.text()
    assert dialog.fields["insurance_days"].styleSheet() != ""
    assert dialog.tabs.currentIndex() == dialog.followup_tab  # the bad field is shown
    assert client_service.get_client(client.id).insurer == ""  # nothing written

    dialog.fields["insurance_days"].clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.fields["insurance_days"], "60")
    assert dialog.procedure is not None
    _click(qtbot, dialog.procedure.check)
    dialog.procedure.edit.set_value(dt.date(2026, 2, 25))
    values = dialog.values()
    assert values["insurer"] == "Allianz Trade"
    assert values["insurance_days"] == "60"
    assert values["scenario_id"] == scenario_id
    _click(qtbot, save)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.banner.text()
    saved = client_service.get_client(client.id)
    assert saved.insurer == "Allianz Trade"
    assert saved.insurance_days == 60
    assert saved.scenario_id == scenario_id
    assert saved.collective_procedure_on == dt.date(2026, 2, 25)
    assert dialog.saved is not None and dialog.saved.collective_procedure_on == dt.date(2026, 2, 25)

    # reopened: the values come back; clearing the days and the procedure removes them
    again = ClientDialog(saved, window)
    qtbot.addWidget(again)
    again.show()
    again.tabs.setCurrentIndex(again.followup_tab)
    assert again.scenario.currentData() == scenario_id
    assert again.fields["insurance_days"].text() == "60"  # type: ignore[attr-defined]
    assert again.procedure is not None and again.procedure.value() == dt.date(2026, 2, 25)
    again.fields["insurance_days"].clear()  # type: ignore[attr-defined]
    _click(qtbot, again.procedure.check)
    again.scenario.setCurrentIndex(0)
    assert again.values()["insurance_days"] == ""
    assert again.values()["scenario_id"] is None
    _click(qtbot, again.buttons.button(again.buttons.StandardButton.Save))
    assert again.result() == QDialog.DialogCode.Accepted, again.banner.text()
    cleared = client_service.get_client(client.id)
    assert cleared.insurance_days is None
    assert cleared.scenario_id is None
    assert cleared.collective_procedure_on is None


def test_new_client_gets_a_scenario_and_an_insurer(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    scenario_id = dunning.save_scenario("Slow payers", list(dunning.DEFAULT_STEPS["pro"]))
    dialog = ClientDialog(parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.procedure is None  # only for a client already recorded
    qtbot.keyClicks(dialog.fields["code"], "GARAGE")
    qtbot.keyClicks(dialog.fields["name"], "Garage du Centre")
    dialog.scenario.setCurrentIndex(dialog.scenario.findData(scenario_id))
    qtbot.keyClicks(dialog.fields["insurer"], "Coface")
    qtbot.keyClicks(dialog.fields["insurance_days"], "90")
    _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.banner.text()
    saved = client_service.get_client_by_code("GARAGE")
    assert (saved.insurer, saved.insurance_days, saved.scenario_id) == ("Coface", 90, scenario_id)


def test_the_late_charges_settings(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt
    from decimal import Decimal

    from PySide6.QtWidgets import QDialogButtonBox

    from services.followup import rates
    from ui.dialogs.charges_dialog import ChargesDialog

    clock.freeze(dt.date(2026, 7, 10))
    db.open_database(tmp_path / "charges.db")
    try:
        dialog = ChargesDialog()
        qtbot.addWidget(dialog)
        # the shipped half-years, 2015-H1 to 2026-H1 (issue #13), each with its source
        assert dialog.legal.topLevelItemCount() == 23
        assert dialog.legal.topLevelItem(0).text(0) == "2026-H1"
        assert "juriblio" in dialog.legal.topLevelItem(0).text(3)
        assert dialog.ecb.topLevelItemCount() == 24
        qtbot.keyClicks(dialog.half, "2026-H2")
        qtbot.keyClicks(dialog.pro, "2,50")
        qtbot.keyClicks(dialog.individual, "6,40")
        dialog._add_legal()  # no official reference: refused (issue #13)
        assert "Official reference" in dialog.banner.text()
        assert dialog.legal.topLevelItemCount() == 23
        dialog.legal_reference.setText("arrêté du 23 juin 2026")  # QTest types ASCII only
        dialog._add_legal()
        assert dialog.legal.topLevelItemCount() == 24
        assert dialog.legal.topLevelItem(0).text(3) == "arrêté du 23 juin 2026"
        assert rates.legal_rate(dt.date(2026, 9, 1)) == rates.Rate(Decimal("2.50"), True)
        dialog.ecb_rate.setText("abc")
        qtbot.keyClicks(dialog.ecb_reference, "ECB decision of 9 July 2026")
        dialog._add_ecb()
        assert "is not a rate" in dialog.banner.text()
        dialog.ecb_rate.setText("31")
        dialog._add_ecb()
        assert "between 0 and 30" in dialog.banner.text()
        dialog.ecb_rate.setText("2,40")
        dialog._add_ecb()
        assert dialog.ecb.topLevelItem(0).text(2) == "ECB decision of 9 July 2026"
        assert not settings.read().payments_to_penalties_first
        dialog.penalties_first.setChecked(True)
        dialog.contract.setText("12,5")
        assert not dialog.mediator_warning.isHidden()  # none set: L616-1 (issue #13, point 8)
        qtbot.keyClicks(dialog.mediator, "CM2C, 49 rue de Ponthieu, Paris")
        assert dialog.mediator_warning.isHidden()
        dialog.window_fields["x"].setValue(20)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        saved = settings.read()
        assert saved.contractual_rate == Decimal("12.50")
        assert saved.mediator == "CM2C, 49 rue de Ponthieu, Paris"
        assert saved.window["x"] == 20
        assert saved.payments_to_penalties_first
    finally:
        clock.freeze(None)
        db.close()


def test_the_letter_texts_editor(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from services.paper import letters
    from ui.dialogs.templates_dialog import TemplatesDialog

    db.open_database(tmp_path / "texts.db")
    try:
        dialog = TemplatesDialog()
        qtbot.addWidget(dialog)
        dialog.step.setCurrentIndex(dialog.step.findData("formal_notice"))
        assert dialog.subject.text() == "Mise en demeure de payer"
        assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
        dialog.body.setPlainText("Cher {client}, payez.")
        dialog.render_preview()
        assert "{client}" in dialog.banner.text() and not dialog.banner.isHidden()
        assert not dialog.save()
        dialog.body.setPlainText(
            "Madame, Monsieur {client_name}, réglez {total_due} avant le {deadline}."
        )
        dialog.render_preview()
        assert dialog.banner.isHidden()
        assert dialog.save()
        assert letters.template(settings.read(), "fr", "formal_notice")[1].startswith(
            "Madame, Monsieur {client_name}"
        )
        dialog.restore()
        assert letters.template(settings.read(), "fr", "formal_notice") == letters.default_template(
            "fr", "formal_notice"
        )
        assert dialog.body.toPlainText() == letters.default_template("fr", "formal_notice")[1]
    finally:
        db.close()


def test_settings_set_the_csv_import_limits_that_imports_obey(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path, monkeypatch
) -> None:
    """Issue #11 point 5: the per-value limit of a CSV import is a setting, chosen in
    Settings; a value beyond it is refused with its line, nothing is imported."""
    from services.ledger import imports

    dialog = SettingsDialog(window.database, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.import_file_mb.value(), dialog.import_field_kib.value()) == (
        settings.DEFAULT_MAX_FILE_MB,
        settings.DEFAULT_MAX_FIELD_KIB,
    )
    dialog.import_field_kib.setFocus()
    dialog.import_field_kib.selectAll()
    qtbot.keyClicks(dialog.import_field_kib, "1")
    _click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.read().import_limits[1] == 1024

    csv = tmp_path / "clients.csv"
    csv.write_text("code,name,kind,notes\nBIG,Big SARL,pro," + "x" * 2000 + "\n", encoding="utf-8")
    from services.core.errors import UserError

    with pytest.raises(UserError, match="line 2 of .* over the limit of 1 KiB"):
        imports.import_file("clients", csv)
    assert client_service.list_clients(client_service.ClientQuery()) == []

    again = SettingsDialog(window.database, window)
    qtbot.addWidget(again)
    assert again.import_field_kib.value() == 1


def test_an_import_limit_out_of_range_is_refused_and_nothing_is_saved(window: MainWindow) -> None:
    from services.core.errors import UserError

    with pytest.raises(UserError, match="Largest value in a cell"):
        settings.save({"due_soon_days": 12, "import_max_field_kib": 0})
    assert settings.read().due_soon_days == 7  # all or nothing
    assert settings.read().import_limits[1] == settings.DEFAULT_MAX_FIELD_KIB * 1024
