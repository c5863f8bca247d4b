"""Readable history lines: labels, amounts and dates in the user's language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication

from services.core.dto import EventRow
from services.core.errors import field_label
from services.core.history import ACTIONS
from ui import format as fmt
from ui import i18n
from ui.labels import CLIENT_KINDS, INVOICE_KINDS, LANGUAGES, METHODS, label

MONEY = {"amount", "total", "net", "vat", "credit_limit", "allocated"}
DATES = {"date", "issue_date", "due_date", "delivery_date", "removed_on"}
HIDDEN = {"client_id", "search_key"}


def action(event: EventRow) -> str:
    source = ACTIONS.get(event.action, event.action)
    text = QCoreApplication.translate("History", source)
    if event.label and event.entity != "client":
        return f"{event.label} — {text}"
    return text


def _value(key: str, value: Any, event: EventRow) -> str:
    if value in (None, ""):
        return "∅"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("History", "yes")
            if value
            else QCoreApplication.translate("History", "no")
        )
    if key in MONEY:
        try:
            return fmt.money(
                Decimal(str(value)),
                event.details.get("currency", "EUR")
                if isinstance(event.details.get("currency"), str)
                else "EUR",
            )
        except InvalidOperation:
            return str(value)
    if key in DATES:
        try:
            return fmt.date(dt.date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if key == "kind":
        table = INVOICE_KINDS if value in INVOICE_KINDS else CLIENT_KINDS
        return label(table, str(value))
    if key == "method":
        return label(METHODS, str(value))
    if key == "language":
        return label(LANGUAGES, str(value))
    if key == "payment":
        return QCoreApplication.translate("History", "no. {id}").format(id=value)
    return str(value)


def details(event: EventRow) -> str:
    parts = []
    for key, value in event.details.items():
        if key in HIDDEN:
            continue
        name = field_label(key, i18n.translate)
        if isinstance(value, list) and len(value) == 2:
            parts.append(
                QCoreApplication.translate("History", "{field}: {before} → {after}").format(
                    field=name,
                    before=_value(key, value[0], event),
                    after=_value(key, value[1], event),
                )
            )
        else:
            parts.append(
                QCoreApplication.translate("History", "{field}: {value}").format(
                    field=name, value=_value(key, value, event)
                )
            )
    return QCoreApplication.translate("History", "; ").join(parts)
