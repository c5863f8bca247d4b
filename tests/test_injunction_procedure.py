"""The injonction de payer as it is since 1 March 2022 (issue #13, point 6; shared/domain.md
§4.6): the hand-off records the request, the ordonnance and its service; the ordonnance,
issued with the formule exécutoire, must be served within 6 months (art. 1411 CPC); the
debtor may oppose for one month from service (art. 1416); then it is enforceable. The
abolished step "ask for the formule exécutoire within a month (art. 1423)" is never
computed any more."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from models import InvoiceHold
from services.core import db
from services.core.errors import UserError
from services.followup import dunning
from tests.service_fixtures import add_client, add_invoice, book  # noqa: F401

pytestmark = pytest.mark.usefixtures("book")


def _details(number: str = "F1") -> dict[str, str]:
    with db.reading() as s:
        [hold] = s.scalars(select(InvoiceHold).where(InvoiceHold.kind == "legal"))
        return dict(json.loads(hold.details))


def test_the_ordonnance_must_be_served_within_6_months_art_1411_domain_4_6() -> None:
    add_client("ACME")
    add_invoice("F1", issue="2025-06-01")
    dunning.hand_off_to_injunction(
        "F1",
        {"name": "Tribunal de commerce de Lyon"},
        filed=dt.date(2025, 10, 1),
        ordonnance=dt.date(2025, 10, 20),
        today=dt.date(2025, 11, 2),
    )
    details = _details()
    assert details["to"] == "injunction" and details["filed"] == "2025-10-01"
    assert details["serve_by"] == "2026-04-20"  # 6 months after the ordonnance
    assert "executory_request_by" not in details and "opposition_until" not in details


def test_once_served_one_month_to_oppose_then_enforceable_art_1416_domain_4_6() -> None:
    add_client("ACME")
    add_invoice("F1", issue="2025-06-01")
    dunning.hand_off_to_injunction(
        "F1", {"name": "TC Lyon"}, filed=dt.date(2025, 10, 1), today=dt.date(2025, 10, 1)
    )
    assert "serve_by" not in _details()  # no ordonnance yet: no deadline invented
    dunning.record_procedure("F1", ordonnance=dt.date(2025, 10, 20), today=dt.date(2025, 10, 25))
    assert _details()["serve_by"] == "2026-04-20"
    dunning.record_procedure("F1", served=dt.date(2025, 11, 3), today=dt.date(2025, 11, 5))
    details = _details()
    assert details["ordonnance"] == "2025-10-20" and details["served"] == "2025-11-03"
    assert details["opposition_until"] == "2025-12-03"
    assert details["enforceable_from"] == "2025-12-04"
    assert "serve_by" not in details  # served: that deadline is met


def test_the_procedures_dates_are_checked_naming_the_field() -> None:
    add_client("ACME")
    add_invoice("F1", issue="2025-06-01")
    add_invoice("F2", issue="2025-06-01")
    with pytest.raises(UserError) as caught:
        dunning.hand_off_to_injunction(
            "F1",
            {},
            filed=dt.date(2025, 10, 20),
            ordonnance=dt.date(2025, 10, 1),
            today=dt.date(2025, 11, 1),
        )
    assert caught.value.field == "ordonnance"
    with pytest.raises(UserError) as caught:
        dunning.hand_off_to_injunction(
            "F1", {}, served=dt.date(2025, 12, 1), today=dt.date(2025, 11, 1)
        )
    assert caught.value.field == "served"
    with db.reading() as s:  # nothing was written
        assert s.scalars(select(InvoiceHold)).all() == []
    dunning.hand_off("F2", "agency", {"name": "Recouvre"})
    with pytest.raises(UserError) as caught:
        dunning.record_procedure("F2", served=dt.date(2025, 11, 1), today=dt.date(2025, 11, 2))
    assert caught.value.field == "invoice" and "F2" in caught.value.render()


@pytest.mark.gui
def test_the_hand_off_dialog_says_the_2022_procedure(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from ui import format as fmt
    from ui import i18n
    from ui.dunning_dialogs import HandOffDialog

    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    add_client("ACME")
    add_invoice("F1", issue="2025-06-01")
    dialog = HandOffDialog(["F1"])
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("injunction"))
    assert "6 months" in dialog.deadlines.text()
    dialog.ordonnance.set_value(dt.date(2025, 10, 20))
    assert fmt.date(dt.date(2026, 4, 20)) in dialog.deadlines.text()  # 6 months after it
    assert "1411" in dialog.deadlines.text()
    dialog.served.set_value(dt.date(2025, 11, 3))
    text = dialog.deadlines.text()
    assert fmt.date(dt.date(2025, 12, 3)) in text and fmt.date(dt.date(2025, 12, 4)) in text
    assert "ask for the formule" not in text


def test_the_alerts_follow_the_procedures_deadlines_domain_4_6() -> None:
    from services.followup import alerts

    add_client("ACME")
    add_invoice("F1", issue="2025-06-01", total="900.00")
    dunning.hand_off_to_injunction(
        "F1", {"name": "TC Lyon"}, ordonnance=dt.date(2025, 10, 20), today=dt.date(2025, 10, 25)
    )

    def kinds(day: dt.date) -> list[tuple[str, str]]:
        return [
            (a.kind, a.render()) for a in alerts.alerts(day) if a.kind.startswith("injunction_")
        ]

    assert kinds(dt.date(2026, 3, 20)) == []  # 31 days before the deadline: nothing yet
    [(kind, text)] = kinds(dt.date(2026, 3, 21))  # 30 days before 2026-04-20
    assert kind == "injunction_serve" and "2026-04-20" in text and "2025-10-20" in text
    dunning.record_procedure("F1", served=dt.date(2026, 4, 2), today=dt.date(2026, 4, 2))
    assert kinds(dt.date(2026, 4, 3)) == []  # served: the month to oppose runs
    assert kinds(dt.date(2026, 5, 2)) == []  # its last day
    [(kind, text)] = kinds(dt.date(2026, 5, 3))
    assert kind == "injunction_enforceable" and "2026-05-02" in text and "2026-05-03" in text


def test_the_procedure_command_records_the_dates_and_shows_the_deadlines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.helpers_cli import run_cli

    add_client("ACME")
    add_invoice("F1", issue="2024-06-01")
    dunning.hand_off_to_injunction("F1", {"name": "TC Lyon"}, filed=dt.date(2025, 1, 10))
    path = db.current().path
    assert path is not None
    db.close()  # the command line opens the book itself
    try:
        run = run_cli(capsys, path, "procedure", "--invoice", "f1", "--ordonnance", "2025-01-20")
        assert run.code == 0, run.err
        assert "serve by: 2025-07-20" in run.out and "filed: 2025-01-10" in run.out
        run = run_cli(capsys, path, "procedure", "--invoice", "F1", "--served", "2025-02-03")
        assert "opposition until: 2025-03-03" in run.out and "serve by" not in run.out
        payload = run_cli(capsys, path, "procedure", "--invoice", "F1", "--json").json()
        assert payload["enforceable_from"] == "2025-03-04" and payload["procedure"] is True
        run = run_cli(capsys, path, "procedure", "--invoice", "F1", "--served", "2025-01-05")
        assert run.code == 1 and "Served" in run.err  # before the ordonnance: named, refused
    finally:
        db.open_database(path)


@pytest.mark.gui
def test_the_invoice_editor_records_the_procedures_dates(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from services.ledger import invoices
    from ui import i18n
    from ui.dialogs.invoice_dialog import InvoiceDialog
    from ui.dunning_dialogs import ProcedureDialog

    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    add_client("ACME")
    first = add_invoice("F1", issue="2024-06-01")
    second = add_invoice("F2", issue="2024-06-01")
    dunning.hand_off_to_injunction("F1", {"name": "TC Lyon"}, filed=dt.date(2025, 1, 10))
    editor = InvoiceDialog(invoices.get_invoice(second.id))
    qtbot.addWidget(editor)
    assert editor.procedure_button.isHidden()  # F2 is not in a procedure
    editor = InvoiceDialog(invoices.get_invoice(first.id))
    qtbot.addWidget(editor)
    assert not editor.procedure_button.isHidden()
    dialog = ProcedureDialog("F1")
    qtbot.addWidget(dialog)
    assert dialog.filed.value() == dt.date(2025, 1, 10) and dialog.ordonnance.value() is None
    dialog.ordonnance.set_value(dt.date(2025, 1, 20))
    assert "1411" in dialog.deadlines.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert _details()["serve_by"] == "2025-07-20"
