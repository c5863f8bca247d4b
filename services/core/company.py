"""The user's company (the business settings are in services.core.settings)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, fields
from typing import Any

from sqlalchemy.orm import Session

from models import Company
from services.core import db, history, identifiers, terms
from services.core.dto import CompanyData
from services.core.errors import UserError, ValidationError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.money import format_money, parse_amount
from services.core.text import clean_text, fold

MSG_NAME_REQUIRED = QT_TRANSLATE_NOOP("Messages", "the company name is required.")
MSG_METHOD = QT_TRANSLATE_NOOP("Messages", "choose method A or B.")
MSG_EMAIL = QT_TRANSLATE_NOOP("Messages", "'{value}' is not an e-mail address.")
MSG_REGISTER_KIND = QT_TRANSLATE_NOOP(
    "Messages", "'{value}' is not a register of companies (RCS, RM or RNE)."
)
MSG_REGISTER_CITY = QT_TRANSLATE_NOOP(
    "Messages", "the town of the RCS registry is required with an RCS registration (RCS Lyon…)."
)
MSG_REGISTER_NUMBER = QT_TRANSLATE_NOOP(
    "Messages", "the registration number is required (or the SIREN) with a register."
)
MSG_RCS_IS_SIREN = QT_TRANSLATE_NOOP(
    "Messages", "the RCS number is the SIREN ({siren}), not {value}."
)
MSG_REGISTER_WITHOUT_KIND = QT_TRANSLATE_NOOP(
    "Messages", "choose the register (RCS, RM or RNE) this number belongs to."
)
MSG_SIGNATORY_TITLE = QT_TRANSLATE_NOOP(
    "Messages", "the signatory's title is required (gérant, président…)."
)
MSG_SIGNATORY_NAME = QT_TRANSLATE_NOOP("Messages", "the signatory's name is required with a title.")

#: the registers a French business is on (shared/domain.md §2.7): RCS (companies and
#: traders), RM (artisans, replaced by the RNE since 2023), RNE
REGISTER_KINDS = ("rcs", "rm", "rne")
_REGISTER_ALIASES = {
    "rcs": "rcs",
    "registre du commerce": "rcs",
    "registre du commerce et des societes": "rcs",
    "rm": "rm",
    "repertoire des metiers": "rm",
    "rne": "rne",
    "registre national des entreprises": "rne",
}

_FIELDS = [f.name for f in fields(CompanyData)]
#: the company's texts that may hold tabs and newlines (issue #11)
MULTILINE_FIELDS = ("address",)


def _row(session: Session) -> Company:
    company = session.get(Company, 1)
    if company is None:
        company = Company(id=1)
        for name in _FIELDS:
            setattr(company, name, getattr(CompanyData(), name))
        session.add(company)
        session.flush()
    return company


def load(session: Session) -> CompanyData:
    company = session.get(Company, 1)
    if company is None:
        return CompanyData()
    return CompanyData(**{name: getattr(company, name) for name in _FIELDS})


def get_company() -> CompanyData:
    with db.reading() as s:
        return load(s)


def eom_method(session: Session) -> str:
    company = session.get(Company, 1)
    return company.eom_method if company is not None else terms.METHOD_A


def check_email(value: str, field: str = "email") -> str:
    value = (value or "").strip()
    if value and ("@" not in value or " " in value or value.startswith("@") or value.endswith("@")):
        raise UserError(MSG_EMAIL, field=field, value=value)
    return value


def validate(data: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    errors: list[UserError] = []
    defaults = asdict(CompanyData())
    for name in _FIELDS:
        value = data.get(name, defaults[name])
        clean[name] = (value or "").strip() if isinstance(value, str) else value
        if isinstance(value, str):
            try:  # no control character; tabs and newlines in the address only (issue #11)
                clean[name] = clean_text(value, name, multiline=name in MULTILINE_FIELDS)
            except UserError as exc:
                errors.append(exc)
    checks = {
        "siren": identifiers.siren,
        "siret": identifiers.siret,
        "vat_number": identifiers.vat_number,
        "iban": identifiers.iban,
        "bic": identifiers.bic,
        "email": check_email,
    }
    for name, check in checks.items():
        try:
            clean[name] = check(clean[name])
        except UserError as exc:
            errors.append(exc)
    if not clean["name"]:
        errors.append(UserError(MSG_NAME_REQUIRED, field="name"))
    if clean["eom_method"] not in (terms.METHOD_A, terms.METHOD_B):
        errors.append(UserError(MSG_METHOD, field="eom_method"))
    if clean["default_terms"]:
        try:
            terms.parse_terms(clean["default_terms"], "default_terms")
        except UserError as exc:
            errors.append(exc)
    if not errors:
        try:
            identifiers.check_consistency(clean["siren"], clean["siret"], clean["vat_number"])
        except UserError as exc:
            errors.append(exc)
    errors += _check_identification(clean)
    if errors:
        raise ValidationError(errors)
    return clean


def _check_identification(clean: dict[str, Any]) -> list[UserError]:
    """Share capital, register and signatory (art. 57 CPC; issue #13, point 9), in place."""
    errors: list[UserError] = []
    if clean["share_capital"]:
        try:
            capital = parse_amount(clean["share_capital"], "share_capital", allow_zero=False)
            clean["share_capital"] = f"{capital:.2f}"
        except UserError as exc:
            errors.append(exc)
    kind = _REGISTER_ALIASES.get(fold(clean["register_kind"]).replace(".", ""))
    if clean["register_kind"] and kind is None:
        errors.append(
            UserError(MSG_REGISTER_KIND, field="register_kind", value=clean["register_kind"])
        )
    clean["register_kind"] = kind or ""
    number = clean["register_number"]
    if kind == "rcs":
        if not clean["register_city"]:
            errors.append(UserError(MSG_REGISTER_CITY, field="register_city"))
        if number:
            # "RCS Lyon B 123 456 789": the letter (A trader, B company) then the SIREN
            compact = "".join(number.split()).upper()
            compact = compact[1:] if compact[:1] in ("A", "B") else compact
            try:
                compact = identifiers.siren(compact, "siren")
                if clean["siren"] and compact != clean["siren"]:
                    errors.append(
                        UserError(
                            MSG_RCS_IS_SIREN,
                            field="register_number",
                            siren=clean["siren"],
                            value=number,
                        )
                    )
                clean["register_number"] = compact
            except UserError as exc:  # the SIREN's own message, about this field
                errors.append(UserError(exc.message, field="register_number", **exc.params))
    if kind and not number and not clean["siren"]:
        errors.append(UserError(MSG_REGISTER_NUMBER, field="register_number"))
    if not kind and (number or clean["register_city"]):
        errors.append(UserError(MSG_REGISTER_WITHOUT_KIND, field="register_kind"))
    if clean["signatory_name"] and not clean["signatory_title"]:
        errors.append(UserError(MSG_SIGNATORY_TITLE, field="signatory_title"))
    if clean["signatory_title"] and not clean["signatory_name"]:
        errors.append(UserError(MSG_SIGNATORY_NAME, field="signatory_name"))
    return errors


_IDENTIFICATION = {
    "fr": {
        "capital": "{form} au capital de {capital}",
        "capital_only": "Capital de {capital}",
        "office": "Siège social : {address}",
        "rcs": "RCS {city} {number}",
        "rm": "RM {city} {number}",
        "rne": "RNE {number}",
        "siren": "SIREN {number}",
        "signatory": "Représentée par {name}, {title}",
    },
    "en": {
        "capital": "{form} with a share capital of {capital}",
        "capital_only": "Share capital {capital}",
        "office": "Registered office: {address}",
        "rcs": "RCS {city} {number}",
        "rm": "RM {city} {number}",
        "rne": "RNE {number}",
        "siren": "SIREN {number}",
        "signatory": "Represented by {name}, {title}",
    },
}


def _siren_text(number: str) -> str:
    """'123456789' -> '123 456 789' (other numbers as entered)."""
    if len(number) == 9 and number.isdigit():
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    return number


def identification_lines(company: CompanyData, language: str = "fr") -> list[str]:
    """What identifies the creditor on a letter or a claim (company law, shared/domain.md
    §2.7; art. 57 CPC): legal form and share capital, registered office, register with its
    town and number (or the SIREN), the signatory. The company's name is not repeated (the
    document prints it as the party's name); what is not entered is left out, never
    guessed (:func:`missing_identification` says what is missing)."""
    t = _IDENTIFICATION["en" if (language or "")[:2].lower() == "en" else "fr"]
    lang = "en" if t is _IDENTIFICATION["en"] else "fr"
    lines: list[str] = []
    capital = ""
    if company.share_capital:
        capital = format_money(parse_amount(company.share_capital, "share_capital"), "EUR", lang)
    if company.legal_form and capital:
        lines.append(t["capital"].format(form=company.legal_form, capital=capital))
    elif company.legal_form:
        lines.append(company.legal_form)
    elif capital:
        lines.append(t["capital_only"].format(capital=capital))
    address = ", ".join(
        part
        for part in (
            *(line.strip() for line in company.address.splitlines()),
            " ".join(p for p in (company.postcode.strip(), company.city.strip()) if p),
        )
        if part
    )
    if address:
        lines.append(t["office"].format(address=address))
    number = _siren_text(company.register_number or company.siren)
    if company.register_kind in REGISTER_KINDS and number:
        city = company.register_city
        lines.append(" ".join(t[company.register_kind].format(city=city, number=number).split()))
    elif company.siren:
        lines.append(t["siren"].format(number=_siren_text(company.siren)))
    if company.signatory_name:
        lines.append(
            t["signatory"].format(name=company.signatory_name, title=company.signatory_title)
        )
    return lines


def missing_identification(company: CompanyData) -> list[str]:
    """The company's fields a letter or a claim needs to identify the creditor and that are
    not entered (for a warning; a sole trader has no share capital)."""
    missing = [name for name in ("legal_form", "address", "city") if not getattr(company, name)]
    if not company.register_kind:
        missing.append("register_kind")
    if not company.signatory_name:
        missing.append("signatory_name")
    return missing


def save_company(data: dict[str, Any]) -> CompanyData:
    """Validate and save the company (one transaction)."""
    clean = validate(data)
    with db.transaction() as s:
        company = _row(s)
        before = {name: getattr(company, name) for name in _FIELDS}
        for name, value in clean.items():
            setattr(company, name, value)
        diff = history.changes(before, clean)
        if diff:
            history.record(s, "company", 1, "edited", label=clean["name"], details=diff)
        return load(s)


@contextmanager
def reading(session: Session | None = None) -> Iterator[Session]:
    """One read session for a whole read (letters, follow-up list, alerts: issue #11): the
    caller's ``session`` when given, else one of its own."""
    if session is not None:
        yield session
        return
    with db.reading() as s:
        yield s
