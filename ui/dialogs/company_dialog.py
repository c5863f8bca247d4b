"""The user's company: identity (with what identifies it on letters and claims: legal form,
share capital, register, signatory — art. 57 CPC), bank details, default terms and the
end-of-month method."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.core import company as company_service
from services.core.errors import AppError
from ui.cgv import CgvVersionsPanel
from ui.dialogs.base import EditorDialog, form_tab


class CompanyDialog(EditorDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My company"))
        self.resize(560, 780)
        data = company_service.get_company()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        form = form_tab(self.tabs, self.tr("Company"))

        def line(name: str, label: str, value: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit(value)
            edit.setPlaceholderText(placeholder)
            form.addRow(label, edit)
            self.fields[name] = edit
            return edit

        line("name", self.tr("Company name"), data.name)
        line("legal_form", self.tr("Legal form"), data.legal_form, self.tr("SARL, SAS, EI…"))
        self.address = QPlainTextEdit(data.address)
        self.address.setFixedHeight(60)
        form.addRow(self.tr("Address"), self.address)
        self.fields["address"] = self.address
        line("postcode", self.tr("Postcode"), data.postcode)
        line("city", self.tr("City"), data.city)
        line("country", self.tr("Country"), data.country)
        line("siren", self.tr("SIREN"), data.siren, "123 456 789")
        # printed on every letter and claim (issue #13, point 9)
        line(
            "share_capital",
            self.tr("Share capital (€)"),
            data.share_capital.replace(".", ","),
            self.tr("Empty for a sole trader"),
        )
        self.register_kind = QComboBox()
        self.register_kind.addItem(self.tr("None"), "")
        self.register_kind.addItem(self.tr("RCS (trade and companies register)"), "rcs")
        self.register_kind.addItem(self.tr("RNE (national register of businesses)"), "rne")
        self.register_kind.addItem(self.tr("RM (trades register)"), "rm")
        self.register_kind.setCurrentIndex(max(self.register_kind.findData(data.register_kind), 0))
        form.addRow(self.tr("Register"), self.register_kind)
        self.fields["register_kind"] = self.register_kind
        line("register_city", self.tr("Register town"), data.register_city, self.tr("e.g. Lyon"))
        line(
            "register_number",
            self.tr("Registration number"),
            data.register_number,
            self.tr("Empty = the SIREN"),
        )
        line(
            "signatory_name",
            self.tr("Signatory"),
            data.signatory_name,
            self.tr("First and last name"),
        )
        line(
            "signatory_title",
            self.tr("Signatory's title"),
            data.signatory_title,
            self.tr("gérant, président…"),
        )
        line("siret", self.tr("SIRET"), data.siret)
        line("vat_number", self.tr("VAT number"), data.vat_number, "FR00 123456789")
        line("iban", self.tr("IBAN"), data.iban)
        line("bic", self.tr("BIC"), data.bic)
        line("phone", self.tr("Phone"), data.phone)
        line("email", self.tr("E-mail"), data.email)
        logo_row = QHBoxLayout()
        self.logo = QLineEdit(data.logo_path)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_logo)
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        form.addRow(self.tr("Logo file"), logo_row)
        self.fields["logo_path"] = self.logo
        line(
            "default_terms",
            self.tr("Default payment terms"),
            data.default_terms,
            self.tr("e.g. 30 jours, 45 jours fin de mois"),
        )
        method_box = QVBoxLayout()
        self.method_a = QRadioButton(self.tr("Method A: invoice date + N days, then end of month"))
        self.method_b = QRadioButton(self.tr("Method B: end of month, then + N days"))
        group = QButtonGroup(self)
        group.addButton(self.method_a)
        group.addButton(self.method_b)
        (self.method_b if data.eom_method == "B" else self.method_a).setChecked(True)
        method_box.addWidget(self.method_a)
        method_box.addWidget(self.method_b)
        form.addRow(self.tr("“N days end of month”"), method_box)
        self.cgv = CgvVersionsPanel()
        self.cgv_tab = self.tabs.addTab(self.cgv, self.tr("Terms of sale (CGV)"))
        layout.addWidget(self.buttons)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), "", self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if path:
            self.logo.setText(path)

    def values(self) -> dict[str, str]:
        data = {name: w.text() for name, w in self.fields.items() if isinstance(w, QLineEdit)}
        data["address"] = self.address.toPlainText()
        data["eom_method"] = "B" if self.method_b.isChecked() else "A"
        data["register_kind"] = self.register_kind.currentData()
        return data

    def _reveal(self, widget: QWidget) -> None:
        self.tabs.setCurrentIndex(0)

    def save(self) -> None:
        try:
            company_service.save_company(self.values())
        except AppError as exc:
            self.show_error(exc)
            return
        self.accept()
