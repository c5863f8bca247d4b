"""Clients: validation, create/edit/delete, searchable sorted pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, select, type_coerce
from sqlalchemy.orm import Session

from models import LANGUAGES, CgvAcceptance, Client, Document, Invoice, Payment
from models.base import Money
from services.core import clock, db, history, identifiers, legal_status, lookups, terms
from services.core.company import check_email
from services.core.dto import ClientRow, Page
from services.core.errors import NotFound, UserError, ValidationError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.lookups import invoice_key
from services.core.money import from_sql, parse_amount
from services.core.terms import check_date_range
from services.core.text import clean_identifier, clean_text, fold, search_key

MSG_REQUIRED = QT_TRANSLATE_NOOP("Messages", "this field is required.")
MSG_CODE_TAKEN = QT_TRANSLATE_NOOP(
    "Messages", "the code '{code}' is already used by another client."
)
MSG_KIND = QT_TRANSLATE_NOOP(
    "Messages", "'{value}' is not a kind of client (pro, consumer, nonprofit, public)."
)
MSG_LANGUAGE = QT_TRANSLATE_NOOP("Messages", "'{value}' is not a language of letters (fr, en).")
MSG_COUNTRY = QT_TRANSLATE_NOOP("Messages", "'{value}' is not a two-letter country code (FR, BE…).")
MSG_INSURANCE_DAYS = QT_TRANSLATE_NOOP(
    "Messages", "{value} is not a number of days between 1 and 365"
)
MSG_HAS_DOCUMENTS = QT_TRANSLATE_NOOP(
    "Messages", "the client {code} holds proof documents (also in the trash) and cannot be deleted."
)
MSG_HAS_INVOICES = QT_TRANSLATE_NOOP(
    "Messages", "the client {code} has invoices or payments and cannot be deleted."
)
MSG_YES_NO = QT_TRANSLATE_NOOP("Messages", "'{value}' is neither yes nor no.")
MSG_CLIENT_GONE = lookups.MSG_CLIENT_GONE

#: the texts that may hold tabs and newlines (issue #11)
MULTILINE_FIELDS = ("address", "notes")

FIELDS = (
    "code",
    "name",
    "kind",
    "contact",
    "address",
    "postcode",
    "city",
    "country",
    "email",
    "phone",
    "siren",
    "siret",
    "vat_number",
    "language",
    "terms",
    "credit_limit",
    "notes",
    "insurer",
    "insurance_days",
    "scenario_id",
    "legal_form",
    "registered_as",
    "acts_professionally",
)

KIND_ALIASES = {
    "pro": "pro",
    "professional": "pro",
    "professionnel": "pro",
    "b2b": "pro",
    "entreprise": "pro",
    "company": "pro",
    "business": "pro",
    "consumer": "consumer",
    "consommateur": "consumer",
    "particulier": "consumer",
    "b2c": "consumer",
    "individual": "consumer",
    "nonprofit": "nonprofit",
    "non-profit": "nonprofit",
    "non_pro": "nonprofit",
    "association": "nonprofit",
    "non professionnel": "nonprofit",
    "non-professionnel": "nonprofit",
    "public": "public",
    "public buyer": "public",
    "acheteur public": "public",
    "administration": "public",
    "b2g": "public",
}


def normalise_kind(value: str | None, field: str = "kind") -> str:
    key = fold(value or "") or "pro"
    kind = KIND_ALIASES.get(key)
    if kind is None:
        raise UserError(MSG_KIND, field=field, value=value)
    return kind


_YES = ("1", "yes", "y", "true", "oui", "o", "vrai", "x")
_NO = ("", "0", "no", "n", "false", "non", "faux")


def _yes_no(value: Any) -> bool:
    """The editor's tick box (a bool) or a CSV cell ('oui', 'no', '1', '')."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    key = fold(str(value))
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise UserError(MSG_YES_NO, field="acts_professionally", value=str(value))


