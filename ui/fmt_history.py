"""Readable history lines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.dto import EventRow
from services.errors import field_label
from services.history import ACTIONS
from ui import i18n

_ENTITY = {"client": "client", "invoice": "invoice", "payment": "payment"}


def action(event: EventRow) -> str:
    source = ACTIONS.get(event.action, event.action)
    text = QCoreApplication.translate("History", source)
    if event.label and event.entity != "client":
        return f"{event.label} — {text}"
    return text


def details(event: EventRow) -> str:
    parts = []
    for key, value in event.details.items():
        label = field_label(key, i18n.translate)
        if isinstance(value, list) and len(value) == 2:
            before, after = value
            parts.append(QCoreApplication.translate("History", "{field}: {before} → {after}").format(
                field=label, before=before if before not in (None, "") else "∅",
                after=after if after not in (None, "") else "∅"))
        else:
            parts.append(QCoreApplication.translate("History", "{field}: {value}").format(
                field=label, value=value))
    return QCoreApplication.translate("History", "; ").join(parts)
