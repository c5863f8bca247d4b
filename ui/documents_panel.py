"""Proof documents in the editors: list, attach (dialog or drop), preview,
open, export, print, replace, delete — and the proof status of an invoice.

Copying and hashing run off the GUI thread (a :mod:`ui.jobs` job), with a
progress dialog for large files; the rows are written afterwards, in the GUI
thread, in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import DOCUMENT_KINDS
from services.core import clock, history, settings
from services.core.errors import AppError
from services.proof import documents
from services.proof.documents import DocumentRow, Meta, Owner
from services.proof.rules import ProofStatus
from services.proof.store import Ingested
from ui import format as fmt
from ui import i18n, jobs
from ui.changes import Change, watch
from ui.labels import DOCUMENT_KINDS as KIND_LABELS
from ui.labels import PROOFS, label
from ui.widgets import DateEdit, ErrorBanner, HistoryView, OptionalDateEdit

log = logging.getLogger(__name__)


def file_filter() -> str:
    return QCoreApplication.translate(
        "Documents",
        "PDF and images (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.gif *.webp);;All files (*)",
    )


def guess_kind(name: str) -> str:
    """A first guess from the file name (the user can change it)."""
    lowered = name.lower()
    for words, kind in (
        (("cgv", "conditions", "terms"), "cgv"),
        (("devis", "quote"), "quote"),
        (("commande", "bdc", "order", "po_"), "purchase_order"),
        (("livraison", "bl_", "bl-", "bl ", "delivery"), "delivery_note"),
        (("contrat", "contract"), "contract"),
        (("facture", "invoice"), "invoice_copy"),
        (("accuse", "accusé", "ar_", "lrar", "receipt"), "acknowledgment"),
        (("courrier", "lettre", "mail", "letter"), "correspondence"),
    ):
        if any(w in lowered for w in words):
            return kind
    return "other"


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


# -- copying off the GUI thread -----------------------------------------------------------
def _ingest(paths: Sequence[Path], limit: int, progress: jobs.Progress) -> list[Ingested]:
    """Copy and hash files into the store (on a worker thread, never touching the
    database); the copies already made are forgotten when one fails or is cancelled."""
    sizes = [p.stat().st_size if p.is_file() else 0 for p in paths]
    total = max(1, sum(sizes))
    items: list[Ingested] = []
    before = 0
    try:
        for path, size in zip(paths, sizes, strict=True):

            def report(done: int, _size: int, base: int = before) -> None:
                progress(base + done, total)

            items.append(documents.ingest(path, limit=limit, progress=report))
            before += size
    except BaseException:
        documents.forget(items)
        raise
    return items


def ingest_with_progress(parent: QWidget, paths: Sequence[Path]) -> list[Ingested] | None:
    """Copy files into the store without freezing the window; None if it failed (the
    user was told) or was cancelled."""
    try:
        limit = settings.read().max_bytes
        for path in paths:  # refuse at once what cannot be attached
            documents.check_file(path, limit)
    except AppError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Documents", "Cannot attach"), i18n.message(exc)
        )
        return None
    chosen = list(paths)
    job = jobs.run_modal(
        parent,
        QCoreApplication.translate("Documents", "Attaching"),
        QCoreApplication.translate("Documents", "Copying into the document store…"),
        lambda progress: _ingest(chosen, limit, progress),
    )
    if not job.ok:
        if job.error:
            QMessageBox.warning(
                parent, QCoreApplication.translate("Documents", "Cannot attach"), job.error
            )
        return None
    items: list[Ingested] = job.result
    return items


# -- the attach dialog ------------------------------------------------------------------------
class AttachDialog(QDialog):
    """What the files are (kind, title, dates, signed), then copy and record them."""

    def __init__(
        self,
        owner: Owner,
        paths: Sequence[Path] = (),
        parent: QWidget | None = None,
        *,
        kind: str | None = None,
        owner_label: str = "",
    ) -> None:
        super().__init__(parent)
        self.owner = owner
        self.attached: list[DocumentRow] = []
        self.setWindowTitle(QCoreApplication.translate("Documents", "Attach documents"))
        self.setAcceptDrops(True)
        self.resize(520, 460)
        layout = QVBoxLayout(self)
        if owner_label:
            heading = QLabel(owner_label)
            heading.setStyleSheet("font-weight: bold;")
            layout.addWidget(heading)
        self.banner = ErrorBanner()
        layout.addWidget(self.banner)
        self.files = QListWidget()
        self.files.setToolTip(
            QCoreApplication.translate("Documents", "Drop files here, or use “Add files…”")
        )
        layout.addWidget(QLabel(QCoreApplication.translate("Documents", "Files (drop them here):")))
        layout.addWidget(self.files, 1)
        row = QHBoxLayout()
        add = QPushButton(QCoreApplication.translate("Documents", "Add files…"))
        add.clicked.connect(self._pick)
        remove = QPushButton(QCoreApplication.translate("Documents", "Remove from the list"))
        remove.clicked.connect(
            lambda: [self.files.takeItem(self.files.row(i)) for i in self.files.selectedItems()]
        )
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        form = QFormLayout()
        self.kind = QComboBox()
        for key in DOCUMENT_KINDS:
            self.kind.addItem(label(KIND_LABELS, key), key)
        form.addRow(QCoreApplication.translate("Documents", "Kind"), self.kind)
        self.title = QLineEdit()
        self.title.setPlaceholderText(
            QCoreApplication.translate("Documents", "Empty = the file name")
        )
        form.addRow(QCoreApplication.translate("Documents", "Title"), self.title)
        self.document_date = OptionalDateEdit(QCoreApplication.translate("Documents", "known"))
        self.document_date.set_value(None, clock.today())
        form.addRow(QCoreApplication.translate("Documents", "Document date"), self.document_date)
        signed_row = QHBoxLayout()
        self.signed = QCheckBox(QCoreApplication.translate("Documents", "Signed by the client"))
        self.signed_on = DateEdit()
        self.signed_on.set_value(clock.today())
        self.signed_on.setEnabled(False)
        self.signed.toggled.connect(self.signed_on.setEnabled)
        signed_row.addWidget(self.signed)
        signed_row.addWidget(QLabel(QCoreApplication.translate("Documents", "on")))
        signed_row.addWidget(self.signed_on)
        signed_row.addStretch(1)
        form.addRow(QCoreApplication.translate("Documents", "Signature"), signed_row)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(50)
        form.addRow(QCoreApplication.translate("Documents", "Notes"), self.notes)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Documents", "Attach")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("Documents", "Cancel")
        )
        buttons.accepted.connect(self.attach)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_paths(paths)
        if kind:
            self.kind.setCurrentIndex(self.kind.findData(kind))

    def paths(self) -> list[Path]:
        return [
            Path(self.files.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.files.count())
        ]

    def add_paths(self, paths: Sequence[Path]) -> None:
        known = set(self.paths())
        for path in paths:
            if path in known:
                continue
            self.files.addItem(path.name)
            item = self.files.item(self.files.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
        if paths and self.files.count() == len(paths):
            self.kind.setCurrentIndex(self.kind.findData(guess_kind(paths[0].name)))

    def _pick(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("Documents", "Choose documents"),
            documents_folder(),
            file_filter(),
        )
        self.add_paths([Path(n) for n in names])

    def meta(self) -> Meta:
        signed = self.signed.isChecked()
        return Meta(
            self.kind.currentData(),
            self.title.text(),
            self.document_date.value(),
            signed,
            self.signed_on.value() if signed else None,
            self.notes.toPlainText(),
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.add_paths(dropped_files(event))
        event.acceptProposedAction()

    def attach(self) -> None:
        self.banner.clear_message()
        try:
            meta = documents.validate_meta(self.meta())
        except AppError as exc:
            self.banner.show_error(i18n.message(exc))
            return
        paths = self.paths()
        if not paths:
            self.banner.show_error(
                QCoreApplication.translate("Documents", "Add at least one file (or drop it here).")
            )
            return
        items = ingest_with_progress(self, paths)
        if items is None:
            return
        try:
            self.attached = documents.attach_ingested(self.owner, items, meta)
        except AppError as exc:
            self.banner.show_error(i18n.message(exc))
            return
        unreadable = [r.original_name for r in self.attached if r.unreadable]
        if unreadable:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("Documents", "Attached with a warning"),
                QCoreApplication.translate(
                    "Documents",
                    "These PDF files could not be read: they are kept as proof, but cannot be "
                    "previewed or merged into an evidence file:\n{names}",
                ).format(names="\n".join(unreadable)),
            )
        self.accept()


def attach_files_interactively(
    parent: QWidget,
    owner: Owner,
    paths: Sequence[Path] = (),
    owner_label: str = "",
    kind: str | None = None,
) -> list[DocumentRow]:
    dialog = AttachDialog(owner, paths, parent, owner_label=owner_label, kind=kind)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    attached = dialog.attached if accepted else []
    dialog.deleteLater()
    return attached


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


# -- actions on one document (shared by the panel, the trash and the CGV lists) ----------
def preview(parent: QWidget, row: DocumentRow) -> QWidget | None:
    from ui.viewer import DocumentViewer

    try:
        path = documents.document_path(row.id)
    except AppError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Documents", "Cannot preview"), i18n.message(exc)
        )
        return None
    title = f"{label(KIND_LABELS, row.kind)} — {row.title or row.original_name}"
    holder: list[QWidget] = []  # the viewer parents its own file dialogs
    viewer = DocumentViewer(
        path,
        row.media_type,
        title,
        parent,
        on_export=lambda: export(holder[0], row),
        on_open_external=lambda: open_external(holder[0], row),
    )
    holder.append(viewer)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.show()
    return viewer


def open_external(parent: QWidget, row: DocumentRow) -> None:
    try:
        copy = documents.viewing_copy(row.id)
    except AppError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Documents", "Cannot open"), i18n.message(exc)
        )
        return
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Documents", "Cannot open"),
            QCoreApplication.translate(
                "Documents",
                "No application is set to open this kind of file. A copy is here:\n{path}",
            ).format(path=copy),
        )


def export(parent: QWidget, row: DocumentRow) -> None:
    start = str(Path(documents_folder()) / row.original_name)
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Documents", "Export a copy"), start
    )
    if not name:
        return
    try:
        documents.export_copy(row.id, Path(name))
    except AppError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Documents", "Cannot export"), i18n.message(exc)
        )
    except OSError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Documents", "Cannot export"),
            QCoreApplication.translate(
                "Documents", "The copy could not be written: {detail}"
            ).format(detail=exc.strerror or str(exc)),
        )


def print_document(parent: QWidget, row: DocumentRow) -> None:
    from ui.printing import ask_and_print

    try:
        path = documents.document_path(row.id)
    except AppError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Documents", "Cannot print"), i18n.message(exc)
        )
        return
    ask_and_print(parent, path, row.media_type, row.title or row.original_name)


def show_history(parent: QWidget, row: DocumentRow) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("Documents", "History of {title}").format(
            title=row.title or row.original_name
        )
    )
    dialog.resize(640, 420)
    layout = QVBoxLayout(dialog)
    chain = documents.versions(row.id)
    if len(chain) > 1:
        layout.addWidget(
            QLabel(QCoreApplication.translate("Documents", "Versions (newest first):"))
        )
        versions_list = QListWidget()
        for version in chain:
            versions_list.addItem(
                QCoreApplication.translate("Documents", "{date} — {name} — SHA-256 {sha}").format(
                    date=fmt.datetime(version.added_at),
                    name=version.original_name,
                    sha=version.sha256[:16] + "…",
                )
            )
        versions_list.setMaximumHeight(90)
        layout.addWidget(versions_list)
    fingerprint = QLabel(
        QCoreApplication.translate("Documents", "SHA-256 fingerprint: {sha}").format(sha=row.sha256)
    )
    fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    fingerprint.setWordWrap(True)
    layout.addWidget(fingerprint)
    view = HistoryView()
    events = []
    for version in chain:
        events += history.events_for("document", version.id)
    view.set_events(sorted(events, key=lambda e: (e.at, e.id)))
    layout.addWidget(view, 1)
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    close.button(QDialogButtonBox.StandardButton.Close).setText(
        QCoreApplication.translate("Documents", "Close")
    )
    close.rejected.connect(dialog.reject)
    layout.addWidget(close)
    dialog.exec()


# -- the list -------------------------------------------------------------------------
class DocumentsModel(QAbstractTableModel):
    COLUMNS = ("kind", "title", "document_date", "signed", "invoice", "size", "added_at")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DocumentRow] = []

    def set_rows(self, rows: list[DocumentRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "kind": QCoreApplication.translate("Documents", "Kind"),
            "title": QCoreApplication.translate("Documents", "Title"),
            "document_date": QCoreApplication.translate("Documents", "Date"),
            "signed": QCoreApplication.translate("Documents", "Signed"),
            "invoice": QCoreApplication.translate("Documents", "Invoice"),
            "size": QCoreApplication.translate("Documents", "Size"),
            "added_at": QCoreApplication.translate("Documents", "Added"),
        }[self.COLUMNS[section]]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "kind":
                return label(KIND_LABELS, row.kind)
            if column == "title":
                return row.title + (
                    " " + QCoreApplication.translate("Documents", "(unreadable PDF)")
                    if row.unreadable
                    else ""
                )
            if column == "document_date":
                return fmt.date(row.document_date)
            if column == "signed":
                if not row.signed:
                    return QCoreApplication.translate("Documents", "no")
                return (
                    fmt.date(row.signed_on)
                    if row.signed_on
                    else QCoreApplication.translate("Documents", "yes")
                )
            if column == "invoice":
                return row.invoice_number
            if column == "size":
                return human_size(row.size)
            if column == "added_at":
                return fmt.datetime(row.added_at)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "Documents", "{name}\nSHA-256 {sha}\nadded by {who}"
            ).format(name=row.original_name, sha=row.sha256, who=row.added_by or "?")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "size":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def human_size(size: int) -> str:
    if size < 1024:
        return QCoreApplication.translate("Documents", "{n} B").format(n=size)
    if size < 1_048_576:
        return QCoreApplication.translate("Documents", "{n} KB").format(n=f"{size / 1024:.0f}")
    return QCoreApplication.translate("Documents", "{n} MB").format(
        n=f"{size / 1_048_576:.1f}".replace(".", "," if i18n.current_language() == "fr" else ".")
    )


class DocumentsPanel(QWidget):
    """The documents of one invoice or client, with every action on them; accepts drops.
    It reloads itself when documents change (from here or anywhere else), then says so."""

    changed = Signal()  # the documents changed and the list shows them

    def __init__(self, owner: Owner, owner_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = owner
        self.owner_label = owner_label
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        self.hint = QLabel(
            QCoreApplication.translate(
                "Documents", "Drop files here to attach them, or use “Attach…”."
            )
        )
        self.hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.hint)
        self.model = DocumentsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.setAlternatingRowColors(True)
        self.view.doubleClicked.connect(lambda _i: self._act(preview))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.setAcceptDrops(False)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.attach_button = QPushButton(QCoreApplication.translate("Documents", "Attach…"))
        self.attach_button.clicked.connect(lambda: self.attach())
        buttons.addWidget(self.attach_button)
        self.action_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            (
                "preview",
                QCoreApplication.translate("Documents", "Preview"),
                lambda: self._act(preview),
            ),
            (
                "open",
                QCoreApplication.translate("Documents", "Open"),
                lambda: self._act(open_external),
            ),
            (
                "export",
                QCoreApplication.translate("Documents", "Export…"),
                lambda: self._act(export),
            ),
            (
                "print",
                QCoreApplication.translate("Documents", "Print…"),
                lambda: self._act(print_document),
            ),
            ("replace", QCoreApplication.translate("Documents", "Replace…"), self.replace),
            ("delete", QCoreApplication.translate("Documents", "Delete"), self.delete),
            (
                "history",
                QCoreApplication.translate("Documents", "History"),
                lambda: self._act(show_history),
            ),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.action_buttons[key] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(self._enable)
        self.refresh()
        watch(self, Change.DOCUMENTS | Change.INVOICES | Change.CLIENTS, self._documents_changed)

    def _documents_changed(self, _change: Change) -> None:
        self.refresh_keep()
        self.changed.emit()

    def refresh(self) -> None:
        if self.owner.invoice_id is not None:
            rows = documents.list_documents(invoice_id=self.owner.invoice_id)
        elif self.owner.client_id is not None:
            rows = documents.list_documents(client_id=self.owner.client_id)
        else:
            rows = documents.list_documents(cgv_version_id=self.owner.cgv_version_id)
        self.model.set_rows(rows)
        self.view.setColumnHidden(
            DocumentsModel.COLUMNS.index("invoice"), self.owner.invoice_id is not None
        )
        self._enable()

    def selected(self) -> DocumentRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.model.rows[index.row()]

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def _enable(self) -> None:
        has = self.selected() is not None
        for button in self.action_buttons.values():
            button.setEnabled(has)

    def _act(self, action: Callable[[QWidget, DocumentRow], object]) -> None:
        row = self.selected()
        if row is not None:
            action(self, row)
            self.refresh_keep()

    def refresh_keep(self) -> None:
        current = self.view.currentIndex().row()
        self.refresh()
        if 0 <= current < self.model.rowCount():
            self.view.selectRow(current)

    def _menu(self, pos: Any) -> None:
        if self.selected() is None:
            return
        menu = QMenu(self)
        for button in self.action_buttons.values():
            menu.addAction(button.text(), button.click)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def attach(self, paths: Sequence[Path] = ()) -> list[DocumentRow]:
        return attach_files_interactively(self, self.owner, paths, self.owner_label)

    def replace(self) -> None:
        row = self.selected()
        if row is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("Documents", "Choose the new version"),
            documents_folder(),
            file_filter(),
        )
        if not name:
            return
        items = ingest_with_progress(self, [Path(name)])
        if not items:
            return
        try:
            documents.replace(row.id, items[0])
        except AppError as exc:
            QMessageBox.warning(
                self, QCoreApplication.translate("Documents", "Cannot replace"), i18n.message(exc)
            )

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("Documents", "Delete the document"),
            QCoreApplication.translate(
                "Documents",
                "Move “{title}” to the trash? It can be restored for {days} days "
                "(Tools ▸ Document trash).",
            ).format(title=row.title or row.original_name, days=documents.TRASH_DAYS),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            documents.delete(row.id)
        except AppError as exc:
            QMessageBox.warning(
                self, QCoreApplication.translate("Documents", "Cannot delete"), i18n.message(exc)
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = dropped_files(event)
        event.acceptProposedAction()
        if paths:
            self.attach(paths)


# -- proof status ----------------------------------------------------------------------------
class ProofStatusBox(QLabel):
    """What proof is on file for an invoice, and what is missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)

    def set_status(self, status: ProofStatus, overdue: bool = False) -> None:
        if not status.applies:
            self.setText(QCoreApplication.translate("Documents", "A credit note needs no proof."))
            self.setStyleSheet("")
            return
        parts = []
        for key in ("order", "delivery", "cgv"):
            ok = getattr(status, key)
            mark = "✔" if ok else "✘"
            colour = "#1e7b34" if ok else "#b3261e"
            parts.append(f"<span style='color:{colour}'>{mark} {label(PROOFS, key)}</span>")
        lines = ["&nbsp;&nbsp;&nbsp;".join(parts)]
        if status.cgv_version:
            if status.cgv_accepted_on is not None:
                accepted = QCoreApplication.translate(
                    "Documents", "accepted by the client on {date}"
                ).format(date=fmt.date(status.cgv_accepted_on))
            else:
                accepted = QCoreApplication.translate(
                    "Documents", "no acceptance by the client on file"
                )
            lines.append(
                QCoreApplication.translate(
                    "Documents",
                    "CGV in force on the issue date: version {label} (from {date}) — {accepted}",
                ).format(
                    label=status.cgv_version,
                    date=fmt.date(status.cgv_in_force_from),
                    accepted=accepted,
                )
            )
        else:
            lines.append(
                QCoreApplication.translate(
                    "Documents",
                    "No CGV version is kept for that date (Company ▸ Terms of sale); "
                    "a signed CGV attached to the client counts.",
                )
            )
        if overdue and status.missing:
            lines.append(
                "<b>"
                + QCoreApplication.translate(
                    "Documents",
                    "This invoice is overdue and its proof is incomplete: "
                    "gather the missing documents before escalating.",
                )
                + "</b>"
            )
            self.setStyleSheet(
                "QLabel { background: #fdecea; border: 1px solid #f1b0aa; padding: 6px; }"
            )
        else:
            self.setStyleSheet("QLabel { padding: 6px; }")
        self.setText("<br>".join(lines))