def validate(
    data: dict[str, Any], *, partial_errors: list[UserError] | None = None
) -> dict[str, Any]:
    """Check every field; raise one ValidationError listing every bad field."""
    errors: list[UserError] = []
    clean: dict[str, Any] = {}
    for name in FIELDS:
        value = data.get(name, "")
        clean[name] = value.strip() if isinstance(value, str) else value
        if not isinstance(value, str):
            continue
        try:  # one code, one look; no control character in a text (issue #11)
            if name == "code":
                clean[name] = clean_identifier(value, name)
            else:
                clean[name] = clean_text(value, name, multiline=name in MULTILINE_FIELDS)
        except UserError as exc:
            errors.append(exc)
    if not clean["code"]:
        errors.append(UserError(MSG_REQUIRED, field="code"))
    if not clean["name"]:
        errors.append(UserError(MSG_REQUIRED, field="name"))

    def attempt(name: str, func: Any) -> None:
        try:
            clean[name] = func(clean[name])
        except UserError as exc:
            errors.append(exc)

    attempt("kind", normalise_kind)
    # the debtor's legal status (shared/domain.md §4.6.1): codes, French abbreviations
    attempt("legal_form", legal_status.normalise_legal_form)
    attempt("registered_as", legal_status.normalise_registered_as)
    attempt("acts_professionally", _yes_no)
    if not any(e.field in ("kind", "legal_form", "registered_as") for e in errors):
        errors.extend(
            legal_status.check(clean["kind"], clean["legal_form"], clean["registered_as"])
        )
    attempt("siren", identifiers.siren)
    attempt("siret", identifiers.siret)
    attempt("vat_number", identifiers.vat_number)
    attempt("email", check_email)
    lang = fold(clean["language"] or "fr")[:2]
    if lang not in LANGUAGES:
        errors.append(UserError(MSG_LANGUAGE, field="language", value=clean["language"]))
    clean["language"] = lang
    country = (clean["country"] or "FR").upper()
    if len(country) != 2 or not country.isalpha():
        errors.append(UserError(MSG_COUNTRY, field="country", value=clean["country"]))
    clean["country"] = country
    if clean["terms"]:
        try:
            terms.parse_terms(clean["terms"], "terms")
        except UserError as exc:
            errors.append(exc)
    clean["insurer"] = (clean["insurer"] or "")[:100]
    days = clean["insurance_days"]
    if days in ("", None):
        clean["insurance_days"] = None
    else:
        try:
            if not str(days).strip().isascii():  # int() reads Arabic-Indic digits
                raise ValueError
            clean["insurance_days"] = int(str(days).strip())
            if not 1 <= clean["insurance_days"] <= 365:
                raise ValueError
        except ValueError:
            errors.append(UserError(MSG_INSURANCE_DAYS, field="insurance_days", value=str(days)))
    clean["scenario_id"] = (
        int(clean["scenario_id"]) if clean["scenario_id"] not in ("", None) else None
    )
    limit = clean["credit_limit"]
    if limit in ("", None):
        clean["credit_limit"] = None
    else:
        attempt("credit_limit", lambda v: parse_amount(v, "credit_limit"))
    if not any(e.field in ("siren", "siret", "vat_number") for e in errors):
        try:
            identifiers.check_consistency(clean["siren"], clean["siret"], clean["vat_number"])
        except UserError as exc:
            errors.append(exc)
    if partial_errors is not None:
        partial_errors.extend(errors)
        return clean
    if errors:
        raise ValidationError(errors)
    return clean


def _code_taken(session: Session, code: str, exclude_id: int | None = None) -> bool:
    # the lookup's equivalence (services.core.lookups): the exact code, or any case
    query = select(Client.id).where(lookups.same(Client.code, code))
    if exclude_id is not None:
        query = query.where(Client.id != exclude_id)
    return session.scalar(query) is not None


def _client_key(clean: dict[str, Any]) -> str:
    return search_key(clean["code"], clean["name"], clean.get("city", ""), clean.get("contact", ""))


def insert(
    session: Session, clean: dict[str, Any], action: str = "created", *, code_checked: bool = False
) -> Client:
    """Insert a validated client inside the caller's transaction.

    ``code_checked``: the caller has already made sure the code is free (a
    bulk import checks every code against one list, instead of one
    case-insensitive scan of the clients table per row).
    """
    if not code_checked and _code_taken(session, clean["code"]):
        raise UserError(MSG_CODE_TAKEN, field="code", code=clean["code"])
    now = clock.now()
    client = Client(**clean, search_key=_client_key(clean), created_at=now, updated_at=now)
    session.add(client)
    session.flush()
    history.record(
        session,
        "client",
        client.id,
        action,
        client_id=client.id,
        label=clean["code"],
        details={k: v for k, v in clean.items() if v not in ("", None)},
    )
    return client


