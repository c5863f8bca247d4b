"""Tools ▸ Check the book and documents (and its repair), Tools ▸ Document trash."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.book import integrity
from services.core import db
from services.core.errors import AppError
from services.proof import documents
from services.proof.documents import CheckReport
from ui import format as fmt
from ui import i18n, jobs
from ui.changes import Change, watch
from ui.documents_panel import preview
from ui.labels import DOCUMENT_KINDS, PLURALS, label

log = logging.getLogger(__name__)


@dataclass
class CheckResult:
    """Everything Tools ▸ Check shows: what ``check`` prints (issue #11)."""

    database: list[str]  # the database's own check (SQLite's, or foreign keys on PostgreSQL)
    notes: list[str]  # what cannot be checked on this book (English, marked for translation)
    totals: integrity.TotalsReport  # every running total against its allocations
    report: CheckReport  # every stored document rehashed, leftovers
    plan: integrity.StorePlan  # what the repair does with the store's leftovers

    @property
    def problem_count(self) -> int:
        return len(self.database) + len(self.totals.problems) + len(self.report.problems)

    @property
    def repairable(self) -> bool:
        return bool(self.totals.problems or self.plan.to_trash)


def _check() -> CheckResult:
    """The whole check (on a worker thread): SQLite reads the whole file, the store is
    rehashed."""
    report = documents.check_documents(record=False)
    return CheckResult(
        db.integrity_problems(),
        integrity.database_notes(),
        integrity.running_total_problems(),
        report,
        integrity.store_plan(report),
    )


def run_check(parent: QWidget) -> tuple[CheckResult | None, str]:
    """(result, error) — the window stays responsive while the check runs."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        job = jobs.start(lambda _progress: _check())
        loop = QEventLoop()
        job.done.connect(loop.quit)
        if not job.finished:
            loop.exec()
        if not job.ok:
            return None, job.error or QCoreApplication.translate(
                "DocumentTools", "The check could not run (the details are in the log)."
            )
        documents.record_verification(job.result.report)
        return job.result, ""
    finally:
        QApplication.restoreOverrideCursor()


class CheckDialog(QDialog):
    """Tools ▸ Check the book and documents: the database, the running totals and the
    documents, as ``check`` does; and the repair, after a backup (issue #11)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check_result: CheckResult | None = None
        self.setWindowTitle(
            QCoreApplication.translate("DocumentTools", "Check the book and the documents")
        )
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems, 1)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        row = QHBoxLayout()
        self.repair_button = QPushButton(QCoreApplication.translate("DocumentTools", "Repair…"))
        self.repair_button.setToolTip(
            QCoreApplication.translate(
                "DocumentTools",
                "Back the book up, then recompute the running totals and move the "
                "files that belong to no document to the store's trash",
            )
        )
        self.repair_button.clicked.connect(self._repair)
        row.addWidget(self.repair_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("DocumentTools", "Close")
        )
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.run()

    @staticmethod
    def _can_back_up() -> bool:
        """Encaisse backs up SQLite files; a PostgreSQL book is backed up with pg_dump."""
        return db.current().path is not None

    def run(self) -> None:
        result, error = run_check(self)
        self.check_result = result
        self.problems.clear()
        if error or result is None:
            self.summary.setText(error)
            for widget in (self.repair_button, self.problems, self.advice, self.notes):
                widget.hide()
            return
        for line in result.database:
            self.problems.addItem(
                QCoreApplication.translate("DocumentTools", "Database: {problem}").format(
                    problem=line
                )
            )
        for total in result.totals.problems:
            self.problems.addItem(total.render(i18n.translate, i18n.current_language()))
        for problem in result.report.problems:
            self.problems.addItem(problem.render(i18n.translate))
        # what cannot be checked on this book is said, never passed off as checked
        notes = [
            QCoreApplication.translate("DocumentTools", "Not checked: {note}").format(
                note=i18n.translate("Messages", note)
            )
            for note in result.notes
        ]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        if not result.problem_count:
            if notes:
                text = QCoreApplication.translate(
                    "DocumentTools",
                    "Everything that can be checked is sound: every row the "
                    "book refers to exists, all {totals} running totals match their allocations "
                    "and all {count} documents match their SHA-256 fingerprint.",
                )
            else:
                text = QCoreApplication.translate(
                    "DocumentTools",
                    "Everything is sound: the database passed SQLite's "
                    "integrity check, all {totals} running totals match their allocations and "
                    "all {count} documents match their SHA-256 fingerprint.",
                )
            self.summary.setText(
                text.format(totals=result.totals.checked, count=result.report.checked)
            )
            self.problems.hide()
        else:
            self.summary.setText(PLURALS.problems_found(result.problem_count))
            self.problems.show()
        advice = self._advice(result)
        self.advice.setText("\n".join(advice))
        self.advice.setVisible(bool(advice))
        self.repair_button.setVisible(result.repairable)

    def _advice(self, result: CheckResult) -> list[str]:
        """What the user can do about what was found."""
        lines = []
        if result.totals.problems:
            lines.append(
                QCoreApplication.translate(
                    "DocumentTools",
                    "Repair recomputes the running totals from the allocations, "
                    "after a backup: an allocation beyond an invoice's total is taken back, newest "
                    "first, and stays as credit on its payment.",
                )
            )
        plan, days = result.plan, documents.TRASH_DAYS
        if plan.count("orphan"):
            lines.append(
                QCoreApplication.translate(
                    "DocumentTools",
                    "Repair moves the {count} stored files that belong to no "
                    "document to the store's trash, where they stay {days} days.",
                ).format(count=plan.count("orphan"), days=days)
            )
        if plan.count("leftover"):
            lines.append(
                QCoreApplication.translate(
                    "DocumentTools",
                    "Repair moves the {count} partial copies to the store's trash, "
                    "where they stay {days} days.",
                ).format(count=plan.count("leftover"), days=days)
            )
        if plan.too_recent:
            lines.append(
                QCoreApplication.translate(
                    "DocumentTools",
                    "{count} of these files are less than {minutes} minutes old: "
                    "an attachment or a restore may still be writing them. Repair leaves them "
                    "alone; check again later.",
                ).format(count=len(plan.too_recent), minutes=integrity.STALE_AFTER_SECONDS // 60)
            )
        if any(p.kind in ("missing", "altered") for p in result.report.problems):
            lines.append(
                QCoreApplication.translate(
                    "DocumentTools",
                    "Restore the damaged files from a backup, or attach them again.",
                )
            )
        if result.database:
            lines.append(
                QCoreApplication.translate(
                    "DocumentTools", "Restore the book from a backup (File ▸ Restore a backup…)."
                )
            )
        return lines

    def _confirm(self) -> bool | None:
        """True: repair after Encaisse's backup; False: without one (a PostgreSQL book,
        which the user says he backed up); None: not now."""
        if self._can_back_up():
            text = QCoreApplication.translate(
                "DocumentTools",
                "Encaisse first makes a backup of the book, in the backup "
                "folder; nothing is repaired if it fails. Then it recomputes every running total "
                "from the allocations (an allocation beyond an invoice's total is taken back, "
                "newest first, and stays as credit on its payment) and moves the files that "
                "belong to no document to the store's trash, for {days} days. Every change is "
                "written to the history.\n\nBack up and repair now?",
            )
        else:
            text = QCoreApplication.translate(
                "DocumentTools",
                "Encaisse cannot back up a PostgreSQL book: back it up first "
                "with the server's own tools (pg_dump). Encaisse then recomputes every running "
                "total from the allocations (an allocation beyond an invoice's total is taken "
                "back, newest first, and stays as credit on its payment) and moves the files "
                "that belong to no document to the store's trash, for {days} days. Every change "
                "is written to the history.\n\nThe book is backed up: repair it now?",
            )
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("DocumentTools", "Repair the book"),
            text.format(days=documents.TRASH_DAYS),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self._can_back_up()

    def _repair(self) -> None:
        with_backup = self._confirm()
        if with_backup is None:
            return
        title = QCoreApplication.translate("DocumentTools", "Repair the book")
        job = jobs.run_modal(
            self,
            title,
            QCoreApplication.translate("DocumentTools", "Backing up and repairing the book…"),
            lambda _progress: integrity.back_up_and_repair(without_backup=not with_backup),
        )
        if not job.ok:
            if job.error:
                QMessageBox.warning(
                    self,
                    QCoreApplication.translate("DocumentTools", "Nothing was repaired"),
                    job.error,
                )
            return
        repair, backup_path = job.result
        done = QCoreApplication.translate(
            "DocumentTools",
            "Running totals recomputed: {recomputed}. Allocations in excess "
            "taken back: {taken}. Files moved to the store's trash: {moved}. Missing files put "
            "back from it: {recovered}.",
        ).format(
            recomputed=repair.recomputed,
            taken=repair.taken_back,
            moved=repair.store.orphans + repair.store.leftovers,
            recovered=repair.store.recovered,
        )
        if backup_path is not None:
            done = (
                QCoreApplication.translate(
                    "DocumentTools", "The book was backed up to {path}."
                ).format(path=str(backup_path))
                + "\n"
                + done
            )
        self.run()  # the window's lists show the repaired balances by themselves
        QMessageBox.information(self, title, done)


class TrashDialog(QDialog):
    """Documents deleted in the last 30 days, restorable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("DocumentTools", "Document trash"))
        self.resize(760, 380)
        layout = QVBoxLayout(self)
        note = QLabel(
            QCoreApplication.translate(
                "DocumentTools",
                "Deleted documents stay here for {days} days, then are removed for good.",
            ).format(days=documents.TRASH_DAYS)
        )
        layout.addWidget(note)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("DocumentTools", "Kind"),
                QCoreApplication.translate("DocumentTools", "Title"),
                QCoreApplication.translate("DocumentTools", "Invoice"),
                QCoreApplication.translate("DocumentTools", "Client"),
                QCoreApplication.translate("DocumentTools", "Deleted on"),
            ]
        )
        self.tree.itemDoubleClicked.connect(lambda *_: self._preview())
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.restore_button = QPushButton(QCoreApplication.translate("DocumentTools", "Restore"))
        self.restore_button.clicked.connect(self._restore)
        preview_button = QPushButton(QCoreApplication.translate("DocumentTools", "Preview"))
        preview_button.clicked.connect(self._preview)
        row.addWidget(self.restore_button)
        row.addWidget(preview_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("DocumentTools", "Close")
        )
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.refresh()
        watch(self, Change.DOCUMENTS, lambda _change: self.refresh())

    def refresh(self) -> None:
        self.tree.clear()
        self.rows = documents.list_documents(trash=True)
        for r in self.rows:
            item = QTreeWidgetItem(
                [
                    label(DOCUMENT_KINDS, r.kind),
                    r.title,
                    r.invoice_number,
                    r.client_code,
                    fmt.datetime(r.deleted_at),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            self.tree.addTopLevelItem(item)
        for column in range(5):
            self.tree.resizeColumnToContents(column)
        self.restore_button.setEnabled(bool(self.rows))
        first = self.tree.topLevelItem(0)  # None when there are no rows
        if first is not None:
            self.tree.setCurrentItem(first)

    def _current(self) -> documents.DocumentRow | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        doc_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.id == doc_id), None)

    def _restore(self) -> None:
        row = self._current()
        if row is None:
            return
        try:
            documents.restore(row.id)
        except AppError as exc:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("DocumentTools", "Cannot restore"),
                i18n.message(exc),
            )
            return  # the notifier refreshes this list and the window's

    def _preview(self) -> None:
        row = self._current()
        if row is not None:
            preview(self, row)
