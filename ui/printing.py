"""Read and print a stored document (a PDF or an image) with Qt.

``print_document`` paints every page of a PDF, or every frame of an image, on a
``QPrinter``; ``ask_and_print`` shows the print dialog first. The small readers
(``open_pdf``, ``read_image_frame``…) are shared with the in-app viewer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

log = logging.getLogger(__name__)

PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
IMAGE_TYPES = frozenset(
    {
        "image/png",
        "image/jpeg",
        "image/jpg",
        "image/pjpeg",
        "image/tiff",
        "image/gif",
        "image/webp",
        "image/bmp",
    }
)
#: Image types whose frames are pages (a scanned multi-page TIFF). The frames of a GIF or
#: WebP are an animation: only the first one is shown and printed.
PAGED_IMAGE_TYPES = frozenset({"image/tiff"})

#: PDF pages are rasterised for printing at no more than this resolution: enough for text
#: on paper, and an A4 page stays near 35 MB in memory (at 1200 dpi it would be 550 MB).
MAX_RENDER_DPI = 300
#: Resolution assumed for an image that does not record one.
DEFAULT_IMAGE_DPI = 96.0


class DocumentError(Exception):
    """The document cannot be read; the message is translated and says why."""


class PrintError(DocumentError):
    """Printing failed; the message is translated and can be shown as it is."""


# -- reading ---------------------------------------------------------------------------


def media_kind(media_type: str) -> str | None:
    """'pdf', 'image' or None (not something Encaisse can show or print)."""
    base = normalise(media_type)
    if base in PDF_TYPES:
        return "pdf"
    if base in IMAGE_TYPES:
        return "image"
    return None


def normalise(media_type: str) -> str:
    """``"Image/PNG; charset=x"`` -> ``"image/png"``."""
    return (media_type or "").split(";", 1)[0].strip().lower()


def unsupported_reason(media_type: str) -> str:
    return QCoreApplication.translate(
        "Printing", "files of type “{type}” cannot be shown or printed here."
    ).format(type=normalise(media_type) or "?")


def pdf_error_reason(error: QPdfDocument.Error) -> str:
    """Why a PDF did not load, as the end of a sentence."""
    if error == QPdfDocument.Error.FileNotFound:
        return QCoreApplication.translate("Printing", "the file cannot be found.")
    if error == QPdfDocument.Error.InvalidFileFormat:
        return QCoreApplication.translate("Printing", "the file is not a valid PDF or is damaged.")
    if error == QPdfDocument.Error.IncorrectPassword:
        return QCoreApplication.translate("Printing", "the PDF is protected by a password.")
    if error == QPdfDocument.Error.UnsupportedSecurityScheme:
        return QCoreApplication.translate(
            "Printing", "the PDF uses a protection that is not supported."
        )
    return QCoreApplication.translate("Printing", "the file could not be read.")


def open_pdf(path: Path, parent: QObject | None = None) -> QPdfDocument:
    """A loaded PDF with at least one page; the caller closes it. Raises DocumentError."""
    # PySide6's stub types the parent as not None; Qt takes a null parent (QObject *)
    document = QPdfDocument(parent)  # type: ignore[arg-type]
    error = document.load(str(path))
    if error == QPdfDocument.Error.None_ and document.status() == QPdfDocument.Status.Ready:
        if document.pageCount() > 0:
            return document
        reason = QCoreApplication.translate("Printing", "the PDF has no pages.")
    else:
        reason = pdf_error_reason(error if error != QPdfDocument.Error.None_ else document.error())
    log.warning("cannot read PDF %s: %s (%s)", path, error, document.status())
    document.close()
    raise DocumentError(reason)


def _image_reader(path: Path) -> QImageReader:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # honour the EXIF orientation of phone photos
    return reader


def image_frame_count(path: Path, media_type: str) -> int:
    """How many pages the image has (1 unless it is a multi-page TIFF). Raises DocumentError."""
    if not Path(path).is_file():
        raise DocumentError(QCoreApplication.translate("Printing", "the file cannot be found."))
    reader = _image_reader(path)
    if not reader.canRead():
        raise DocumentError(_image_reason(reader))
    if normalise(media_type) in PAGED_IMAGE_TYPES:
        return max(1, reader.imageCount())
    return 1


def read_image_frame(path: Path, index: int = 0) -> QImage:
    """Frame ``index`` (0-based) of an image file, turned as its EXIF says.
    Raises DocumentError."""
    if not Path(path).is_file():
        raise DocumentError(QCoreApplication.translate("Printing", "the file cannot be found."))
    reader = _image_reader(path)
    if index and not reader.jumpToImage(index):
        raise DocumentError(
            QCoreApplication.translate(
                "Printing", "page {page} of the image cannot be read."
            ).format(page=index + 1)
        )
    image = reader.read()
    if image.isNull():
        log.warning("cannot read image %s (frame %d): %s", path, index, reader.errorString())
        raise DocumentError(_image_reason(reader))
    return image


def _image_reason(reader: QImageReader) -> str:
    return QCoreApplication.translate("Printing", "the image cannot be read ({error}).").format(
        error=reader.errorString()
    )


def page_count(path: Path, media_type: str) -> int:
    """Pages of a PDF or frames of an image. Raises DocumentError."""
    kind = media_kind(media_type)
    if kind == "pdf":
        document = open_pdf(path)
        try:
            return document.pageCount()
        finally:
            document.close()
    if kind == "image":
        return image_frame_count(path, media_type)
    raise DocumentError(unsupported_reason(media_type))


# -- printing --------------------------------------------------------------------------


def print_document(path: Path, media_type: str, printer: QPrinter) -> int:
    """Paint the document on ``printer``, one page per sheet, each page shrunk to fit the
    printable area (never enlarged) and centred horizontally. Honours the page range,
    page order and copies chosen in the print dialog. Returns the number of sheets printed;
    raises PrintError."""
    kind = media_kind(media_type)
    if kind is None:
        raise PrintError(_cannot_print(unsupported_reason(media_type)))
    try:
        if kind == "pdf":
            document = open_pdf(path)
            try:
                pages = _chosen_pages(printer, document.pageCount())
                return _paint(
                    printer,
                    pages,
                    lambda index, painter, area: _draw_pdf_page(
                        document, index, painter, area, printer.resolution()
                    ),
                )
            finally:
                document.close()
        count = image_frame_count(path, media_type)
        first = read_image_frame(path, 0)  # fail before the print job starts
        pages = _chosen_pages(printer, count)

        def draw_frame(index: int, painter: QPainter, area: QRectF) -> None:
            image = first if index == 0 else read_image_frame(path, index)
            _draw_image(image, painter, area, printer.resolution())

        return _paint(printer, pages, draw_frame)
    except PrintError:
        raise
    except DocumentError as exc:
        raise PrintError(_cannot_print(str(exc))) from exc


def _cannot_print(reason: str) -> str:
    return QCoreApplication.translate(
        "Printing", "This document cannot be printed: {reason}"
    ).format(reason=reason)


def _chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """0-based page indexes to print, in order, copies included when the printer cannot
    make them itself."""
    numbers = list(range(1, count + 1))
    ranges = printer.pageRanges()
    if printer.printRange() == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
        numbers = [n for n in numbers if ranges.contains(n)]
    if not numbers:
        raise PrintError(
            QCoreApplication.translate(
                "Printing", "The pages chosen are not in this document (it has {count})."
            ).format(count=count)
        )
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        numbers.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        numbers = numbers * copies
    else:
        numbers = [n for n in numbers for _ in range(copies)]
    return [n - 1 for n in numbers]


def _paint(
    printer: QPrinter, pages: list[int], draw: Callable[[int, QPainter, QRectF], None]
) -> int:
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            QCoreApplication.translate(
                "Printing",
                "The printer could not be started. Check that it is connected "
                "and switched on, then try again.",
            )
        )
    printed = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
        if not printer.fullPage():  # the painter's origin is the printable area's corner
            area.moveTo(0, 0)
        for index in pages:
            if printed and not printer.newPage():
                raise PrintError(
                    QCoreApplication.translate(
                        "Printing", "The printer refused to start a new page."
                    )
                )
            draw(index, painter, area)
            printed += 1
    finally:
        painter.end()
    return printed


def _fit(natural: QSizeF, area: QRectF) -> QRectF:
    """``natural`` shrunk to fit ``area`` keeping its shape, centred horizontally, at the top."""
    if natural.isEmpty():
        return QRectF(area)
    scale = min(1.0, area.width() / natural.width(), area.height() / natural.height())
    width, height = natural.width() * scale, natural.height() * scale
    return QRectF(area.left() + (area.width() - width) / 2, area.top(), width, height)


def _draw_pdf_page(
    document: QPdfDocument, index: int, painter: QPainter, area: QRectF, dpi: int
) -> None:
    points = document.pagePointSize(index)
    target = _fit(QSizeF(points.width() * dpi / 72, points.height() * dpi / 72), area)
    scale = min(1.0, MAX_RENDER_DPI / max(1, dpi))
    pixels = QSize(max(1, round(target.width() * scale)), max(1, round(target.height() * scale)))
    options = QPdfDocumentRenderOptions()
    options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.Annotations)
    rendered = document.render(index, pixels, options)
    if rendered.isNull():
        raise PrintError(
            QCoreApplication.translate("Printing", "Page {page} could not be rendered.").format(
                page=index + 1
            )
        )
    _text_layer(document, index, painter, target, points)  # under the image: hidden by it
    painter.drawImage(target, _on_white(rendered))


def _text_layer(
    document: QPdfDocument, index: int, painter: QPainter, target: QRectF, points: QSizeF
) -> None:
    """Lay the page's text under its image, line by line where the PDF has it:
    what reaches the printer can still be searched and read back (pdftotext on a PDF
    printer, a document archive), as scanners do with their text layer."""
    text = document.getAllText(index).text()
    if not text.strip():
        return
    sx, sy = target.width() / max(1.0, points.width()), target.height() / max(1.0, points.height())
    painter.save()
    painter.setPen(QColor(255, 255, 255))  # white, and the page image is drawn over it
    font = QFont("DejaVu Sans")
    start = 0
    for line in text.split("\n"):
        length = len(line)
        if line.strip():
            selection = document.getSelectionAtIndex(index, start, length)
            box = selection.boundingRectangle()
            if box.isValid() and box.height() > 0:
                font.setPixelSize(max(1, round(box.height() * sy * 0.8)))
                painter.setFont(font)
                painter.drawText(
                    QPointF(
                        target.left() + box.left() * sx,
                        target.top() + box.bottom() * sy - box.height() * sy * 0.2,
                    ),
                    line,
                )
        start += length + 1
    painter.restore()


def _on_white(image: QImage) -> QImage:
    """PDFium leaves the page transparent: put it on white (printer drivers and the PDF
    engine handle an opaque image better, and it is smaller)."""
    if not image.hasAlphaChannel():
        return image
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.setDevicePixelRatio(image.devicePixelRatio())
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def _draw_image(image: QImage, painter: QPainter, area: QRectF, dpi: int) -> None:
    dots_per_inch = image.dotsPerMeterX() * 0.0254
    if dots_per_inch < 10:  # missing or absurd: assume a screen image
        dots_per_inch = DEFAULT_IMAGE_DPI
    natural = QSizeF(image.width() / dots_per_inch * dpi, image.height() / dots_per_inch * dpi)
    target = _fit(natural, area)
    limit = QSize(
        max(1, round(target.width() * MAX_RENDER_DPI / max(1, dpi))),
        max(1, round(target.height() * MAX_RENDER_DPI / max(1, dpi))),
    )
    if image.width() > limit.width() or image.height() > limit.height():
        image = image.scaled(
            limit, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    painter.drawImage(target, _on_white(image))


def ask_and_print(parent: QWidget, path: Path, media_type: str, title: str) -> int | None:
    """Show the print dialog, then print. Returns the sheets printed, or None when the user
    cancelled or printing failed (a warning has then been shown)."""
    try:
        pages = page_count(path, media_type)
    except DocumentError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Printing", "Cannot print"), _cannot_print(str(exc))
        )
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, pages > 1)
    dialog.setMinMax(1, pages)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    failure: PrintError | None = None
    try:
        printed = print_document(path, media_type, printer)
    except PrintError as exc:
        failure = exc
    finally:
        QApplication.restoreOverrideCursor()
    if failure is not None:
        log.warning("printing %s failed: %s", path, failure)
        QMessageBox.warning(
            parent, QCoreApplication.translate("Printing", "Printing failed"), str(failure)
        )
        return None
    return printed


def print_file(path: Path, printer_name: str = "") -> int:
    """``python main.py print FILE.pdf [--printer NAME]``: the same path as the Print button,
    without the dialog. Returns the sheets sent; raises PrintError."""
    from PySide6.QtPrintSupport import QPrinterInfo

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        if printer_name not in QPrinterInfo.availablePrinterNames():
            raise PrintError(
                QCoreApplication.translate("Printing", "no printer named {name}").format(
                    name=printer_name
                )
            )
        printer.setPrinterName(printer_name)
    elif QPrinterInfo.defaultPrinter().isNull():
        raise PrintError(
            QCoreApplication.translate("Printing", "no printer is set up on this computer")
        )
    printer.setDocName(path.name)
    if not path.is_file():
        raise PrintError(
            QCoreApplication.translate("Printing", "the file {path} does not exist").format(
                path=str(path)
            )
        )
    return print_document(path, "application/pdf", printer)
