"""The document viewer and printing: real widgets driven with qtbot, offscreen.

The documents are made here: a 3-page PDF (reportlab), PNG / JPEG / 2-page TIFF images
(Pillow) and a damaged PDF.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ui import i18n, printing
from ui.printing import PrintError, print_document
from ui.viewer import DocumentViewer

pytestmark = pytest.mark.gui

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def _english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    i18n.install(qapp, "en")
    yield


@pytest.fixture
def three_pages(tmp_path: Path) -> Path:
    path = tmp_path / "three.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for number in (1, 2, 3):
        pdf.setFont("Helvetica", 300)
        pdf.drawCentredString(A4[0] / 2, A4[1] / 2, str(number))
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def png(tmp_path: Path) -> Path:
    path = tmp_path / "receipt.png"
    Image.new("RGB", (600, 800), "white").save(path)
    return path


@pytest.fixture
def tiff(tmp_path: Path) -> Path:
    path = tmp_path / "scan.tiff"
    first = Image.new("RGB", (300, 400), (255, 0, 0))
    second = Image.new("RGB", (300, 400), (0, 0, 255))
    first.save(path, save_all=True, append_images=[second])
    return path


@pytest.fixture
def broken_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"this is not a PDF body\n" * 50)
    return path


def open_viewer(qtbot, path: Path, media_type: str, **callbacks) -> DocumentViewer:  # type: ignore[no-untyped-def]
    dialog = DocumentViewer(path, media_type, "Facture F-2026-001", **callbacks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def pdf_printer(out: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return printer


# -- PDF -----------------------------------------------------------------------------------


def test_a_pdf_opens_with_all_its_pages(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_viewer(qtbot, three_pages, "application/pdf")
    assert dialog.windowTitle() == "Facture F-2026-001"
    assert dialog.is_pdf
    assert dialog.error_text() == ""
    assert dialog.page_count() == 3
    assert dialog.current_page() == 0
    assert dialog.page_spin.text() == "1"
    assert dialog.page_total_label.text() == "of 3"
    assert not dialog.prev_button.isEnabled()

    dialog.go_to_page(2)
    assert dialog.current_page() == 2
    assert dialog.page_spin.text() == "3"
    assert not dialog.next_button.isEnabled()
    dialog.go_to_page(99)  # clamped, no error
    assert dialog.current_page() == 2


def test_next_and_previous_buttons_move_the_page(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_viewer(qtbot, three_pages, "application/pdf")
    qtbot.mouseClick(dialog.next_button, LEFT)
    assert dialog.current_page() == 1
    assert dialog.page_spin.value() == 2
    qtbot.mouseClick(dialog.next_button, LEFT)
    assert dialog.current_page() == 2
    qtbot.mouseClick(dialog.prev_button, LEFT)
    assert dialog.current_page() == 1
    assert dialog.page_spin.value() == 2


def test_typing_a_page_number_goes_there_and_keeps_the_dialog(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_viewer(qtbot, three_pages, "application/pdf")
    dialog.page_spin.selectAll()
    qtbot.keyClicks(dialog.page_spin, "3")
    qtbot.keyClick(dialog.page_spin, Qt.Key.Key_Return)
    assert dialog.current_page() == 2
    assert dialog.isVisible()  # Enter did not press Close


def test_scrolling_updates_the_page_box(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_viewer(qtbot, three_pages, "application/pdf")
    bar = dialog.pane.verticalScrollBar()  # type: ignore[union-attr]
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dialog.page_spin.value() == 3)
    assert dialog.current_page() == 2
    bar.setValue(0)
    qtbot.waitUntil(lambda: dialog.page_spin.value() == 1)


def test_page_keys_and_zoom_shortcuts(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_viewer(qtbot, three_pages, "application/pdf")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.pane, Qt.Key.Key_PageDown)
    assert dialog.current_page() == 1
    qtbot.keyClick(dialog.pane, Qt.Key.Key_PageUp)
    assert dialog.current_page() == 0
    qtbot.keyClick(dialog.pane, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom_factor() == pytest.approx(1.0)
    qtbot.keyClick(dialog.pane, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom_factor() > 1.0
    qtbot.keyClick(dialog.pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom_factor() == pytest.approx(1.0)


def test_zoom_buttons_change_the_zoom_and_its_label(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_viewer(qtbot, three_pages, "application/pdf")
    assert dialog.fit_width_action.isChecked()  # opens fitted to the width
    before, label = dialog.zoom_factor(), dialog.zoom_label.text()
    qtbot.mouseClick(dialog.zoom_in_button, LEFT)
    assert dialog.zoom_factor() > before
    assert dialog.zoom_label.text() != label
    assert dialog.zoom_label.text() == f"{round(dialog.zoom_factor() * 100)}%"
    assert not dialog.fit_width_action.isChecked()

    qtbot.mouseClick(dialog.actual_size_button, LEFT)
    assert dialog.zoom_factor() == pytest.approx(1.0)
    assert dialog.zoom_label.text() == "100%"
    assert dialog.actual_size_action.isChecked()
    dialog.zoom_out()
    assert dialog.zoom_factor() < 1.0

    qtbot.mouseClick(dialog.fit_page_button, LEFT)
    assert dialog.fit_page_action.isChecked()
    # a whole A4 page fits the view: it is shown smaller than its height allows
    viewport = dialog.pane.viewport()  # type: ignore[union-attr]
    assert A4[1] * dialog.zoom_factor() * viewport.logicalDpiY() / 72 <= viewport.height()


def test_ctrl_wheel_zooms(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_viewer(qtbot, three_pages, "application/pdf")
    viewport = dialog.pane.viewport()  # type: ignore[union-attr]
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)

    def wheel(notches: int, modifiers: Qt.KeyboardModifier) -> None:
        event = QWheelEvent(
            centre,
            viewport.mapToGlobal(centre),
            QPoint(),
            QPoint(0, 120 * notches),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)

    before = dialog.zoom_factor()
    wheel(1, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom_factor() > before
    zoomed = dialog.zoom_factor()
    wheel(-1, Qt.KeyboardModifier.NoModifier)  # a plain wheel scrolls, it does not zoom
    assert dialog.zoom_factor() == zoomed


def test_closing_the_viewer_closes_the_pdf(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPdf import QPdfDocument

    dialog = open_viewer(qtbot, three_pages, "application/pdf")
    document = dialog.pane.document()  # type: ignore[union-attr]
    assert document.status() == QPdfDocument.Status.Ready
    dialog.close()
    assert document.status() == QPdfDocument.Status.Null


# -- images --------------------------------------------------------------------------------


def test_an_image_is_one_page_and_zooms(qtbot, png: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_viewer(qtbot, png, "image/png")
    assert not dialog.is_pdf
    assert dialog.error_text() == ""
    assert dialog.page_count() == 1
    assert dialog.current_page() == 0
    assert not dialog.prev_button.isVisible()  # no page navigation for a single image
    assert not dialog.page_spin.isVisible()
    label = dialog.pane.label  # type: ignore[union-attr]
    before, width = dialog.zoom_factor(), label.width()
    qtbot.mouseClick(dialog.zoom_in_button, LEFT)
    assert dialog.zoom_factor() > before
    assert label.width() > width
    assert dialog.zoom_label.text() == f"{round(dialog.zoom_factor() * 100)}%"
    qtbot.mouseClick(dialog.actual_size_button, LEFT)
    assert (label.width(), label.height()) == (600, 800)
    qtbot.mouseClick(dialog.fit_page_button, LEFT)
    viewport = dialog.pane.viewport()  # type: ignore[union-attr]
    assert label.height() <= viewport.height() and label.width() <= viewport.width()


def test_a_jpeg_is_turned_as_its_exif_says(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the camera was held upright, rotate 90° to show
    Image.new("RGB", (400, 200), "white").save(path, exif=exif)
    image = printing.read_image_frame(path)
    assert (image.width(), image.height()) == (200, 400)
    dialog = open_viewer(qtbot, path, "image/jpeg")
    dialog.actual_size()
    label = dialog.pane.label  # type: ignore[union-attr]
    assert (label.width(), label.height()) == (200, 400)


def test_a_multi_page_tiff_has_pages(qtbot, tiff: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_viewer(qtbot, tiff, "image/tiff")
    assert dialog.page_count() == 2
    assert dialog.page_total_label.text() == "of 2"
    assert dialog.next_button.isVisible()

    def colour() -> tuple[int, int, int]:
        image = dialog.pane.label.pixmap().toImage()  # type: ignore[union-attr]
        c = image.pixelColor(image.width() // 2, image.height() // 2)
        return c.red(), c.green(), c.blue()

    assert colour() == (255, 0, 0)
    qtbot.mouseClick(dialog.next_button, LEFT)
    assert dialog.current_page() == 1
    assert dialog.page_spin.value() == 2
    assert colour() == (0, 0, 255)
    qtbot.mouseClick(dialog.prev_button, LEFT)
    assert dialog.current_page() == 0


# -- documents that cannot be shown -----------------------------------------------------------


def test_a_broken_pdf_shows_a_message_and_the_buttons_still_work(qtbot, broken_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    dialog = open_viewer(
        qtbot,
        broken_pdf,
        "application/pdf",
        on_export=lambda: calls.append("export"),
        on_open_external=lambda: calls.append("open"),
    )
    qtbot.waitUntil(lambda: dialog.error_text() != "")
    assert "cannot be previewed" in dialog.error_text()
    assert "not a valid PDF" in dialog.error_text()
    assert dialog.message.isVisible() and dialog.message.text() == dialog.error_text()
    assert dialog.hint.isVisible()
    assert dialog.page_count() == 0
    assert not dialog.print_button.isEnabled()
    dialog.go_to_page(1)  # harmless
    dialog.zoom_in()
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.mouseClick(dialog.open_button, LEFT)
    assert calls == ["export", "open"]
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


@pytest.mark.parametrize(
    "name, content, media_type, reason",
    [
        ("garbage.png", b"\x89PNG not really", "image/png", "image cannot be read"),
        ("missing.jpg", None, "image/jpeg", "cannot be found"),
        ("notes.txt", b"hello", "text/plain", "text/plain"),
    ],
)
def test_other_unreadable_documents_show_a_message(
    qtbot,
    tmp_path: Path,
    name: str,  # type: ignore[no-untyped-def]
    content: bytes | None,
    media_type: str,
    reason: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    dialog = open_viewer(qtbot, path, media_type)
    assert reason in dialog.error_text()
    assert not dialog.hint.isVisible()  # no export or open button to point at
    assert not dialog.export_button.isVisible() and not dialog.open_button.isVisible()


def test_export_button_calls_back_and_hidden_buttons_stay_hidden(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    dialog = open_viewer(
        qtbot, three_pages, "application/pdf", on_export=lambda: calls.append("export")
    )
    assert dialog.export_button.isVisible()
    assert not dialog.open_button.isVisible()
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert calls == ["export"]


def test_print_button_asks_for_a_printer(qtbot, three_pages: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[Path, str, str]] = []
    monkeypatch.setattr(
        printing,
        "ask_and_print",
        lambda parent, path, media_type, title: asked.append((path, media_type, title)) or 3,
    )
    dialog = open_viewer(qtbot, three_pages, "application/pdf")
    qtbot.mouseClick(dialog.print_button, LEFT)
    assert asked == [(three_pages, "application/pdf", "Facture F-2026-001")]


# -- printing ------------------------------------------------------------------------------


def test_print_document_prints_every_pdf_page(qapp, three_pages: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.pdf"
    assert print_document(three_pages, "application/pdf", pdf_printer(out)) == 3
    assert out.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == 3


def test_print_document_honours_the_page_range(qapp, three_pages: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "range.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_document(three_pages, "application/pdf", printer) == 2
    assert len(PdfReader(out).pages) == 2


def test_print_document_prints_every_image_frame(qapp, tiff: Path, png: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert print_document(tiff, "image/tiff", pdf_printer(tmp_path / "tiff.pdf")) == 2
    assert len(PdfReader(tmp_path / "tiff.pdf").pages) == 2
    assert print_document(png, "image/png", pdf_printer(tmp_path / "png.pdf")) == 1
    assert len(PdfReader(tmp_path / "png.pdf").pages) == 1


def test_print_document_refuses_what_it_cannot_read(qapp, broken_pdf: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PrintError) as caught:
        print_document(broken_pdf, "application/pdf", pdf_printer(tmp_path / "x.pdf"))
    assert "cannot be printed" in str(caught.value)
    with pytest.raises(PrintError):
        print_document(broken_pdf, "text/plain", pdf_printer(tmp_path / "y.pdf"))


def test_ask_and_print_returns_none_when_cancelled(qtbot, three_pages: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    printed: list[QPrinter] = []
    monkeypatch.setattr(
        printing, "print_document", lambda path, media_type, printer: printed.append(printer) or 3
    )
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert printing.ask_and_print(None, three_pages, "application/pdf", "F1") is None  # type: ignore[arg-type]
    assert printed == []

    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert printing.ask_and_print(None, three_pages, "application/pdf", "F1") == 3  # type: ignore[arg-type]
    assert printed and printed[0].docName() == "F1"
    assert QApplication.overrideCursor() is None  # the wait cursor was restored


def test_ask_and_print_warns_when_printing_fails(qtbot, broken_pdf: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    assert printing.ask_and_print(None, broken_pdf, "application/pdf", "F1") is None  # type: ignore[arg-type]
    assert warnings and "cannot be printed" in warnings[0]


def test_printing_a_pdf_keeps_its_text_searchable(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Pages are painted as images; the page's text is laid under them, so a PDF printer's
    output can still be searched and read back."""
    from pypdf import PdfReader as Reader
    from reportlab.pdfgen import canvas as rl_canvas

    source = tmp_path / "letter.pdf"
    c = rl_canvas.Canvas(str(source))
    c.drawString(72, 720, "Brasserie des Halles")
    c.drawString(72, 700, "Total claimed: 2595.57")
    c.showPage()
    c.save()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_document(source, "application/pdf", printer) == 1
    text = " ".join(Reader(str(tmp_path / "printed.pdf")).pages[0].extract_text().split())
    assert "Brasserie des Halles" in text and "2595.57" in text
