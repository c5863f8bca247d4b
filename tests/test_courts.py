"""The claim summary by debtor (issue #13, points 3, 5, 6, 9, 11): the court of
shared/domain.md §4.6.1 for a consumer, an SCI, a public buyer, a debtor in Germany or in the
USA, a professional whose legal form is not known; the injonction procedure as it is since
1 March 2022 (§4.6); the prescription date (§3.4); the formal notice and its acknowledgment of
receipt as exhibits; the creditor as art. 57 CPC identifies it; each amount in its own currency,
the €40 in euros apart; and the payment-plan agreement's ending."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from models import DunningRecord, Invoice
from services.core import clock, company, db
from services.core.errors import UserError
from services.core.lookups import invoice_id
from services.followup import dunning
from services.ledger import clients
from services.paper import legal_docs
from services.proof.documents import Meta, Owner, attach_files
from tests.service_fixtures import add_client, add_invoice, book  # noqa: F401

pytestmark = pytest.mark.usefixtures("book")  # TODAY = 2025-06-30


def text_of(path: Path) -> str:
    raw = "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)
    return " ".join(raw.replace("\u202f", " ").replace("\u00a0", " ").split())


def claim(tmp_path: Path, code: str) -> str:
    out = tmp_path / f"claim-{code}.pdf"
    legal_docs.claim_summary(code, out)
    return text_of(out)


def overdue_invoice(number: str, client: str, total: str = "1000.00", **extra: str) -> int:
    return add_invoice(
        number, client, issue="2025-04-01", due_date="2025-05-01", terms="", total=total, **extra
    ).id


def the_company() -> None:
    company.save_company(
        {
            "name": "Menuiserie Martin",
            "legal_form": "SARL",
            "share_capital": "8000",
            "address": "12 rue des Lilas",
            "postcode": "69003",
            "city": "Lyon",
            "siren": "732829320",
            "register_kind": "rcs",
            "register_city": "Lyon",
            "signatory_name": "Jeanne Martin",
            "signatory_title": "gérante",
        }
    )


def assert_2022_procedure(text: str) -> None:
    """shared/domain.md §4.6 as corrected for 1 March 2022."""
    assert "revêtue dès sa délivrance de la formule exécutoire" in text
    assert (
        "commissaire de justice dans les six mois" in text and "non avenue (article 1411)" in text
    )
    assert "un mois à compter de la signification pour former opposition (article 1416" in text
    assert "1423" not in text and "dans le mois qui suit" not in text


def test_a_consumer_goes_to_the_tribunal_judiciaire_with_two_years_prescription(
    tmp_path: Path,
) -> None:
    add_client("PART", kind="consumer", name="Jean Dupont", postcode="69100", city="Villeurbanne")
    overdue_invoice("C1", "PART", "800.00")
    text = claim(tmp_path, "PART")
    assert "requête en injonction de payer" in text
    assert "tribunal judiciaire du lieu où demeure le débiteur, 69100 Villeurbanne" in text
    assert "Cerfa n° 12948" in text and "12946" not in text and "16040" in text
    assert "750-1" in text and "petites créances" in text
    assert "tribunal de commerce" not in text
    # §3.4: 2 years from the due date against a consumer; only service interrupts
    assert "L218-2" in text and "01/05/2027" in text
    assert "seule la signification de l’ordonnance interrompt la prescription" in text
    assert "une mise en demeure, même par lettre recommandée, ne l’interrompt pas" in text
    assert "L111-8" in text and "40,00 €" not in text
    assert_2022_procedure(text)


def test_an_sci_goes_to_the_tribunal_judiciaire(tmp_path: Path) -> None:
    add_client("SCI", legal_form="sci", name="SCI du Parc", postcode="38000", city="Grenoble")
    overdue_invoice("S1", "SCI", "7000.00")
    text = claim(tmp_path, "SCI")
    assert "SCI (société civile immobilière)" in text
    assert "le tribunal judiciaire du lieu où demeure le débiteur, 38000 Grenoble" in text
    assert "Cerfa n° 12948" in text and "12946" not in text and "tribunal de commerce" not in text
    assert "défendeur non commerçant" in text
    assert "750-1" not in text  # more than €5,000
    assert "cinq ans" in text and "01/05/2030" in text  # §3.4: 5 years from the due date
    assert_2022_procedure(text)


@pytest.mark.parametrize(
    ("legal_form", "registered_as", "court", "form"),
    [
        ("sas", "", "tribunal de commerce", "12946"),
        ("ei", "commercant", "tribunal de commerce", "12946"),
        ("ei", "artisan", "tribunal de commerce", "12946"),
        ("selarl", "", "tribunal judiciaire", "12948"),
        ("liberal", "", "tribunal judiciaire", "12948"),
        ("gaec", "", "tribunal judiciaire", "12948"),
    ],
)
def test_professionals_by_legal_form(
    tmp_path: Path, legal_form: str, registered_as: str, court: str, form: str
) -> None:
    add_client("PRO", legal_form=legal_form, registered_as=registered_as, city="Lyon")
    overdue_invoice("P1", "PRO")
    text = claim(tmp_path, "PRO")
    assert f"{court} du lieu où demeure le débiteur, Lyon" in text and f"Cerfa n° {form}" in text
    other = "12948" if form == "12946" else "12946"
    assert other not in text


def test_an_association_goes_to_the_tribunal_judiciaire(tmp_path: Path) -> None:
    add_client("ASSO", kind="nonprofit", legal_form="association", city="Lyon")
    overdue_invoice("A1", "ASSO")
    text = claim(tmp_path, "ASSO")
    assert "tribunal judiciaire" in text and "Cerfa n° 12948" in text
    assert "personne morale non commerçante" in text
    # shared/domain.md §2.6.1: legal interest from the formal notice, no €40 by default
    assert "Intérêts au taux légal à compter de la mise en demeure" in text


def test_a_non_profit_buying_for_its_economic_activity_owes_l441_10(tmp_path: Path) -> None:
    add_client(
        "ASSO", kind="nonprofit", legal_form="association", acts_professionally=True, city="Lyon"
    )
    overdue_invoice("A1", "ASSO")
    text = claim(tmp_path, "ASSO")
    assert "L441-10" in text and "Intérêts au taux légal" not in text
    assert "tribunal judiciaire" in text  # the court follows the legal form, not the rates


def test_a_company_without_its_name_says_so(tmp_path: Path) -> None:
    add_client("ACME", legal_form="sarl", city="Lyon")
    overdue_invoice("F1", "ACME")
    assert "Raison sociale : non renseignée" in claim(tmp_path, "ACME")


def test_a_public_buyer_gets_a_refere_provision_not_an_injonction(tmp_path: Path) -> None:
    add_client("CITY", kind="public", name="Mairie de Bron", postcode="69500", city="Bron")
    overdue_invoice("M1", "CITY")
    text = claim(tmp_path, "CITY")
    assert "référé-provision devant le tribunal administratif" in text
    assert "Pas d’injonction de payer contre une personne publique" in text
    assert "R541-1 du Code de justice administrative" in text
    assert "tribunal de commerce" not in text and "12946" not in text and "12948" not in text
    assert "requête en injonction de payer" not in text and "1416" not in text
    assert "L2192-13" in text and "D2192-35" in text and "L441-10" not in text
    assert "quadriennale" in text and "31/12/2029" in text  # invoice of 2025


def test_a_debtor_in_the_usa_no_french_injonction_amounts_in_dollars(tmp_path: Path) -> None:
    add_client("US", legal_form="sas", name="Acme Inc.", city="Portland", country="US")
    overdue_invoice("U1", "US", "16201.25", currency="USD")
    text = claim(tmp_path, "US")
    assert "débiteur établi hors de France" in text and "États-Unis (US)" in text
    assert "Aucune injonction de payer française n’est possible" in text
    assert "avocat ou un correspondant dans le pays du débiteur" in text
    assert "tribunal de commerce" not in text and "12946" not in text
    assert "requête en injonction de payer" not in text
    # shared/domain.md issue #13 point 5: each amount in its currency, the €40 apart
    assert "16 201,25 USD" in text and "Total réclamé : " in text
    total = re.search(r"Total réclamé : ([^A-Za-z]*USD \+ [0-9 ,]+ €)", text)
    assert total is not None, text
    assert total.group(1).startswith("16 ") and total.group(1).endswith("+ 40,00 €")
    assert "$" not in text
    assert "les montants en devises différentes ne sont pas additionnés" in text


def test_a_debtor_in_germany_european_order_for_payment(tmp_path: Path) -> None:
    add_client("DE", legal_form="sas", name="Muster GmbH", city="Berlin", country="DE")
    overdue_invoice("D1", "DE")
    text = claim(tmp_path, "DE")
    assert "Allemagne (DE)" in text
    assert "Aucune injonction de payer française n’est possible" in text
    assert "procédure européenne d’injonction de payer" in text and "1896/2006" in text
    assert "formulaire A" in text and "tribunal de commerce" not in text


def test_a_professional_whose_legal_form_is_unknown_no_court_is_guessed(tmp_path: Path) -> None:
    add_client("ANON", name="Société X", city="Lyon")
    overdue_invoice("X1", "ANON")
    text = claim(tmp_path, "ANON")
    assert "Juridiction : non déterminée" in text and "Juridiction compétente" not in text
    assert "La forme juridique du débiteur n’est pas renseignée" in text
    assert "Cerfa n°" not in text and "Suite de la procédure" not in text
    add_client("EI", name="Paul Durand", legal_form="ei", city="Lyon")
    overdue_invoice("X2", "EI")
    text = claim(tmp_path, "EI")
    assert "immatriculation n’est pas renseignée" in text and "Cerfa n°" not in text


def test_the_creditor_is_identified_as_art_57_cpc_asks(tmp_path: Path) -> None:
    the_company()
    add_client("ACME", legal_form="sarl", city="Lyon")
    overdue_invoice("F1", "ACME")
    text = claim(tmp_path, "ACME")
    assert "Menuiserie Martin" in text and "SARL au capital de 8 000,00 €" in text
    assert "Siège social : 12 rue des Lilas, 69003 Lyon" in text
    assert "RCS Lyon 732 829 320" in text and "Représentée par Jeanne Martin, gérante" in text


def test_without_identification_the_claim_says_it_is_missing(tmp_path: Path) -> None:
    company.save_company({"name": "Menuiserie Martin"})
    add_client("ACME", legal_form="sarl", city="Lyon")
    overdue_invoice("F1", "ACME")
    text = claim(tmp_path, "ACME")
    assert "Forme juridique : non renseignée" in text
    assert "Représentant légal : non renseigné" in text


def _pdf(path: Path, text: str) -> Path:
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return path


def _record_formal_notice(number: str, on: dt.date, tracking: str = "") -> None:
    with db.transaction() as s:
        invoice = s.get(Invoice, invoice_id(s, number))
        assert invoice is not None
        s.add(
            DunningRecord(
                invoice_id=invoice.id,
                client_id=invoice.client_id,
                offset_days=30,
                action="formal_notice",
                channel="registered_letter",
                status="done",
                on=on,
                reason="",
                tracking_number=tracking,
                created_at=clock.now(),
            )
        )


def test_the_formal_notice_and_its_receipt_are_listed_as_exhibits(tmp_path: Path) -> None:
    client = add_client("ACME", legal_form="sarl", city="Lyon")
    overdue_invoice("F1", "ACME")
    text = claim(tmp_path, "ACME")
    assert "Aucune mise en demeure n’est enregistrée" in text
    _record_formal_notice("F1", dt.date(2025, 6, 2), "1A 234 567 8901 2")
    text = claim(tmp_path, "ACME")
    assert "Mise en demeure enregistrée le 02/06/2025" in text
    assert "sa copie n’est pas parmi les documents" in text
    attach_files(
        Owner(client_id=client.id),
        [_pdf(tmp_path / "med.pdf", "Mise en demeure")],
        Meta("correspondence", "Mise en demeure de payer", dt.date(2025, 6, 2)),
    )
    text = claim(tmp_path, "ACME")
    assert "Mise en demeure du 02/06/2025 (lettre recommandée avec AR n° 1A 234 567 8901 2)" in text
    assert "L’accusé de réception de la mise en demeure n’est pas parmi les documents" in text
    attach_files(
        Owner(client_id=client.id),
        [_pdf(tmp_path / "ar.pdf", "AR")],
        Meta("acknowledgment", "AR signé", dt.date(2025, 6, 4)),
    )
    text = claim(tmp_path, "ACME")
    assert "Accusé de réception — AR signé" in text
    assert "n’est pas parmi les documents" not in text


def test_a_claim_prescribed_is_said_so(tmp_path: Path) -> None:
    add_client("PART", kind="consumer", city="Lyon")
    add_invoice("OLD", "PART", issue="2023-01-02", due_date="2023-02-01", terms="", total="90.00")
    text = claim(tmp_path, "PART")
    assert "la facture OLD est prescrite depuis le 01/02/2025" in text


def test_euro_and_dollar_invoices_are_never_added(tmp_path: Path) -> None:
    add_client("MIX", legal_form="sas", city="Lyon")
    overdue_invoice("E1", "MIX", "1000.00")
    overdue_invoice("U1", "MIX", "500.00", currency="USD")
    text = claim(tmp_path, "MIX")
    assert "Total EUR" in text and "Total USD" in text and "Indemnités (€)" in text
    # 1000 € + 21.62 € of penalties + 2 × 40 € = 1 101,62 €; the dollars apart
    assert re.search(r"Total réclamé : 510,81 USD \+ 1 101,62 €", text), text


def _plan(code: str) -> None:
    invoice = overdue_invoice("F1", code, "1500.00")
    dunning.create_plan(
        clients.get_client_by_code(code).id,
        [invoice],
        dunning.equal_split(Decimal("1500.00"), 3, dt.date(2025, 7, 15)),
        agreed_on=dt.date(2025, 6, 30),
    )


def test_the_agreement_reserves_the_charges_by_default_and_ends_signed(tmp_path: Path) -> None:
    the_company()
    add_client("ACME", legal_form="sarl", city="Lyon")
    _plan("ACME")
    out = tmp_path / "agreement.pdf"
    legal_docs.plan_agreement("ACME", out)
    text = text_of(out)
    assert "Pénalités et indemnité : réservées" in text
    assert "Le créancier réserve les pénalités de retard (article L441-10" in text
    assert "l’indemnité forfaitaire pour frais de recouvrement de 40 € par facture" in text
    assert (
        "elles restent dues et pourront être réclamées, même si l’échéancier est respecté" in text
    )
    assert "Fait à Lyon, le 30 juin 2025, en deux exemplaires originaux." in text
    assert "Pour le créancier Menuiserie Martin Jeanne Martin, gérante" in text
    assert "Pour le débiteur ACME SARL" in text and "Bon pour accord" in text
    assert "RCS Lyon 732 829 320" in text  # the creditor identified


def test_the_agreement_can_waive_the_charges_if_the_plan_is_kept(tmp_path: Path) -> None:
    add_client("PART", kind="consumer", city="Lyon")
    _plan("PART")
    out = tmp_path / "agreement.pdf"
    legal_docs.plan_agreement("PART", out, charges=legal_docs.WAIVED)
    text = text_of(out)
    assert "Intérêts : abandonnés si l’échéancier est respecté" in text
    assert "le créancier renonce aux intérêts au taux légal" in text
    assert "cette renonciation est non avenue : ils sont dus" in text
    assert "40 €" not in text  # no indemnity against a consumer
    assert "Fait à …" in text  # the company's town is not known: left to fill in
    with pytest.raises(UserError) as caught:
        legal_docs.plan_agreement("PART", out, charges="maybe")
    assert caught.value.field == "charges"


def test_the_agreement_command_reserves_or_waives_the_charges(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`agreement --waive-charges` (issue #13, point 11); without it the charges are reserved."""
    from services.core import db
    from tests.helpers_cli import run_cli

    the_company()
    add_client("ACME", legal_form="sarl", city="Lyon")
    _plan("ACME")
    path = db.current().path
    assert path is not None
    db.close()  # the command line opens the book itself
    reserved, waived = tmp_path / "reserved.pdf", tmp_path / "waived.pdf"
    assert run_cli(capsys, path, "agreement", "--client", "acme", "--out", str(reserved)).code == 0
    run = run_cli(
        capsys, path, "agreement", "--client", "ACME", "--out", str(waived), "--waive-charges"
    )
    assert run.code == 0, run.err
    assert "réservées" in text_of(reserved) and "réservées" not in text_of(waived)
    assert "abandonnées si l’échéancier est respecté" in text_of(waived)
    db.open_database(path)  # as the fixture expects to find it
