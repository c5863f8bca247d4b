"""Invoices and credit notes: validation, due dates, create/edit/delete, pages."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Integer, Select, case, func, or_, select, text
from sqlalchemy.orm import Session

from models import INVOICE_KINDS, Allocation, Client, Document, Invoice
from services.core import clock, db, history, lookups, money, terms
from services.core import company as company_service
from services.core.dto import NOT_DUE, OVERDUE, PAID, CompanyData, InvoiceRow, Page
from services.core.errors import NotFound, UserError, ValidationError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.lookups import invoice_key
from services.core.money import ZERO, parse_amount
from services.core.text import clean_identifier, clean_text, fold
from services.proof import rules as proof

MSG_REQUIRED = QT_TRANSLATE_NOOP("Messages", "this field is required.")
MSG_NUMBER_TAKEN = QT_TRANSLATE_NOOP("Messages", "the number '{number}' is already used.")
MSG_KIND = QT_TRANSLATE_NOOP(
    "Messages", "'{value}' is not a kind of invoice (invoice, credit_note)."
)
MSG_TOTAL_ZERO = QT_TRANSLATE_NOOP("Messages", "the total must be greater than zero.")
MSG_NET_VAT = QT_TRANSLATE_NOOP(
    "Messages", "net {net} + VAT {vat} does not equal the total {total}."
)
MSG_HAS_DOCUMENTS = QT_TRANSLATE_NOOP(
    "Messages",
    "the invoice {number} holds proof documents (also in the trash) and cannot be deleted.",
)
MSG_HAS_PAYMENTS = QT_TRANSLATE_NOOP(
    "Messages",
    "the invoice {number} has payments or credit notes set against it and cannot be deleted; "
    "remove the allocations first, or cancel it with a credit note.",
)
MSG_TOTAL_BELOW_PAID = QT_TRANSLATE_NOOP(
    "Messages", "the total cannot be less than what is already paid or applied ({allocated})."
)
MSG_LOCKED_FIELD = QT_TRANSLATE_NOOP(
    "Messages", "cannot be changed while payments or credit notes are set against this document."
)
MSG_GONE = lookups.MSG_INVOICE_GONE
MSG_NO_INVOICE = lookups.MSG_NO_INVOICE
WARN_DUE_BEFORE_ISSUE = QT_TRANSLATE_NOOP(
    "Messages", "The due date {due} is before the issue date {issue}."
)

FIELDS = (
    "number",
    "client_id",
    "kind",
    "issue_date",
    "delivery_date",
    "terms",
    "due_date",
    "due_date_manual",
    "total",
    "net",
    "vat",
    "currency",
    "po_number",
    "notes",
    "disputed",
)

#: a SELECT of any columns, its type kept through the filters
_Stmt = TypeVar("_Stmt", bound=Select[*tuple[Any, ...]])


def clean_number(number: str) -> str:
    """An invoice number as stored: NFC, trimmed (the checks are :func:`validate`'s)."""
    return unicodedata.normalize("NFC", number or "").strip()


def number_key(number: str) -> str:
    """What two invoice numbers share when they are the same number: case does not count
    ('f2025-0001' is 'F2025-0001'), as for client codes (issue #11)."""
    return lookups.key(number)


@dataclass(frozen=True)
class Checked:
    """A validated invoice and the warnings the user should see."""

    values: dict[str, Any]
    warnings: list[tuple[str, dict[str, str]]]


def _as_date(value: Any, field: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):  # from the editor: the same range as typed dates
        return terms.check_date_range(value, field)
    return terms.parse_date(str(value), field)


def _as_id(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def validate(
    session: Session, data: dict[str, Any], *, company: CompanyData | None = None
) -> Checked:
    """Check every field, compute the due date; raise ValidationError listing the bad ones.

    ``data['client_id']`` or ``data['client']`` (a code) names the client.  When
    ``due_date`` is empty, or ``due_date_manual`` is false, the due date is
    computed from the invoice's terms, else the client's, else the company's
    (shared/domain.md §1.2). An import passes the ``company`` it read once for all its rows.
    """
    errors: list[UserError] = []
    warnings: list[tuple[str, dict[str, str]]] = []
    v: dict[str, Any] = {}

    number = clean_number(str(data.get("number") or ""))
    try:  # no invisible, control or no-break character: one number, one look (issue #11)
        number = clean_identifier(number, "number")
    except UserError as exc:
        errors.append(exc)
    if not number:
        errors.append(UserError(MSG_REQUIRED, field="number"))
    v["number"] = number

    client: Client | None = None
    if data.get("client_id"):
        client_id = _as_id(data["client_id"])
        client = session.get(Client, client_id) if client_id is not None else None
        if client is None:
            errors.append(UserError(MSG_REQUIRED, field="client"))
    elif str(data.get("client") or "").strip():
        try:
            client = session.get(Client, lookups.client_id(session, str(data["client"])))
        except UserError as exc:
            errors.append(exc)
    else:
        errors.append(UserError(MSG_REQUIRED, field="client"))
    v["client_id"] = client.id if client else None

    kind = fold(str(data.get("kind") or "invoice")).replace(" ", "_").replace("-", "_")
    kind = {
        "avoir": "credit_note",
        "credit": "credit_note",
        "facture": "invoice",
        "creditnote": "credit_note",
    }.get(kind, kind)
    if kind not in INVOICE_KINDS:
        errors.append(UserError(MSG_KIND, field="kind", value=data.get("kind")))
    v["kind"] = kind

    def date_field(name: str, required: bool) -> dt.date | None:
        try:
            value = _as_date(data.get(name), name)
        except UserError as exc:
            errors.append(exc)
            return None
        if value is None and required:
            errors.append(UserError(MSG_REQUIRED, field=name))
        return value

    v["issue_date"] = date_field("issue_date", True)
    v["delivery_date"] = date_field("delivery_date", False)
    due_given = date_field("due_date", False)

    def money_field(name: str, required: bool) -> Decimal | None:
        raw = data.get(name)
        if raw in (None, ""):
            if required:
                errors.append(UserError(MSG_REQUIRED, field=name))
            return None
        try:
            return parse_amount(raw, name)
        except UserError as exc:
            errors.append(exc)
            return None

    v["total"] = money_field("total", True)
    if v["total"] is not None and v["total"] == 0:
        errors.append(UserError(MSG_TOTAL_ZERO, field="total"))
    v["net"] = money_field("net", False)
    v["vat"] = money_field("vat", False)
    if v["net"] is not None and v["vat"] is not None and v["total"] is not None:
        if v["net"] + v["vat"] != v["total"]:
            errors.append(
                UserError(
                    MSG_NET_VAT,
                    field="vat",
                    net=f"{v['net']:.2f}",
                    vat=f"{v['vat']:.2f}",
                    total=f"{v['total']:.2f}",
                )
            )
    elif v["net"] is not None and v["total"] is not None and v["vat"] is None:
        v["vat"] = v["total"] - v["net"]

    try:
        v["currency"] = money.parse_currency(data.get("currency"))
    except UserError as exc:
        errors.append(exc)

    def text_field(name: str, multiline: bool = False) -> str:
        raw = str(data.get(name) or "").strip()
        try:  # no control character; tabs and newlines in the notes only (issue #11)
            return clean_text(raw, name, multiline=multiline)
        except UserError as exc:
            errors.append(exc)
            return raw

    v["po_number"] = text_field("po_number")
    v["notes"] = text_field("notes", multiline=True)
    v["disputed"] = bool(data.get("disputed", False))

    terms_text = text_field("terms")
    parsed: terms.Terms | None = None
    if terms_text:
        try:
            parsed = terms.parse_terms(terms_text, "terms")
        except UserError as exc:
            errors.append(exc)
    v["terms"] = terms_text

    manual = bool(data.get("due_date_manual", due_given is not None))
    v["due_date_manual"] = manual and due_given is not None
    if errors:
        raise ValidationError(errors)

    issue = v["issue_date"]
    assert issue is not None and client is not None
    if company is None:
        company = company_service.load(session)
    method = company.eom_method
    if v["kind"] == "credit_note":
        v["due_date"] = due_given or issue
    elif v["due_date_manual"]:
        v["due_date"] = due_given
    else:
        if parsed is None:
            fallback = client.terms or company.default_terms or "30 jours"
            parsed = terms.parse_terms(fallback, "terms")
            if not v["terms"]:
                v["terms"] = fallback
        v["due_date"] = terms.due_date(issue, parsed, method)
    if v["due_date"] < issue:
        warnings.append(
            (WARN_DUE_BEFORE_ISSUE, {"due": v["due_date"].isoformat(), "issue": issue.isoformat()})
        )
    if v["kind"] == "invoice":
        cap = terms.legal_cap_warning(issue, v["due_date"], client.kind, method)
        if cap:
            warnings.append(cap)
    return Checked(v, warnings)


def check(data: dict[str, Any]) -> Checked:
    """Validate without saving (the editor previews due date and warnings)."""
    with db.reading() as s:
        return validate(s, data)


def _number_taken(session: Session, number: str, exclude_id: int | None = None) -> bool:
    """True when another invoice has ``number``, without regard to case (the exact number
    too: SQLite's lower() folds ASCII letters only).  Served by the index on lower(number)."""
    query = select(Invoice.id).where(lookups.same(Invoice.number, clean_number(number)))
    if exclude_id is not None:
        query = query.where(Invoice.id != exclude_id)
    return session.scalar(query) is not None


def insert(
    session: Session, checked: Checked, action: str = "created", *, number_checked: bool = False
) -> Invoice:
    """Insert a validated invoice inside the caller's transaction.

    ``number_checked``: the caller has already looked up the number in this transaction (an
    import reads the numbers of all its rows in one query); the unique index on
    lower(number) stays the guard against a writer that committed since.
    """
    v = checked.values
    if not number_checked and _number_taken(session, v["number"]):
        raise UserError(MSG_NUMBER_TAKEN, field="number", number=v["number"])
    client = session.get(Client, v["client_id"])
    assert client is not None
    now = clock.now()
    invoice = Invoice(
        **v,
        allocated=ZERO,
        created_at=now,
        updated_at=now,
        search_key=invoice_key(v["number"], v["po_number"], client.code, client.name),
    )
    session.add(invoice)
    session.flush()
    history.record(
        session,
        "invoice",
        invoice.id,
        action,
        client_id=client.id,
        label=v["number"],
        details={k: val for k, val in v.items() if val not in ("", None, False)},
    )
    return invoice


def create_invoice(data: dict[str, Any]) -> tuple[InvoiceRow, list[tuple[str, dict[str, str]]]]:
    """Create an invoice or credit note; return it with the warnings to show."""
    with db.transaction() as s:
        checked = validate(s, data)
        invoice = insert(s, checked)
        applies_to = str(data.get("applies_to") or "").strip()
        if applies_to and invoice.kind == "credit_note":
            from services.ledger.payments import apply_credit_in_session

            target = lookups.invoice_id(s, applies_to, "invoice")
            apply_credit_in_session(s, invoice.id, target, None)
        s.flush()
        return _row_of(s, invoice.id), checked.warnings


def update_invoice(
    invoice_id: int, data: dict[str, Any]
) -> tuple[InvoiceRow, list[tuple[str, dict[str, str]]]]:
    with db.transaction() as s:
        # locked while the total is checked against what is allocated (issue #11): a payment
        # cannot slip in between (it locks the invoice too) and meet the CHECK of the table
        invoice = s.get(Invoice, invoice_id, with_for_update=True, populate_existing=True)
        if invoice is None:
            raise NotFound(MSG_GONE)
        checked = validate(s, data)
        v = checked.values
        # a number kept as it was (up to case) is not checked again: an old book may hold
        # two numbers that differ only in case, and each must stay editable
        same = number_key(v["number"]) == number_key(invoice.number)
        other = select(Invoice.id).where(Invoice.number == v["number"], Invoice.id != invoice_id)
        if (not same and _number_taken(s, v["number"], exclude_id=invoice_id)) or s.scalar(
            other
        ) is not None:
            raise UserError(MSG_NUMBER_TAKEN, field="number", number=v["number"])
        from services.ledger.payments import allocation_history

        # Removed allocations count too: the ledger as of their dates still shows them.
        first, peak = allocation_history(
            s, Allocation.invoice_id == invoice_id, Allocation.credit_note_id == invoice_id
        )
        if first is not None:
            for name in ("client_id", "currency", "kind"):
                if v[name] != getattr(invoice, name):
                    raise UserError(
                        MSG_LOCKED_FIELD, field=name if name != "client_id" else "client"
                    )
            if v["total"] < peak:
                raise UserError(MSG_TOTAL_BELOW_PAID, field="total", allocated=f"{peak:.2f}")
            if v["issue_date"] > first:
                raise UserError(MSG_LOCKED_FIELD, field="issue_date")
        before = {name: getattr(invoice, name) for name in FIELDS}
        for name, value in v.items():
            setattr(invoice, name, value)
        client = s.get(Client, invoice.client_id)
        assert client is not None
        invoice.search_key = invoice_key(
            invoice.number, invoice.po_number, client.code, client.name
        )
        invoice.updated_at = clock.now()
        diff = history.changes(before, v)
        if diff:
            history.record_invoice(s, invoice, "edited", diff)
        s.flush()
        return _row_of(s, invoice.id), checked.warnings


def set_disputed(invoice_id: int, disputed: bool) -> InvoiceRow:
    with db.transaction() as s:
        invoice = s.get(Invoice, invoice_id)
        if invoice is None:
            raise NotFound(MSG_GONE)
        if invoice.disputed != disputed:
            invoice.disputed = disputed
            history.record(
                s,
                "invoice",
                invoice.id,
                "disputed" if disputed else "undisputed",
                client_id=invoice.client_id,
                label=invoice.number,
            )
        return _row_of(s, invoice.id)


def delete_invoice(invoice_id: int) -> None:
    """Delete an invoice entered by mistake; refused once money is set against it."""
    with db.transaction() as s:
        invoice = s.get(Invoice, invoice_id)
        if invoice is None:
            raise NotFound(MSG_GONE)
        linked = s.scalar(
            select(Allocation.id)
            .where(
                or_(Allocation.invoice_id == invoice_id, Allocation.credit_note_id == invoice_id)
            )
            .limit(1)
        )
        if linked is not None:
            raise UserError(MSG_HAS_PAYMENTS, field="invoice", number=invoice.number)
        if s.scalar(select(Document.id).where(Document.invoice_id == invoice_id).limit(1)):
            raise UserError(MSG_HAS_DOCUMENTS, field="invoice", number=invoice.number)
        history.record_invoice(
            s,
            invoice,
            "deleted",
            {
                "number": invoice.number,
                "total": invoice.total,
                "issue_date": invoice.issue_date,
            },
        )
        s.delete(invoice)


#: The one lookup of an invoice by number lives in services.core.lookups (issue #12).


# -- reading -----------------------------------------------------------------


def status_of(kind: str, balance: Decimal, due: dt.date, today: dt.date) -> str:
    if kind == "credit_note":
        return PAID if balance == 0 else NOT_DUE
    if balance <= 0:
        return PAID
    return OVERDUE if due < today else NOT_DUE


def days_late(kind: str, due: dt.date, as_of: dt.date) -> int:
    """max(0, as_of − due) for invoices; credit notes are never late."""
    if kind == "credit_note":
        return 0
    return max(0, (as_of - due).days)


def _to_row(inv: Invoice, client: Client, today: dt.date) -> InvoiceRow:
    sign = -1 if inv.kind == "credit_note" else 1
    total = inv.total * sign
    paid = inv.allocated * sign
    balance = total - paid
    return InvoiceRow(
        id=inv.id,
        number=inv.number,
        client_id=client.id,
        client_code=client.code,
        client_name=client.name,
        client_kind=client.kind,
        kind=inv.kind,
        issue_date=inv.issue_date,
        due_date=inv.due_date,
        total=total,
        paid=paid,
        balance=balance,
        status=status_of(inv.kind, balance, inv.due_date, today),
        days_late=days_late(inv.kind, inv.due_date, today),
        currency=inv.currency,
        delivery_date=inv.delivery_date,
        terms=inv.terms,
        due_date_manual=inv.due_date_manual,
        net=None if inv.net is None else inv.net * sign,
        vat=None if inv.vat is None else inv.vat * sign,
        po_number=inv.po_number,
        notes=inv.notes,
        disputed=inv.disputed,
    )


def _row_of(session: Session, invoice_id: int) -> InvoiceRow:
    inv = session.get(Invoice, invoice_id)
    if inv is None:
        raise NotFound(MSG_GONE)
    client = session.get(Client, inv.client_id)
    assert client is not None
    return _to_row(inv, client, clock.today())


def get_invoice(invoice_id: int) -> InvoiceRow:
    with db.reading() as s:
        row = _row_of(s, invoice_id)
    return with_proof([row])[0]


def get_invoice_by_number(number: str) -> InvoiceRow:
    with db.reading() as s:
        return _row_of(s, lookups.invoice_id(s, number))


@dataclass(frozen=True)
class InvoiceQuery:
    search: str = ""
    client_id: int | None = None
    kind: str = ""  # "", "invoice", "credit_note"
    status: str = ""  # "", "open", "paid", "not_due", "overdue"
    disputed_only: bool = False
    proof_missing_only: bool = False
    date_from: dt.date | None = None  # issue date range
    date_to: dt.date | None = None
    currency: str = ""
    sort: str = "issue_date"
    descending: bool = True


SORT_KEYS = (
    "number",
    "client",
    "kind",
    "issue_date",
    "due_date",
    "total",
    "paid",
    "balance",
    "days_late",
    "status",
    "currency",
)


def _search(stmt: _Stmt, search: str) -> _Stmt:
    """Every word must occur in the invoice's search key (number, client, order).

    On SQLite, words of three letters or more go through the trigram index
    (migration 0002), shorter ones through LIKE.
    """
    words = fold(search).split()
    indexed = (
        [w for w in words if len(w) >= 3] if db.current().engine.dialect.name == "sqlite" else []
    )
    if indexed:
        match = " AND ".join('"' + w.replace('"', '""') + '"' for w in indexed)
        hits = text("SELECT rowid FROM invoices_search WHERE invoices_search MATCH :match")
        stmt = stmt.where(Invoice.id.in_(hits.bindparams(match=match).columns(rowid=Integer)))
    for word in words:
        if word not in indexed:
            stmt = stmt.where(Invoice.search_key.contains(word, autoescape=True))
    return stmt


def _filtered(query: InvoiceQuery, stmt: _Stmt, today: dt.date) -> _Stmt:
    open_amount = Invoice.total - Invoice.allocated
    stmt = _search(stmt, query.search)
    if query.client_id:
        stmt = stmt.where(Invoice.client_id == query.client_id)
    if query.kind:
        stmt = stmt.where(Invoice.kind == query.kind)
    if query.currency:
        stmt = stmt.where(Invoice.currency == query.currency)
    if query.status == "open":
        stmt = stmt.where(open_amount > 0)
    elif query.status == PAID:
        stmt = stmt.where(open_amount == 0)
    elif query.status == OVERDUE:
        stmt = stmt.where(open_amount > 0, Invoice.kind == "invoice", Invoice.due_date < today)
    elif query.status == NOT_DUE:
        stmt = stmt.where(
            open_amount > 0, or_(Invoice.kind == "credit_note", Invoice.due_date >= today)
        )
    if query.disputed_only:
        stmt = stmt.where(Invoice.disputed.is_(True))
    if query.proof_missing_only:
        stmt = stmt.where(proof.missing_expr())
    if query.date_from:
        stmt = stmt.where(Invoice.issue_date >= query.date_from)
    if query.date_to:
        stmt = stmt.where(Invoice.issue_date <= query.date_to)
    return stmt


def _sort_column(key: str, today: dt.date) -> Any:
    signed = case((Invoice.kind == "credit_note", -1), else_=1)
    open_amount = Invoice.total - Invoice.allocated
    return {
        "number": Invoice.number,
        "client": func.lower(Client.name),
        "kind": Invoice.kind,
        "issue_date": Invoice.issue_date,
        "due_date": Invoice.due_date,
        "total": Invoice.total * signed,
        "paid": Invoice.allocated * signed,
        "balance": open_amount * signed,
        "days_late": case((Invoice.kind == "credit_note", None), else_=Invoice.due_date),
        "status": case(
            (open_amount == 0, 0),
            (Invoice.kind == "credit_note", 1),
            (Invoice.due_date < today, 2),
            else_=1,
        ),
        "currency": Invoice.currency,
    }.get(key, Invoice.issue_date)


def list_invoices(query: InvoiceQuery, offset: int = 0, limit: int = 200) -> list[InvoiceRow]:
    """One page of invoices, filtered and sorted in SQL."""
    today = clock.today()
    stmt = select(Invoice, Client).join(Client, Client.id == Invoice.client_id)
    stmt = _filtered(query, stmt, today)
    column = _sort_column(query.sort, today)
    descending = query.descending
    if query.sort == "days_late":  # later due date = fewer days late
        descending = not descending
    primary = column.desc() if descending else column.asc()
    tie = Invoice.id.desc() if query.descending else Invoice.id.asc()
    stmt = stmt.order_by(primary, tie).offset(offset).limit(limit)
    with db.reading() as s:
        rows = [_to_row(inv, client, today) for inv, client in s.execute(stmt)]
    return with_proof(rows)


def with_proof(rows: list[InvoiceRow]) -> list[InvoiceRow]:
    """The rows with their missing proofs (one query for the page, never for the book)."""
    mine = [r for r in rows if r.kind == "invoice"]
    statuses = proof.proof_map(
        [r.id for r in mine], {r.id: (r.client_id, r.issue_date, r.kind) for r in mine}
    )
    return [
        replace(r, proof_missing=tuple(statuses[r.id].missing)) if r.id in statuses else r
        for r in rows
    ]


def count_invoices(query: InvoiceQuery) -> int:
    today = clock.today()
    stmt = select(func.count(Invoice.id))
    stmt = _filtered(query, stmt, today)
    with db.reading() as s:
        return int(s.scalar(stmt) or 0)


def page_invoices(query: InvoiceQuery, offset: int = 0, limit: int = 200) -> Page:
    return Page(list_invoices(query, offset, limit), count_invoices(query))


def _open_documents(client_id: int, kind: str, currency: str) -> list[InvoiceRow]:
    today = clock.today()
    stmt = (
        select(Invoice, Client)
        .join(Client, Client.id == Invoice.client_id)
        .where(
            Invoice.client_id == client_id,
            Invoice.kind == kind,
            Invoice.currency == currency,
            Invoice.total > Invoice.allocated,
        )
        .order_by(Invoice.due_date, Invoice.issue_date, Invoice.id)
    )
    with db.reading() as s:
        return [_to_row(inv, client, today) for inv, client in s.execute(stmt)]


def open_invoices(client_id: int, currency: str = "EUR") -> list[InvoiceRow]:
    """The client's invoices with something left to pay, oldest due first."""
    return _open_documents(client_id, "invoice", currency)


def open_credit_notes(client_id: int, currency: str = "EUR") -> list[InvoiceRow]:
    """The client's credit notes with something left to apply, oldest first
    (a credit note's due date is its issue date)."""
    return _open_documents(client_id, "credit_note", currency)


def preview_due_date(
    client_id: int | None, issue: dt.date, terms_text: str
) -> tuple[dt.date | None, str, list[tuple[str, dict[str, str]]]]:
    """The due date the editor would compute, the terms used, and the warnings.

    Returns (None, terms, []) when the terms cannot be understood yet.
    """
    with db.reading() as s:
        client = s.get(Client, client_id) if client_id else None
        text = (
            terms_text.strip()
            or (client.terms if client else "")
            or company_service.load(s).default_terms
            or "30 jours"
        )
        try:
            parsed = terms.parse_terms(text)
        except UserError:
            return None, text, []
        method = company_service.eom_method(s)
        due = terms.due_date(issue, parsed, method)
        warnings: list[tuple[str, dict[str, str]]] = []
        if client is not None:
            cap = terms.legal_cap_warning(issue, due, client.kind, method)
            if cap:
                warnings.append(cap)
        return due, text, warnings
