"""A damaged book at start (issue #6, point 3): say so in plain words and offer to restore
the latest good backup instead of opening it. The damaged file is kept aside, never deleted."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from services.book import backup
from services.core.version import APP_NAME
from ui.backup_ui import created_text, describe_counts, remembered_folders
from ui.jobs import Progress, run_modal

log = logging.getLogger(__name__)


def offer_restore(book: Path, problems: list[str], parent: QWidget | None = None) -> bool:
    """Ask what to do with a damaged book; True when a backup was put in its place (the
    caller then opens it), False when the owner chose to quit."""
    log.error("the book %s failed its quick check: %s", book, "; ".join(problems[:5]))
    extra = [Path(f) for f in remembered_folders()]
    job = run_modal(
        parent,
        APP_NAME,
        QCoreApplication.translate(
            "Recovery", "The book is damaged: looking for the latest good backup…"
        ),
        lambda progress: backup.latest_good(book, extra, progress),
    )
    found = job.result if job.ok else None
    detail = problems[0] if problems else ""
    while True:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(APP_NAME)
        intro = QCoreApplication.translate(
            "Recovery", "The book {path} is damaged and cannot be opened safely ({detail})."
        ).format(path=str(book), detail=detail)
        if found is not None:
            box.setText(
                intro
                + "\n\n"
                + QCoreApplication.translate(
                    "Recovery",
                    "The latest good backup is from {date}: {counts}. Restore it? "
                    "The damaged file is kept beside the book under another name.",
                ).format(date=created_text(found), counts=describe_counts(found))
            )
            restore = box.addButton(
                QCoreApplication.translate("Recovery", "Restore this backup"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        else:
            box.setText(
                intro
                + "\n\n"
                + QCoreApplication.translate(
                    "Recovery", "No good backup of this book was found in {folder}."
                ).format(folder=str(backup.default_folder(book)))
            )
            restore = None
        choose = box.addButton(
            QCoreApplication.translate("Recovery", "Choose a backup…"),
            QMessageBox.ButtonRole.ActionRole,
        )
        quit_button = box.addButton(
            QCoreApplication.translate("Recovery", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(restore or choose)
        box.exec()
        clicked = box.clickedButton()
        if clicked is quit_button or clicked is None:
            return False
        chosen = found.path if clicked is restore and found is not None else None
        if chosen is None:
            name, _ = QFileDialog.getOpenFileName(
                parent,
                QCoreApplication.translate("Recovery", "Choose a backup"),
                str(backup.default_folder(book)),
                QCoreApplication.translate("Recovery", "Backups (*.zip)"),
            )
            if not name:
                continue
            chosen = Path(name)
        target = chosen

        def recover(_progress: Progress, chosen: Path = target) -> Path:
            return backup.recover(book, chosen)

        job = run_modal(
            parent,
            APP_NAME,
            QCoreApplication.translate("Recovery", "Restoring the backup…"),
            recover,
        )
        if not job.ok:
            if job.error:
                QMessageBox.warning(parent, APP_NAME, job.error)
            continue
        QMessageBox.information(
            parent,
            APP_NAME,
            QCoreApplication.translate(
                "Recovery", "The backup is restored. The damaged book is kept as {path}."
            ).format(path=str(job.result)),
        )
        return True
