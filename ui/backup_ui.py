"""Backups from the window (issue #6): the slow parts (writing a backup, verifying one)
run as background jobs (:mod:`ui.jobs`) so the window stays responsive; the book itself is
only swapped on the GUI thread, once the backup has been verified."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from ui.jobs import run_modal
from ui.labels import PLURALS

log = logging.getLogger(__name__)

#: QSettings key: the backup folders used on this computer, so that a damaged book's
#: backups are found even when the book can no longer say where it keeps them
FOLDERS_KEY = "backup/folders"
LAST_DAY_KEY = "backup/last_day"


def remember_folder(folder: str) -> None:
    """Keep the folders backups went to on this computer (newest first, at most 10)."""
    known = [folder] + [f for f in remembered_folders() if f != folder]
    QSettings().setValue(FOLDERS_KEY, known[:10])


def remembered_folders() -> list[str]:
    value = QSettings().value(FOLDERS_KEY, []) or []
    if isinstance(value, str):  # a list of one comes back as its string
        return [value]
    return [str(v) for v in value if v] if isinstance(value, Iterable) else []


def created_text(info: Any) -> str:
    """When a backup was made, in the UI's format."""
    import datetime as dt

    from ui import format as fmt

    try:
        return fmt.datetime(dt.datetime.fromisoformat(info.created_at))
    except ValueError:
        return str(info.created_at)


def describe_counts(info: Any) -> str:
    """412 invoices, 38 clients, 290 payments, 468 documents: a backup's manifest in words."""
    counts = info.counts
    return ", ".join(
        (
            PLURALS.invoices(counts.get("invoices", 0)),
            PLURALS.clients(counts.get("clients", 0)),
            PLURALS.payments(counts.get("payments", 0)),
            PLURALS.documents(info.documents),
        )
    )


def export_with_dialog(parent: QWidget, client_code: str | None = None) -> Path | None:
    """Ask for a folder, export everything (or one client's data, for a GDPR access request)
    into a new folder inside it, say what was written and show the folder."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from services.book import export
    from services.core import clock

    title = QCoreApplication.translate("Backup", "Export")
    chosen = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("Backup", "Export into…")
    )
    if not chosen:
        return None
    stamp = clock.stamp()
    name = f"encaisse-{client_code}-{stamp}" if client_code else f"encaisse-export-{stamp}"
    target = Path(chosen) / name
    job = run_modal(
        parent,
        title,
        QCoreApplication.translate("Backup", "Writing the tables and the documents…"),
        lambda _progress: export.export(target, client_code),
    )
    if not job.ok:
        if job.error:
            QMessageBox.warning(parent, title, job.error)
        return None
    result = job.result
    QMessageBox.information(
        parent,
        title,
        QCoreApplication.translate(
            "Backup",
            "Exported {rows} rows in {tables} CSV files and {documents} documents into {folder}.",
        ).format(
            rows=sum(result.tables.values()),
            tables=len(result.tables),
            documents=result.documents,
            folder=str(result.folder),
        ),
    )
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.folder)))
    return Path(result.folder)
