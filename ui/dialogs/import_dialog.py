"""Import clients, invoices or payments from a CSV file: check first, then import.

An import is all-or-nothing: one bad row and nothing is written; every bad
row is listed with its line number and column.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.core.errors import AppError
from services.ledger import imports
from ui import i18n


class ImportDialog(QDialog):
    def __init__(self, kind: str = "invoices", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from a CSV file"))
        self.resize(680, 480)
        self.outcome: imports.ImportResult | None = None  # not `result`: QDialog.result() exists
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.addLayout(form)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Clients"), "clients")
        self.kind.addItem(self.tr("Invoices and credit notes"), "invoices")
        self.kind.addItem(self.tr("Payments"), "payments")
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        form.addRow(self.tr("What the file holds"), self.kind)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Choose a .csv file"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        help_text = QLabel(
            self.tr(
                "Columns are recognised by their header, in English or French (e.g. number/numéro, "
                "client, issue_date/date, total/montant TTC). Separators , ; or tab; UTF-8 or "
                "Windows-1252; dates 2026-03-31 or 31/03/2026; amounts 1234.56 or 1 234,56 €."
            )
        )
        help_text.setWordWrap(True)
        layout.addWidget(help_text)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QListWidget()
        layout.addWidget(self.problems, 1)
        self.buttons = QDialogButtonBox()
        self.check_button = self.buttons.addButton(
            self.tr("Check"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.import_button.setEnabled(False)
        self.path.textChanged.connect(self._path_changed)
        self.kind.currentIndexChanged.connect(self._path_changed)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the CSV file"),
            "",
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def _path_changed(self) -> None:
        self.import_button.setEnabled(bool(self.path.text().strip()))
        self.summary.clear()
        self.problems.clear()

    def run(self, dry_run: bool) -> None:
        self.problems.clear()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = imports.import_file(
                self.kind.currentData(), self.path.text().strip(), dry_run=dry_run
            )
        except AppError as exc:
            QApplication.restoreOverrideCursor()
            self.summary.setText(i18n.message(exc))
            return
        QApplication.restoreOverrideCursor()
        self.outcome = result
        if result.errors:
            self.summary.setText(
                self.tr(
                    "%n problem(s) found: nothing was imported. Correct the file and try again.",
                    "",
                    len(result.errors),
                )
            )
            for error in result.errors:
                self.problems.addItem(
                    self.tr("line {line}: {column}: {reason}").format(
                        line=error.line, column=error.column, reason=self._reason(error)
                    )
                )
            return
        for warning in result.warnings:
            self.problems.addItem(
                self.tr("line {line}: {column}: {reason}").format(
                    line=warning.line, column=warning.column, reason=self._reason(warning)
                )
            )
        if dry_run:
            self.summary.setText(
                self.tr("%n row(s) are ready to import. Nothing was written yet.", "", result.rows)
            )
            return
        self.summary.setText(self.tr("%n row(s) imported.", "", result.imported))
        self.accept()

    @staticmethod
    def _reason(error: imports.RowError) -> str:
        source = getattr(error, "error", None)
        if isinstance(source, AppError):
            return source.reason(i18n.translate)
        return error.reason
