"""Preview a stored document (a PDF or an image) inside Encaisse.

``DocumentViewer`` shows the pages with page and zoom controls, and offers to open the
document with the system viewer, export a copy or print it. A document that cannot be
shown leaves a message in place of the pages; the other buttons keep working.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QFont,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import printing

log = logging.getLogger(__name__)

#: What "zoom in" and "zoom out" step through (1.0 = actual size).
ZOOM_STEPS = (0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]
#: A zoomed image is never made larger than this many pixels a side (memory).
MAX_IMAGE_SIDE = 12_000
WHEEL_STEP = 120  # one notch of a mouse wheel, in eighths of a degree


class Fit(Enum):
    NONE = "none"  # a zoom factor chosen by the user
    WIDTH = "width"
    PAGE = "page"


def next_zoom(current: float, direction: int) -> float:
    """The zoom step after ``current`` (direction +1) or before it (-1)."""
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > current * 1.01), MAX_ZOOM)
    return next((z for z in reversed(ZOOM_STEPS) if z < current * 0.99), MIN_ZOOM)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


class _ScrollAnchor:
    """Keeps the centre of the view on the same spot of the document across a zoom."""

    def __init__(self, area: QAbstractScrollArea) -> None:
        self.area = area
        self.ratios = [
            self._ratio(bar.value(), bar.maximum(), bar.pageStep())
            for bar in (area.horizontalScrollBar(), area.verticalScrollBar())
        ]

    @staticmethod
    def _ratio(value: int, maximum: int, page: int) -> float:
        total = maximum + page
        return (value + page / 2) / total if total > 0 else 0.0

    def restore(self) -> None:
        for bar, ratio in zip(
            (self.area.horizontalScrollBar(), self.area.verticalScrollBar()),
            self.ratios,
            strict=True,
        ):
            bar.setValue(round(ratio * (bar.maximum() + bar.pageStep()) - bar.pageStep() / 2))


class _PdfPane(QPdfView):
    """All the pages of a PDF one below the other."""

    page_changed = Signal(int)
    zoom_changed = Signal()

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        # PySide6's stub types the parent as not None; Qt takes a null parent (QWidget *)
        super().__init__(parent)  # type: ignore[arg-type]
        self._wheel = 0
        self.setDocument(document)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        screen = QGuiApplication.primaryScreen()  # what QPdfView itself scales points by
        self._points_to_pixels = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
        self.pageNavigator().currentPageChanged.connect(self.page_changed)

    def release(self) -> None:
        document = self.document()
        if document is not None:
            document.close()  # closes the file (Windows would keep it locked); view empties

    def page_count(self) -> int:
        document = self.document()
        return document.pageCount() if document is not None else 0

    def current_page(self) -> int:
        return self.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        self.pageNavigator().jump(page, QPointF(), self.zoomFactor())

    def fit(self) -> Fit:
        mode = self.zoomMode()
        if mode == QPdfView.ZoomMode.FitToWidth:
            return Fit.WIDTH
        if mode == QPdfView.ZoomMode.FitInView:
            return Fit.PAGE
        return Fit.NONE

    def zoom_factor(self) -> float:
        """The zoom in effect, also in the fit modes (where QPdfView keeps its last factor)."""
        fit = self.fit()
        document = self.document()
        if fit == Fit.NONE or document is None:
            return self.zoomFactor()
        points = document.pagePointSize(max(0, self.current_page()))
        if points.isEmpty():
            return 1.0
        margins, viewport = self.documentMargins(), self.viewport().size()
        width = (viewport.width() - margins.left() - margins.right()) / (
            points.width() * self._points_to_pixels
        )
        if fit == Fit.WIDTH:
            return max(0.01, width)
        height = (viewport.height() - self.pageSpacing()) / (
            points.height() * self._points_to_pixels
        )
        return max(0.01, min(width, height))

    def set_zoom(self, factor: float) -> None:
        anchor = _ScrollAnchor(self)
        self.setZoomFactor(_clamp(factor, MIN_ZOOM, MAX_ZOOM))
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        anchor.restore()
        self.zoom_changed.emit()

    def set_fit(self, fit: Fit) -> None:
        anchor = _ScrollAnchor(self)
        self.setZoomMode(
            QPdfView.ZoomMode.FitToWidth if fit == Fit.WIDTH else QPdfView.ZoomMode.FitInView
        )
        anchor.restore()
        self.zoom_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.fit() != Fit.NONE:
            self.zoom_changed.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if not _wheel_zoom(self, event):
            super().wheelEvent(event)


class _ImagePane(QScrollArea):
    """One image (or one page of a multi-page TIFF), scaled smoothly."""

    page_changed = Signal(int)
    zoom_changed = Signal()

    def __init__(
        self, path: Path, frames: int, first: QImage, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._path = path
        self._frames = frames
        self._index = 0
        self._image = first
        self._zoom = 1.0
        self._fit = Fit.WIDTH
        self._first_layout = True
        self._shown: tuple[int, int, float, int] | None = None
        self._wheel = 0
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidgetResizable(False)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Dark)
        self.label = QLabel()
        paper = self.label.palette()  # a transparent image is shown on white, as on paper
        paper.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.white)
        self.label.setPalette(paper)
        self.label.setBackgroundRole(QPalette.ColorRole.Window)  # not the viewport's Dark
        self.label.setAutoFillBackground(True)
        self.setWidget(self.label)
        self._relayout()

    def release(self) -> None:
        self.label.clear()

    def page_count(self) -> int:
        return self._frames

    def current_page(self) -> int:
        return self._index

    def go_to_page(self, page: int) -> None:
        if page == self._index or not 0 <= page < self._frames:
            return
        try:
            image = printing.read_image_frame(self._path, page)
        except printing.DocumentError as exc:
            log.warning("cannot show page %d of %s: %s", page + 1, self._path, exc)
            return
        self._index, self._image = page, image
        self._relayout()
        self.verticalScrollBar().setValue(0)
        self.page_changed.emit(page)

    def fit(self) -> Fit:
        return self._fit

    def zoom_factor(self) -> float:
        return self._zoom

    def _max_zoom(self) -> float:
        side = max(1, self._image.width(), self._image.height())
        return max(MIN_ZOOM, min(MAX_ZOOM, MAX_IMAGE_SIDE / side))

    def set_zoom(self, factor: float) -> None:
        anchor = _ScrollAnchor(self)
        self._first_layout = False
        self._fit = Fit.NONE
        self._zoom = _clamp(factor, MIN_ZOOM, self._max_zoom())
        self._relayout()
        anchor.restore()
        self.zoom_changed.emit()

    def set_fit(self, fit: Fit) -> None:
        self._first_layout = False
        self._fit = fit
        self._relayout()
        self.zoom_changed.emit()

    def _fitted_zoom(self) -> float:
        """The zoom that shows the whole width (or page) without a horizontal scroll bar."""
        available = self.maximumViewportSize()
        width, height = max(1, self._image.width()), max(1, self._image.height())
        if self._fit == Fit.PAGE:
            zoom = min(available.width() / width, available.height() / height)
        else:
            zoom = available.width() / width
            if height * zoom > available.height():  # a vertical scroll bar will take room
                bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
                zoom = (available.width() - bar) / width
        return _clamp(zoom, MIN_ZOOM, self._max_zoom())

    def _relayout(self) -> None:
        if self._fit != Fit.NONE:
            self._zoom = self._fitted_zoom()
            if self._first_layout and self._zoom > 1.0:
                # a small image opens at its actual size, not blown up to the width
                self._fit, self._zoom = Fit.NONE, 1.0
        ratio = self.devicePixelRatioF()
        width = max(1, int(self._image.width() * self._zoom))
        height = max(1, int(self._image.height() * self._zoom))
        key = (width, height, ratio, self._index)
        if key == self._shown:
            return
        self._shown = key
        if width == self._image.width() and height == self._image.height() and ratio == 1.0:
            pixmap = QPixmap.fromImage(self._image)
        else:
            scaled = self._image.scaled(
                round(width * ratio),
                round(height * ratio),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            pixmap = QPixmap.fromImage(scaled)
            pixmap.setDevicePixelRatio(ratio)
        self.label.setPixmap(pixmap)
        self.label.resize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._fit != Fit.NONE:
            self._relayout()
            self.zoom_changed.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._first_layout:
            self._relayout()
            self._first_layout = False
            self.zoom_changed.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if not _wheel_zoom(self, event):
            super().wheelEvent(event)


_Pane = _PdfPane | _ImagePane


def _wheel_zoom(pane: _Pane, event: QWheelEvent) -> bool:
    """Ctrl + wheel zooms; True if the event was used."""
    if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return False
    pane._wheel += event.angleDelta().y()
    while abs(pane._wheel) >= WHEEL_STEP:
        direction = 1 if pane._wheel > 0 else -1
        pane._wheel -= direction * WHEEL_STEP
        pane.set_zoom(next_zoom(pane.zoom_factor(), direction))
    event.accept()
    return True


class DocumentViewer(QDialog):
    """Show a stored PDF or image. Use ``show()`` (non-modal) or ``exec()``.

    ``on_open_external`` and ``on_export`` are called by the "Open with system viewer" and
    "Export a copy…" buttons; a button whose callback is None is hidden. Closing the dialog
    closes the file: create a new viewer to show the document again.
    """

    def __init__(
        self,
        path: Path,
        media_type: str,
        title: str,
        parent: QWidget | None = None,
        *,
        on_export: Callable[[], None] | None = None,
        on_open_external: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.media_type = media_type
        self.title = title
        self._kind = printing.media_kind(media_type)
        #: The widget showing the pages; None when the document cannot be shown.
        self.pane: _PdfPane | _ImagePane | None = None
        self._error = ""
        self.setWindowTitle(title)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.toolbar = self._build_toolbar()
        layout.addWidget(self.toolbar)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.message_page = self._build_message_page(
            show_hint=on_export is not None or on_open_external is not None
        )
        self.stack.addWidget(self.message_page)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = self.buttons.addButton(
            self.tr("Open with system viewer"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button = self.buttons.addButton(
            self.tr("Export a copy…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button = self.buttons.addButton(
            self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        for button in (self.open_button, self.export_button, self.print_button, self.close_button):
            # Enter in the page box must not press a button (it would close the viewer)
            button.setAutoDefault(False)
            button.setDefault(False)
        self.print_button.setToolTip(_with_keys(self.tr("Print…"), QKeySequence.StandardKey.Print))
        self.open_button.setVisible(on_open_external is not None)
        self.export_button.setVisible(on_export is not None)
        if on_open_external is not None:
            self.open_button.clicked.connect(lambda _checked=False: on_open_external())
        if on_export is not None:
            self.export_button.clicked.connect(lambda _checked=False: on_export())
        self.print_button.clicked.connect(self.print_document)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._print_shortcut = QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)

        self._resize_to_screen()
        try:
            self._load()
        except Exception as exc:  # never let a broken document take the application down
            log.exception("cannot preview %s (%s)", self.path, media_type)
            self._show_error(
                self.tr("an unexpected error occurred ({error}).").format(error=type(exc).__name__)
            )

    # -- building ------------------------------------------------------------------
    def _action(
        self,
        text: str,
        icon: QIcon,
        keys: list[QKeySequence],
        slot: Callable[[], None],
        *,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(icon, text, self)
        action.setShortcuts(keys)
        action.setCheckable(checkable)
        action.setToolTip(_with_keys(text, keys[0] if keys else None))
        action.triggered.connect(lambda _checked=False: slot())
        self.toolbar.addAction(action)
        return action

    def _build_toolbar(self) -> QToolBar:
        self.toolbar = toolbar = QToolBar()
        toolbar.setIconSize(QSize(20, 20))
        style = self.style()
        self.prev_action = self._action(
            self.tr("Previous page"),
            _icon(QIcon.ThemeIcon.GoUp, style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp)),
            [QKeySequence(Qt.Key.Key_PageUp)],
            self.previous_page,
        )
        self.next_action = self._action(
            self.tr("Next page"),
            _icon(QIcon.ThemeIcon.GoDown, style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown)),
            [QKeySequence(Qt.Key.Key_PageDown)],
            self.next_page,
        )
        self.page_spin = QSpinBox()
        self.page_spin.setRange(1, 1)
        self.page_spin.setKeyboardTracking(False)  # go when Enter is pressed, not per digit
        self.page_spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.page_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_spin.setMinimumWidth(self.page_spin.fontMetrics().horizontalAdvance("0000") + 10)
        self.page_spin.setToolTip(self.tr("Page shown (type a number and press Enter)"))
        self.page_spin.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.page_spin_action = toolbar.addWidget(self.page_spin)
        self.page_total_label = QLabel()
        self.page_total_label.setContentsMargins(4, 0, 6, 0)
        self.page_total_action = toolbar.addWidget(self.page_total_label)
        self.page_separator = toolbar.addSeparator()

        self.zoom_out_action = self._action(
            self.tr("Zoom out"),
            _icon(QIcon.ThemeIcon.ZoomOut),
            QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut),
            self.zoom_out,
        )
        self.zoom_label = QLabel()
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        metrics = self.zoom_label.fontMetrics()
        self.zoom_label.setMinimumWidth(metrics.horizontalAdvance("0000 %") + 8)
        self.zoom_label.setToolTip(self.tr("Zoom"))
        toolbar.addWidget(self.zoom_label)
        self.zoom_in_action = self._action(
            self.tr("Zoom in"),
            _icon(QIcon.ThemeIcon.ZoomIn),
            [*QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")],
            self.zoom_in,
        )
        for action, sign in ((self.zoom_out_action, "−"), (self.zoom_in_action, "+")):
            if action.icon().isNull():
                action.setIconText(sign)
        toolbar.addSeparator()
        self.fit_width_action = self._action(
            self.tr("Fit width"), QIcon(), [], lambda: self._set_fit(Fit.WIDTH), checkable=True
        )
        self.fit_page_action = self._action(
            self.tr("Fit page"), QIcon(), [], lambda: self._set_fit(Fit.PAGE), checkable=True
        )
        self.actual_size_action = self._action(
            self.tr("Actual size"),
            QIcon(),
            [QKeySequence("Ctrl+0")],
            self.actual_size,
            checkable=True,
        )
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for action in (self.fit_width_action, self.fit_page_action, self.actual_size_action):
            group.addAction(action)

        def button(action: QAction) -> QToolButton:
            widget = toolbar.widgetForAction(action)
            assert isinstance(widget, QToolButton)
            return widget

        self.prev_button = button(self.prev_action)
        self.next_button = button(self.next_action)
        self.zoom_in_button = button(self.zoom_in_action)
        self.zoom_out_button = button(self.zoom_out_action)
        self.fit_width_button = button(self.fit_width_action)
        self.fit_page_button = button(self.fit_page_action)
        self.actual_size_button = button(self.actual_size_action)
        return toolbar

    def _build_message_page(self, show_hint: bool) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(40, 40, 40, 40)
        box.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.message.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.message.setFont(font)
        box.addWidget(self.message)
        box.addSpacing(8)
        self.hint = QLabel(
            self.tr("You can still open it with the system viewer or export a copy.")
        )
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setVisible(show_hint)
        box.addWidget(self.hint)
        box.addStretch(2)
        return page

    def _resize_to_screen(self) -> None:
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        wanted = QSize(900, 1000)
        if screen is not None:
            available = screen.availableGeometry().size()
            wanted = wanted.boundedTo(
                QSize(available.width() * 95 // 100, available.height() * 92 // 100)
            )
        self.resize(wanted)

    # -- loading -------------------------------------------------------------------
    def _load(self) -> None:
        if self._kind == "pdf":
            try:
                document = printing.open_pdf(self.path, self)
            except printing.DocumentError as exc:
                self._show_error(str(exc))
                return
            pane: _Pane = _PdfPane(document)
        elif self._kind == "image":
            try:
                frames = printing.image_frame_count(self.path, self.media_type)
                first = printing.read_image_frame(self.path, 0)
            except printing.DocumentError as exc:
                self._show_error(str(exc))
                return
            pane = _ImagePane(self.path, frames, first)
        else:
            self._show_error(printing.unsupported_reason(self.media_type))
            return
        self.pane = pane
        self.stack.addWidget(pane)
        self.stack.setCurrentWidget(pane)
        pane.page_changed.connect(self._sync_page)
        pane.page_changed.connect(self._sync_zoom)  # pages may differ in size (fit modes)
        pane.zoom_changed.connect(self._sync_zoom)
        count = pane.page_count()
        self.page_spin.setRange(1, max(1, count))
        self.page_total_label.setText(self.tr("of {count}").format(count=count))
        paged = self.is_pdf or count > 1
        for action in (
            self.prev_action,
            self.next_action,
            self.page_spin_action,
            self.page_total_action,
            self.page_separator,
        ):
            action.setVisible(paged)
        self._sync_page(pane.current_page())
        self._sync_zoom()
        pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_error(self, reason: str) -> None:
        log.warning("cannot preview %s: %s", self.path, reason)
        if self.pane is not None:  # failed half-way: drop what was built
            self.pane.release()
            self.stack.removeWidget(self.pane)
            self.pane.deleteLater()
            self.pane = None
        self._error = self.tr("This document cannot be previewed: {reason}").format(reason=reason)
        self.message.setText(self._error)
        self.stack.setCurrentWidget(self.message_page)
        self.toolbar.setVisible(False)
        self.print_button.setEnabled(False)
        self._print_shortcut.setEnabled(False)

    # -- state shown in the toolbar ------------------------------------------------
    def _sync_page(self, page: int) -> None:
        count = self.page_count()
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self.prev_action.setEnabled(page > 0)
        self.next_action.setEnabled(page < count - 1)

    def _sync_zoom(self) -> None:
        pane = self.pane
        if pane is None:
            return
        zoom = pane.zoom_factor()
        percent = self.locale().toString(round(zoom * 100))
        self.zoom_label.setText(self.tr("{percent}%").format(percent=percent))
        fit = pane.fit()
        self.fit_width_action.setChecked(fit == Fit.WIDTH)
        self.fit_page_action.setChecked(fit == Fit.PAGE)
        self.actual_size_action.setChecked(fit == Fit.NONE and abs(zoom - 1.0) < 1e-6)
        self.zoom_out_action.setEnabled(zoom > MIN_ZOOM + 1e-6)
        self.zoom_in_action.setEnabled(zoom < MAX_ZOOM - 1e-6)

    # -- public API ----------------------------------------------------------------
    @property
    def is_pdf(self) -> bool:
        """The document is a PDF (by its media type), whether or not it could be read."""
        return self._kind == "pdf"

    def error_text(self) -> str:
        """Why the document is not shown; "" when it is."""
        return self._error

    def page_count(self) -> int:
        return self.pane.page_count() if self.pane is not None else 0

    def current_page(self) -> int:
        """0-based."""
        return self.pane.current_page() if self.pane is not None else 0

    def go_to_page(self, page: int) -> None:
        """Show page ``page`` (0-based; clamped to the document)."""
        if self.pane is None or self.page_count() == 0:
            return
        page = max(0, min(self.page_count() - 1, page))
        self.pane.go_to_page(page)
        self._sync_page(self.pane.current_page())

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def zoom_factor(self) -> float:
        """The zoom in effect: 1.0 is actual size, also in the fit modes."""
        return self.pane.zoom_factor() if self.pane is not None else 1.0

    def set_zoom(self, factor: float) -> None:
        if self.pane is not None:
            self.pane.set_zoom(factor)

    def zoom_in(self) -> None:
        self.set_zoom(next_zoom(self.zoom_factor(), +1))

    def zoom_out(self) -> None:
        self.set_zoom(next_zoom(self.zoom_factor(), -1))

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def fit_width(self) -> None:
        self._set_fit(Fit.WIDTH)

    def fit_page(self) -> None:
        self._set_fit(Fit.PAGE)

    def _set_fit(self, fit: Fit) -> None:
        if self.pane is not None:
            self.pane.set_fit(fit)

    def print_document(self) -> int | None:
        """Ask for a printer and print; the sheets printed, or None."""
        if self.pane is None:
            return None
        return printing.ask_and_print(self, self.path, self.media_type, self.title)

    # -- closing -------------------------------------------------------------------
    def done(self, result: int) -> None:
        if self.pane is not None:
            self.pane.release()
        super().done(result)


def _icon(name: QIcon.ThemeIcon, fallback: QIcon | None = None) -> QIcon:
    icon = QIcon.fromTheme(name)
    return fallback if icon.isNull() and fallback is not None else icon


def _with_keys(text: str, keys: QKeySequence | QKeySequence.StandardKey | None) -> str:
    """ "Zoom in (Ctrl++)" for a tooltip."""
    if keys is None:
        return text
    shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({shown})" if shown else text
