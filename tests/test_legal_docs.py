"""The payment-plan agreement and the claim summary for an injonction de payer
(issue #5, point 4; shared/domain.md §4.1, §4.5–4.6)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from services.core.errors import NotFound, UserError
from services.core.lookups import client_id_for
from services.followup import dunning
from services.paper import legal_docs
from services.proof.documents import Meta, Owner, attach_files
from tests.service_fixtures import TODAY, add_client, add_invoice, book  # noqa: F401

pytestmark = pytest.mark.usefixtures("book")  # TODAY = 2025-06-30


def text_of(path: Path) -> str:
    raw = "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)
    return " ".join(raw.replace("\u202f", " ").replace("\u00a0", " ").split())


def test_the_payment_plan_agreement(tmp_path: Path) -> None:
    client = add_client("ACME")
    f1 = add_invoice("F1", issue="2025-04-01", due_date="2025-05-01", terms="", total="1000.00").id
    f2 = add_invoice("F2", issue="2025-04-10", due_date="2025-05-10", terms="", total="500.00").id
    dunning.create_plan(
        client.id,
        [f1, f2],
        dunning.equal_split(Decimal("1500.00"), 3, dt.date(2025, 7, 15)),
        agreed_on=TODAY,
    )
    out = tmp_path / "agreement.pdf"
    assert legal_docs.plan_agreement("ACME", out) == 1
    text = text_of(out)
    assert "Échéancier de paiement" in text and "ACME SARL" in text
    assert "1 500,00 €" in text and "15/07/2025" in text and "15/09/2025" in text
    assert "F1" in text and "F2" in text and "Bon pour accord" in text and "2240" in text


def test_no_plan_no_agreement(tmp_path: Path) -> None:
    add_client("ACME")
    with pytest.raises(NotFound) as caught:
        legal_docs.plan_agreement("acme ", tmp_path / "x.pdf")  # found as the lookups find it
    assert caught.value.message == legal_docs.MSG_NO_PLAN
    assert caught.value.field == "client" and caught.value.params == {"code": "ACME"}
    assert not (tmp_path / "x.pdf").exists()


def _pdf(path: Path) -> Path:
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "devis signé")
    c.showPage()
    c.save()
    return path


def test_the_claim_summary_for_a_business_debtor(tmp_path: Path) -> None:
    add_client("ACME", legal_form="SARL", postcode="69003", city="Lyon")  # §4.6.1: commercial
    f1 = add_invoice("F1", issue="2025-04-01", due_date="2025-05-01", terms="", total="1000.00").id
    [quote] = attach_files(
        Owner(invoice_id=f1), [_pdf(tmp_path / "devis.pdf")], Meta("quote", "Devis 12", signed=True)
    )
    out = tmp_path / "claim.pdf"
    legal_docs.claim_summary("ACME", out)
    text = text_of(out)
    # 1000 € × 13.15 % × 60/365 (2 May – 30 June 2025, H1 2025) = 21.62 €, plus 40 €
    assert "21,62 €" in text and "40,00 €" in text and "1 061,62 €" in text
    assert "tribunal de commerce" in text and "12946" in text and "L441-10" in text
    assert "69003 Lyon" in text
    assert "Devis — Devis 12" in text and quote.sha256[:16] in text
    assert "750-1" not in text


def test_the_claim_summary_for_a_consumer_below_5000(tmp_path: Path) -> None:
    add_client("PART", kind="consumer")
    add_invoice(
        "C1", client="PART", issue="2025-04-01", due_date="2025-05-01", terms="", total="800.00"
    )
    out = tmp_path / "claim.pdf"
    legal_docs.claim_summary("PART", out)
    text = text_of(out)
    assert "tribunal judiciaire" in text and "12948" in text and "750-1" in text
    assert (
        "40,00 €" not in text and "0,00 €" in text
    )  # no indemnity, no interest before a formal notice
    add_client("NEW")
    with pytest.raises(UserError) as caught:
        legal_docs.claim_summary("NEW", tmp_path / "none.pdf")
    assert caught.value.message == legal_docs.MSG_NOTHING_DUE
    assert caught.value.field == "client"
    assert caught.value.params == {"code": "NEW", "date": TODAY.isoformat()}
    assert not (tmp_path / "none.pdf").exists()
    assert client_id_for("PART")
