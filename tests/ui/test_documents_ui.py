"""GUI tests for proof documents: attach through the dialog, by a dropped file on the
editor and on a list row, the "proof missing" filter, and the preview of a multi-page PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton, QWidget
from reportlab.pdfgen import canvas

from services.core import clock, db
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from services.proof import documents
from services.proof import rules as proof
from services.proof.documents import Meta, Owner
from ui import i18n
from ui.dialogs.invoice_dialog import InvoiceDialog
from ui.documents_panel import AttachDialog, preview
from ui.main_window import PAGE_INVOICES, MainWindow
from ui.viewer import DocumentViewer

pytestmark = pytest.mark.gui
TODAY = dt.date(2026, 3, 2)


def make_pdf(path: Path, pages: int) -> Path:
    c = canvas.Canvas(str(path))
    for n in range(pages):
        c.setFont("Helvetica", 40)
        c.drawString(100, 500, f"Page {n + 1}")
        c.showPage()
    c.save()
    return path


def make_png(path: Path) -> Path:
    Image.new("RGB", (60, 40), "green").save(path)
    return path


@pytest.fixture
def book(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    clock.freeze(TODAY)
    db.open_database(tmp_path / "book.db")
    client_service.create_client({"code": "BOUL", "name": "Boulangerie Émile", "kind": "pro"})
    for number, issue in (("F-001", "2026-01-05"), ("F-002", "2026-02-20")):
        invoice_service.create_invoice(
            {
                "number": number,
                "client": "BOUL",
                "issue_date": issue,
                "total": "1200,00",
                "terms": "30 jours",
            }
        )
    win = MainWindow(str(tmp_path / "book.db"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    clock.freeze(None)
    db.close()


def when_modal(qtbot, handle: Callable[[QWidget], None]) -> None:  # type: ignore[no-untyped-def]
    """Run ``handle`` on the next modal dialog (a drop opens one with exec())."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, poll)
            return
        handle(modal)

    QTimer.singleShot(20, poll)


def drop(widget: QWidget, paths: list[Path], at: QPoint | None = None) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = at if at is not None else widget.rect().center()
    # as a real drag does: enter (the widget accepts and becomes the target), then drop
    enter = QDragEnterEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the widget refused the drag"
    event = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def invoice_id(number: str) -> int:
    return invoice_service.get_invoice_by_number(number).id


