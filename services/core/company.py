"""The user's company and the business settings kept in the book."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy.orm import Session

from models import Company, Setting
from services.core import db, history, identifiers, terms
from services.core.dto import CompanyData
from services.core.errors import UserError, ValidationError
from services.core.i18n import FIELD_LABELS, QT_TRANSLATE_NOOP
from services.core.text import clean_text

MSG_NAME_REQUIRED = QT_TRANSLATE_NOOP("Messages", "the company name is required.")
MSG_METHOD = QT_TRANSLATE_NOOP("Messages", "choose method A or B.")
MSG_EMAIL = QT_TRANSLATE_NOOP("Messages", "'{value}' is not an e-mail address.")

_FIELDS = [f.name for f in fields(CompanyData)]
#: the company's texts that may hold tabs and newlines (issue #11)
MULTILINE_FIELDS = ("address",)

# the settings saved here that the shared labels do not name yet
FIELD_LABELS.update(
    {
        "mediator": QT_TRANSLATE_NOOP("Fields", "Consumer mediator"),
    }
)


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


# -- settings ---------------------------------------------------------------------------------
# Settings are read and written by many modules through get_setting/set_setting. Two scopes
# let one user action or one read use a single session without every caller passing it on
# (issue #11, "one user action = one transaction"):
# - ``settings_in(session)``: every get_setting of this thread reads that session (a read of
#   letters or alerts sees one snapshot); with ``write=True`` set_setting joins it too;
# - ``settings_batch()``: set_setting only collects the values (each setter validates first, as
#   before); when the block ends without an error they are written in one transaction.


@dataclass(slots=True)
class _Scope:
    session: Session | None = None
    pending: dict[str, str] | None = None
    writable: bool = False


_SCOPE: ContextVar[_Scope | None] = ContextVar("encaisse_settings_scope", default=None)


@contextmanager
def settings_in(session: Session, *, write: bool = False) -> Iterator[Session]:
    """Route this thread's settings reads through ``session``, and their writes too when
    ``write`` (``session`` is then the caller's :func:`db.transaction`)."""
    token = _SCOPE.set(_Scope(session=session, writable=write))
    try:
        yield session
    finally:
        _SCOPE.reset(token)


@contextmanager
def settings_batch() -> Iterator[dict[str, str]]:
    """Collect the settings written in the block; write them all in one transaction when it
    ends without an error, none of them otherwise. A batch inside a batch joins it; inside a
    ``settings_in(transaction, write=True)`` the settings go into that transaction."""
    scope = _SCOPE.get()
    if scope is not None and scope.pending is not None:
        yield scope.pending
        return
    if scope is not None and scope.writable:
        yield {}
        return
    pending: dict[str, str] = {}
    token = _SCOPE.set(_Scope(pending=pending))
    try:
        yield pending
    finally:
        _SCOPE.reset(token)
    if pending:
        with db.transaction() as s:
            for key, value in pending.items():
                _write_setting(s, key, value)


@contextmanager
def reading(session: Session | None = None) -> Iterator[Session]:
    """One read session for a whole read (letters, follow-up list, alerts), the settings read
    through it too; ``session``: the caller's, used instead of a new one (issue #11)."""
    if session is not None:
        scope = _SCOPE.get()
        if scope is not None and scope.session is session:
            yield session
        else:
            with settings_in(session):
                yield session
        return
    with db.reading() as s, settings_in(s):
        yield s


def _read_setting(s: Session, key: str, default: str) -> str:
    row = s.get(Setting, key)
    return row.value if row is not None else default


def _write_setting(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


def get_setting(key: str, default: str = "", session: Session | None = None) -> str:
    """A setting's value: from ``session``, else the settings scope of this thread, else a
    read of its own. Inside a batch, a value set earlier in the batch is seen."""
    scope = _SCOPE.get()
    if scope is not None and scope.pending is not None and key in scope.pending:
        return scope.pending[key]
    session = session or (scope.session if scope is not None else None)
    if session is not None:
        return _read_setting(session, key, default)
    with db.reading() as s:
        return _read_setting(s, key, default)


def set_setting(key: str, value: str, session: Session | None = None) -> None:
    """Write a setting: into ``session`` (the caller's transaction), else into the batch or the
    session of this thread's settings scope, else in a transaction of its own."""
    if session is not None:
        _write_setting(session, key, value)
        return
    scope = _SCOPE.get()
    if scope is not None and scope.pending is not None:
        scope.pending[key] = value
    elif scope is not None and scope.session is not None and scope.writable:
        _write_setting(scope.session, key, value)
    else:
        with db.transaction() as s:
            _write_setting(s, key, value)
