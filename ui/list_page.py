"""A searchable, sortable, filterable list with New / Edit / Delete."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QDropEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import AppError
from ui import i18n
from ui.changes import Change, watch
from ui.table_model import PagedTableModel


class ListPage(QWidget):
    """Subclasses supply the model, the filters, the editor and the topics they show: the
    list reloads itself when a transaction changes one of them (:mod:`ui.changes`), at once
    when visible, else when next shown."""

    #: what the rows show (BOOK always counts)
    TOPICS = Change.everything()
    last_refresh_ms: float = 0.0

    def __init__(self, model: PagedTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)

        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.search_placeholder())
        self.search.setMinimumWidth(260)
        top.addWidget(self.search, 2)
        self.filters = QHBoxLayout()
        top.addLayout(self.filters)
        top.addStretch(1)
        self.new_button = QPushButton(self.new_label())
        self.new_button.setToolTip(self.tr("Create (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Open…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        for button in (self.new_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        layout.addLayout(top)

        self.table = QTableView()
        self.table.setModel(model)
        self.table.horizontalHeader().setSortIndicator(*model.sort_column())
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        layout.addWidget(self.table, 1)
        # files dropped on a row are attached to that row (pages that support it)
        self.table.viewport().setAcceptDrops(True)
        self.table.viewport().installEventFilter(self)

        bottom = QHBoxLayout()
        self.count_label = QLabel()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        self.summary_label = QLabel()
        bottom.addWidget(self.summary_label)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)  # coalesce keystrokes already queued
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        # not connected to create_new itself: PySide6 would pass ``checked`` (False) as its
        # first argument (InvoicesPage's kind, PaymentsPage's client)
        self.new_button.clicked.connect(lambda: self.create_new())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.counted.connect(self._update_count)
        self.model.modelReset.connect(self._update_buttons)

        QShortcut(
            QKeySequence.StandardKey.New,
            self,
            self.create_new,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence.StandardKey.Find,
            self,
            self.focus_search,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Delete),
            self.table,
            self.delete_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Return),
            self.table,
            self.edit_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self._update_buttons()
        watch(self, self.TOPICS, lambda _change: self.reload(), when_hidden=True)

    # -- files dropped on a row ------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.table.viewport()
            and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
            and isinstance(event, QDropEvent)  # PySide6 hands these over as their own classes
        ):
            return self._drag_event(event)
        return super().eventFilter(watched, event)

    def _drag_event(self, event: QDropEvent) -> bool:
        if not self.accepts_files() or not event.mimeData().hasUrls():
            return False
        index = self.table.indexAt(event.position().toPoint())
        if not index.isValid():
            event.ignore()
            return True
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.table.selectRow(index.row())
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            row = self.model.row_at(index.row())
            if paths and row is not None:
                self.drop_files(row, paths)
        return True

    def accepts_files(self) -> bool:
        return False

    def drop_files(self, row: Any, paths: list[Path]) -> None:
        """Attach dropped files to the row's invoice or client (pages that accept files)."""

    # -- to override ---------------------------------------------------------------
    def search_placeholder(self) -> str:
        return self.tr("Search…")

    def new_label(self) -> str:
        return self.tr("New")

    def build_query(self, base: Any) -> Any:
        """Return the model's query with the filters of this page applied."""
        return replace(base, search=self.search.text())

    def count_text(self, count: int) -> str:
        return self.tr("%n row(s)", "", count)

    def create_new(self) -> None:
        raise NotImplementedError

    def open_row(self, row: Any) -> bool:
        """Open the editor; return True if something changed (the list reloads by itself)."""
        raise NotImplementedError

    def delete_row(self, row: Any) -> None:
        raise NotImplementedError

    def confirm_delete_text(self, row: Any) -> str:
        raise NotImplementedError

    def update_summary(self) -> None:
        self.summary_label.setText("")

    # -- behaviour -----------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_filters(self) -> None:
        started = time.perf_counter()
        self.model.set_query(self.build_query(self.model.query))
        self.last_refresh_ms = (time.perf_counter() - started) * 1000

    stale = True

    def reload(self) -> None:
        """Reload now if visible, else when next shown."""
        if self.isVisible():
            self.model.reload()
            self.stale = False
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self.stale:
            self.model.reload()
            self.stale = False
        super().showEvent(event)

    def selected_row(self) -> Any | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            current = self.table.currentIndex()
            if not current.isValid():
                return None
            return self.model.row_at(current.row())
        return self.model.row_at(indexes[0].row())

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_row(row)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.confirm_delete_text(row),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.delete_row(row)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), i18n.message(exc))

    def _update_count(self) -> None:
        known = self.model.known_total()
        self.count_label.setText(self.count_text(known) if known is not None else "…")
        self.update_summary()

    def _update_buttons(self) -> None:
        has = self.table.selectionModel().hasSelection()
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
