"""A paged, SQL-sorted table model for the big lists.

The services filter and sort in SQL; this model asks them for one page of
rows at a time (canFetchMore/fetchMore), so a book of 200,000 invoices is
never loaded into Python at once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

RowRole = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200
#: the full count of a long result waits for a pause in typing
COUNT_DELAY_MS = 150


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: translatable header, sort key for the service, display function."""

    header: str  # source text, translated in headerData (context "Columns")
    sort_key: str | None
    display: Callable[[R], str]
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None


class PagedTableModel(QAbstractTableModel):
    """Rows come from ``fetch(query, offset, limit)``; the total from ``count(query)``."""

    counted = Signal()  # the exact total is known

    def __init__(
        self,
        columns: list[Column[Any]],
        fetch: Callable[[Any, int, int], list[Any]],
        count: Callable[[Any], int],
        query: Any,
        *,
        foreground: Callable[[Any], QColor | None] | None = None,
        background: Callable[[Any], QColor | None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self._fetch = fetch
        self._count = count
        self._query = query
        self._rows: list[Any] = []
        self._total = 0
        self._foreground = foreground
        self._background = background
        self._loaded = False
        self._exact = True
        self.page_size = PAGE_SIZE
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._finish_count)

    # -- loading ---------------------------------------------------------------
    @property
    def query(self) -> Any:
        return self._query

    @property
    def total(self) -> int:
        """The number of rows the query matches (counted now if not yet)."""
        self._finish_count()
        return self._total

    def known_total(self) -> int | None:
        """The count if known; None while it is still to come (the ``counted`` signal)."""
        return self._total if self._exact else None

    def set_query(self, query: Any) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Re-read the first page (after a change or a new filter).

        The rows come first; when a full page came back, counting every match waits until
        typing pauses (COUNT_DELAY_MS), so a keystroke refreshes the list without it."""
        self.beginResetModel()
        self._loaded = True
        self._rows = self._fetch(self._query, 0, self.page_size)
        if len(self._rows) < self.page_size:
            self._total, self._exact = len(self._rows), True
            self._count_timer.stop()
        else:
            self._total, self._exact = sys.maxsize, False  # more to fetch; the count follows
            self._count_timer.start()
        self.endResetModel()

    def _finish_count(self) -> None:
        if self._exact:
            return
        self._count_timer.stop()
        self._total = max(self._count(self._query), len(self._rows))
        self._exact = True
        self.counted.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        more = self._fetch(self._query, len(self._rows), self.page_size)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key
        if key is None:
            return
        query = replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        if not self._loaded:  # the first reload will use it
            self._query = query
            return
        self.set_query(query)

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order of the current query (for the header's indicator)."""
        keys = [c.sort_key for c in self.columns]
        column = keys.index(self._query.sort) if self._query.sort in keys else -1
        order = (
            Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder
        )
        return column, order

    # -- reading -----------------------------------------------------------------
    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def loaded_count(self) -> int:
        return len(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", self.columns[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground:
            color = self._foreground(row)
            return QBrush(color) if color else None
        if role == Qt.ItemDataRole.BackgroundRole and self._background:
            color = self._background(row)
            return QBrush(color) if color else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        return None
