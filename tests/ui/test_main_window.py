"""GUI tests: real widgets driven with qtbot, offscreen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from services.core import db
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from tests.ui.conftest import WINDOW_TODAY, settle
from ui import i18n
from ui.dialogs.client_dialog import ClientDialog
from ui.dialogs.invoice_dialog import InvoiceDialog
from ui.dialogs.payment_dialog import PaymentDialog
from ui.main_window import PAGE_CLIENTS, PAGE_INVOICES, PAGE_PAYMENTS, PAGE_WELCOME, MainWindow

pytestmark = pytest.mark.gui
TODAY = WINDOW_TODAY  # the ``window`` fixture's day (tests/ui/conftest.py)


def _fill_client(qtbot, dialog: ClientDialog, **values: str) -> None:  # type: ignore[no-untyped-def]
    for name, value in values.items():
        widget = dialog.fields[name]
        widget.clear()  # type: ignore[attr-defined]
        qtbot.keyClicks(widget, value)


def test_empty_book_opens_on_the_welcome_page(window: MainWindow) -> None:
    assert window.stack.currentIndex() == PAGE_WELCOME
    assert window.welcome.demo_button.isVisible()


def test_client_with_invalid_siren_is_refused_then_accepted(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = ClientDialog(parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_client(qtbot, dialog, code="BOUL", name="Boulangerie Émile", siren="404833047")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.banner.isVisible()
    assert "SIREN" in dialog.banner.text()
    assert "check digits" in dialog.banner.text()
    assert dialog.fields["siren"].styleSheet() != ""
    assert client_service.count_clients(client_service.ClientQuery()) == 0  # nothing written

    _fill_client(qtbot, dialog, siren="404833048")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = client_service.get_client_by_code("BOUL")
    assert saved.siren == "404833048"
    assert saved.name == "Boulangerie Émile"


def test_invoice_with_terms_then_partial_payment_shows_balance(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    client = client_service.create_client(
        {"code": "BOUL", "name": "Boulangerie Émile", "kind": "pro"}
    )

    invoice_dialog = InvoiceDialog(parent=window)
    qtbot.addWidget(invoice_dialog)
    invoice_dialog.show()
    qtbot.keyClicks(invoice_dialog.number, "F-2026-001")
    invoice_dialog.client.set_client(client.id)
    invoice_dialog.issue_date.set_value(dt.date(2026, 1, 15))
    qtbot.keyClicks(invoice_dialog.terms, "45 jours fin de mois")
    # shared/domain.md §1.2 method A: EOM(15 Jan + 45 days) = 31 March
    assert invoice_dialog.due_date.value() == dt.date(2026, 3, 31)
    qtbot.keyClicks(invoice_dialog.total, "1 200,00")
    qtbot.mouseClick(
        invoice_dialog.buttons.button(invoice_dialog.buttons.StandardButton.Save),
        Qt.MouseButton.LeftButton,
    )
    assert invoice_dialog.result() == QDialog.DialogCode.Accepted, invoice_dialog.banner.text()
    invoice = invoice_service.get_invoice_by_number("F-2026-001")
    assert invoice.due_date == dt.date(2026, 3, 31)
    assert invoice.total == Decimal("1200.00")

    payment_dialog = PaymentDialog(parent=window)
    qtbot.addWidget(payment_dialog)
    payment_dialog.show()
    payment_dialog.client.set_client(client.id)
    payment_dialog.date.set_value(dt.date(2026, 2, 20))
    qtbot.keyClicks(payment_dialog.amount, "450,50")
    qtbot.mouseClick(
        payment_dialog.buttons.button(payment_dialog.buttons.StandardButton.Save),
        Qt.MouseButton.LeftButton,
    )
    assert payment_dialog.result() == QDialog.DialogCode.Accepted, payment_dialog.banner.text()

    settle(qtbot)
    window.nav.setCurrentRow(PAGE_INVOICES)
    model = window.invoices.model
    assert model.rowCount() == 1
    row = model.row_at(0)
    assert row.balance == Decimal("749.50")
    balance_col = [c.header for c in model.columns].index("Balance")
    assert model.data(model.index(0, balance_col)) == "€749.50"

    window.nav.setCurrentRow(PAGE_CLIENTS)
    cmodel = window.clients.model
    col = [c.header for c in cmodel.columns].index("Balance")
    assert cmodel.data(cmodel.index(0, col)) == "€749.50"


def test_search_as_you_type_filters_the_invoice_list(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    a = client_service.create_client({"code": "A1", "name": "Garage Müller"})
    b = client_service.create_client({"code": "B2", "name": "Café de la Gare"})
    for number, cid in (("F1", a.id), ("F2", b.id), ("F3", b.id)):
        invoice_service.create_invoice(
            {"number": number, "client_id": cid, "issue_date": "2026-01-10", "total": "100"}
        )
    settle(qtbot)
    window.nav.setCurrentRow(PAGE_INVOICES)
    assert window.invoices.model.rowCount() == 3
    window.invoices.focus_search()
    qtbot.keyClicks(window.invoices.search, "cafe")
    qtbot.waitUntil(lambda: window.invoices.model.rowCount() == 2)
    assert {r.number for r in (window.invoices.model.row_at(i) for i in range(2))} == {"F2", "F3"}
    assert "2 documents" in window.invoices.count_label.text()


def test_delete_key_asks_and_refuses_client_with_invoices(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    client = client_service.create_client({"code": "A1", "name": "Garage Müller"})
    invoice_service.create_invoice(
        {"number": "F1", "client_id": client.id, "issue_date": "2026-01-10", "total": "100"}
    )
    settle(qtbot)
    window.nav.setCurrentRow(PAGE_CLIENTS)
    questions: list[str] = []
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: questions.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    table = window.clients.table
    table.selectRow(0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert questions and "A1" in questions[0]
    assert warnings and "cannot be deleted" in warnings[0]
    assert client_service.count_clients(client_service.ClientQuery()) == 1


def test_welcome_demo_button_fills_the_lists(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == PAGE_INVOICES
    assert window.invoices.model.total >= 300
    window.nav.setCurrentRow(PAGE_CLIENTS)
    assert window.clients.model.total >= 30
    window.nav.setCurrentRow(PAGE_PAYMENTS)
    assert window.payments.model.total > 0
    # the list shows a first page only: never the whole book at once
    assert window.invoices.model.loaded_count() <= window.invoices.model.page_size


def test_french_translation_is_loaded(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    try:
        i18n.install(app, "fr")  # type: ignore[arg-type]
        db.open_database(tmp_path / "fr.db")
        win = MainWindow(str(tmp_path / "fr.db"))
        qtbot.addWidget(win)
        assert win.nav.item(1).text() == "Clients"
        assert win.nav.item(2).text() == "Factures"
        assert win.welcome.demo_button.text() == "Découvrir avec des données de démonstration"
        win.close()
    finally:
        i18n.install(app, "en")  # type: ignore[arg-type]
        db.close()


def test_filters_client_status_and_date_range(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    a = client_service.create_client({"code": "A1", "name": "Garage Müller"})
    b = client_service.create_client({"code": "B2", "name": "Café de la Gare"})
    invoice_service.create_invoice(
        {
            "number": "F1",
            "client_id": a.id,
            "issue_date": "2025-12-01",
            "total": "100",
            "terms": "30 jours",
        }
    )  # overdue on 2 March
    invoice_service.create_invoice(
        {
            "number": "F2",
            "client_id": b.id,
            "issue_date": "2026-02-20",
            "total": "200",
            "terms": "30 jours",
        }
    )  # not due yet
    settle(qtbot)
    window.nav.setCurrentRow(PAGE_CLIENTS)
    window.clients.table.selectRow(
        [window.clients.model.row_at(i).code for i in range(2)].index("A1")
    )
    qtbot.mouseClick(window.clients.invoices_button, Qt.MouseButton.LeftButton)
    page = window.invoices
    assert window.stack.currentIndex() == PAGE_INVOICES
    assert [page.model.row_at(i).number for i in range(page.model.rowCount())] == ["F1"]
    page.client_filter.setCurrentIndex(0)  # all clients
    page.status.setCurrentIndex(page.status.findData("overdue"))
    assert [page.model.row_at(i).number for i in range(page.model.rowCount())] == ["F1"]
    page.status.setCurrentIndex(0)
    page.date_from.set_value(dt.date(2026, 2, 1))
    page.date_to.set_value(dt.date(2026, 2, 28))
    page.use_dates.setChecked(True)
    assert [page.model.row_at(i).number for i in range(page.model.rowCount())] == ["F2"]
    # sorting is done by the service: click the Total header twice
    page.use_dates.setChecked(False)
    col = [c.header for c in page.model.columns].index("Total")
    page.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    assert [page.model.row_at(i).number for i in range(2)] == ["F1", "F2"]
    page.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    assert [page.model.row_at(i).number for i in range(2)] == ["F2", "F1"]


def test_overpayment_is_kept_as_credit_after_confirmation(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from services.ledger import payments as payment_service

    client = client_service.create_client({"code": "A1", "name": "Garage Müller"})
    invoice_service.create_invoice(
        {"number": "F1", "client_id": client.id, "issue_date": "2026-01-10", "total": "100"}
    )
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answers.pop(0)
    )
    dialog = PaymentDialog(parent=window, client_id=client.id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.amount, "150")
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # answered No: nothing recorded
    assert "more than" in asked[0] and "50.00" in asked[0]
    assert payment_service.count_payments(payment_service.PaymentQuery()) == 0
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # answered Yes
    assert dialog.result() == QDialog.DialogCode.Accepted
    payment = payment_service.list_payments(payment_service.PaymentQuery())[0]
    assert payment.unallocated == Decimal("50.00")
    assert invoice_service.get_invoice_by_number("F1").balance == Decimal("0.00")


def test_the_new_button_opens_an_invoice_dialog_of_kind_invoice(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The invoices list's New button: PySide6 passed the button's ``checked`` (False) as the
    kind, and the dialog opened with its Kind box empty (issue #12, found by the type check)."""
    opened: list[InvoiceDialog] = []

    def record(dialog: InvoiceDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(InvoiceDialog, "exec", record)
    window.invoices.new_button.click()
    assert len(opened) == 1
    assert opened[0].kind.currentData() == "invoice"
