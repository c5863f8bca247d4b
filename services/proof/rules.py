"""Proof status of an invoice: what a court or a collection agency will ask for.

Three proofs are looked for (shared/product.md, "proof documents"; facts in
shared/domain.md §8.2):

- ``order`` — the client's commitment: a signed quote or purchase order
  attached to the invoice, or a signed contract attached to the invoice or
  to the client (a framework contract covers all its invoices);
- ``delivery`` — a signed delivery note (proof of delivery or service)
  attached to the invoice;
- ``cgv`` — the terms of sale that applied: the CGV version in force on the
  issue date was accepted by the client on or before that date; when the
  company keeps no CGV versions yet, a signed CGV attached to the client or
  the invoice.

Each rule is one SQL expression correlated to ``invoices``, so lists can
filter and sort on it for any number of invoices without loading them.
Credit notes need no proof.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, ScalarSelect, and_, exists, func, not_, or_, select
from sqlalchemy.orm import aliased

from models import CgvAcceptance, CgvVersion, Document, Invoice
from services.core import db
from services.core.errors import NotFound
from services.core.i18n import QT_TRANSLATE_NOOP

ORDER_KINDS = ("quote", "purchase_order", "contract")

PROOF_LABELS = {
    "order": QT_TRANSLATE_NOOP("Messages", "signed quote or purchase order"),
    "delivery": QT_TRANSLATE_NOOP("Messages", "signed delivery note"),
    "cgv": QT_TRANSLATE_NOOP("Messages", "accepted terms of sale (CGV)"),
}


def _live(doc: type[Document]) -> ColumnElement[bool]:
    return and_(doc.superseded_at.is_(None), doc.deleted_at.is_(None), doc.signed.is_(True))


def order_expr() -> ColumnElement[bool]:
    d = aliased(Document)
    return exists().where(
        _live(d),
        or_(
            and_(d.invoice_id == Invoice.id, d.kind.in_(ORDER_KINDS)),
            and_(d.client_id == Invoice.client_id, d.invoice_id.is_(None), d.kind == "contract"),
        ),
    )


def delivery_expr() -> ColumnElement[bool]:
    d = aliased(Document)
    return exists().where(_live(d), d.invoice_id == Invoice.id, d.kind == "delivery_note")


def _version_in_force() -> ScalarSelect[int]:
    v = aliased(CgvVersion)
    return (
        select(v.id)
        .where(v.in_force_from <= Invoice.issue_date)
        .order_by(v.in_force_from.desc())
        .limit(1)
        .correlate(Invoice)
        .scalar_subquery()
    )


def cgv_expr() -> ColumnElement[bool]:
    a = aliased(CgvAcceptance)
    d = aliased(Document)
    in_force = _version_in_force()
    accepted = exists().where(
        a.client_id == Invoice.client_id,
        a.cgv_version_id == in_force,
        a.accepted_on <= Invoice.issue_date,
    )
    signed_copy = exists().where(
        _live(d),
        d.kind == "cgv",
        or_(
            d.invoice_id == Invoice.id,
            and_(d.client_id == Invoice.client_id, d.invoice_id.is_(None)),
        ),
    )
    return or_(accepted, and_(in_force.is_(None), signed_copy))


def missing_expr() -> ColumnElement[bool]:
    """True for an invoice (not a credit note) that lacks any of the three proofs."""
    return and_(
        Invoice.kind == "invoice", or_(not_(order_expr()), not_(delivery_expr()), not_(cgv_expr()))
    )


@dataclass(frozen=True, slots=True)
class ProofStatus:
    order: bool
    delivery: bool
    cgv: bool
    cgv_version: str = ""  # label of the version in force on the issue date
    cgv_in_force_from: dt.date | None = None
    cgv_accepted_on: dt.date | None = None  # the client's acceptance of that version, if any
    applies: bool = True  # False for a credit note

    @property
    def missing(self) -> list[str]:
        if not self.applies:
            return []
        return [name for name in ("order", "delivery", "cgv") if not getattr(self, name)]

    @property
    def complete(self) -> bool:
        return not self.missing

    def to_json(self) -> dict[str, bool]:
        return {"order": self.order, "delivery": self.delivery, "cgv": self.cgv}


MSG_INVOICE_GONE = QT_TRANSLATE_NOOP("Messages", "this invoice no longer exists")


def proof_of(invoice_id: int) -> ProofStatus:
    with db.reading() as s:
        row = s.execute(
            select(
                Invoice.kind,
                Invoice.issue_date,
                Invoice.client_id,
                order_expr(),
                delivery_expr(),
                cgv_expr(),
            ).where(Invoice.id == invoice_id)
        ).first()
        if row is None:
            raise NotFound(MSG_INVOICE_GONE, field="invoice")
        kind, issue_date, client_id, order, delivery, cgv = row
        version = s.scalars(
            select(CgvVersion)
            .where(CgvVersion.in_force_from <= issue_date)
            .order_by(CgvVersion.in_force_from.desc())
            .limit(1)
        ).first()
        accepted_on = None
        label = version.label if version else ""
        in_force_from = version.in_force_from if version else None
        if version is not None:
            accepted_on = s.scalar(
                select(CgvAcceptance.accepted_on).where(
                    CgvAcceptance.client_id == client_id, CgvAcceptance.cgv_version_id == version.id
                )
            )
    return ProofStatus(
        bool(order),
        bool(delivery),
        bool(cgv),
        label,
        in_force_from,
        accepted_on,
        applies=kind == "invoice",
    )


def proof_map(
    invoice_ids: list[int], known: dict[int, tuple[int, dt.date, str]] | None = None
) -> dict[int, ProofStatus]:
    """Proof of many invoices (for lists and the command line).

    The same rules as the SQL expressions above, applied in Python to what a few
    queries return: the invoices' documents, their clients' contracts and signed CGV,
    the CGV versions and the acceptances. Documents are few next to invoices, so this
    stays fast for a page of 200 rows and for 60,000 open invoices alike (a test checks
    it against the SQL form). ``known``: (client id, issue date, kind) of the invoices,
    when the caller has them already."""
    out: dict[int, ProofStatus] = {}
    if not invoice_ids:
        return out
    ids = list(dict.fromkeys(invoice_ids))
    with db.reading() as s:
        invoices: dict[int, tuple[int, dt.date, str]] = dict(known) if known else {}
        if not s.scalar(select(Document.id).limit(1)) and not s.scalar(
            select(CgvVersion.id).limit(1)
        ):
            # nothing on file at all (a new book): every invoice lacks every proof
            missing_ids = (
                ids
                if known
                else list(s.scalars(select(Invoice.id).where(Invoice.id.in_(ids[:900]))))
            )
            if known or len(ids) <= 900:
                kinds = (
                    {i: k for i, (_c, _d, k) in invoices.items()}
                    if known
                    else dict(
                        s.execute(
                            select(Invoice.id, Invoice.kind).where(Invoice.id.in_(missing_ids))
                        ).all()
                    )
                )
                return {
                    i: ProofStatus(False, False, False, applies=kinds[i] == "invoice")
                    for i in ids
                    if i in kinds
                }
        for start in range(0 if not known else len(ids), len(ids), 900):
            chunk = ids[start : start + 900]
            for invoice_id, client_id, issued, kind in s.execute(
                select(Invoice.id, Invoice.client_id, Invoice.issue_date, Invoice.kind).where(
                    Invoice.id.in_(chunk)
                )
            ):
                invoices[invoice_id] = (client_id, issued, kind)
        live = (
            Document.superseded_at.is_(None),
            Document.deleted_at.is_(None),
            Document.signed.is_(True),
        )
        per_invoice: dict[int, set[str]] = {}
        per_client: dict[int, set[str]] = {}
        total = s.scalar(select(func.count()).select_from(Document)) or 0
        wanted_invoices = set(invoices)
        wanted_clients = {c for c, _, _ in invoices.values()}
        if total > 5 * len(ids):  # many documents, few invoices: ask for theirs only
            queries = []
            for start in range(0, len(ids), 900):
                queries.append(
                    select(Document.invoice_id, Document.client_id, Document.kind).where(
                        *live, Document.invoice_id.in_(ids[start : start + 900])
                    )
                )
            clients = sorted(wanted_clients)
            for start in range(0, len(clients), 900):
                queries.append(
                    select(Document.invoice_id, Document.client_id, Document.kind).where(
                        *live,
                        Document.invoice_id.is_(None),
                        Document.client_id.in_(clients[start : start + 900]),
                    )
                )
            found = [row for q in queries for row in s.execute(q)]
        else:
            found = list(
                s.execute(
                    select(Document.invoice_id, Document.client_id, Document.kind).where(*live)
                )
            )
        for doc_invoice, doc_client, doc_kind in found:
            if doc_invoice is not None and doc_invoice in wanted_invoices:
                per_invoice.setdefault(doc_invoice, set()).add(doc_kind)
            elif doc_invoice is None and doc_client in wanted_clients:
                per_client.setdefault(doc_client, set()).add(doc_kind)
        versions = list(
            s.execute(
                select(CgvVersion.id, CgvVersion.in_force_from).order_by(CgvVersion.in_force_from)
            )
        )
        accepted: dict[tuple[int, int], dt.date] = {}
        if versions:
            for acc_client, version_id, acc_on in s.execute(
                select(
                    CgvAcceptance.client_id, CgvAcceptance.cgv_version_id, CgvAcceptance.accepted_on
                )
            ):
                if acc_client in wanted_clients:
                    accepted[(acc_client, version_id)] = acc_on
    starts = [v[1] for v in versions]
    for invoice_id in ids:
        if invoice_id not in invoices:
            continue
        client_id, issued, kind = invoices[invoice_id]
        own = per_invoice.get(invoice_id, set())
        theirs = per_client.get(client_id, set())
        order = bool(own & set(ORDER_KINDS)) or "contract" in theirs
        delivery = "delivery_note" in own
        index = bisect.bisect_right(starts, issued) - 1
        if index >= 0:
            on = accepted.get((client_id, versions[index][0]))
            cgv = on is not None and on <= issued
        else:
            cgv = "cgv" in own or "cgv" in theirs
        out[invoice_id] = ProofStatus(order, delivery, cgv, applies=kind == "invoice")
    return out
