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
from services.core.text import clean_text

MSG_NAME_REQUIRED = QT_TRANSLATE_NOOP("Messages", "the company name is required.")
MSG_METHOD = QT_TRANSLATE_NOOP("Messages", "choose method A or B.")
MSG_EMAIL = QT_TRANSLATE_NOOP("Messages", "'{value}' is not an e-mail address.")

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
    if errors:
        raise ValidationError(errors)
    return clean


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