def create_client(data: dict[str, Any]) -> ClientRow:
    clean = validate(data)
    with db.transaction() as s:
        client = insert(s, clean)
        return _to_row(client)


#: ``update_client``'s procedure date when the editor does not change it
UNCHANGED: Any = object()


def update_client(
    client_id: int, data: dict[str, Any], *, collective_procedure_on: dt.date | None = UNCHANGED
) -> ClientRow:
    """Save the client's edited fields and, when given (a date or None to clear it), the
    BODACC notice date of its collective procedure: one transaction (issue #11)."""
    clean = validate(data)
    with db.transaction() as s:
        client = s.get(Client, client_id)
        if client is None:
            raise NotFound(MSG_CLIENT_GONE)
        if _code_taken(s, clean["code"], exclude_id=client_id):
            raise UserError(MSG_CODE_TAKEN, field="code", code=clean["code"])
        before = {name: getattr(client, name) for name in FIELDS}
        for name, value in clean.items():
            setattr(client, name, value)
        client.search_key = _client_key(clean)
        client.updated_at = clock.now()
        diff = history.changes(before, clean)
        if diff:
            history.record(
                s,
                "client",
                client.id,
                "edited",
                client_id=client.id,
                label=clean["code"],
                details=diff,
            )
        if "code" in diff or "name" in diff:
            refresh_invoice_keys(s, client)
        if (
            collective_procedure_on is not UNCHANGED
            and collective_procedure_on != client.collective_procedure_on
        ):
            collective_procedure_in_session(s, client, collective_procedure_on)
        s.flush()
        return _to_row(client)


def collective_procedure_in_session(
    s: Session, client: Client, notice_date: dt.date | None
) -> None:
    """``dunning.set_collective_procedure`` inside the caller's transaction (the client editor
    saves the client and its procedure date together)."""
    if notice_date is not None:
        check_date_range(notice_date, "collective_procedure_on")
    client.collective_procedure_on = notice_date
    history.record(
        s,
        "client",
        client.id,
        "collective_procedure",
        client_id=client.id,
        label=client.code,
        details={"bodacc_notice": notice_date},
    )


def refresh_invoice_keys(session: Session, client: Client) -> None:
    """Invoices carry their client's code and name in their search key."""
    for inv in session.scalars(select(Invoice).where(Invoice.client_id == client.id)):
        inv.search_key = invoice_key(inv.number, inv.po_number, client.code, client.name)


def delete_client(client_id: int) -> None:
    """Delete a client that has no invoice and no payment."""
    with db.transaction() as s:
        client = s.get(Client, client_id)
        if client is None:
            raise NotFound(MSG_CLIENT_GONE)
        has_any = s.scalar(
            select(Invoice.id).where(Invoice.client_id == client_id).limit(1)
        ) or s.scalar(select(Payment.id).where(Payment.client_id == client_id).limit(1))
        if has_any:
            raise UserError(MSG_HAS_INVOICES, field="client", code=client.code)
        if s.scalar(
            select(Document.id).where(Document.client_id == client_id).limit(1)
        ) or s.scalar(
            select(CgvAcceptance.id).where(CgvAcceptance.client_id == client_id).limit(1)
        ):
            raise UserError(MSG_HAS_DOCUMENTS, field="client", code=client.code)
        history.record(
            s,
            "client",
            client.id,
            "deleted",
            client_id=client.id,
            label=client.code,
            details={"code": client.code, "name": client.name},
        )
        s.delete(client)


def _to_row(client: Client, **extra: Any) -> ClientRow:
    return ClientRow(
        **{name: getattr(client, name) for name in FIELDS},
        id=client.id,
        collective_procedure_on=client.collective_procedure_on,
        **extra,
    )


def get_client(client_id: int) -> ClientRow:
    page = list_clients(ClientQuery(ids=(client_id,)), 0, 1)
    if not page:
        raise NotFound(MSG_CLIENT_GONE)
    return page[0]


#: The one lookup of a client by code lives in services.core.lookups (issue #12).


def get_client_by_code(code: str) -> ClientRow:
    return get_client(lookups.client_id_for(code))


@dataclass(frozen=True)
class ClientQuery:
    search: str = ""
    kind: str = ""
    overdue_only: bool = False
    with_balance_only: bool = False
    sort: str = "code"
    descending: bool = False
    ids: tuple[int, ...] = ()


