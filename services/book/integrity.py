"""The running totals against the allocations they sum up (issue #11, point 2).

``Invoice.allocated`` (what an invoice has been paid, what a credit note has applied) and
``Payment.allocated`` are denormalised running totals of the *active* allocations, kept in
step by :mod:`services.ledger.payments` inside each transaction. The client's unallocated credit is
not stored: it is read from them (a payment's amount less its ``allocated``, a credit note's
total less its ``allocated``), so these two are every running total of the book.

:func:`running_total_problems` recomputes them from the allocations and reports each drift,
and each document whose allocations add up to more than it can carry (two payments of one
invoice that both counted in full before writers were serialised). :func:`repair_running_totals`
puts both right in one transaction: the allocations in excess are taken back, newest first
(the money returns to the payment or credit note as unallocated credit; the history says
so), then every running total is set to what its allocations add up to.

The document store's files that no document refers to — stored files a ``letters --record``
or an attachment killed between its copy and its record left, partial copies of a killed
attachment or restore — are reported by ``documents.check_documents``; :func:`store_plan`
says what ``check --repair`` does with them and :func:`tidy_store` does it: those at least
an hour old go to the store's trash (kept ``documents.TRASH_DAYS`` days), younger ones are
left alone, for an action may still be writing them. :func:`back_up_and_repair` is the
whole of ``check --repair`` (and of the window's repair): a backup, the totals, the store.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Allocation, Client, Invoice, Payment, StoredFile
from services.core import clock, db, history
from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.money import ZERO, format_money
from services.proof import documents
from services.proof.store import Store

log = logging.getLogger(__name__)

MSG_DRIFT_INVOICE = QT_TRANSLATE_NOOP(
    "Messages",
    "invoice {number} ({client}): its running total says {stored} paid, its allocations add "
    "up to {recomputed}",
)
MSG_DRIFT_CREDIT_NOTE = QT_TRANSLATE_NOOP(
    "Messages",
    "credit note {number} ({client}): its running total says {stored} applied, its "
    "allocations add up to {recomputed}",
)
MSG_DRIFT_PAYMENT = QT_TRANSLATE_NOOP(
    "Messages",
    "payment {id} of {date} ({client}, {amount}): its running total says {stored} allocated, "
    "its allocations add up to {recomputed}",
)
MSG_OVER_INVOICE = QT_TRANSLATE_NOOP(
    "Messages",
    "invoice {number} ({client}): its allocations add up to {recomputed}, more than its "
    "total of {total} (its running total says {stored})",
)
MSG_OVER_CREDIT_NOTE = QT_TRANSLATE_NOOP(
    "Messages",
    "credit note {number} ({client}): its allocations add up to {recomputed}, more than its "
    "total of {total} (its running total says {stored})",
)
MSG_OVER_PAYMENT = QT_TRANSLATE_NOOP(
    "Messages",
    "payment {id} of {date} ({client}): its allocations add up to {recomputed}, more than its "
    "amount of {total} (its running total says {stored})",
)
#: What ``check`` cannot check on a book that is not an SQLite file.
MSG_SERVER_PAGES = QT_TRANSLATE_NOOP(
    "Messages",
    "SQLite's integrity check does not apply to a PostgreSQL book; the server checks its own pages",
)
MSG_REPAIR_NO_BACKUP = QT_TRANSLATE_NOOP(
    "Messages",
    "Encaisse cannot back this book up before the repair ({reason}): back it up that way, "
    "then repair it with --yes",
)

_MESSAGES = {
    ("drift", "invoice"): MSG_DRIFT_INVOICE,
    ("drift", "credit_note"): MSG_DRIFT_CREDIT_NOTE,
    ("drift", "payment"): MSG_DRIFT_PAYMENT,
    ("over_allocated", "invoice"): MSG_OVER_INVOICE,
    ("over_allocated", "credit_note"): MSG_OVER_CREDIT_NOTE,
    ("over_allocated", "payment"): MSG_OVER_PAYMENT,
}


@dataclass(frozen=True)
class TotalProblem:
    """A running total that does not match its allocations."""

    kind: str  # drift | over_allocated (the allocations exceed the document: a drift too)
    entity: str  # invoice | credit_note | payment
    id: int
    number: str | None  # the invoice's or credit note's number; None for a payment
    client: str  # the client's code
    currency: str
    date: dt.date
    total: Decimal  # the document's total, the payment's amount
    stored: Decimal
    recomputed: Decimal

    @property
    def source(self) -> str:
        """The English text, marked for translation, with ``{params}``."""
        return _MESSAGES[(self.kind, self.entity)]

    @property
    def params(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "client": self.client,
            "id": self.id,
            "date": self.date.isoformat(),
            "amount": f"{self.total:.2f} {self.currency}",
            "total": f"{self.total:.2f}",
            "stored": f"{self.stored:.2f}",
            "recomputed": f"{self.recomputed:.2f}",
        }

    def _shown(self, language: str) -> dict[str, Any]:
        """The parameters as a screen in ``language`` shows them (amounts with their
        currency and decimal mark, dates as the language writes them)."""

        def money(value: Decimal) -> str:
            return format_money(value, self.currency, language)

        return {
            **self.params,
            "amount": money(self.total),
            "total": money(self.total),
            "stored": money(self.stored),
            "recomputed": money(self.recomputed),
            "date": self.date.strftime("%d/%m/%Y") if language == "fr" else self.date.isoformat(),
        }

    def render(self, translate: Any = None, language: str | None = None) -> str:
        """The message; plain figures (the command line) unless a screen ``language`` is given."""
        text = translate("Messages", self.source) if translate else self.source
        return text.format(**(self._shown(language) if language else self.params))

    @property
    def message(self) -> str:
        return self.render()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "entity": self.entity,
            "id": self.id,
            "number": self.number,
            "client": self.client,
            "currency": self.currency,
            "total": f"{self.total:.2f}",
            "stored": f"{self.stored:.2f}",
            "recomputed": f"{self.recomputed:.2f}",
            "message": self.message,
        }


@dataclass
class TotalsReport:
    checked: int = 0  # running totals compared: every invoice, credit note and payment
    problems: list[TotalProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class StorePlan:
    """The files of the document store that no document refers to, and what ``check
    --repair`` does with them: those at least :data:`STALE_AFTER_SECONDS` old go to the
    store's trash (kept :data:`documents.TRASH_DAYS` days, then purged); younger ones may
    belong to an action still running and are left alone."""

    to_trash: list[tuple[str, Path]] = field(default_factory=list)  # (orphan | leftover, path)
    too_recent: list[tuple[str, Path]] = field(default_factory=list)

    def count(self, kind: str, *, recent: bool = False) -> int:
        return sum(1 for k, _path in (self.too_recent if recent else self.to_trash) if k == kind)

    def to_json(self) -> dict[str, Any]:
        return {
            "to_trash": [{"kind": k, "path": str(p)} for k, p in self.to_trash],
            "too_recent": [{"kind": k, "path": str(p)} for k, p in self.too_recent],
            "trash_days": documents.TRASH_DAYS,
            "stale_after_seconds": STALE_AFTER_SECONDS,
        }


@dataclass(frozen=True)
class StoreTidy:
    """What ``check --repair`` did in the document store."""

    orphans: int = 0  # stored files that belonged to no document, moved to the trash
    leftovers: int = 0  # partial copies of tmp/, moved to the trash
    too_recent: int = 0  # left alone: younger than STALE_AFTER_SECONDS
    failed: int = 0  # could not be moved (the log says why): still reported by the check
    recovered: int = 0  # files a document points at, put back from the trash

    def to_json(self) -> dict[str, int]:
        return {
            "orphans_to_trash": self.orphans,
            "leftovers_to_trash": self.leftovers,
            "too_recent": self.too_recent,
            "failed": self.failed,
            "recovered": self.recovered,
        }


@dataclass(frozen=True)
class Repair:
    recomputed: int  # running totals set to what their allocations add up to
    taken_back: int  # allocations in excess taken back
    store: StoreTidy = field(default_factory=StoreTidy)  # the document store's tidying


def _active_sums(
    session: Session,
) -> tuple[dict[int, Decimal], dict[int, Decimal], dict[int, Decimal]]:
    """(by invoice, by credit note, by payment) sums of the active allocations."""
    by_invoice: dict[int, Decimal] = defaultdict(lambda: ZERO)
    by_credit: dict[int, Decimal] = defaultdict(lambda: ZERO)
    by_payment: dict[int, Decimal] = defaultdict(lambda: ZERO)
    rows = session.execute(
        select(
            Allocation.invoice_id,
            Allocation.credit_note_id,
            Allocation.payment_id,
            Allocation.amount,
        ).where(Allocation.removed_on.is_(None))
    )
    for invoice_id, credit_note_id, payment_id, amount in rows:
        by_invoice[invoice_id] += amount
        if credit_note_id is not None:
            by_credit[credit_note_id] += amount
        if payment_id is not None:
            by_payment[payment_id] += amount
    return by_invoice, by_credit, by_payment


def _problems(session: Session) -> TotalsReport:
    by_invoice, by_credit, by_payment = _active_sums(session)
    report = TotalsReport()
    documents = session.execute(
        select(
            Invoice.id,
            Invoice.kind,
            Invoice.number,
            Client.code,
            Invoice.currency,
            Invoice.issue_date,
            Invoice.total,
            Invoice.allocated,
        )
        .join(Client, Client.id == Invoice.client_id)
        .order_by(Invoice.id)
    )
    for id_, kind, number, client, currency, date, total, stored in documents:
        report.checked += 1
        recomputed = (by_credit if kind == "credit_note" else by_invoice)[id_]
        _compare(report, kind, id_, number, client, currency, date, total, stored, recomputed)
    payments = session.execute(
        select(
            Payment.id,
            Client.code,
            Payment.currency,
            Payment.date,
            Payment.amount,
            Payment.allocated,
        )
        .join(Client, Client.id == Payment.client_id)
        .order_by(Payment.id)
    )
    for id_, client, currency, date, amount, stored in payments:
        report.checked += 1
        _compare(
            report, "payment", id_, None, client, currency, date, amount, stored, by_payment[id_]
        )
    return report


def _compare(
    report: TotalsReport,
    entity: str,
    id_: int,
    number: str | None,
    client: str,
    currency: str,
    date: dt.date,
    total: Decimal,
    stored: Decimal,
    recomputed: Decimal,
) -> None:
    if recomputed > total:
        kind = "over_allocated"
    elif recomputed != stored:
        kind = "drift"
    else:
        return
    report.problems.append(
        TotalProblem(kind, entity, id_, number, client, currency, date, total, stored, recomputed)
    )


def running_total_problems() -> TotalsReport:
    """Every running total recomputed from the active allocations, in one read."""
    with db.reading() as s:
        return _problems(s)


def _take_back(
    session: Session, allocation: Allocation, excess: Decimal, invoice: Invoice
) -> Decimal:
    """Take back ``allocation`` (its whole amount, or the part of it in ``excess``); return
    the amount taken back. It never counted on any day (``removed_on`` = its date); a part
    that fits is set again, the same day."""
    taken = min(excess, allocation.amount)
    allocation.removed_on = allocation.date
    allocation.removed_at = clock.now()
    if taken < allocation.amount:
        session.add(
            Allocation(
                invoice_id=allocation.invoice_id,
                payment_id=allocation.payment_id,
                credit_note_id=allocation.credit_note_id,
                amount=allocation.amount - taken,
                date=allocation.date,
                created_at=clock.now(),
            )
        )
    source = (
        {"payment": allocation.payment_id}
        if allocation.payment_id is not None
        else {"credit_note": allocation.credit_note_id}
    )
    history.record_invoice(
        session,
        invoice,
        "unallocated",
        {**source, "amount": taken, "reason": "over-allocation repaired"},
    )
    session.flush()
    return taken


def _newest_first(session: Session, *condition: Any) -> list[Allocation]:
    return list(
        session.scalars(
            select(Allocation)
            .where(Allocation.removed_on.is_(None), *condition)
            .order_by(Allocation.date.desc(), Allocation.id.desc())
        )
    )


def _repair(session: Session) -> Repair:
    # the rows are locked first, in the writers' order (payments, invoices, by id)
    payments = {
        p.id: p for p in session.scalars(select(Payment).order_by(Payment.id).with_for_update())
    }
    documents = {
        i.id: i for i in session.scalars(select(Invoice).order_by(Invoice.id).with_for_update())
    }
    taken_back = 0
    # 1. what an invoice carries beyond its total, newest first
    by_invoice, _by_credit, _by_payment = _active_sums(session)
    for invoice_id, carried in sorted(by_invoice.items()):
        invoice = documents[invoice_id]
        excess = carried - invoice.total
        for allocation in _newest_first(session, Allocation.invoice_id == invoice_id):
            if excess <= 0:
                break
            excess -= _take_back(session, allocation, excess, invoice)
            taken_back += 1
    # 2. what a payment or a credit note gives beyond its amount, newest first
    _by_invoice, by_credit, by_payment = _active_sums(session)
    sources: list[tuple[Any, Decimal]] = [
        (Allocation.payment_id == i, by_payment[i] - payments[i].amount) for i in sorted(by_payment)
    ] + [
        (Allocation.credit_note_id == i, by_credit[i] - documents[i].total)
        for i in sorted(by_credit)
    ]
    for condition, excess in sources:
        for allocation in _newest_first(session, condition):
            if excess <= 0:
                break
            excess -= _take_back(session, allocation, excess, documents[allocation.invoice_id])
            taken_back += 1
    # 3. every running total from the allocations that are left
    by_invoice, by_credit, by_payment = _active_sums(session)
    recomputed = 0
    for doc in documents.values():
        value = (by_credit if doc.kind == "credit_note" else by_invoice)[doc.id]
        if doc.allocated != value:
            history.record_invoice(
                session,
                doc,
                "edited",
                {"allocated": [doc.allocated, value], "reason": "running total recomputed"},
            )
            doc.allocated = value
            recomputed += 1
    for payment in payments.values():
        value = by_payment[payment.id]
        if payment.allocated != value:
            history.record(
                session,
                "payment",
                payment.id,
                "edited",
                client_id=payment.client_id,
                label=payment.reference or payment.date.isoformat(),
                details={
                    "allocated": [payment.allocated, value],
                    "reason": "running total recomputed",
                },
            )
            payment.allocated = value
            recomputed += 1
    return Repair(recomputed, taken_back)


def repair_running_totals() -> Repair:
    """Put every running total right, in one transaction (make a backup first)."""
    with db.transaction() as s:
        return _repair(s)


#: A partial copy or an unreferenced stored file younger than this (seconds) may belong to
#: an action still running — an attachment between its copy and its record, a restore
#: unpacking — so ``check --repair`` never touches it. The age is the file's own, from the
#: system clock that wrote it (never the application's clock, which tests and
#: ENCAISSE_TODAY move to other days).
STALE_AFTER_SECONDS = 3600


def _age(path: Path, now: float) -> float | None:
    try:
        return now - path.lstat().st_mtime
    except FileNotFoundError:
        return None


def _plan(the: Store, known: set[str], report: documents.CheckReport | None) -> StorePlan:
    if report is not None:
        found = [
            (p.kind, Path(p.path)) for p in report.problems if p.kind in ("orphan", "leftover")
        ]
    else:
        found = [("orphan", the.path_of(sha)) for sha in sorted(the.digests_on_disk() - known)] + [
            ("leftover", path) for path in the.leftovers()
        ]
    plan = StorePlan()
    now = time.time()
    for kind, path in found:
        age = _age(path, now)
        if age is None:
            continue  # gone since
        (plan.to_trash if age >= STALE_AFTER_SECONDS else plan.too_recent).append((kind, path))
    return plan


def store_plan(report: documents.CheckReport | None = None) -> StorePlan:
    """What ``check --repair`` will do with the store's files that no document refers to
    (those of ``report`` when given: the check just made)."""
    with db.reading() as s:
        known = set(s.scalars(select(StoredFile.sha256)))
    return _plan(documents.the_store(), known, report)


def tidy_store() -> StoreTidy:
    """The store's files no document refers to, at least an hour old — stored files (a
    ``letters --record`` or an attachment killed between its copy and its record) and
    partial copies (a killed attachment or restore) — go to the store's trash, kept
    TRASH_DAYS days; a file a document points at that is found in the trash is put back
    (one adopted by an attachment at the moment it was moved). Older trash is purged.

    Runs inside a write transaction: on SQLite no attachment records its file meanwhile."""
    the = documents.the_store()
    day = f"{clock.today():%Y%m%d}"
    moved = {"orphan": 0, "leftover": 0}
    failed = recovered = 0
    with db.transaction() as s:
        known = set(s.scalars(select(StoredFile.sha256)))
        plan = _plan(the, known, None)
        for kind, path in plan.to_trash:
            try:
                if kind == "orphan":
                    done = the.to_trash(path.name, day)
                else:
                    done = the.leftover_to_trash(path, day)
            except OSError as exc:
                log.warning("could not move %s to the store's trash: %s", path, exc)
                failed += 1
                continue
            if done is not None:
                moved[kind] += 1
        for sha in sorted(known - the.digests_on_disk()):
            try:
                if the.from_trash(sha) is not None:
                    recovered += 1
            except OSError as exc:
                log.warning("could not put %s back from the store's trash: %s", sha, exc)
    try:
        the.purge_trash(f"{clock.today() - dt.timedelta(days=documents.TRASH_DAYS):%Y%m%d}")
    except OSError as exc:
        log.warning("could not purge the store's trash: %s", exc)
    return StoreTidy(moved["orphan"], moved["leftover"], len(plan.too_recent), failed, recovered)


def database_notes() -> list[str]:
    """What the database check cannot check on the open book (English texts marked for
    translation): nothing on an SQLite file; a server's pages on PostgreSQL."""
    return [] if db.current().engine.dialect.name == "sqlite" else [MSG_SERVER_PAGES]


def back_up_and_repair(*, without_backup: bool = False) -> tuple[Repair, Path | None]:
    """``check --repair``: a backup of the book (the rotated kind), then the repair of the
    running totals, then the store's tidying (:func:`tidy_store`); nothing is repaired when
    the backup fails. A book Encaisse cannot back up (PostgreSQL) is repaired only when
    ``without_backup`` says the owner backed it up himself: (repair, None) then."""
    from services.book import backup

    try:
        made: Path | None = backup.back_up().path
    except UserError as exc:
        if db.current().path is not None:  # an SQLite file that could not be backed up
            raise
        if not without_backup:
            raise UserError(MSG_REPAIR_NO_BACKUP, field="database", reason=exc.reason()) from exc
        made = None
    totals = repair_running_totals()
    return replace(totals, store=tidy_store()), made
