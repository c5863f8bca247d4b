"""The main window: navigation, menus and the three lists (or the welcome page)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models import SCHEMA_REVISION
from services.core import clock, db
from services.core import company as company_service
from services.core.errors import AppError, UserError
from services.core.version import __version__
from services.ledger import open_items as ledger
from services.proof import documents
from ui import format as fmt
from ui import i18n
from ui.alerts_panel import AlertsPanel
from ui.backup_ui import (
    LAST_DAY_KEY,
    created_text,
    describe_counts,
    export_with_dialog,
    remember_folder,
)
from ui.changes import Change, watch
from ui.dialogs.company_dialog import CompanyDialog
from ui.dialogs.settings_dialog import SettingsDialog, saved_language
from ui.document_tools import CheckDialog, TrashDialog
from ui.followup_page import FollowUpPage
from ui.jobs import Job, fit, run_modal, wait_modal
from ui.pages import ClientsPage, InvoicesPage, PaymentsPage
from ui.welcome import WelcomePage

log = logging.getLogger(__name__)
#: the start-up alerts wait this long after the window is shown, so the first paint never
#: shares the processor with them
STARTUP_ALERTS_DELAY_MS = 300

#: an automatic backup that fails this long after the last good one is said out loud
STALE_BACKUP_DAYS = 3

PAGE_WELCOME, PAGE_CLIENTS, PAGE_INVOICES, PAGE_PAYMENTS, PAGE_FOLLOWUP = range(5)


class MainWindow(QMainWindow):
    language_changed = Signal()
    #: a backup started from the window ended: its BackupInfo, or None when it failed
    backup_finished = Signal(object)

    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Encaisse — receivables"))
        self.resize(1200, 760)

        self.nav = QListWidget()
        self.nav.setMaximumWidth(190)
        self.nav.setMinimumWidth(150)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 10px; }"
        )
        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.clients = ClientsPage()
        self.invoices = InvoicesPage()
        self.payments = PaymentsPage()
        self.followup = FollowUpPage()
        for page in (self.welcome, self.clients, self.invoices, self.payments, self.followup):
            self.stack.addWidget(page)
        for text in (
            self.tr("Start"),
            self.tr("Clients"),
            self.tr("Invoices"),
            self.tr("Payments"),
            self.tr("Follow-up"),
        ):
            QListWidgetItem(text, self.nav)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(4, 4, 4, 0)
        self.alerts_panel = AlertsPanel()
        column.addWidget(self.alerts_panel)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.alerts_panel.open_kind.connect(self.show_alert_kind)
        self.alerts_panel.open_invoice.connect(self.open_invoice)
        self.alerts_panel.open_client.connect(self.open_client)
        self.followup.open_invoice.connect(self.open_invoice)
        self.followup.open_client.connect(self.open_client)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=database))

        self.clients.invoices_requested.connect(self.show_client_invoices)
        self.welcome.company_requested.connect(self.edit_company)
        self.welcome.import_requested.connect(lambda: self.import_csv("invoices"))
        self.welcome.demo_requested.connect(self.load_demo)
        self._build_menus()
        self._purge_trash()
        self.nav.setCurrentRow(PAGE_WELCOME if db.current().is_empty() else PAGE_INVOICES)
        # after the first paint: the alerts never hold the window back
        QTimer.singleShot(STARTUP_ALERTS_DELAY_MS, self.alerts_panel.refresh)
        # e-mails queued while offline go when the window opens (issue #13, point 10)
        self.send_queue_job: Job | None = None
        QTimer.singleShot(STARTUP_ALERTS_DELAY_MS, self.retry_send_queue)
        self._backup_job: Job | None = None
        self._backup_quiet = False
        self._stale_backup_warned = False  # said once per session
        #: set when the window is replaced (a change of language): no backup then
        self.skip_backup_on_close = False
        self.backup_label = QLabel()
        self.backup_bar = QProgressBar()
        self.backup_bar.setMaximumWidth(160)
        self.backup_bar.setTextVisible(False)
        for widget in (self.backup_label, self.backup_bar):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(15 * 60_000)  # checks the day four times an hour
        self.backup_timer.timeout.connect(self._daily_backup)
        self.backup_timer.start()
        # the lists, the follow-up page and the alerts reload themselves (ui.changes); the
        # window's own view of the book is the status bar's totals
        watch(self, Change.INVOICES | Change.PAYMENTS, lambda _change: self._update_status())
        self._update_status()
        geometry = QSettings().value("ui/geometry")
        if geometry:
            self.restoreGeometry(geometry)

    # -- menus ---------------------------------------------------------------------
    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("My &company…"), self.edit_company)
        imports = file_menu.addMenu(self.tr("&Import CSV"))
        self._action(imports, self.tr("Clients…"), lambda: self.import_csv("clients"))
        self._action(imports, self.tr("Invoices…"), lambda: self.import_csv("invoices"))
        self._action(imports, self.tr("Payments…"), lambda: self.import_csv("payments"))
        self.demo_action = self._action(file_menu, self.tr("Fill with &demo data"), self.load_demo)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Back up now"), self.backup_now)
        self._action(file_menu, self.tr("&Restore a backup…"), self.restore_backup)
        self._action(file_menu, self.tr("E&xport all data…"), self.export_data)
        file_menu.addSeparator()
        self._action(
            file_menu,
            self.tr("&Settings…"),
            self.edit_settings,
            QKeySequence.StandardKey.Preferences,
        )
        self._action(file_menu, self.tr("E-&mail account…"), self.edit_email_account)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        entries = self.menuBar().addMenu(self.tr("&Entries"))
        self._action(entries, self.tr("New &client…"), self.new_client)
        self._action(entries, self.tr("New &invoice…"), self.new_invoice)
        self._action(entries, self.tr("New credit &note…"), self.new_credit_note)
        self._action(entries, self.tr("Record a &payment…"), self.new_payment)

        view = self.menuBar().addMenu(self.tr("&View"))
        self._action(
            view, self.tr("&Clients"), lambda: self.nav.setCurrentRow(PAGE_CLIENTS), "Ctrl+1"
        )
        self._action(
            view, self.tr("&Invoices"), lambda: self.nav.setCurrentRow(PAGE_INVOICES), "Ctrl+2"
        )
        self._action(
            view, self.tr("&Payments"), lambda: self.nav.setCurrentRow(PAGE_PAYMENTS), "Ctrl+3"
        )
        self._action(view, self.tr("&Overdue invoices"), self.show_overdue, "Ctrl+4")
        self._action(
            view, self.tr("&Follow-up"), lambda: self.nav.setCurrentRow(PAGE_FOLLOWUP), "Ctrl+5"
        )

        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self._action(tools, self.tr("&Check the book and documents…"), self.check_documents)
        self._action(tools, self.tr("Document &trash…"), self.show_trash)
        self._action(tools, self.tr("Proof &missing on overdue invoices"), self.show_missing_proof)
        tools.addSeparator()
        self._action(tools, self.tr("&Dunning scenarios…"), self.edit_scenarios)
        self._action(tools, self.tr("&Late charges and letters…"), self.edit_charges)
        self._action(tools, self.tr("Letter &texts…"), self.edit_templates)
        self._action(tools, self.tr("E-mail send &queue…"), self.show_send_queue)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Encaisse"), self.about)

    def _purge_trash(self) -> None:
        """Documents deleted more than 30 days ago leave the trash for good."""
        try:
            purged = documents.purge_trash()
        except AppError:
            log.exception("the document trash could not be emptied")
            return
        if purged:
            self.statusBar().showMessage(
                self.tr(
                    "%n document(s) deleted more than 30 days ago removed from the trash.",
                    "",
                    purged,
                ),
                8000,
            )

    # -- actions --------------------------------------------------------------------
    def _update_status(self) -> None:
        today = clock.today()
        outstanding, overdue = ledger.current_totals(today)
        self.status_label.setText(
            self.tr("Outstanding {total} — overdue {overdue} — {date}").format(
                total=fmt.money(outstanding), overdue=fmt.money(overdue), date=fmt.date(today)
            )
        )

    def edit_company(self) -> None:
        if CompanyDialog(self).exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Company details saved."), 4000)

    def edit_settings(self) -> None:
        before = saved_language()
        accepted = SettingsDialog(self.database, self).exec() == QDialog.DialogCode.Accepted
        if accepted and saved_language() != before:
            app = QApplication.instance()
            assert app is not None  # this window exists, so does the application
            i18n.install(app, saved_language())
            self.language_changed.emit()

    def import_csv(self, kind: str) -> None:
        from ui.dialogs.import_dialog import ImportDialog

        if ImportDialog(kind, self).exec() == QDialog.DialogCode.Accepted:
            self.nav.setCurrentRow(
                {"clients": PAGE_CLIENTS, "payments": PAGE_PAYMENTS}.get(kind, PAGE_INVOICES)
            )

    def load_demo(self) -> None:
        from services.book import demo

        if not db.current().is_empty():
            QMessageBox.information(
                self,
                self.tr("Demo data"),
                self.tr(
                    "Demo data can only be added to an empty book. Open another database with "
                    "--db to explore the demo."
                ),
            )
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            demo.fill_demo(clock.today())
        except AppError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Demo data"), i18n.message(exc))
            return
        QApplication.restoreOverrideCursor()
        self.nav.setCurrentRow(PAGE_INVOICES)
        self.statusBar().showMessage(self.tr("Demo data loaded."), 5000)

    def new_client(self) -> None:
        self.nav.setCurrentRow(PAGE_CLIENTS)
        self.clients.create_new()

    def new_invoice(self) -> None:
        self.nav.setCurrentRow(PAGE_INVOICES)
        self.invoices.create_new()

    def new_credit_note(self) -> None:
        self.nav.setCurrentRow(PAGE_INVOICES)
        self.invoices.create_new("credit_note")

    def new_payment(self) -> None:
        self.nav.setCurrentRow(PAGE_PAYMENTS)
        self.payments.create_new()

    def show_client_invoices(self, client_id: int) -> None:
        self.nav.setCurrentRow(PAGE_INVOICES)
        self.invoices.show_client(client_id)

    def show_overdue(self) -> None:
        self.nav.setCurrentRow(PAGE_INVOICES)
        self.invoices.show_client(None, "overdue")

    def show_alert_kind(self, kind: str) -> None:
        if kind == "step_due":
            self.nav.setCurrentRow(PAGE_FOLLOWUP)

    def open_invoice(self, invoice_id: int) -> None:
        from services.ledger import invoices as invoice_service
        from ui.dialogs.invoice_dialog import InvoiceDialog

        try:
            row = invoice_service.get_invoice(invoice_id)
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), i18n.message(exc))
            return
        InvoiceDialog(row, self).exec()

    def open_client(self, client_id: int) -> None:
        from services.ledger import clients as client_service
        from ui.dialogs.client_dialog import ClientDialog

        try:
            row = client_service.get_client(client_id)
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), i18n.message(exc))
            return
        ClientDialog(row, self).exec()

    def edit_charges(self) -> None:
        from ui.dialogs.charges_dialog import ChargesDialog

        ChargesDialog(self).exec()

    # -- e-mails (issue #13, point 10) ---------------------------------------------
    def edit_email_account(self) -> None:
        from ui.email_settings import EmailSettingsDialog

        if EmailSettingsDialog(self).exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("E-mail account saved."), 4000)

    def show_send_queue(self) -> None:
        from ui.outbox_dialog import OutboxDialog

        OutboxDialog(self).exec()

    def retry_send_queue(self) -> Job | None:
        """At start (and on request): the e-mails left in the send queue go now when an
        account is set — the connection may have returned. Told in the status bar."""
        from services.paper import outbox
        from ui.outbox_dialog import send_job

        try:
            if outbox.account() is None or not outbox.pending_count():
                return None
        except AppError:
            log.exception("the send queue could not be read")
            return None
        self.send_queue_job = send_job(self)
        self.send_queue_job.done.connect(self._send_queue_done)
        return self.send_queue_job

    def _send_queue_done(self) -> None:
        from ui.outbox_dialog import report_text

        job = self.send_queue_job
        if job is None:
            return
        text = report_text(job.result) if job.ok else job.error
        if text:
            self.statusBar().showMessage(" ".join(text.splitlines()), 15000)

    def edit_templates(self) -> None:
        from ui.dialogs.templates_dialog import TemplatesDialog

        TemplatesDialog(self).exec()

    def edit_scenarios(self) -> None:
        from ui.dialogs.scenario_dialog import ScenarioDialog

        ScenarioDialog(self).exec()

    def check_documents(self) -> None:
        CheckDialog(self).exec()

    def show_trash(self) -> None:
        TrashDialog(self).exec()

    def show_missing_proof(self) -> None:
        self.nav.setCurrentRow(PAGE_INVOICES)
        self.invoices.show_missing_proof()

    def about(self) -> None:
        company = company_service.get_company()
        QMessageBox.about(
            self,
            self.tr("About Encaisse"),
            self.tr(
                "<b>Encaisse</b> {version}<br>Get paid: receivables, reminders and letters for "
                "French small businesses.<br><br>Book: {path}<br>Company: {company}"
            ).format(version=__version__, path=self.database, company=company.name or "—"),
        )

    # -- backups (issue #6) -----------------------------------------------------------
    def backup_running(self) -> bool:
        return self._backup_job is not None and self._backup_job.running()

    def backup_now(self, *, quiet: bool = False) -> bool:
        """Start a backup off the GUI thread; ``backup_finished`` says how it went. False when
        one could not start (one is already running, or the book is not a file)."""
        from services.book import backup

        if self.backup_running():
            if not quiet:
                self.statusBar().showMessage(self.tr("A backup is already running."), 5000)
            return False
        if db.current().path is None:
            self._backup_failed(
                i18n.message(UserError(backup.MSG_NOT_SQLITE, field="database")), quiet
            )
            return False
        job = Job(lambda progress: backup.back_up(progress=progress))
        self._backup_job = job
        self._backup_quiet = quiet
        job.progressed.connect(self._backup_progress)
        job.done.connect(self._backup_done)
        self.backup_bar.setRange(0, 0)
        self.backup_bar.show()
        self.backup_label.setText(self.tr("Backing up…"))
        self.backup_label.show()
        job.start()
        return True

    def _backup_progress(self, done: int, total: int) -> None:
        shown, most = fit(done, total)
        self.backup_bar.setRange(0, most)
        self.backup_bar.setValue(shown)

    def _backup_done(self) -> None:
        job = self._backup_job
        self.backup_bar.hide()
        self.backup_label.hide()
        if job is None:
            return
        if job.crashed:  # the crash dialog told it
            self.backup_finished.emit(None)
            return
        if job.error or job.cancelled:
            self._backup_failed(
                job.error or self.tr("The backup was cancelled."), self._backup_quiet
            )
            self.backup_finished.emit(None)
            return
        info = job.result
        QSettings().setValue(LAST_DAY_KEY, clock.today().isoformat())
        remember_folder(str(info.path.parent))
        self.statusBar().showMessage(
            self.tr("Backed up to {path}").format(path=str(info.path)), 8000
        )
        if info.altered:
            QMessageBox.warning(
                self,
                self.tr("Backup"),
                self.tr(
                    "The backup is written, but {count} stored document(s) no longer match their "
                    "fingerprint; "
                    "they were copied as they are. Run Tools ▸ Check the book and documents."
                ).format(count=len(info.altered)),
            )
        self.backup_finished.emit(info)

    def _backup_failed(self, message: str, quiet: bool) -> None:
        if not quiet:
            QMessageBox.warning(self, self.tr("Backup"), message)
            return
        log.warning("automatic backup failed: %s", message)
        self.statusBar().showMessage(
            self.tr("Automatic backup failed: {message}").format(message=message), 15000
        )
        last = str(QSettings().value(LAST_DAY_KEY, "") or "")
        stale = not last or (clock.today() - dt.date.fromisoformat(last)).days >= STALE_BACKUP_DAYS
        if (
            stale and not self._stale_backup_warned
        ):  # e.g. the USB key chosen in Settings is not plugged in
            self._stale_backup_warned = True
            since = fmt.date(dt.date.fromisoformat(last)) if last else self.tr("never")
            QMessageBox.warning(
                self,
                self.tr("Backup"),
                self.tr(
                    "The automatic backup failed: {message}\n\nLast backup: {since}. "
                    "Check the backup folder "
                    "in Settings (is the USB key or the network folder there?)."
                ).format(message=message, since=since),
            )

    def _wait_for_backup(self) -> None:
        """Let a running backup finish (behind a progress dialog) before the book changes or
        the window closes."""
        job = self._backup_job
        if job is None or not job.running():
            return
        wait_modal(self, self.tr("Backup"), self.tr("Finishing the backup…"), job)

    def _daily_backup(self) -> None:
        """At most once a day while the window is open (and on quitting)."""
        if not db.is_open() or db.current().path is None or db.current().is_empty():
            return
        if QSettings().value(LAST_DAY_KEY, "") != clock.today().isoformat():
            self.backup_now(quiet=True)

    def restore_backup(self) -> None:
        self._wait_for_backup()
        self.backup_timer.stop()  # no automatic backup while the book is being replaced
        try:
            self._restore_backup()
        finally:
            self.backup_timer.start()

    def _restore_backup(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from services.book import backup

        try:
            start = str(backup.folder())
        except AppError:
            start = ""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore a backup"), start, self.tr("Backups (*.zip)")
        )
        if not name:
            return
        path = Path(name)
        job = run_modal(
            self,
            self.tr("Restore"),
            self.tr("Checking every file in the backup…"),
            lambda progress: backup.read(path, check=True, progress=progress),
            cancel=self.tr("Cancel"),
        )
        if not job.ok:
            if job.error:
                QMessageBox.warning(self, self.tr("Restore"), job.error)
            return
        info = job.result
        if info.schema > SCHEMA_REVISION:
            QMessageBox.warning(
                self,
                self.tr("Restore"),
                i18n.message(
                    UserError(backup.MSG_NEWER, field="file", name=path.name, schema=info.schema)
                ),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Restore the backup of {date}?\n\n{counts}\n\n"
                "The current book is backed up first, then replaced."
            ).format(date=created_text(info), counts=describe_counts(info)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        safety = run_modal(
            self,
            self.tr("Restore"),
            self.tr("Backing up the current book first…"),
            lambda progress: backup.create(progress=progress),
        )
        if not safety.ok:
            if safety.error:
                QMessageBox.warning(self, self.tr("Restore"), safety.error)
            return
        self.alerts_panel.stop()  # no job reading the book while it is replaced
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backup.restore(path, verified=True, safety=False)  # another book: BOOK, all reload
        except AppError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Restore"), i18n.message(exc))
            return
        finally:
            self.alerts_panel.resume()
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            self.tr("Backup of {date} restored; the previous book is kept in {path}.").format(
                date=created_text(info), path=str(safety.result.path)
            ),
            15000,
        )

    def export_data(self) -> None:
        """File ▸ Export all data…: every table as CSV plus the documents (issue #6)."""
        export_with_dialog(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        QSettings().setValue("ui/geometry", self.saveGeometry())
        self.alerts_panel.stop()
        self.backup_timer.stop()
        self._wait_for_backup()
        if (
            not self.skip_backup_on_close
            and db.is_open()
            and db.current().path is not None
            and not db.current().is_empty()
        ):
            self._backup_on_quit()
        super().closeEvent(event)

    def _backup_on_quit(self) -> None:
        """A backup on quitting, behind a progress dialog the owner may skip."""
        from services.book import backup

        job = run_modal(
            self,
            self.tr("Backup"),
            self.tr("Backing up before closing…"),
            lambda progress: backup.back_up(progress=progress),
            cancel=self.tr("Skip"),
        )
        if job.crashed:
            pass  # the crash dialog told it
        elif job.error:
            log.warning("backup on quitting failed: %s", job.error)
            QMessageBox.warning(
                self,
                self.tr("Backup"),
                self.tr("The backup on closing failed: {message}").format(message=job.error),
            )
        elif not job.cancelled:
            QSettings().setValue(LAST_DAY_KEY, clock.today().isoformat())
            remember_folder(str(job.result.path.parent))