SORT_KEYS = ("code", "name", "kind", "city", "balance", "overdue", "unallocated", "credit_limit")


def _aggregates() -> dict[str, Any]:
    """Current balances per client, from the denormalised running totals (EUR only)."""
    today = clock.today()
    open_amount = type_coerce(Invoice.total - Invoice.allocated, Money())
    inv_net = (
        select(
            func.coalesce(
                func.sum(
                    case(
                        (Invoice.kind == "invoice", Invoice.total - Invoice.allocated),
                        else_=-(Invoice.total - Invoice.allocated),
                    )
                ),
                0,
            )
        )
        .where(Invoice.client_id == Client.id, Invoice.currency == "EUR")
        .scalar_subquery()
    )
    overdue = (
        select(func.coalesce(func.sum(open_amount), 0))
        .where(
            Invoice.client_id == Client.id,
            Invoice.currency == "EUR",
            Invoice.kind == "invoice",
            Invoice.due_date < today,
        )
        .scalar_subquery()
    )
    credit_notes_open = (
        select(func.coalesce(func.sum(open_amount), 0))
        .where(
            Invoice.client_id == Client.id, Invoice.currency == "EUR", Invoice.kind == "credit_note"
        )
        .scalar_subquery()
    )
    unalloc_pay = (
        select(func.coalesce(func.sum(Payment.amount - Payment.allocated), 0))
        .where(Payment.client_id == Client.id, Payment.currency == "EUR")
        .scalar_subquery()
    )
    count = select(func.count(Invoice.id)).where(Invoice.client_id == Client.id).scalar_subquery()
    return {
        "balance": (inv_net - unalloc_pay),
        "overdue": overdue,
        "unallocated": (credit_notes_open + unalloc_pay),
        "invoice_count": count,
    }


def _filtered(query: ClientQuery, base: Select[Any], aggs: dict[str, Any]) -> Select[Any]:
    if query.ids:
        base = base.where(Client.id.in_(query.ids))
    for word in fold(query.search).split():
        base = base.where(Client.search_key.contains(word, autoescape=True))
    if query.kind:
        base = base.where(Client.kind == query.kind)
    if query.overdue_only:
        base = base.where(aggs["overdue"] > 0)
    if query.with_balance_only:
        base = base.where(aggs["balance"] != 0)
    return base


def list_clients(query: ClientQuery, offset: int = 0, limit: int = 200) -> list[ClientRow]:
    aggs = _aggregates()
    labelled = [v.label(k) for k, v in aggs.items()]
    stmt = _filtered(query, select(Client, *labelled), aggs)
    sort_col: Any = (
        {
            "code": func.lower(Client.code),
            "name": func.lower(Client.name),
            "kind": Client.kind,
            "city": func.lower(Client.city),
            "credit_limit": Client.credit_limit,
        }.get(query.sort)
        if query.sort not in aggs
        else aggs[query.sort]
    )
    if sort_col is None:
        sort_col = func.lower(Client.code)
    order = [sort_col.desc() if query.descending else sort_col.asc(), Client.id]
    stmt = stmt.order_by(*order).offset(offset).limit(limit)
    with db.reading() as s:
        rows = []
        for client, balance, overdue, unallocated, count in s.execute(stmt):
            rows.append(
                _to_row(
                    client,
                    balance=from_sql(balance),
                    overdue=from_sql(overdue),
                    unallocated=from_sql(unallocated),
                    invoice_count=int(count or 0),
                )
            )
        return rows


def count_clients(query: ClientQuery) -> int:
    aggs = _aggregates()
    stmt = _filtered(query, select(func.count(Client.id)), aggs)
    with db.reading() as s:
        return int(s.scalar(stmt) or 0)


def page_clients(query: ClientQuery, offset: int = 0, limit: int = 200) -> Page:
    return Page(list_clients(query, offset, limit), count_clients(query))


def client_choices(search: str = "", limit: int = 50) -> list[tuple[int, str, str]]:
    """(id, code, name) for pickers."""
    stmt = select(Client.id, Client.code, Client.name)
    for word in fold(search).split():
        stmt = stmt.where(Client.search_key.contains(word, autoescape=True))
    stmt = stmt.order_by(func.lower(Client.name)).limit(limit)
    with db.reading() as s:
        return [(r.id, r.code, r.name) for r in s.execute(stmt)]
