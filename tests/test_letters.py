"""Reminder letters (issue #5): amounts in the text, never the €40 for a consumer, the
EPC QR payload, the address inside the envelope window, byte-stable output, and the
day's letters from a book (CLI ``letters``)."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from services.core import settings
from services.followup import penalties
from services.paper import letters
from services.paper.letters import Letter, LetterInvoice, Party
from services.pdf import qr
from tests.helpers_cli import frozen_book_path, open_book, run_cli

D = Decimal
ON = dt.date(2025, 10, 1)
COMPANY = Party(
    "Menuiserie Lefèvre",
    "12 rue des Artisans",
    "69007",
    "Lyon",
    legal_form="SARL",
    siren="812456374",
    vat_number="FR82812456374",
    iban="FR7630004008230001012345669",
    bic="BNPAFRPPXXX",
    email="contact@menuiserie-lefevre.fr",
)


#: the €40 in any form a letter could print it ("40 €", "40,00 €", "€40"), not "2 400,00 €"
FORTY = re.compile(r"(?<!\d\s)(?<![\d,])40(,00)?\s?€|€\s?40\b|indemnité forfaitaire|D441-5")


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def letter(
    kind: str = "pro",
    step: str = "formal_notice",
    language: str = "fr",
    invoices: int = 2,
    with_penalties: bool = True,
    notice: dt.date | None = None,
) -> Letter:
    out = Letter(
        COMPANY,
        Party("Brasserie des Halles", "102 cours Lafayette", "69003", "Lyon", contact="M. Haddad"),
        "BRASSHALLES",
        kind,
        language,
        step,
        1,
        with_penalties,
        ON,
        "EUR",
        mediator="CM2C, 49 rue de Ponthieu, 75008 Paris — www.cm2c.net",
    )
    for n in range(invoices):
        due = dt.date(2025, 8, 1) - dt.timedelta(days=10 * n)
        charges = penalties.compute(
            client_kind=kind, total=D("1200.00"), due_date=due, as_of=ON, formal_notice_on=notice
        )
        out.invoices.append(
            LetterInvoice(
                f"F-{n + 1:03d}",
                due - dt.timedelta(days=30),
                due,
                D("1200.00"),
                D("0.00"),
                D("1200.00"),
                (ON - due).days,
                charges if with_penalties else None,
            )
        )
    return out


def test_a_business_formal_notice_states_amounts_penalties_and_the_40_per_invoice(
    tmp_path: Path,
) -> None:
    subject = letter()
    path = tmp_path / "l.pdf"
    letters.write_letter(path, subject)
    text = text_of(path)
    assert "Brasserie des Halles" in text and "Mise en demeure de payer" in text
    assert "Lettre recommandée avec accusé de réception" in text
    assert "L441-10" in text and "D441-5" in text
    assert subject.indemnity == D("80.00")  # 40 € for each of the two late invoices
    for amount in (subject.balance, subject.penalties, subject.total_claimed):
        shown = (
            letters.format_money(amount, "EUR", "fr").replace("\u202f", " ").replace("\u00a0", " ")
        )
        assert shown in text.replace("\u202f", " ").replace("\u00a0", " "), shown
    # the deadline: one rule, from receipt, no computed date to contradict it (issue #13, pt 8)
    assert "dans un délai de 8 jours à compter de la réception de ce courrier" in " ".join(
        text.split()
    )
    assert "9 octobre 2025" not in text and "au plus tard" not in text
    assert FORTY.search(
        text.replace("\u202f", " ").replace("\u00a0", " ")
    )  # the check below can see a €40


def test_a_consumer_letter_never_mentions_the_40(tmp_path: Path) -> None:
    for step, notice in (
        ("reminder", None),
        ("formal_notice", None),
        ("final_notice", dt.date(2025, 9, 1)),
    ):
        subject = letter(kind="consumer", step=step, notice=notice)
        path = tmp_path / f"{step}.pdf"
        letters.write_letter(path, subject)
        text = text_of(path)
        assert subject.indemnity == 0
        flat = text.replace("\u202f", " ").replace("\u00a0", " ")
        assert not FORTY.search(flat), flat
        assert "médiateur de la consommation" in text
    assert "intérêts au taux légal" in text_of(tmp_path / "final_notice.pdf").lower()


def test_an_english_letter(tmp_path: Path) -> None:
    path = tmp_path / "en.pdf"
    letters.write_letter(
        path, letter(language="en", step="reminder", with_penalties=False, invoices=1)
    )
    text = text_of(path)
    assert "Reminder no. 1" in text and "Dear Sir or Madam" in text and "€1,200.00" in text


def decoded_qr_codes(image: Image.Image) -> list[list[str]]:
    """The EPC QR codes a reader finds in ``image``, each as its lines (zxing-cpp decodes)."""
    import zxingcpp

    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [code.bytes.decode("utf-8").split("\n") for code in found]


def rendered_page(path: Path, page: int, tmp_path: Path) -> Image.Image:
    """Page ``page`` of the PDF as poppler draws it (pdftoppm, 200 dpi)."""
    prefix = tmp_path / f"{path.stem}-render"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "200", "-f", str(page), "-l", str(page), "-singlefile"]
        + [str(path), str(prefix)],
        check=True,
    )
    return Image.open(f"{prefix}.png")


def test_the_epc_qr_code_decodes_to_the_transfer() -> None:
    transfer = qr.Transfer(
        "Menuiserie Lefèvre",
        "FR76 3000 4008 2300 0101 2345 669",
        D("2595.57"),
        "BRASSHALLES-20261123",
        "BNPAFRPPXXX",
    )
    code = qr.epc_qr(transfer)
    assert code is not None and code.error == "M"
    image = Image.open(io.BytesIO(qr.png(code)))
    assert decoded_qr_codes(image) == [
        [
            "BCD",  # service tag
            "002",  # version
            "1",  # UTF-8
            "SCT",  # SEPA credit transfer
            "BNPAFRPPXXX",
            "Menuiserie Lefèvre",
            "FR7630004008230001012345669",  # spaces dropped
            "EUR2595.57",
            "",  # purpose
            "",  # structured reference
            "BRASSHALLES-20261123",  # the letter's reference, as remittance text
        ]
    ]


def test_an_epc_qr_code_the_rules_do_not_allow() -> None:
    transfer = qr.Transfer("Menuiserie", "FR7630004008230001012345669", D("12.30"), "REF", "BNP")
    code = qr.epc_qr(transfer)  # a BIC of 3 characters: left out, the code still made
    assert code is not None
    [fields] = decoded_qr_codes(Image.open(io.BytesIO(qr.png(code))))
    assert fields[4] == "" and fields[7] == "EUR12.3"
    too_much = qr.Transfer("Menuiserie", "FR7630004008230001012345669", D("1000000000"), "REF")
    assert qr.epc_qr(too_much) is None  # over 999,999,999.99 €: no code rather than a wrong one


def test_the_qr_code_in_the_letter_carries_the_total_claimed(tmp_path: Path) -> None:
    subject = letter()
    path = tmp_path / "q.pdf"
    drawn = letters.write_letter(path, subject)
    assert drawn.transfer is not None and drawn.transfer.amount == subject.total_claimed
    # the code as printed on the page, read back as a banking app would
    [fields] = decoded_qr_codes(rendered_page(path, drawn.pages, tmp_path))
    assert fields[:7] == [
        "BCD",
        "002",
        "1",
        "SCT",
        "BNPAFRPPXXX",
        "Menuiserie Lefèvre",
        "FR7630004008230001012345669",
    ]
    assert fields[7].startswith("EUR") and D(fields[7][3:]) == subject.total_claimed
    assert fields[8:] == ["", "", subject.reference]


def test_no_qr_code_without_an_iban(tmp_path: Path) -> None:
    from dataclasses import replace as with_

    subject = letter()
    subject.company = with_(subject.company, iban="")
    path = tmp_path / "no-iban.pdf"
    drawn = letters.write_letter(path, subject)
    assert drawn.transfer is None
    assert decoded_qr_codes(rendered_page(path, drawn.pages, tmp_path)) == []


def test_the_address_lies_inside_the_envelope_window() -> None:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    drawn = letters.draw_letter(canvas.Canvas(io.BytesIO(), pagesize=A4), letter())
    x, y, w, h = drawn.address_box
    window = letters.WINDOW
    assert window["x"] <= x and x + w <= window["x"] + window["w"]
    assert window["y"] <= y and y + h <= window["y"] + window["h"]
    moved = letters.draw_letter(
        canvas.Canvas(io.BytesIO(), pagesize=A4), letter(), {"x": 20, "y": 50, "w": 90, "h": 35}
    )  # a window on the left
    assert moved.address_box[0] == 24


def test_output_is_byte_stable(tmp_path: Path) -> None:
    letters.write_letter(tmp_path / "a.pdf", letter())
    letters.write_letter(tmp_path / "b.pdf", letter())
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_a_long_letter_runs_over_pages_with_page_numbers(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    drawn = letters.write_letter(path, letter(invoices=40))
    assert drawn.pages > 1 and len(PdfReader(str(path)).pages) == drawn.pages
    assert f"Page 1 / {drawn.pages}" in PdfReader(str(path)).pages[0].extract_text()


# -- from a book ----------------------------------------------------------------------------------
@pytest.fixture
def demo_book(tmp_path: Path) -> Iterator[Path]:
    for path in frozen_book_path(tmp_path):
        with open_book(path):
            from services.book import demo

            demo.fill_demo(dt.date(2026, 3, 15), with_documents=False)
        yield path


def test_the_days_letters_from_the_command_line(demo_book: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "letters"
    run = run_cli(capsys, demo_book, "letters", "--out", str(out), "--json")
    assert run.code == 0, run.err
    payload = run.json()["letters"]
    assert payload, "the demo book has letters to send on its day"
    for item in payload:
        assert set(item) >= {
            "client",
            "step",
            "language",
            "invoices",
            "balance",
            "penalties",
            "indemnity",
            "total_claimed",
            "file",
        }
        assert Path(item["file"]).is_file() and item["step"] != "phone_call"
        assert Decimal(item["total_claimed"]) == Decimal(item["balance"]) + Decimal(
            item["penalties"]
        ) + Decimal(item["indemnity"])
    assert len(PdfReader(str(out / "all.pdf")).pages) >= len(payload)
    # recorded as sent: the actions are done and the letters archived as the clients' documents
    run = run_cli(
        capsys, demo_book, "letters", "--out", str(tmp_path / "again"), "--record", "--json"
    )
    assert run.code == 0, run.err
    sent = run.json()["letters"]
    docs = run_cli(capsys, demo_book, "documents", "--json").json()["documents"]
    assert len([d for d in docs if d["kind"] == "correspondence"]) == len(sent)
    left = run_cli(capsys, demo_book, "letters", "--out", str(tmp_path / "third"), "--json").json()[
        "letters"
    ]
    assert left == []


def test_a_statement_of_account(demo_book: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from services.ledger import open_items as ledger

    with open_book(demo_book):
        items = [
            i
            for i in ledger.open_items(dt.date(2026, 3, 15), open_only=True)
            if i.client_code == "BLANCIMPRIM"
        ]
    out = tmp_path / "st.pdf"
    run = run_cli(capsys, demo_book, "statement", "--client", "BLANCIMPRIM", "--out", str(out))
    assert run.code == 0, run.err
    text = text_of(out)
    assert "Relevé de compte au 15 mars 2026" in text
    assert all(i.number in text for i in items) and items
    balance = letters.format_money(sum((i.balance for i in items), Decimal("0.00")), "EUR", "fr")
    assert balance.replace("\u202f", " ").replace("\u00a0", " ") in text.replace(
        "\u202f", " "
    ).replace("\u00a0", " ")
    assert run_cli(capsys, demo_book, "statement", "--client", "NOPE", "--out", str(out)).code == 1


def test_every_default_text_uses_known_placeholders_only() -> None:
    for language in ("fr", "en"):
        for key in letters.TEMPLATE_KEYS:
            subject, body = letters.default_template(language, key)
            assert letters.validate_template(subject, "subject") == subject
            assert letters.validate_template(body, "body") == body


def test_the_owners_wording_is_used_checked_and_can_be_restored(
    demo_book: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    from services.core.errors import UserError

    with open_book(demo_book):
        with pytest.raises(UserError) as caught:
            letters.set_template(
                "fr", "reminder", "Relance", "Bonjour {client}, merci de régler {total_due}."
            )
        assert "{client}" in caught.value.render() and "client_name" in caught.value.render()
        with pytest.raises(UserError):
            letters.set_template("fr", "reminder", "Relance {", "x")
        for key in ("reminder", "reminder_2"):
            letters.set_template(
                "fr",
                key,
                "Petit rappel pour {client_name}",
                "Bonjour, il reste {total_due} à régler :\n{invoice_table}\nMerci, {company_name}.",
            )
        letters.set_template(
            "fr", "pre_reminder", "Bientôt {date}", "Échéance proche pour {count_label}."
        )
    out = tmp_path / "custom"
    payload = run_cli(capsys, demo_book, "letters", "--out", str(out), "--json").json()["letters"]
    reminders = [p for p in payload if p["step"] == "reminder" and p["language"] == "fr"]
    assert reminders, "the demo day has a first or second reminder"
    text = text_of(Path(reminders[0]["file"]))
    assert (
        "Petit rappel pour" in text and "il reste" in text and reminders[0]["invoices"][0] in text
    )
    assert "Sauf erreur de notre part" not in text and "Malgré notre précédent courrier" not in text
    with open_book(demo_book):
        letters.reset_template("fr", "reminder")
        shipped = letters.default_template("fr", "reminder")
        assert letters.template(settings.read(), "fr", "reminder") == shipped


def test_the_logo_in_the_letterhead_and_the_deadline_setting(tmp_path: Path) -> None:
    from dataclasses import replace as with_

    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), "navy").save(logo)
    subject = letter()
    plain = tmp_path / "plain.pdf"
    letters.write_letter(plain, subject)
    subject.company = with_(subject.company, logo=str(logo))
    subject.deadline_days = 15
    branded = tmp_path / "branded.pdf"
    letters.write_letter(branded, subject)
    page = PdfReader(str(branded)).pages[0]
    assert (
        len(page.images) == len(PdfReader(str(plain)).pages[0].images) + 1
    )  # the logo is on the page
    assert "dans un délai de 15 jours" in " ".join(text_of(branded).split())  # the setting
    subject.company = with_(subject.company, logo=str(tmp_path / "missing.png"))
    letters.write_letter(
        tmp_path / "nologo.pdf", subject
    )  # a logo that does not read: no letter lost
