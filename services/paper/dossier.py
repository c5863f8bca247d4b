"""The evidence file of an invoice or of a client, from the book to one PDF.

Gathers what ``services.paper.evidence`` lays out: the company, the client, the
invoice(s) with what was paid as of a date, and every current proof document
(the client's own — CGV, framework contract — and the invoices'), checked
against its fingerprint before it goes in.  The export is logged in each
document's history.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models import Client, Invoice
from services.core import clock, company, db, history, lookups
from services.core.errors import NotFound, UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.ledger import open_items as ledger
from services.paper.evidence import EvidenceItem, EvidenceResult, InvoiceLine, build_evidence
from services.pdf.parties import Party, company_party
from services.proof import documents

MSG_DAMAGED = QT_TRANSLATE_NOOP(
    "Messages",
    "the stored copy of “{title}” is {state}; run the integrity check before "
    "building an evidence file",
)
MSG_CANNOT_WRITE = QT_TRANSLATE_NOOP("Messages", "the file {path} cannot be written: {detail}")


def _client_party(client: Client) -> Party:
    return Party(
        name=client.name,
        code=client.code,
        kind=client.kind,
        address=client.address,
        postcode=client.postcode,
        city=client.city,
        country=client.country,
        siren=client.siren,
        siret=client.siret,
        vat_number=client.vat_number,
        email=client.email,
        phone=client.phone,
    )


def build(
    out: Path,
    *,
    invoice_id: int | None = None,
    client_id: int | None = None,
    as_of: dt.date | None = None,
    language: str | None = None,
) -> EvidenceResult:
    """Write the evidence file of one invoice, or of all of a client's invoices."""
    as_of = as_of or clock.today()
    with db.reading() as s:
        if invoice_id is not None:
            invoice = s.get(Invoice, invoice_id)
            if invoice is None:
                raise NotFound(lookups.MSG_INVOICE_GONE, field="invoice")
            client_id = invoice.client_id
            subject_number = invoice.number
        else:
            subject_number = ""
        client = lookups.client(s, client_id)
        party = _client_party(client)
        lang = language or client.language or "fr"
    items = [
        i
        for i in ledger.open_items(as_of, client_code=party.code)
        if not subject_number or i.number == subject_number
    ]
    lines = [
        InvoiceLine(
            number=i.number,
            kind=i.kind,
            issue_date=i.issue_date,
            due_date=i.due_date,
            total=i.total,
            paid=i.paid,
            balance=i.balance,
            currency=i.currency,
            days_late=i.days_late if i.status == "overdue" else 0,
        )
        for i in items
    ]
    if invoice_id is not None:
        docs = [
            d
            for d in documents.list_documents(client_id=client_id)
            if d.invoice_id == invoice_id or d.invoice_id is None
        ]
    else:
        docs = documents.list_documents(client_id=client_id)
    the = documents.the_store()
    evidence: list[EvidenceItem] = []
    for d in docs:
        state = the.verify(d.sha256)
        if state != "ok":
            raise UserError(
                MSG_DAMAGED, field="file", title=d.title or d.original_name, state=state
            )
        evidence.append(
            EvidenceItem(
                kind=d.kind,
                title=d.title,
                path=the.path_of(d.sha256),
                media_type=d.media_type,
                sha256=d.sha256,
                original_name=d.original_name,
                size=d.size,
                document_date=d.document_date,
                signed=d.signed,
                signed_on=d.signed_on,
                invoice=d.invoice_number,
                added_at=d.added_at,
            )
        )
    if subject_number:
        subject = f"Facture {subject_number}" if lang == "fr" else f"Invoice {subject_number}"
    else:
        subject = f"Client {party.code} — {party.name}"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        result = build_evidence(
            out,
            company=company_party(company.get_company()),
            client=party,
            invoices=lines,
            items=evidence,
            as_of=as_of,
            language=lang,
            subject=subject,
        )
    except OSError as exc:
        raise UserError.from_os(MSG_CANNOT_WRITE, exc, field="file", path=str(out)) from exc
    with db.transaction() as s:
        for d in docs:
            history.record(
                s,
                "document",
                d.id,
                "document_exported",
                client_id=d.client_id,
                label=d.title,
                details={"to": str(out), "reason": "evidence"},
            )
    return result
