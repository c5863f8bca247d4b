"""Views refresh themselves (issue #12, point 7): data changed through one screen shows in
every other open view — the lists, the follow-up page, the alert bar, the status bar,
Tools ▸ Proof missing, an open editor — without any refresh call from the test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from services.followup import alerts, dunning
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from services.ledger import open_items as ledger
from services.ledger import payments as payment_service
from services.proof import rules as proof
from tests.ui.conftest import WINDOW_TODAY
from tests.ui.test_documents_ui import make_pdf
from ui import format as fmt
from ui.dialogs.client_dialog import ClientDialog
from ui.dialogs.invoice_dialog import InvoiceDialog
from ui.dialogs.payment_dialog import PaymentDialog
from ui.documents_panel import AttachDialog
from ui.main_window import PAGE_CLIENTS, PAGE_FOLLOWUP, PAGE_INVOICES, PAGE_PAYMENTS, MainWindow

pytestmark = pytest.mark.gui
TODAY = WINDOW_TODAY


@pytest.fixture
def demo(qtbot, window: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.alerts_panel.day is not None, timeout=10_000)
    qtbot.waitUntil(lambda: window.alerts_panel.counts() == _book_alerts(), timeout=10_000)
    return window


def _book_alerts() -> dict[str, int]:
    return alerts.find(TODAY).counts()  # the book as it is now


def _status_text() -> str:
    outstanding, overdue = ledger.current_totals(TODAY)
    return f"Outstanding {fmt.money(outstanding)} — overdue {fmt.money(overdue)}"


def _column(page, header: str, row: int) -> str:  # type: ignore[no-untyped-def]
    model = page.model
    return str(model.data(model.index(row, [c.header for c in model.columns].index(header))))


def _save(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    buttons = dialog.buttons  # type: ignore[attr-defined]
    qtbot.mouseClick(buttons.button(buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.banner.text()  # type: ignore[attr-defined]


def test_a_payment_recorded_in_the_dialog_shows_in_every_view(qtbot, demo: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = demo
    action = dunning.actions(TODAY)[0]
    client = client_service.get_client(action.client_id)
    assert client.overdue > 0
    # the invoice list, open on this client's overdue invoices
    win.nav.setCurrentRow(PAGE_INVOICES)
    win.invoices.show_client(client.id, "overdue")
    qtbot.waitUntil(lambda: win.invoices.model.rowCount() > 0)
    payments_before = payment_service.count_payments(
        win.payments.build_query(win.payments.model.query)
    )
    alerts_before = win.alerts_panel.counts()
    assert win.status_label.text().startswith(_status_text())

    dialog = PaymentDialog(parent=win)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.client.set_client(client.id)
    dialog.date.set_value(TODAY)
    qtbot.keyClicks(dialog.amount, str(client.balance).replace(".", ","))
    _save(qtbot, dialog)
    assert client_service.get_client(client.id).balance == 0

    # the views open on the screen: the list, the alert bar, the status bar
    qtbot.waitUntil(lambda: win.invoices.model.rowCount() == 0)
    qtbot.waitUntil(lambda: win.alerts_panel.counts() == _book_alerts(), timeout=10_000)
    assert win.alerts_panel.counts() != alerts_before
    qtbot.waitUntil(lambda: win.status_label.text().startswith(_status_text()))
    # the pages behind: as soon as they are shown
    win.nav.setCurrentRow(PAGE_FOLLOWUP)
    assert action.client_code not in {a.client_code for a in win.followup.due_actions}
    assert len(win.followup.due_actions) == len(dunning.actions(TODAY))
    win.nav.setCurrentRow(PAGE_PAYMENTS)
    qtbot.waitUntil(lambda: win.payments.model.total == payments_before + 1)
    win.nav.setCurrentRow(PAGE_CLIENTS)
    qtbot.keyClicks(win.clients.search, client.code)
    qtbot.waitUntil(lambda: win.clients.model.rowCount() >= 1)
    row = next(
        r
        for r in range(win.clients.model.rowCount())
        if win.clients.model.row_at(r).id == client.id
    )
    assert _column(win.clients, "Balance", row) == fmt.money(Decimal("0.00"))
    assert _column(win.clients, "Overdue", row) == fmt.money(Decimal("0.00"))
    # Tools ▸ Proof missing on overdue invoices: the paid invoices left it
    win.show_missing_proof()
    qtbot.waitUntil(
        lambda: (
            win.invoices.model.total
            == invoice_service.count_invoices(win.invoices.build_query(win.invoices.model.query))
        )
    )
    assert all(
        win.invoices.model.row_at(r).client_id != client.id
        for r in range(win.invoices.model.rowCount())
    )


def test_a_client_renamed_in_its_editor_shows_everywhere(qtbot, demo: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = demo
    action = dunning.actions(TODAY)[0]
    client = client_service.get_client(action.client_id)
    win.nav.setCurrentRow(PAGE_INVOICES)
    win.invoices.show_client(client.id)
    qtbot.waitUntil(lambda: win.invoices.model.rowCount() > 0)
    assert _column(win.invoices, "Client", 0).startswith(client.name)

    dialog = ClientDialog(client, win)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["name"].clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.fields["name"], "Renamed & Co")
    _save(qtbot, dialog)

    qtbot.waitUntil(lambda: _column(win.invoices, "Client", 0).startswith("Renamed & Co"))
    win.invoices.client_filter.ensure_loaded()  # what opening it does: it lists the clients
    assert win.invoices.client_filter.findText(f"Renamed & Co ({client.code})") >= 0
    win.nav.setCurrentRow(PAGE_FOLLOWUP)
    names = {a.client_code: a.client_name for a in win.followup.due_actions}
    assert names[client.code] == "Renamed & Co"
    item = next(
        win.followup.tree.topLevelItem(i)
        for i in range(win.followup.tree.topLevelItemCount())
        if win.followup.tree.topLevelItem(i).text(0).endswith(f"({client.code})")
    )
    assert item.text(0).startswith("Renamed & Co")
    win.nav.setCurrentRow(PAGE_CLIENTS)
    qtbot.keyClicks(win.clients.search, client.code)
    qtbot.waitUntil(
        lambda: any(
            win.clients.model.row_at(r).name == "Renamed & Co"
            for r in range(win.clients.model.rowCount())
        )
    )


def test_a_document_attached_shows_in_the_open_editor_and_the_lists(
    qtbot, demo: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = demo
    win.show_missing_proof()
    qtbot.waitUntil(lambda: win.invoices.model.rowCount() > 0)
    invoice = win.invoices.model.row_at(0)
    before = proof.proof_of(invoice.id)
    assert "purchase_order" in before.missing or "quote" in before.missing or before.missing
    editor = InvoiceDialog(invoice_service.get_invoice(invoice.id), win)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(editor.documents_tab)
    documents_before = editor.documents.model.rowCount()
    alerts_before = win.alerts_panel.counts().get("missing_proof", 0)

    from services.proof.documents import Owner

    attach = AttachDialog(Owner(invoice_id=invoice.id), [make_pdf(tmp_path / "bc.pdf", 1)], win)
    qtbot.addWidget(attach)
    attach.show()
    attach.kind.setCurrentIndex(attach.kind.findData("purchase_order"))
    attach.signed.setChecked(True)
    attach.attach()
    assert attach.result() == QDialog.DialogCode.Accepted, attach.banner.text()

    # the editor open on the invoice: its documents and its proof
    qtbot.waitUntil(lambda: editor.documents.model.rowCount() == documents_before + 1)
    assert "Documents (" in editor.tabs.tabText(editor.documents_tab)
    # the list behind it (Tools ▸ Proof missing) and the alert bar agree with the services
    after = proof.proof_of(invoice.id)
    assert after.missing != before.missing
    qtbot.waitUntil(
        lambda: (
            win.invoices.model.total
            == invoice_service.count_invoices(win.invoices.build_query(win.invoices.model.query))
        )
    )
    qtbot.waitUntil(lambda: win.alerts_panel.counts() == _book_alerts(), timeout=10_000)
    if not after.missing:
        assert win.alerts_panel.counts().get("missing_proof", 0) == alerts_before - 1