def proof_summary(missing: Sequence[str]) -> str:
    """Short text for lists: "complete" or what is missing."""
    if not missing:
        return QCoreApplication.translate("Documents", "complete")
    return QCoreApplication.translate("Documents", "missing: {what}").format(
        what=", ".join(label(PROOFS, m).lower() for m in missing)
    )


def build_evidence_file(
    parent: QWidget,
    default_name: str,
    *,
    invoice_id: int | None = None,
    client_id: int | None = None,
) -> Path | None:
    """Ask where, build the evidence PDF, offer to open it."""
    from services.paper import dossier

    start = str(Path(documents_folder()) / f"{default_name}.pdf")
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Documents", "Save the evidence file"),
        start,
        QCoreApplication.translate("Documents", "PDF (*.pdf)"),
    )
    if not name:
        return None
    out = Path(name)
    if out.suffix.lower() != ".pdf":
        out = out.with_suffix(".pdf")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = dossier.build(out, invoice_id=invoice_id, client_id=client_id)
    except AppError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Documents", "Cannot build the evidence file"),
            i18n.message(exc),
        )
        return None
    QApplication.restoreOverrideCursor()
    text = QCoreApplication.translate(
        "Documents", "The evidence file has {pages} pages: the cover and {count} documents."
    ).format(pages=result.pages, count=result.documents)
    if result.skipped:
        text += "\n\n" + QCoreApplication.translate(
            "Documents",
            "Could not be included (listed on the cover with their fingerprint):\n{names}",
        ).format(names="\n".join(result.skipped))
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Documents", "Evidence file ready"),
        text,
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        parent,
    )
    box.button(QMessageBox.StandardButton.Open).setText(
        QCoreApplication.translate("Documents", "Open")
    )
    box.button(QMessageBox.StandardButton.Close).setText(
        QCoreApplication.translate("Documents", "Close")
    )
    if box.exec() == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
    return out
