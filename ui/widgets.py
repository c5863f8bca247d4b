"""Small reusable widgets: dates that may be empty, money fields, client picker,
an error banner and the history view shown in editors."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from services.core.dto import EventRow
from services.core.terms import FIRST_DATE, LAST_DATE
from services.ledger import clients as client_service
from ui import fmt_history
from ui import format as fmt


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class DateEdit(QDateEdit):
    """A date with a calendar popup, shown in the user's format, between 1900-01-01 and
    2100-12-31 like every date the services accept (Qt's own range runs to 9999-12-31:
    issue #11)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setDateRange(to_qdate(FIRST_DATE), to_qdate(LAST_DATE))

    def value(self) -> dt.date:
        return from_qdate(self.date())

    def set_value(self, value: dt.date) -> None:
        self.setDate(to_qdate(value))


class OptionalDateEdit(QWidget):
    """A date the user may leave out (checkbox off = no date)."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label)
        self.edit = DateEdit()
        self.edit.setEnabled(False)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def value(self) -> dt.date | None:
        return self.edit.value() if self.check.isChecked() else None

    def set_value(self, value: dt.date | None, default: dt.date | None = None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.set_value(value)
        elif default is not None:
            self.edit.set_value(default)


class MoneyEdit(QLineEdit):
    """Amounts are typed as text and parsed as Decimal by the services (never float)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0,00")


class ClientPicker(QComboBox):
    """Pick a client by typing part of its code or name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reload()
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setPlaceholderText(self.tr("Type a client's code or name"))

    def reload(self) -> None:
        current = self.client_id()
        self.blockSignals(True)
        self.clear()
        for cid, code, name in client_service.client_choices(limit=100_000):
            self.addItem(f"{name} ({code})", cid)
        self.setCurrentIndex(-1)
        self.blockSignals(False)
        if current is not None:
            self.set_client(current)

    def client_id(self) -> int | None:
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        if index < 0:
            return None
        value = self.itemData(index)
        return int(value) if value is not None else None

    def set_client(self, client_id: int | None) -> None:
        index = self.findData(client_id) if client_id is not None else -1
        self.setCurrentIndex(index)


class ErrorBanner(QLabel):
    """A red message at the top of an editor; warnings in amber."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet(
            "QLabel { background: #fde2e1; color: #8a1c14; padding: 6px;"
            " border: 1px solid #e5a19b; border-radius: 4px; }"
        )
        self.setText(text)
        self.show()

    def show_warning(self, text: str) -> None:
        self.setStyleSheet(
            "QLabel { background: #fff4d6; color: #6b4e00; padding: 6px;"
            " border: 1px solid #e8cf85; border-radius: 4px; }"
        )
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class HistoryView(QTreeWidget):
    """The append-only event log of a client, invoice or payment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Details")])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setColumnWidth(0, 130)
        self.setColumnWidth(1, 190)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)

    def set_events(self, events: list[EventRow]) -> None:
        self.clear()
        for event in reversed(events):
            item = QTreeWidgetItem(
                [
                    fmt.datetime(event.at),
                    fmt_history.action(event),
                    fmt_history.details(event),
                ]
            )
            item.setToolTip(2, json.dumps(event.details, ensure_ascii=False, indent=1))
            self.addTopLevelItem(item)


class DateRange(QWidget):
    """ "<label> [from] to [to]", off until its box is ticked."""

    changed = Signal()

    def __init__(
        self, label: str, start: dt.date, end: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label)
        self.start = DateEdit()
        self.end = DateEdit()
        self.start.set_value(start)
        self.end.set_value(end)
        for widget in (self.check, self.start, QLabel(self.tr("to")), self.end):
            layout.addWidget(widget)
        self._enable(False)
        self.check.toggled.connect(self._enable)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.start.dateChanged.connect(lambda _d: self.changed.emit())
        self.end.dateChanged.connect(lambda _d: self.changed.emit())

    def _enable(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)

    def bounds(self) -> tuple[dt.date | None, dt.date | None]:
        if not self.check.isChecked():
            return None, None
        return self.start.value(), self.end.value()
