"""Dunning scenarios: the default ladder of each client kind and the named ladders
that can be given to a client (shared/domain.md §4.1)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import AppError, ValidationError
from services.followup import dunning
from services.followup.dunning import ScenarioRow, Step
from ui import i18n
from ui.dialogs.base import INVALID_STYLE
from ui.labels import CHANNELS, CLIENT_KINDS, STEP_ACTIONS, label
from ui.widgets import ErrorBanner

COL_OFFSET, COL_ACTION, COL_CHANNEL, COL_PENALTIES = range(4)
MIN_OFFSET, MAX_OFFSET = -60, 365
INVALID_CELL = "QSpinBox { background: #fde2e1; color: #8a1c14; }"


class ScenarioDialog(QDialog):
    """Edit the dunning scenarios; ``changed`` is emitted after each change saved."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dunning scenarios"))
        self.resize(900, 500)
        self._rows: list[ScenarioRow] = []
        self._current = -1
        self._dirty = False
        self._loading = False

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Each step is an offset in days from the invoice's due date (negative = before it) "
                "and the action to take then. A client follows the default of its kind unless it "
                "is given a named scenario. The defaults follow common French practice: a "
                "pre-reminder a few days before the due date, reminders, a call, then a formal "
                "notice by registered letter about a month late."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.banner = ErrorBanner()
        layout.addWidget(self.banner)

        body = QHBoxLayout()
        layout.addLayout(body, 1)
        left = QVBoxLayout()
        body.addLayout(left)
        self.list = QListWidget()
        self.list.setMinimumWidth(210)
        self.list.setMaximumWidth(260)
        self.list.currentRowChanged.connect(self._select)
        left.addWidget(self.list, 1)
        self.new_button = QPushButton(self.tr("New scenario…"))
        self.new_button.setToolTip(self.tr("A named scenario, starting with the steps shown"))
        self.new_button.clicked.connect(self._new)
        left.addWidget(self.new_button)
        self.delete_button = QPushButton(self.tr("Delete scenario"))
        self.delete_button.setToolTip(self.tr("Its clients go back to the default of their kind"))
        self.delete_button.clicked.connect(self._delete)
        left.addWidget(self.delete_button)

        right = QVBoxLayout()
        body.addLayout(right, 1)
        name_row = QHBoxLayout()
        self.name_label = QLabel(self.tr("Name"))
        name_row.addWidget(self.name_label)
        self.name = QLineEdit()
        self.name.textEdited.connect(self._mark_dirty)
        name_row.addWidget(self.name, 1)
        right.addLayout(name_row)
        self.kind_note = QLabel()
        right.addWidget(self.kind_note)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Offset"), self.tr("Action"), self.tr("Channel"), self.tr("Penalties shown")]
        )
        offset_header = self.table.horizontalHeaderItem(COL_OFFSET)
        penalties_header = self.table.horizontalHeaderItem(COL_PENALTIES)
        assert offset_header is not None and penalties_header is not None  # labels set above
        offset_header.setToolTip(
            self.tr(
                "Days from the due date: −5 is 5 days before it (J−5), 5 is 5 days after it (J+5)"
            )
        )
        penalties_header.setToolTip(
            self.tr("The letter states the late-payment penalties and the €40 indemnity")
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_OFFSET, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_CHANNEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PENALTIES, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._mark_dirty)
        right.addWidget(self.table, 1)

        steps_row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add step"))
        self.add_button.clicked.connect(self._add_step)
        self.remove_button = QPushButton(self.tr("Remove step"))
        self.remove_button.clicked.connect(self._remove_step)
        self.restore_button = QPushButton(self.tr("Restore built-in defaults"))
        self.restore_button.setToolTip(
            self.tr(
                "Put back the steps Encaisse comes with for this kind of client "
                "(saved only when you click Save)"
            )
        )
        self.restore_button.clicked.connect(self._restore)
        steps_row.addWidget(self.add_button)
        steps_row.addWidget(self.remove_button)
        steps_row.addStretch(1)
        steps_row.addWidget(self.restore_button)
        right.addLayout(steps_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)
        self._reload()

    # -- the list of scenarios --------------------------------------------------------------
    def _title(self, row: ScenarioRow) -> str:
        if row.client_kind:
            return self.tr("Default — {kind}").format(kind=label(CLIENT_KINDS, row.client_kind))
        return row.name

    def _reload(self, select_id: int | None = None, select_kind: str | None = None) -> None:
        """Read the scenarios again and show one (by kind, or named by id; else the first)."""
        self._rows = dunning.scenarios()
        wanted = 0
        self.list.blockSignals(True)
        self.list.clear()
        for index, row in enumerate(self._rows):
            self.list.addItem(QListWidgetItem(self._title(row)))
            if (select_kind and row.client_kind == select_kind) or (
                not select_kind
                and select_id is not None
                and row.id == select_id
                and not row.client_kind
            ):
                wanted = index
        self.list.setCurrentRow(wanted)
        self.list.blockSignals(False)
        self._show(wanted)

    def _select(self, index: int) -> None:
        if index == self._current or not 0 <= index < len(self._rows):
            return
        target = self._rows[index]
        if not self._settle():
            self.list.blockSignals(True)
            self.list.setCurrentRow(self._current)
            self.list.blockSignals(False)
            return
        self._reload(select_id=target.id, select_kind=target.client_kind)  # as saved now

    def _settle(self) -> bool:
        """Before leaving the scenario shown: save or drop its changes (False = stay)."""
        if not self._dirty or self._current < 0:
            return True
        name = self._title(self._rows[self._current])
        answer = QMessageBox.question(
            self,
            self.tr("Dunning scenarios"),
            self.tr("Save the changes to “{name}”?").format(name=name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self._write()
        return answer == QMessageBox.StandardButton.Discard

    def _show(self, index: int) -> None:
        self._current = index
        self.banner.clear_message()
        row = self.current_scenario()
        named = row is not None and not row.client_kind
        self.name_label.setVisible(named)
        self.name.setVisible(named)
        self.name.setStyleSheet("")
        self.name.setText(row.name if named and row else "")
        self.kind_note.setVisible(not named)
        if row is not None and row.client_kind:
            self.kind_note.setText(
                self.tr(
                    "Used by every client of the kind “{kind}” that has no scenario of its own."
                ).format(kind=label(CLIENT_KINDS, row.client_kind))
            )
        self.delete_button.setEnabled(named)
        self.restore_button.setEnabled(not named)
        self.set_steps(row.steps if row else ())
        self._set_dirty(False)

    def current_scenario(self) -> ScenarioRow | None:
        return self._rows[self._current] if 0 <= self._current < len(self._rows) else None

    # -- the table of steps -----------------------------------------------------------------
    def set_steps(self, steps: tuple[Step, ...] | list[Step]) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for step in steps:
            self._append_row(step)
        self._loading = False

    def _append_row(self, step: Step) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        offset = QSpinBox()
        offset.setRange(MIN_OFFSET, MAX_OFFSET)
        offset.setSuffix(" " + self.tr("days"))
        offset.setAlignment(Qt.AlignmentFlag.AlignRight)
        offset.setValue(step.offset_days)
        self._hint(offset)
        offset.valueChanged.connect(lambda _v, box=offset: self._hint(box))
        offset.valueChanged.connect(self._mark_dirty)
        self.table.setCellWidget(row, COL_OFFSET, offset)
        self.table.setCellWidget(row, COL_ACTION, self._choice(STEP_ACTIONS, step.action))
        self.table.setCellWidget(row, COL_CHANNEL, self._choice(CHANNELS, step.channel))
        penalties = QTableWidgetItem()
        penalties.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsSelectable
        )
        penalties.setCheckState(
            Qt.CheckState.Checked if step.with_penalties else Qt.CheckState.Unchecked
        )
        penalties.setData(Qt.ItemDataRole.UserRole, step.label)  # kept as it was
        self.table.setItem(row, COL_PENALTIES, penalties)

    def _choice(self, labels: dict[str, str], current: str) -> QComboBox:
        """A combo box of ``labels`` (key -> source text) showing ``current``."""
        box = QComboBox()
        for key in labels:
            box.addItem(label(labels, key), key)
        box.setCurrentIndex(max(box.findData(current), 0))
        box.currentIndexChanged.connect(self._mark_dirty)
        return box

    def _hint(self, box: QSpinBox) -> None:
        days = box.value()
        if days < 0:
            box.setToolTip(self.tr("J−%n: %n day(s) before the due date", "", -days))
        elif days > 0:
            box.setToolTip(self.tr("J+%n: %n day(s) after the due date", "", days))
        else:
            box.setToolTip(self.tr("J: on the due date"))

    def offset_box(self, row: int) -> QSpinBox:
        box = self.table.cellWidget(row, COL_OFFSET)
        assert isinstance(box, QSpinBox)
        return box

    def action_box(self, row: int) -> QComboBox:
        box = self.table.cellWidget(row, COL_ACTION)
        assert isinstance(box, QComboBox)
        return box

    def channel_box(self, row: int) -> QComboBox:
        box = self.table.cellWidget(row, COL_CHANNEL)
        assert isinstance(box, QComboBox)
        return box

    def steps(self) -> list[Step]:
        """The steps as shown in the table (not checked)."""
        out = []
        for row in range(self.table.rowCount()):
            penalties = self.table.item(row, COL_PENALTIES)
            assert penalties is not None  # every row gets one (_append_row)
            out.append(
                Step(
                    self.offset_box(row).value(),
                    str(self.action_box(row).currentData()),
                    str(self.channel_box(row).currentData()),
                    penalties.checkState() == Qt.CheckState.Checked,
                    str(penalties.data(Qt.ItemDataRole.UserRole) or ""),
                )
            )
        return out

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Clicking into a cell's editor makes its row the current one (for Remove step)."""
        if new is None or not self.table.isAncestorOf(new):
            return
        for row in range(self.table.rowCount()):
            for col in (COL_OFFSET, COL_ACTION, COL_CHANNEL):
                widget = self.table.cellWidget(row, col)
                if widget is not None and (widget is new or widget.isAncestorOf(new)):
                    self.table.setCurrentCell(row, col)
                    return

    def _add_step(self) -> None:
        last = max((s.offset_days for s in self.steps()), default=-15)
        self._append_row(Step(min(last + 15, MAX_OFFSET), "reminder", "letter", last >= 0))
        self.table.setCurrentCell(self.table.rowCount() - 1, COL_OFFSET)
        self.offset_box(self.table.rowCount() - 1).setFocus()
        self._mark_dirty()

    def _remove_step(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row < 0:
            return
        self.table.removeRow(row)
        self._mark_dirty()

    def _restore(self) -> None:
        row = self.current_scenario()
        if row is None or not row.client_kind:
            return
        self.set_steps(dunning.DEFAULT_STEPS[row.client_kind])
        self._mark_dirty()

    # -- saving -----------------------------------------------------------------------------
    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)

    def is_dirty(self) -> bool:
        return self._dirty

    def save(self) -> None:
        row = self.current_scenario()
        if row is None or not self._write():
            return
        if row.client_kind:
            self._reload(select_kind=row.client_kind)
        else:
            self._reload(select_id=row.id)

    def _write(self) -> bool:
        """Save the scenario shown; on error, show it and keep the table as it is."""
        row = self.current_scenario()
        if row is None:
            return True
        self._clear_marks()
        steps = self.steps()
        try:
            if row.client_kind:
                dunning.save_default_scenario(row.client_kind, steps)
            else:
                dunning.save_scenario(self.name.text(), steps, row.id)
        except AppError as exc:
            self._show_error(exc)
            return False
        self._set_dirty(False)
        self.changed.emit()
        return True

    def _clear_marks(self) -> None:
        self.banner.clear_message()
        self.name.setStyleSheet("")
        for row in range(self.table.rowCount()):
            self.offset_box(row).setStyleSheet("")

    def _show_error(self, exc: AppError, *, mark_name: bool = True) -> None:
        errors = exc.errors if isinstance(exc, ValidationError) else [exc]
        self.banner.show_error("\n".join(i18n.message(e) for e in errors))
        for error in errors:
            if mark_name and getattr(error, "field", None) == "name":
                self.name.setStyleSheet(INVALID_STYLE)
            offset = error.params.get("offset")
            for row in range(self.table.rowCount()):
                if offset is not None and str(self.offset_box(row).value()) == offset:
                    self.offset_box(row).setStyleSheet(INVALID_CELL)

    # -- named scenarios ----------------------------------------------------------------------
    def _new(self) -> None:
        """A named scenario starting with the steps shown (the one shown goes back to
        what was saved)."""
        name, ok = QInputDialog.getText(
            self, self.tr("New scenario"), self.tr("Name of the new scenario:")
        )
        if not ok:
            return
        self._clear_marks()
        try:
            new_id = dunning.save_scenario(name, self.steps())
        except AppError as exc:
            self._show_error(exc, mark_name=False)
            return
        self._set_dirty(False)
        self.changed.emit()
        self._reload(select_id=new_id)

    def _delete(self) -> None:
        row = self.current_scenario()
        if row is None or row.client_kind or row.id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete scenario"),
            self.tr(
                "Delete the scenario “{name}”? Its clients will follow the default of their kind."
            ).format(name=row.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            dunning.delete_scenario(row.id)
        except AppError as exc:
            self._show_error(exc)
            return
        self._set_dirty(False)
        self.changed.emit()
        self._reload()

    def reject(self) -> None:
        if self._settle():
            super().reject()
