"""Shared behaviour of editor dialogs: error banner, field highlighting."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import AppError, UserError, ValidationError
from services.ledger import payments as payment_service
from ui import i18n
from ui.widgets import ErrorBanner

INVALID_STYLE = "border: 2px solid #d93025;"


class EditorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = ErrorBanner()
        self.fields: dict[str, QWidget] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> None:
        raise NotImplementedError

    def clear_errors(self) -> None:
        self.banner.clear_message()
        for widget in self.fields.values():
            widget.setStyleSheet("")
            widget.setToolTip("")

    def show_error(self, exc: AppError) -> None:
        """Show the message (it names the field) and outline the bad fields."""
        self.clear_errors()
        self.banner.show_error(i18n.message(exc))
        errors = exc.errors if isinstance(exc, ValidationError) else [exc]
        first: QWidget | None = None
        for error in errors:
            field = error.field if isinstance(error, UserError) else None
            widget = self.fields.get(field or "")
            if widget is None:
                continue
            widget.setStyleSheet(INVALID_STYLE)
            widget.setToolTip(error.render(i18n.translate))
            first = first or widget
        if first is not None:
            self._reveal(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reveal(self, widget: QWidget) -> None:
        """Switch tabs so the bad field is visible (overridden by tabbed editors)."""


def form_tab(tabs: QTabWidget, title: str) -> QFormLayout:
    """A tab holding a form whose rows keep their natural height."""
    page = QWidget()
    outer = QVBoxLayout(page)
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    outer.addLayout(form)
    outer.addStretch(1)
    tabs.addTab(page, title)
    return form


def remove_selected_allocation(parent: QWidget, tree: QTreeWidget) -> bool:
    """Un-allocate the active allocation selected in ``tree`` (its id in column 0's
    UserRole); True if something changed."""
    item = tree.currentItem()
    allocation_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
    if allocation_id is None:
        return False
    try:
        payment_service.unallocate(int(allocation_id))
    except AppError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("EditorDialog", "Cannot remove"), i18n.message(exc)
        )
        return False
    return True


class FormDialog(QDialog):
    """A title, an error banner, a form, OK/Cancel; ``apply()`` does the work and may
    raise AppError (shown in the banner, the dialog stays open)."""

    def __init__(self, title: str, parent: QWidget | None = None, ok_text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.banner = ErrorBanner()
        layout.addWidget(self.banner)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            ok_text or QCoreApplication.translate("FormDialog", "OK")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("FormDialog", "Cancel")
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def apply(self) -> bool | None:
        """Do the work; return False to stay open without a message (the user was told)."""
        raise NotImplementedError

    def _ok(self) -> None:
        try:
            done = self.apply()
        except AppError as exc:
            self.banner.show_error(i18n.message(exc))
            return
        if done is not False:
            self.accept()