def test_attach_through_the_dialog(qtbot, book: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = make_pdf(tmp_path / "bon de livraison.pdf", 2)
    dialog = InvoiceDialog(invoice_service.get_invoice(invoice_id("F-001")), book)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(dialog.documents_tab)
    assert "Documents" in dialog.tabs.tabText(dialog.documents_tab)

    def fill(modal: QWidget) -> None:
        assert isinstance(modal, AttachDialog)
        modal.add_paths([pdf])
        assert modal.kind.currentData() == "delivery_note"  # guessed from the name
        modal.signed.setChecked(True)
        qtbot.keyClicks(modal.title, "BL 2026-004")
        ok = modal.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(qtbot, fill)
    qtbot.mouseClick(dialog.documents.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.documents.model.rowCount() == 1)  # it reloads by itself
    [row] = documents.list_documents(invoice_id=invoice_id("F-001"))
    assert (row.kind, row.title, row.signed, row.signed_on) == (
        "delivery_note",
        "BL 2026-004",
        True,
        TODAY,
    )
    assert proof.proof_of(invoice_id("F-001")).delivery
    assert "✔ Signed delivery note" in dialog.proof_box.text()
    assert "✘ Signed quote or order" in dialog.proof_box.text()
    assert dialog.tabs.tabText(dialog.documents_tab).startswith("Documents (1)")


def test_the_attach_dialog_refuses_a_bad_file_and_stores_nothing(
    qtbot, book: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "notes.txt"
    text.write_text("not a proof")
    warnings: list[str] = []
    monkeypatch.setattr(
        "ui.documents_panel.QMessageBox.warning", lambda _p, _t, msg: warnings.append(msg)
    )
    dialog = AttachDialog(Owner(invoice_id=invoice_id("F-001")), [text], book)
    qtbot.addWidget(dialog)
    dialog.attach()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert warnings and "neither a PDF nor an image" in warnings[0]
    assert documents.list_documents() == []
    assert documents.the_store().digests_on_disk() == set()


def test_a_file_dropped_on_the_invoice_editor_is_attached(
    qtbot, book: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    png = make_png(tmp_path / "devis-signé.png")
    dialog = InvoiceDialog(invoice_service.get_invoice(invoice_id("F-002")), book)
    qtbot.addWidget(dialog)
    dialog.show()

    def accept(modal: QWidget) -> None:
        assert isinstance(modal, AttachDialog)
        assert modal.paths() == [png]
        assert modal.kind.currentData() == "quote"
        modal.signed.setChecked(True)
        modal.attach()

    when_modal(qtbot, accept)
    drop(dialog, [png])
    assert dialog.tabs.currentIndex() == dialog.documents_tab
    [row] = documents.list_documents(invoice_id=invoice_id("F-002"))
    assert row.original_name == "devis-signé.png" and row.media_type == "image/png"
    assert proof.proof_of(invoice_id("F-002")).order


def test_a_file_dropped_on_a_row_of_the_invoice_list_is_attached_to_that_invoice(
    qtbot, book: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pdf = make_pdf(tmp_path / "commande.pdf", 1)
    book.nav.setCurrentRow(PAGE_INVOICES)
    page = book.invoices
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    target = next(r for r in range(2) if page.model.row_at(r).number == "F-001")
    rect = page.table.visualRect(page.model.index(target, 0))

    when_modal(qtbot, lambda modal: modal.attach())  # type: ignore[attr-defined]
    drop(page.table.viewport(), [pdf], rect.center())
    [row] = documents.list_documents()
    assert row.invoice_number == "F-001" and row.kind == "purchase_order"


def test_the_proof_missing_filter(qtbot, book: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    owner = Owner(invoice_id=invoice_id("F-001"))
    documents.attach_files(
        owner, [make_pdf(tmp_path / "po.pdf", 1)], Meta("purchase_order", signed=True)
    )
    documents.attach_files(
        owner, [make_png(tmp_path / "bl.png")], Meta("delivery_note", signed=True)
    )
    documents.attach_files(
        Owner(client_id=client_service.get_client_by_code("BOUL").id),
        [make_pdf(tmp_path / "cgv.pdf", 2)],
        Meta("cgv", signed=True),
    )
    book.nav.setCurrentRow(PAGE_INVOICES)
    page = book.invoices
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    proof_column = len(page.COLUMNS) - 1
    texts = {
        page.model.row_at(r).number: page.model.index(r, proof_column).data() for r in range(2)
    }
    assert texts["F-001"] == "✔ complete"
    assert texts["F-002"].startswith("✘ 2 missing")  # the CGV on the client covers it
    page.proof_missing.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).number == "F-002"
    # F-002 falls due on 22/03/2026; a month later it is overdue and highlighted
    with clock.frozen(TODAY + dt.timedelta(days=40)):
        page.reload()
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
        background = page.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
        assert background is not None and background.color().name() == "#ffe9d6"
        assert "before escalating" in page.model.index(0, proof_column).data(
            Qt.ItemDataRole.ToolTipRole
        )


def test_the_preview_opens_a_multi_page_pdf(qtbot, book: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [row] = documents.attach_files(
        Owner(invoice_id=invoice_id("F-001")), [make_pdf(tmp_path / "devis.pdf", 3)], Meta("quote")
    )
    viewer = preview(book, row)
    assert isinstance(viewer, DocumentViewer)
    qtbot.addWidget(viewer)
    assert viewer.error_text() == ""
    assert viewer.page_count() == 3
    viewer.go_to_page(2)
    assert viewer.current_page() == 2
    viewer.close()


def test_deleting_from_the_panel_asks_then_moves_to_the_trash(
    qtbot, book: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    [row] = documents.attach_files(
        Owner(invoice_id=invoice_id("F-001")), [make_pdf(tmp_path / "a.pdf", 1)], Meta("quote")
    )
    dialog = InvoiceDialog(invoice_service.get_invoice(invoice_id("F-001")), book)
    qtbot.addWidget(dialog)
    dialog.show()  # a hidden panel reloads when next shown
    dialog.tabs.setCurrentIndex(dialog.documents_tab)
    panel = dialog.documents
    panel.select_row(0)
    asked: list[str] = []

    def answer(_parent, _title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr("ui.documents_panel.QMessageBox.question", answer)
    qtbot.mouseClick(panel.action_buttons["delete"], Qt.MouseButton.LeftButton)
    assert asked and "30 days" in asked[0]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert [d.id for d in documents.list_documents(trash=True)] == [row.id]


def test_a_cgv_version_and_a_clients_acceptance_through_the_dialogs(
    qtbot, book: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ui.cgv import AcceptanceDialog, CgvVersionDialog

    dialog = CgvVersionDialog(book)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.label, "CGV 2026")
    dialog.in_force.set_value(dt.date(2026, 1, 1))
    dialog.file.edit.setText(str(make_pdf(tmp_path / "cgv-2026.pdf", 2)))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [version] = documents.list_cgv_versions()
    assert version.label == "CGV 2026" and version.document_id is not None

    client_id = client_service.get_client_by_code("BOUL").id
    accept = AcceptanceDialog(client_id, book)
    qtbot.addWidget(accept)
    accept.accepted_on.set_value(dt.date(2026, 1, 3))
    accept.file.edit.setText(
        str(tmp_path / "missing.pdf")
    )  # a file that is not there: told, nothing stored
    warnings: list[str] = []
    import ui.documents_panel as panel

    original = panel.QMessageBox.warning
    panel.QMessageBox.warning = lambda _p, _t, msg: warnings.append(msg)  # type: ignore[method-assign]
    try:
        accept.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    finally:
        panel.QMessageBox.warning = original  # type: ignore[method-assign]
    assert (
        accept.result() != QDialog.DialogCode.Accepted
        and warnings
        and "does not exist" in warnings[0]
    )
    accept.file.edit.setText(str(make_png(tmp_path / "signed.png")))
    accept.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert accept.result() == QDialog.DialogCode.Accepted
    [acceptance] = documents.acceptances(client_id)
    assert acceptance.accepted_on == dt.date(2026, 1, 3) and acceptance.document_id is not None
    assert proof.proof_of(invoice_id("F-001")).cgv  # issued 05/01/2026, accepted 03/01/2026


def test_statement_and_claim_summary_from_the_client_editor(
    qtbot, book: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.client_dialog import ClientDialog

    opened: list[str] = []
    monkeypatch.setattr(
        "ui.dialogs.client_dialog.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()),
    )
    dialog = ClientDialog(client_service.get_client_by_code("BOUL"), book)
    qtbot.addWidget(dialog)
    with clock.frozen(dt.date(2026, 4, 30)):  # both invoices overdue
        for name in ("statement", "claim"):
            target = tmp_path / f"{name}.pdf"
            monkeypatch.setattr(
                "ui.dialogs.client_dialog.QFileDialog.getSaveFileName",
                lambda *_a, target=target: (str(target), ""),
            )
            button = next(
                b
                for b in dialog.findChildren(QPushButton)
                if b.text().startswith("Statement" if name == "statement" else "Claim summary")
            )
            button.click()
            assert target.is_file() and opened[-1] == str(target)
