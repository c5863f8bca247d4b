"""Settings: the language (kept on this computer); the document size limit and the
follow-up settings (kept in the book)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.book import backup
from services.core import settings
from services.core.errors import AppError
from services.followup import alerts
from services.proof import documents
from ui import format as fmt
from ui import i18n
from ui.backup_ui import created_text
from ui.dialogs.scenario_dialog import ScenarioDialog
from ui.labels import ALERT_KINDS, label

LANGUAGE_KEY = "ui/language"


def saved_language() -> str:
    value = QSettings().value(LANGUAGE_KEY, "")
    return str(value or "")


class SettingsDialog(QDialog):
    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.addLayout(form)
        values = settings.read()
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(saved_language()), 0))
        form.addRow(self.tr("Language"), self.language)
        path = QLabel(database)
        path.setWordWrap(True)
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Database"), path)
        store = QLabel(str(documents.store_root()))
        store.setWordWrap(True)
        store.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        store.setToolTip(
            self.tr("Copies of the attached documents; back this folder up with the database.")
        )
        form.addRow(self.tr("Document store"), store)
        self.max_mb = QSpinBox()
        self.max_mb.setRange(*settings.MAX_MB_RANGE)
        self.max_mb.setSuffix(" " + self.tr("MB"))
        self.max_mb.setValue(values.max_mb)
        form.addRow(self.tr("Largest document accepted"), self.max_mb)
        # CSV imports (issue #11): beyond these, a file or a value is refused with a message
        self.import_file_mb = QSpinBox()
        self.import_file_mb.setRange(*settings.FILE_MB_RANGE)
        self.import_file_mb.setSuffix(" " + self.tr("MB"))
        self.import_file_mb.setValue(values.import_max_file_mb)
        self.import_field_kib = QSpinBox()
        self.import_field_kib.setRange(*settings.FIELD_KIB_RANGE)
        self.import_field_kib.setSuffix(" " + self.tr("KiB"))
        self.import_field_kib.setValue(values.import_max_field_kib)
        self.import_field_kib.setToolTip(
            self.tr("A cell of a CSV file larger than this is refused, with its line.")
        )
        limits = QHBoxLayout()
        limits.addWidget(self.import_file_mb)
        limits.addWidget(QLabel(self.tr("a value at most")))
        limits.addWidget(self.import_field_kib)
        limits.addStretch(1)
        form.addRow(self.tr("CSV import: a file at most"), limits)
        self._build_backups(form, values)
        self._build_follow_up(layout, values)
        note = QLabel(
            self.tr(
                "A change of language applies at once to menus and lists; "
                "open windows keep their language until closed."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _build_backups(self, form: QFormLayout, values: settings.Settings) -> None:
        """Where the automatic backups go (issue #6): the default folder beside the book, or
        one the owner picks (a USB key, a synced folder)."""
        self.backup_folder = QLineEdit(values.backup_folder)
        self.backup_folder.setReadOnly(True)
        self.backup_folder.setPlaceholderText(
            self.tr("Default: {folder}").format(folder=self._default_backups())
        )
        self.backup_folder.setMinimumWidth(300)
        self.backup_folder.setToolTip(
            self.tr(
                "A backup is made on quitting and once a day: "
                "the database and the documents in one file. "
                "Pick a USB key or a synced folder to keep them off this computer."
            )
        )
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_backup_folder)
        reset = QPushButton(self.tr("Default"))
        reset.clicked.connect(lambda: self.backup_folder.setText(""))
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(choose)
        row.addWidget(reset)
        form.addRow(self.tr("Backup folder"), row)
        try:
            found = backup.list_backups()
        except AppError:
            found = []
        if found:
            last = found[-1]
            text = self.tr("{count} backup(s) kept; the latest: {date}, {size} MB").format(
                count=len(found), date=created_text(last), size=fmt.megabytes(last.size)
            )
        else:
            text = self.tr("No backup yet: one is made when you quit.")
        self.backup_status = QLabel(text)
        self.backup_status.setWordWrap(True)
        form.addRow("", self.backup_status)

    def _default_backups(self) -> str:
        from services.core import db

        path = db.current().path if db.is_open() else None
        return str(backup.default_folder(path)) if path is not None else ""

    def _choose_backup_folder(self) -> None:
        start = self.backup_folder.text() or self._default_backups()
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)
        if chosen:
            self.backup_folder.setText(chosen)

    def _build_follow_up(self, layout: QVBoxLayout, values: settings.Settings) -> None:
        box = QGroupBox(self.tr("Follow-up"))
        layout.addWidget(box)
        outer = QVBoxLayout(box)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer.addLayout(form)
        self.due_soon = QSpinBox()
        self.due_soon.setRange(0, 90)
        self.due_soon.setSuffix(" " + self.tr("days"))
        self.due_soon.setValue(values.due_soon_days)
        self.due_soon.setToolTip(self.tr("0 = only the invoices due today"))
        form.addRow(self.tr("Warn about invoices due within"), self.due_soon)
        self.grace = QSpinBox()
        self.grace.setRange(0, 60)
        self.grace.setSuffix(" " + self.tr("days"))
        self.grace.setValue(values.grace_days)
        self.grace.setToolTip(
            self.tr(
                "Reminders stay paused this long after the date a client "
                "promised to pay, before the promise counts as broken"
            )
        )
        form.addRow(self.tr("Grace after a promised date"), self.grace)

        kinds = QGroupBox(self.tr("Start-up alerts"))
        kinds.setToolTip(self.tr("The kinds of alert shown when a book is opened"))
        grid = QGridLayout(kinds)
        off = values.kinds_off
        self.alert_kinds: dict[str, QCheckBox] = {}
        half = (len(alerts.KINDS) + 1) // 2
        for index, kind in enumerate(alerts.KINDS):
            check = QCheckBox(label(ALERT_KINDS, kind))
            check.setChecked(kind not in off)
            grid.addWidget(check, index % half, index // half)
            self.alert_kinds[kind] = check
        outer.addWidget(kinds)

        row = QHBoxLayout()
        self.scenarios_button = QPushButton(self.tr("Dunning scenarios…"))
        self.scenarios_button.setToolTip(self.tr("The steps of the reminders, by kind of client"))
        self.scenarios_button.clicked.connect(self._edit_scenarios)
        row.addWidget(self.scenarios_button)
        self.texts_button = QPushButton(self.tr("Letter texts…"))
        self.texts_button.setToolTip(
            self.tr("The wording of each letter, per language, with a live preview")
        )
        self.texts_button.clicked.connect(self._edit_texts)
        row.addWidget(self.texts_button)
        self.charges_button = QPushButton(self.tr("Late charges and letters…"))
        self.charges_button.setToolTip(
            self.tr("Rates, your penalty rate, the consumer mediator, the envelope window")
        )
        self.charges_button.clicked.connect(self._edit_charges)
        row.addWidget(self.charges_button)
        row.addStretch(1)
        outer.addLayout(row)

    def _edit_scenarios(self) -> None:
        ScenarioDialog(self).exec()

    def _edit_texts(self) -> None:
        from ui.dialogs.templates_dialog import TemplatesDialog

        TemplatesDialog(self).exec()

    def _edit_charges(self) -> None:
        from ui.dialogs.charges_dialog import ChargesDialog

        ChargesDialog(self).exec()

    def kinds_unchecked(self) -> set[str]:
        return {kind for kind, check in self.alert_kinds.items() if not check.isChecked()}

    def accept(self) -> None:
        QSettings().setValue(LANGUAGE_KEY, self.language.currentData())
        shown = {
            "max_mb": self.max_mb.value(),
            "due_soon_days": self.due_soon.value(),
            "grace_days": self.grace.value(),
            "backup_folder": self.backup_folder.text(),
            "kinds_off": frozenset(self.kinds_unchecked()),
            "import_max_file_mb": self.import_file_mb.value(),
            "import_max_field_kib": self.import_field_kib.value(),
        }
        try:  # only what changed (an unchanged folder is not checked again); all or nothing
            saved = settings.read()
            settings.save({k: v for k, v in shown.items() if v != getattr(saved, k)})
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Settings"), i18n.message(exc))
            return
        super().accept()
