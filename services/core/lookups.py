"""Finding a thing by what the user types: a client by its code, an invoice by its number.

One rule for every command and screen (issue #12, point 1): the text is put in Unicode's
composed form and trimmed, then matched exactly, else without regard to case — the same
equivalence as the unique rules (``clients._code_taken``, ``invoices._number_taken``), so a
lookup never finds two rows.  SQLite's ``lower()`` folds ASCII letters only, which is why
the exact match comes first ('ÉCOLE' is found as typed; 'école' finds 'ÉCOLE' only on
PostgreSQL).  An unknown code or number is a :class:`~services.core.errors.NotFound` whose
message quotes what the user typed (trimmed).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models import Client, Invoice
from services.core import db
from services.core.errors import NotFound
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.text import nfc, search_key

MSG_NO_CLIENT = QT_TRANSLATE_NOOP("Messages", "no client has the code '{code}'.")
MSG_NO_INVOICE = QT_TRANSLATE_NOOP("Messages", "no invoice has the number '{number}'.")
#: a client or an invoice known by its id, deleted meanwhile (never "no client with code 12")
MSG_CLIENT_GONE = QT_TRANSLATE_NOOP("Messages", "this client no longer exists.")
MSG_INVOICE_GONE = QT_TRANSLATE_NOOP("Messages", "this invoice no longer exists.")


def key(text: str | None) -> str:
    """What two codes (or two invoice numbers) share when they are the same: NFC, trimmed,
    lower case ('f2025-0001' is 'F2025-0001')."""
    return nfc(text).lower()


def same(column: Any, text: str) -> Any:
    """SQL: ``column`` holds ``text`` (already cleaned), exactly or in another case."""
    return or_(column == text, func.lower(column) == text.lower())


def _find(session: Session, column: Any, id_column: Any, wanted: str) -> int | None:
    found = session.scalar(select(id_column).where(column == wanted))
    if found is None:
        found = session.scalar(
            select(id_column)
            .where(func.lower(column) == wanted.lower())
            .order_by(id_column)
            .limit(1)
        )
    return found


def client_id(session: Session, code: str | None, field: str = "client") -> int:
    """The id of the client whose code is ``code`` (trimmed, any case)."""
    return _require(session, Client.code, Client.id, code, field, MSG_NO_CLIENT, "code")


def invoice_id(session: Session, number: str | None, field: str = "invoice") -> int:
    """The id of the invoice (or credit note) numbered ``number`` (trimmed, any case)."""
    return _require(session, Invoice.number, Invoice.id, number, field, MSG_NO_INVOICE, "number")


def _require(
    session: Session,
    column: Any,
    id_column: Any,
    typed: str | None,
    field: str,
    message: str,
    param: str,
) -> int:
    wanted = nfc(typed)
    found = _find(session, column, id_column, wanted) if wanted else None
    if found is None:
        raise NotFound(message, field=field, **{param: wanted})
    return found


def client(session: Session, client_id: int | None) -> Client:
    """The client known by its id; :data:`MSG_CLIENT_GONE` when it was deleted meanwhile."""
    found = session.get(Client, client_id) if client_id is not None else None
    if found is None:
        raise NotFound(MSG_CLIENT_GONE, field="client")
    return found


def client_id_for(code: str | None, field: str = "client") -> int:
    """:func:`client_id` in its own reading session."""
    with db.reading() as s:
        return client_id(s, code, field)


def client_for(code: str | None, field: str = "client") -> tuple[int, str]:
    """The id and the code as stored of the client :func:`client_id` finds ('  archimoreau '
    is ('ARCHIMOREAU')), for callers that go on to filter or print by code."""
    with db.reading() as s:
        cid = client_id(s, code, field)
        return cid, s.scalars(select(Client.code).where(Client.id == cid)).one()


def invoice_id_for(number: str | None, field: str = "invoice") -> int:
    """:func:`invoice_id` in its own reading session."""
    with db.reading() as s:
        return invoice_id(s, number, field)


def invoice_key(number: str, po_number: str, client_code: str, client_name: str) -> str:
    """The search key of an invoice: its number, its client's code and name, the PO number."""
    return search_key(number, client_code, client_name, po_number)
