"""The company and its clients as every document prints them."""

from __future__ import annotations

from dataclasses import dataclass

from services.core.dto import CompanyData


@dataclass(frozen=True, slots=True)
class Party:
    """A creditor or a debtor. The first fields can be given in order (name, address,
    postcode, city, country, legal form, SIREN, VAT number, phone, e-mail, IBAN, BIC)."""

    name: str
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "FR"
    legal_form: str = ""
    siren: str = ""
    vat_number: str = ""
    phone: str = ""
    email: str = ""
    iban: str = ""
    bic: str = ""
    contact: str = ""
    logo: str = ""  # path of the company's logo (letterhead)
    code: str = ""  # the client's code
    kind: str = ""  # pro / consumer / nonprofit / public ("" for the company)
    siret: str = ""

    @property
    def town(self) -> str:
        """Postcode and city on one line."""
        return " ".join(p for p in (self.postcode.strip(), self.city.strip()) if p)


def company_party(company: CompanyData, *, with_logo: bool = False) -> Party:
    """The company as the creditor of every document (its logo only for a letterhead)."""
    return Party(
        company.name,
        company.address,
        company.postcode,
        company.city,
        company.country,
        company.legal_form,
        company.siren,
        company.vat_number,
        company.phone,
        company.email,
        company.iban,
        company.bic,
        logo=company.logo_path if with_logo else "",
        siret=company.siret,
    )
