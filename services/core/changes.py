"""What a committed transaction changed, told to whoever listens (the window's views).

Every write goes through :func:`services.core.db.transaction`; its session records, as it
flushes, the mapped classes it inserted, updated or deleted (also ORM bulk statements), and
after a successful COMMIT the topics they belong to are handed to the subscribers — never
after a rollback. So a service reports what it changed without a line of its own, and a new
service is covered as soon as its models are in :data:`TOPICS`. Opening, restoring or
swapping a book reports :attr:`Change.BOOK`: everything may have changed.

Subscribers are called on the thread that committed (a worker thread, sometimes): a
subscriber that touches a GUI must hand the news over to its own thread.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

import models

log = logging.getLogger(__name__)


class Change(enum.Flag):
    """The topics of the book a view may show."""

    NONE = 0
    CLIENTS = enum.auto()
    INVOICES = enum.auto()  # invoices and credit notes
    PAYMENTS = enum.auto()  # payments and their allocations
    DOCUMENTS = enum.auto()  # proof documents, CGV versions and acceptances, stored files
    FOLLOWUP = enum.auto()  # dunning records, scenarios, holds, disputes, plans, snoozes, calls
    SETTINGS = enum.auto()
    COMPANY = enum.auto()
    BOOK = enum.auto()  # another book: everything may differ

    @classmethod
    def everything(cls) -> Change:
        every = cls.NONE
        for member in cls:
            every |= member
        return every


#: every mapped class and the topic its rows belong to (a test checks none is missing);
#: the history's events go with the change they describe and are no topic of their own
TOPICS: dict[type[Any], Change] = {
    models.Client: Change.CLIENTS,
    models.Invoice: Change.INVOICES,
    models.Payment: Change.PAYMENTS,
    models.Allocation: Change.PAYMENTS,
    models.StoredFile: Change.DOCUMENTS,
    models.Document: Change.DOCUMENTS,
    models.CgvVersion: Change.DOCUMENTS,
    models.CgvAcceptance: Change.DOCUMENTS,
    models.DunningScenario: Change.FOLLOWUP,
    models.DunningStep: Change.FOLLOWUP,
    models.DunningRecord: Change.FOLLOWUP,
    models.InvoiceHold: Change.FOLLOWUP,
    models.Dispute: Change.FOLLOWUP,
    models.AlertSnooze: Change.FOLLOWUP,
    models.ContactLog: Change.FOLLOWUP,
    models.PaymentPlan: Change.FOLLOWUP,
    models.PlanInstalment: Change.FOLLOWUP,
    models.OutboxEmail: Change.FOLLOWUP,  # the e-mail send queue (issue #13)
    models.Setting: Change.SETTINGS,
    models.Company: Change.COMPANY,
    models.Event: Change.NONE,
}
_BY_TABLE = {cls.__table__.name: topic for cls, topic in TOPICS.items()}
_KEY = "encaisse_changes"

Subscriber = Callable[[Change], None]
_subscribers: list[Subscriber] = []
_lock = threading.Lock()


def subscribe(subscriber: Subscriber) -> None:
    with _lock:
        if subscriber not in _subscribers:
            _subscribers.append(subscriber)


def unsubscribe(subscriber: Subscriber) -> None:
    with _lock:
        if subscriber in _subscribers:
            _subscribers.remove(subscriber)


def publish(change: Change) -> None:
    """Tell every subscriber (nothing when nothing changed). A failing subscriber is logged
    and never undoes what was committed."""
    if not change:
        return
    with _lock:
        listeners = list(_subscribers)
    for subscriber in listeners:
        try:
            subscriber(change)
        except Exception:
            log.exception("a subscriber to the book's changes failed")


def topic_of(cls: type[Any]) -> Change:
    """The topic of a mapped class; an unknown one (a model missing from TOPICS) is told as
    everything rather than nothing."""
    for klass in cls.__mro__:
        if klass in TOPICS:
            return TOPICS[klass]
    return Change.everything()


def watch(sessions: sessionmaker[Session]) -> None:
    """Record, in each session of ``sessions``, the topics its flushes and bulk statements
    touch (see :func:`collected`)."""
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _on_execute)


def collected(session: Session) -> Change:
    """The topics ``session`` touched so far; forgets them."""
    return session.info.pop(_KEY, Change.NONE)  # type: ignore[no-any-return]


def _add(session: Session, change: Change) -> None:
    session.info[_KEY] = session.info.get(_KEY, Change.NONE) | change


def _after_flush(session: Session, _context: Any) -> None:
    touched = Change.NONE
    for obj in (*session.new, *session.deleted):
        touched |= topic_of(type(obj))
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            touched |= topic_of(type(obj))
    _add(session, touched)


def _on_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    _add(state.session, _BY_TABLE.get(name, Change.everything()) if name else Change.everything())
