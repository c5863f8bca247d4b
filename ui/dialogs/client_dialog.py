"""Create or edit a client."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.core import clock, history, legal_status, settings
from services.core.dto import ClientRow
from services.core.errors import AppError
from services.followup import dunning
from services.ledger import clients as client_service
from services.paper import legal_docs, letters
from services.proof.documents import Owner
from ui import format as fmt
from ui import i18n
from ui.backup_ui import export_with_dialog
from ui.cgv import AcceptancesBox
from ui.dialogs.base import EditorDialog, form_tab
from ui.documents_panel import DocumentsPanel, build_evidence_file, documents_folder, dropped_files
from ui.labels import CLIENT_KINDS, LANGUAGES, label
from ui.widgets import HistoryView, MoneyEdit, OptionalDateEdit

#: the legal forms' labels, translated in the "Labels" context like ui.labels' tables
LEGAL_FORM_LABELS = {code: legal.label for code, legal in legal_status.LEGAL_FORMS.items()}


class ClientDialog(EditorDialog):
    def __init__(self, client: ClientRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.saved: ClientRow | None = None
        self.setWindowTitle(
            self.tr("New client")
            if client is None
            else self.tr("Client {code}").format(code=client.code)
        )
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        if client is not None:
            summary = QLabel(
                self.tr(
                    "Balance: <b>{balance}</b> — overdue: <b>{overdue}</b> — "
                    "unallocated credit: {credit}"
                ).format(
                    balance=fmt.money(client.balance),
                    overdue=fmt.money(client.overdue),
                    credit=fmt.money(client.unallocated),
                )
            )
            layout.addWidget(summary)
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        form = form_tab(self.tabs, self.tr("General"))
        self._line(form, "code", self.tr("Code"), self.tr("Unique, e.g. C0042"))
        self._line(form, "name", self.tr("Name"))
        self.kind = QComboBox()
        for key in CLIENT_KINDS:
            self.kind.addItem(label(CLIENT_KINDS, key), key)
        form.addRow(self.tr("Kind"), self.kind)
        self.fields["kind"] = self.kind
        # the debtor's legal status decides the court of a claim (shared/domain.md §4.6.1)
        self.legal_form = QComboBox()
        self.legal_form.addItem(self.tr("Not known"), "")
        for code in LEGAL_FORM_LABELS:
            self.legal_form.addItem(label(LEGAL_FORM_LABELS, code), code)
        self.legal_form.setToolTip(
            self.tr(
                "Decides the court of a claim: tribunal de commerce for a commercial company, "
                "a trader or an artisan; tribunal judiciaire for a civil company, a liberal "
                "profession, a farmer or an association"
            )
        )
        form.addRow(self.tr("Legal form"), self.legal_form)
        self.fields["legal_form"] = self.legal_form
        self.registered_as = QComboBox()
        self.registered_as.addItem(self.tr("Not known"), "")
        self.registered_as.addItem(self.tr("Trader (commerçant, RCS)"), "commercant")
        self.registered_as.addItem(self.tr("Artisan (RNE / répertoire des métiers)"), "artisan")
        self.registered_as.setToolTip(
            self.tr("For a sole trader (EI): both go to the tribunal de commerce")
        )
        form.addRow(self.tr("Registered as"), self.registered_as)
        self.fields["registered_as"] = self.registered_as
        self.acts_professionally = QCheckBox(
            self.tr("Buys for an economic activity it carries on (L441-10 applies)")
        )
        self.acts_professionally.setToolTip(
            self.tr(
                "A non-profit body owes legal interest from the formal notice and no €40, "
                "unless it buys for an economic activity of its own"
            )
        )
        form.addRow(self.tr("Professional purchases"), self.acts_professionally)
        self.fields["acts_professionally"] = self.acts_professionally
        self.kind.currentIndexChanged.connect(self._status_fields)
        self.legal_form.currentIndexChanged.connect(self._status_fields)
        self._status_fields()
        self._line(form, "contact", self.tr("Contact person"))
        self.language = QComboBox()
        for key in LANGUAGES:
            self.language.addItem(label(LANGUAGES, key), key)
        form.addRow(self.tr("Language of letters"), self.language)
        self.fields["language"] = self.language
        self._line(
            form, "terms", self.tr("Payment terms"), self.tr("Empty = the company's default terms")
        )
        self.credit_limit = MoneyEdit()
        self.credit_limit.setPlaceholderText(self.tr("No limit"))
        form.addRow(self.tr("Credit limit"), self.credit_limit)
        self.fields["credit_limit"] = self.credit_limit
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        form.addRow(self.tr("Notes"), self.notes)
        self.fields["notes"] = self.notes

        form = form_tab(self.tabs, self.tr("Address and contact"))
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(60)
        form.addRow(self.tr("Address"), self.address)
        self.fields["address"] = self.address
        self._line(form, "postcode", self.tr("Postcode"))
        self._line(form, "city", self.tr("City"))
        self._line(form, "country", self.tr("Country"), "FR")
        self._line(form, "email", self.tr("E-mail"))
        self._line(form, "phone", self.tr("Phone"))

        form = form_tab(self.tabs, self.tr("Identifiers"))
        self._line(form, "siren", self.tr("SIREN"), "123 456 789")
        self._line(form, "siret", self.tr("SIRET"), "123 456 789 00012")
        self._line(form, "vat_number", self.tr("VAT number"), "FR00 123456789")
        hint = QLabel(self.tr("SIREN, SIRET and VAT numbers are checked with their check digits."))
        hint.setWordWrap(True)
        form.addRow(hint)

        self._build_follow_up_tab(client)

        if client is not None:
            self._build_documents_tab(client)
            self.history = HistoryView()
            self.history.set_events(
                history.events_for("client", client.id, include_client_events=True)
            )
            self.tabs.addTab(self.history, self.tr("History"))
            self._load(client)
        else:
            self._line_edit("country").setText("FR")

    def _status_fields(self) -> None:
        """A register only for a sole trader; professional purchases only for a non-profit;
        no legal form for a consumer."""
        consumer = self.kind.currentData() == "consumer"
        self.legal_form.setEnabled(not consumer)
        self.registered_as.setEnabled(not consumer and self.legal_form.currentData() == "ei")
        self.acts_professionally.setEnabled(self.kind.currentData() == "nonprofit")

    def _build_follow_up_tab(self, client: ClientRow | None) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        box.addLayout(form)
        self.scenario = QComboBox()
        self.scenario.addItem(self.tr("Default for its kind"), None)
        for scenario in dunning.scenarios():
            if scenario.client_kind is None:
                self.scenario.addItem(scenario.name, scenario.id)
        self.scenario.setToolTip(
            self.tr(
                "The steps of its reminders; named scenarios are "
                "edited in Settings › Dunning scenarios"
            )
        )
        form.addRow(self.tr("Dunning scenario"), self.scenario)
        self.fields["scenario_id"] = self.scenario
        self._line(form, "insurer", self.tr("Credit insurer"), self.tr("None"))
        days = self._line(
            form,
            "insurance_days",
            self.tr("Days to declare an unpaid invoice"),
            self.tr("Empty = not insured"),
        )
        days.setValidator(QIntValidator(0, 999, days))
        days.setMaximumWidth(160)
        days.setToolTip(
            self.tr(
                "Days after the due date within which the insurer must be told of "
                "an unpaid invoice; you are warned 15 days before"
            )
        )

        self.procedure: OptionalDateEdit | None = None
        if client is not None:
            group = QGroupBox(self.tr("Collective procedure"))
            inner = QVBoxLayout(group)
            self.procedure = OptionalDateEdit(self.tr("BODACC notice of"))
            self.procedure.set_value(client.collective_procedure_on, clock.today())
            line = QHBoxLayout()
            line.addWidget(self.procedure)
            line.addStretch(1)
            inner.addLayout(line)
            self.fields["collective_procedure_on"] = self.procedure
            note = QLabel(
                self.tr(
                    "From the notice of a safeguard, receivership or liquidation, "
                    "reminders stop and "
                    "no penalties or €40 indemnity may be claimed. "
                    "The claim must be declared to the "
                    "court-appointed administrator (mandataire judiciaire) within 2 months of the "
                    "BODACC notice."
                )
            )
            note.setWordWrap(True)
            inner.addWidget(note)
            box.addWidget(group)
            box.addWidget(QLabel(self.tr("Logged calls and contacts:")))
            self.contacts = QTreeWidget()
            self.contacts.setColumnCount(4)
            self.contacts.setHeaderLabels(
                [self.tr("Date"), self.tr("Person"), self.tr("Outcome"), self.tr("Note")]
            )
            self.contacts.setRootIsDecorated(False)
            self.contacts.setAlternatingRowColors(True)
            self.contacts.setColumnWidth(0, 90)
            self.contacts.setColumnWidth(1, 120)
            self.contacts.setColumnWidth(2, 170)
            for contact in dunning.contacts(client.id):
                item = QTreeWidgetItem(
                    [fmt.date(contact.on), contact.person, contact.outcome, contact.note]
                )
                item.setToolTip(3, contact.note)
                if contact.invoice:
                    item.setToolTip(0, self.tr("Invoice {number}").format(number=contact.invoice))
                self.contacts.addTopLevelItem(item)
            box.addWidget(self.contacts, 1)
        else:
            box.addStretch(1)
        self.followup_tab = self.tabs.addTab(page, self.tr("Follow-up"))

    def _build_documents_tab(self, client: ClientRow) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.acceptances = AcceptancesBox(client.id)
        self.acceptances.changed.connect(self._after_documents_change)
        box.addWidget(self.acceptances)
        box.addWidget(QLabel(self.tr("Documents of this client and of its invoices:")))
        title = self.tr("Client {code} — {name}").format(code=client.code, name=client.name)
        self.documents = DocumentsPanel(Owner(client_id=client.id), title)
        self.documents.changed.connect(self._after_documents_change)
        box.addWidget(self.documents, 1)
        row = QHBoxLayout()
        evidence = QPushButton(self.tr("Evidence file…"))
        evidence.setToolTip(
            self.tr("One PDF with a cover page, the client's invoices and every proof document")
        )
        evidence.clicked.connect(
            lambda: build_evidence_file(
                self, self.tr("evidence-{code}").format(code=client.code), client_id=client.id
            )
        )
        statement = QPushButton(self.tr("Statement of account…"))
        statement.clicked.connect(
            lambda: self._write_pdf(
                self.tr("statement-{code}").format(code=client.code),
                lambda out: letters.write_letter(
                    out, letters.statement(client.code), settings.read().window
                ),
            )
        )
        claim = QPushButton(self.tr("Claim summary (injonction de payer)…"))
        claim.clicked.connect(
            lambda: self._write_pdf(
                self.tr("claim-{code}").format(code=client.code),
                lambda out: legal_docs.claim_summary(client.code, out),
            )
        )
        personal = QPushButton(self.tr("Export this client's data…"))
        personal.setToolTip(
            self.tr(
                "Every row about this client as CSV, with its documents: "
                "the answer to a GDPR access request"
            )
        )
        personal.clicked.connect(lambda: export_with_dialog(self, client.code))
        row.addWidget(personal)
        row.addStretch(1)
        for button in (statement, claim, evidence):
            row.addWidget(button)
        box.addLayout(row)
        self.documents_tab = self.tabs.addTab(page, self.tr("Documents"))
        self.setAcceptDrops(True)

    def _write_pdf(self, name: str, build: Callable[[Path], object]) -> Path | None:
        """Ask where, write the PDF, open it with the system viewer."""
        start = str(Path(documents_folder()) / f"{name}.pdf")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), start, self.tr("PDF (*.pdf)")
        )
        if not chosen:
            return None
        out = Path(chosen)
        try:
            build(out)
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), i18n.message(exc))
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
        return out

    def _after_documents_change(self) -> None:
        assert self.client is not None  # the lists reloaded themselves (ui.changes)
        self.history.set_events(
            history.events_for("client", self.client.id, include_client_events=True)
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = dropped_files(event)
        event.acceptProposedAction()
        if paths and self.client is not None:
            self.tabs.setCurrentIndex(self.documents_tab)
            self.documents.attach(paths)

    def _line(self, form: QFormLayout, name: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        form.addRow(text, edit)
        self.fields[name] = edit
        return edit

    def _line_edit(self, name: str) -> QLineEdit:
        edit = self.fields[name]
        assert isinstance(edit, QLineEdit)  # made by _line
        return edit

    def _load(self, c: ClientRow) -> None:
        for name in (
            "code",
            "name",
            "contact",
            "terms",
            "postcode",
            "city",
            "country",
            "email",
            "phone",
            "siren",
            "siret",
            "vat_number",
        ):
            self._line_edit(name).setText(getattr(c, name))
        self.kind.setCurrentIndex(self.kind.findData(c.kind))
        self.legal_form.setCurrentIndex(max(self.legal_form.findData(c.legal_form), 0))
        self.registered_as.setCurrentIndex(max(self.registered_as.findData(c.registered_as), 0))
        self.acts_professionally.setChecked(c.acts_professionally)
        self.language.setCurrentIndex(self.language.findData(c.language))
        self.credit_limit.setText(
            "" if c.credit_limit is None else f"{c.credit_limit:.2f}".replace(".", ",")
        )
        self.notes.setPlainText(c.notes)
        self.address.setPlainText(c.address)
        self._line_edit("insurer").setText(c.insurer)
        self._line_edit("insurance_days").setText(
            "" if c.insurance_days is None else str(c.insurance_days)
        )
        index = self.scenario.findData(c.scenario_id) if c.scenario_id is not None else 0
        self.scenario.setCurrentIndex(max(index, 0))

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            name: w.text() for name, w in self.fields.items() if isinstance(w, QLineEdit)
        }
        data["kind"] = self.kind.currentData()
        # what a disabled field shows is not the client's (a consumer has no legal form…)
        data["legal_form"] = self.legal_form.currentData() if self.legal_form.isEnabled() else ""
        data["registered_as"] = (
            self.registered_as.currentData() if self.registered_as.isEnabled() else ""
        )
        data["acts_professionally"] = (
            self.acts_professionally.isEnabled() and self.acts_professionally.isChecked()
        )
        data["language"] = self.language.currentData()
        data["notes"] = self.notes.toPlainText()
        data["address"] = self.address.toPlainText()
        scenario = self.scenario.currentData()
        data["scenario_id"] = int(scenario) if scenario is not None else None
        return data

    def _reveal(self, widget: QWidget) -> None:
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)  # not None: i < count()
            if page is not None and page.isAncestorOf(widget):
                self.tabs.setCurrentIndex(i)
                return

    def save(self) -> None:
        try:
            if self.client is None:
                self.saved = client_service.create_client(self.values())
            else:
                notice = (
                    self.procedure.value()
                    if self.procedure is not None
                    else client_service.UNCHANGED
                )
                self.saved = client_service.update_client(
                    self.client.id, self.values(), collective_procedure_on=notice
                )
        except AppError as exc:
            self.show_error(exc)
            return
        self.accept()
