"""The append-only event log of clients, invoices and payments."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import Event, Invoice
from services.core import clock, db
from services.core.dto import EventRow
from services.core.i18n import QT_TRANSLATE_NOOP

# Actions, marked for translation; the UI shows them through QCoreApplication.translate.
ACTIONS = {
    "created": QT_TRANSLATE_NOOP("History", "created"),
    "edited": QT_TRANSLATE_NOOP("History", "edited"),
    "deleted": QT_TRANSLATE_NOOP("History", "deleted"),
    "imported": QT_TRANSLATE_NOOP("History", "imported"),
    "payment_recorded": QT_TRANSLATE_NOOP("History", "payment recorded"),
    "allocated": QT_TRANSLATE_NOOP("History", "allocation added"),
    "unallocated": QT_TRANSLATE_NOOP("History", "allocation removed"),
    "credit_applied": QT_TRANSLATE_NOOP("History", "credit note applied"),
    "disputed": QT_TRANSLATE_NOOP("History", "marked as disputed"),
    "undisputed": QT_TRANSLATE_NOOP("History", "dispute closed"),
}


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def record(
    session: Session,
    entity: str,
    entity_id: int,
    action: str,
    *,
    client_id: int | None = None,
    label: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    """Append one event (inside the caller's transaction)."""
    clean = {k: _plain(v) for k, v in (details or {}).items()}
    session.add(
        Event(
            at=clock.now(),
            entity=entity,
            entity_id=entity_id,
            client_id=client_id,
            action=action,
            label=label,
            details=json.dumps(clean, ensure_ascii=False, default=str),
        )
    )


def record_invoice(
    session: Session, invoice: Invoice, action: str, details: dict[str, Any] | None = None
) -> None:
    """:func:`record` for an invoice or a credit note: its client, labelled by its number."""
    record(
        session,
        "invoice",
        invoice.id,
        action,
        client_id=invoice.client_id,
        label=invoice.number,
        details=details,
    )


def changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """{field: [old, new]} for the fields whose value changed."""
    out: dict[str, Any] = {}
    for key, value in new.items():
        before = old.get(key)
        if _plain(before) != _plain(value):
            out[key] = [_plain(before), _plain(value)]
    return out


def events_for(
    entity: str, entity_id: int, *, include_client_events: bool = False
) -> list[EventRow]:
    """Events of one entity (and, for a client, of all its invoices and payments)."""
    with db.reading() as s:
        query = select(Event)
        if include_client_events and entity == "client":
            query = query.where(
                or_(
                    (Event.entity == "client") & (Event.entity_id == entity_id),
                    Event.client_id == entity_id,
                )
            )
        else:
            query = query.where(Event.entity == entity, Event.entity_id == entity_id)
        rows = s.scalars(query.order_by(Event.at, Event.id)).all()
        return [
            EventRow(
                id=e.id,
                at=e.at,
                entity=e.entity,
                entity_id=e.entity_id,
                action=e.action,
                label=e.label,
                details=json.loads(e.details or "{}"),
            )
            for e in rows
        ]
