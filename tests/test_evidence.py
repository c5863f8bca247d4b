"""Evidence file: cover, index with fingerprints and start pages, documents merged in order.

Every input is generated here: PDFs with reportlab's canvas, images with Pillow.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from services.core.money import format_money
from services.paper import evidence
from services.paper.evidence import (
    KIND_ORDER,
    EvidenceItem,
    EvidenceResult,
    InvoiceLine,
    build_evidence,
    sort_items,
)
from services.pdf import fonts as pdf_fonts
from services.pdf.parties import Party

AS_OF = dt.date(2026, 3, 26)
COMPANY = Party(
    name="Atelier Lefèvre SARL",
    address="12 rue de l'Église",
    postcode="69003",
    city="Lyon",
    country="FR",
    siren="123456789",
    siret="12345678900012",
    vat_number="FR12123456789",
    email="compta@lefevre.example",
    phone="04 78 00 00 00",
)
CLIENT = Party(
    name="Dupont Frères & Cie",
    code="DUP01",
    kind="pro",
    address="3 avenue Foch",
    postcode="75016",
    city="Paris",
    country="FR",
    siren="987654321",
)
INVOICE = InvoiceLine(
    number="F-2026-001",
    kind="invoice",
    issue_date=dt.date(2026, 1, 10),
    due_date=dt.date(2026, 2, 9),
    total=Decimal("12345.60"),
    paid=Decimal("1000.00"),
    balance=Decimal("11345.60"),
    days_late=45,
    po_number="PO-998",
)
CREDIT = InvoiceLine(
    number="AV-2026-002",
    kind="credit_note",
    issue_date=dt.date(2026, 1, 20),
    due_date=dt.date(2026, 1, 20),
    total=Decimal("-100.00"),
    paid=Decimal("0.00"),
    balance=Decimal("-100.00"),
)


# -- helpers -----------------------------------------------------------------------------------


def _pdf(path: Path, pages: int, marker: str) -> Path:
    canvas = Canvas(str(path))
    for number in range(1, pages + 1):
        canvas.drawString(72, 720, f"{marker} page {number}")
        canvas.showPage()
    canvas.save()
    return path


def _image(
    path: Path,
    fmt: str,
    size: tuple[int, int] = (400, 300),
    mode: str = "RGB",
    frames: int = 1,
    shade: int = 40,
    **save: Any,
) -> Path:
    """A plain image; vary ``shade`` to get files with different fingerprints."""
    colour: int | tuple[int, ...] = (180, shade, 40) if mode in ("RGB", "RGBA") else 128
    if mode == "CMYK":
        colour = (0, 200, 200, 0)
    if mode == "LA":
        colour = (90, 128)
    images = [Image.new(mode, size, colour) for _ in range(frames)]
    if mode == "RGB":  # frames of different colours
        images = [Image.new(mode, size, (180, shade, 40 + 100 * n)) for n in range(frames)]
    if frames > 1:
        save.update(save_all=True, append_images=images[1:])
    images[0].save(path, fmt, **save)
    return path


def _item(path: Path, kind: str, title: str, media_type: str, **extra: object) -> EvidenceItem:
    data = path.read_bytes()
    fields: dict[str, object] = {"original_name": path.name, **extra}
    return EvidenceItem(
        kind=kind,
        title=title,
        path=path,
        media_type=media_type,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        **fields,  # type: ignore[arg-type]
    )


def _pdf_item(folder: Path, kind: str, title: str, pages: int = 1, **extra: object) -> EvidenceItem:
    marker = "MARK-" + re.sub(r"\W", "", title)
    path = _pdf(folder / f"{marker}.pdf", pages, marker)
    return _item(path, kind, title, "application/pdf", **extra)


def _build(
    tmp_path: Path, items: list[EvidenceItem], **kwargs: object
) -> tuple[EvidenceResult, PdfReader]:
    out = tmp_path / "out" / "dossier.pdf"
    out.parent.mkdir(exist_ok=True)
    arguments: dict[str, object] = {
        "company": COMPANY,
        "client": CLIENT,
        "invoices": [INVOICE, CREDIT],
        "items": items,
        "as_of": AS_OF,
    }
    arguments.update(kwargs)
    result = build_evidence(out, **arguments)  # type: ignore[arg-type]
    return result, PdfReader(out)


def _png_text(text: str) -> PngInfo:
    info = PngInfo()
    info.add_text("Comment", text)
    return info


def _flat(text: str) -> str:
    """Every kind of space as one plain space (format_money uses no-break spaces)."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def _cover_text(reader: PdfReader, result: EvidenceResult) -> str:
    return _flat("\n".join(reader.pages[n].extract_text() for n in range(result.cover_pages)))


def _index_start_pages(cover: str, items: list[EvidenceItem]) -> dict[str, int]:
    """Start page printed in the index: the first number after each fingerprint."""
    starts = {}
    for item in items:
        match = re.search(re.escape(item.sha256) + r"\D*?(\d+)", cover)
        assert match, f"fingerprint of {item.title} missing from the index"
        starts[item.title] = int(match.group(1))
    return starts


def _mixed_items(folder: Path) -> list[EvidenceItem]:
    return [
        _pdf_item(
            folder, "delivery_note", "Bon de livraison BL-12", 1, document_date=dt.date(2026, 2, 3)
        ),
        _pdf_item(
            folder,
            "quote",
            "Devis signé D-7",
            3,
            document_date=dt.date(2026, 1, 5),
            signed=True,
            signed_on=dt.date(2026, 1, 6),
            invoice="F-2026-001",
        ),
        _item(_image(folder / "ar.png", "PNG"), "acknowledgment", "Accusé La Poste", "image/png"),
        _item(
            _image(folder / "photo.jpg", "JPEG", (600, 800)),
            "correspondence",
            "Photo du courrier",
            "image/jpeg",
        ),
        _item(
            _image(folder / "scan.tif", "TIFF", frames=2),
            "purchase_order",
            "Bon de commande scanné",
            "image/tiff",
        ),
    ]


# -- tests -------------------------------------------------------------------------------------


def test_page_count_is_the_cover_plus_every_attached_page(tmp_path: Path) -> None:
    items = _mixed_items(tmp_path)
    result, reader = _build(tmp_path, items)

    assert result.skipped == []
    assert result.documents == 5
    assert result.cover_pages >= 1
    assert result.pages == result.cover_pages + 1 + 3 + 1 + 1 + 2
    assert len(reader.pages) == result.pages


def test_cover_names_parties_invoice_balance_fingerprints_and_start_pages(tmp_path: Path) -> None:
    items = _mixed_items(tmp_path)
    result, reader = _build(tmp_path, items)
    cover = _cover_text(reader, result)

    assert "Dossier de preuves" in cover
    for text in (
        CLIENT.name,
        COMPANY.name,
        "123456789",
        "12345678900012",
        "FR12123456789",
        "987654321",
        "F-2026-001",
        "AV-2026-002",
        "Avoir",
        "PO-998",
        "26/03/2026",
    ):
        assert text in cover, text
    balance = _flat(format_money(Decimal("11245.60"), "EUR", "fr"))
    assert balance == "11 245,60 €"
    assert f"Solde restant dû au 26/03/2026 : {balance}" in cover
    for item in items:
        assert item.sha256 in cover, item.title
        assert item.original_name in cover
    assert "Signé le 06/01/2026" in cover

    starts = _index_start_pages(cover, items)
    first = result.cover_pages + 1
    # quote (3 pages), purchase order (2 frames), delivery note, correspondence, acknowledgment
    assert starts == {
        "Devis signé D-7": first,
        "Bon de commande scanné": first + 3,
        "Bon de livraison BL-12": first + 5,
        "Photo du courrier": first + 6,
        "Accusé La Poste": first + 7,
    }
    assert "MARK-DevissignéD7 page 1" in reader.pages[starts["Devis signé D-7"] - 1].extract_text()
    assert "MARK-DevissignéD7 page 3" in reader.pages[starts["Devis signé D-7"] + 1].extract_text()
    assert (
        "MARK-BondelivraisonBL12"
        in reader.pages[starts["Bon de livraison BL-12"] - 1].extract_text()
    )
    for title in ("Bon de commande scanné", "Photo du courrier", "Accusé La Poste"):
        assert title in reader.pages[starts[title] - 1].extract_text()  # the caption
    tiff_first, tiff_second = reader.pages[first + 2], reader.pages[first + 3]
    assert "page 1/2" in tiff_first.extract_text()
    assert "Bon de commande scanné" in tiff_second.extract_text()
    assert "page 2/2" in tiff_second.extract_text()
    pictures = [page.images[0].image for page in (tiff_first, tiff_second)]
    colours = [picture.getpixel((5, 5)) for picture in pictures if picture is not None]
    assert colours == [(180, 40, 40), (180, 40, 140)]  # each frame on its own page


def test_documents_follow_the_kind_order_then_date_then_title(tmp_path: Path) -> None:
    items = [
        _pdf_item(tmp_path, "other", "Z autre"),
        _pdf_item(tmp_path, "acknowledgment", "Y accusé"),
        _pdf_item(tmp_path, "correspondence", "X lettre sans date"),
        _pdf_item(
            tmp_path, "correspondence", "W lettre de mars", document_date=dt.date(2026, 3, 1)
        ),
        _pdf_item(
            tmp_path, "correspondence", "V lettre de février", document_date=dt.date(2026, 2, 1)
        ),
        _pdf_item(tmp_path, "invoice_copy", "U copie"),
        _pdf_item(tmp_path, "delivery_note", "T livraison"),
        _pdf_item(tmp_path, "purchase_order", "S commande"),
        _pdf_item(tmp_path, "quote", "R devis B"),
        _pdf_item(tmp_path, "quote", "Q devis A"),
        _pdf_item(tmp_path, "contract", "P contrat"),
        _pdf_item(tmp_path, "cgv", "O conditions"),
    ]
    expected = [
        "O conditions",
        "P contrat",
        "Q devis A",
        "R devis B",
        "S commande",
        "T livraison",
        "U copie",
        "V lettre de février",
        "W lettre de mars",
        "X lettre sans date",
        "Y accusé",
        "Z autre",
    ]
    assert [item.title for item in sort_items(items)] == expected

    result, reader = _build(tmp_path, items)
    cover = _cover_text(reader, result)
    positions = [cover.index(title) for title in expected]
    assert positions == sorted(positions)
    labels = [
        "Conditions générales de vente",
        "Contrat",
        "Devis",
        "Bon de commande",
        "Bon de livraison",
        "Copie de facture",
        "Correspondance",
        "Accusé de réception",
        "Autre document",
    ]
    index = cover[cover.index("Bordereau des pièces") :]
    label_positions = [index.index(label) for label in labels]
    assert label_positions == sorted(label_positions)
    # and the pages themselves are in that order
    pages = [reader.pages[n].extract_text() for n in range(result.cover_pages, result.pages)]
    markers = ["MARK-" + re.sub(r"\W", "", title) for title in expected]
    assert [
        next(i for i, text in enumerate(pages) if marker in text) for marker in markers
    ] == list(range(len(expected)))


def test_sort_is_stable_and_unknown_kinds_count_as_other(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "a.pdf", 1, "A")
    first = _item(path, "other", "Même titre", "application/pdf", original_name="1.pdf")
    second = _item(path, "mystery", "Même titre", "application/pdf", original_name="2.pdf")
    cgv = _item(path, "cgv", "Zèbre", "application/pdf")
    assert sort_items([first, second, cgv]) == [cgv, first, second]
    assert sort_items([second, first, cgv]) == [cgv, second, first]
    assert KIND_ORDER == (
        "cgv",
        "contract",
        "quote",
        "purchase_order",
        "delivery_note",
        "invoice_copy",
        "correspondence",
        "acknowledgment",
        "other",
    )


def test_unreadable_pdf_and_corrupt_image_get_a_page_saying_so(tmp_path: Path) -> None:
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    broken_png = tmp_path / "broken.png"
    broken_png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"not an image" * 50)
    good = _image(tmp_path / "good.png", "PNG")
    photo = io.BytesIO()
    Image.effect_noise((800, 600), 40).convert("RGB").save(photo, "JPEG")
    truncated = tmp_path / "truncated.jpg"  # a valid header, half the picture
    truncated.write_bytes(photo.getvalue()[: len(photo.getvalue()) // 2])
    with Image.open(truncated) as opened:
        assert opened.size == (800, 600)
    items = [
        _item(broken_pdf, "cgv", "CGV illisibles", "application/pdf"),
        _pdf_item(tmp_path, "quote", "Devis lisible", 2),
        _item(broken_png, "delivery_note", "Photo abîmée", "image/png"),
        _item(truncated, "delivery_note", "Photo tronquée", "image/jpeg"),
        _item(good, "correspondence", "Lettre lisible", "image/png"),
    ]
    result, reader = _build(tmp_path, items)

    assert result.skipped == ["CGV illisibles", "Photo abîmée", "Photo tronquée"]
    assert result.documents == 5
    assert result.pages == result.cover_pages + 1 + 2 + 1 + 1 + 1 == len(reader.pages)
    cover = _cover_text(reader, result)
    starts = _index_start_pages(cover, items)
    for title in result.skipped:
        text = _flat(reader.pages[starts[title] - 1].extract_text())
        assert "Document non inclus" in text
        assert "n’a pas pu être inclus" in text
        assert title in text
        item = next(i for i in items if i.title == title)
        assert item.sha256 in text and item.original_name in text
    assert "MARK-Devislisible page 1" in reader.pages[starts["Devis lisible"] - 1].extract_text()
    assert "Lettre lisible" in reader.pages[starts["Lettre lisible"] - 1].extract_text()


def test_a_pdf_whose_pages_cannot_be_copied_is_replaced_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page tree read, but a page fails while being merged: the file is redone
    with that document replaced, and the start pages stay true."""
    add_page = PdfWriter.add_page

    def fragile(self: PdfWriter, page: Any, *args: Any, **kwargs: Any) -> Any:
        if "MARK-POISON page" in page.extract_text():
            raise ValueError("broken object")
        return add_page(self, page, *args, **kwargs)

    monkeypatch.setattr(PdfWriter, "add_page", fragile)
    items = [_pdf_item(tmp_path, "cgv", "POISON", 3), _pdf_item(tmp_path, "quote", "Devis", 2)]
    result, reader = _build(tmp_path, items)
    assert result.skipped == ["POISON"]
    assert result.pages == result.cover_pages + 1 + 2 == len(reader.pages)
    starts = _index_start_pages(_cover_text(reader, result), items)
    assert starts == {"POISON": result.cover_pages + 1, "Devis": result.cover_pages + 2}
    assert "Document non inclus" in reader.pages[result.cover_pages].extract_text()
    assert "MARK-Devis page 1" in reader.pages[result.cover_pages + 1].extract_text()


def test_missing_file_and_password_protected_pdf_are_skipped(tmp_path: Path) -> None:
    locked = PdfWriter(clone_from=_pdf(tmp_path / "plain.pdf", 2, "LOCKED"))
    locked.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    locked_path = tmp_path / "locked.pdf"
    locked.write(locked_path)
    open_lock = PdfWriter(clone_from=_pdf(tmp_path / "plain2.pdf", 2, "OPENLOCK"))
    open_lock.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    open_path = tmp_path / "open.pdf"
    open_lock.write(open_path)
    gone = _pdf(tmp_path / "gone.pdf", 1, "GONE")
    items = [
        _item(locked_path, "contract", "Contrat verrouillé", "application/pdf"),
        _item(open_path, "contract", "Contrat sans mot de passe", "application/pdf"),
        _item(gone, "other", "Fichier disparu", "application/pdf"),
    ]
    gone.unlink()
    result, reader = _build(tmp_path, items, language="en")

    assert sorted(result.skipped) == ["Contrat verrouillé", "Fichier disparu"]
    assert result.pages == result.cover_pages + 2 + 1 + 1
    texts = [_flat(page.extract_text()) for page in reader.pages[result.cover_pages :]]
    assert "OPENLOCK page 1" in texts[0] and "OPENLOCK page 2" in texts[1]
    assert "Document could not be included" in texts[2] and "password" in texts[2]
    assert "Document could not be included" in texts[3] and "file not found" in texts[3]


@pytest.mark.parametrize(
    ("name", "fmt", "mode", "media_type", "save"),
    [
        ("cmyk.jpg", "JPEG", "CMYK", "image/jpeg", {}),
        ("grey.jpg", "JPEG", "L", "image/jpeg", {}),
        ("alpha.png", "PNG", "RGBA", "image/png", {}),
        ("grey-alpha.png", "PNG", "LA", "image/png", {}),
        ("palette.gif", "GIF", "P", "image/gif", {"transparency": 0}),
        ("photo.webp", "WEBP", "RGB", "image/webp", {}),
        ("deep.tif", "TIFF", "I;16", "image/tiff", {}),
        ("bilevel.tif", "TIFF", "1", "image/tiff", {"compression": "group4"}),
    ],
)
def test_image_modes_and_formats_are_placed_on_a_page(
    tmp_path: Path, name: str, fmt: str, mode: str, media_type: str, save: dict[str, Any]
) -> None:
    path = _image(tmp_path / name, fmt, (300, 500), mode, **save)
    result, reader = _build(tmp_path, [_item(path, "other", f"Image {name}", media_type)])
    assert result.skipped == []
    assert result.pages == result.cover_pages + 1
    page = reader.pages[-1]
    assert f"Image {name}" in page.extract_text()
    assert list(page.images), "the image is on its page"


def test_rotated_jpeg_and_landscape_images_fit_the_page(tmp_path: Path) -> None:
    rotated = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: display rotated by 90°
    Image.new("RGB", (800, 400), "navy").save(rotated, "JPEG", exif=exif)
    wide = _image(tmp_path / "wide.png", "PNG", (1600, 400))
    items = [
        _item(rotated, "other", "Pivotée", "image/jpeg"),
        _item(wide, "other", "Panorama", "image/png"),
    ]
    result, reader = _build(tmp_path, items)
    assert result.skipped == []
    first, second = reader.pages[result.cover_pages], reader.pages[result.cover_pages + 1]
    assert "Panorama" in first.extract_text()  # same kind, no date: by title
    assert first.mediabox.width > first.mediabox.height  # landscape A4 for a wide image
    assert "Pivotée" in second.extract_text()
    assert second.mediabox.width < second.mediabox.height  # 800x400 turned upright
    (image,) = second.images
    assert image.image is not None and image.image.size == (400, 800)


def test_english_file(tmp_path: Path) -> None:
    items = [
        _pdf_item(
            tmp_path, "invoice_copy", "Copy of F-2026-001", document_date=dt.date(2026, 1, 10)
        )
    ]
    result, reader = _build(tmp_path, items, language="en", subject="Invoice F-2026-001")
    cover = _cover_text(reader, result)
    assert "Evidence file" in cover
    assert "Invoice F-2026-001" in cover
    assert "Prepared on 2026-03-26" in cover
    assert "Invoice copy" in cover and "2026-01-10" in cover
    assert "Credit note" in cover
    assert (
        f"Balance due as of 2026-03-26: {format_money(Decimal('11245.60'), 'EUR', 'en')}" in cover
    )
    assert "Dossier de preuves" not in cover
    assert reader.metadata is not None
    assert str(reader.metadata.title).startswith("Evidence file")


def test_default_subject_and_metadata(tmp_path: Path) -> None:
    items = [_pdf_item(tmp_path, "cgv", "CGV")]
    result, reader = _build(tmp_path, items, invoices=[INVOICE])
    assert "Facture F-2026-001" in _cover_text(reader, result)
    result, reader = _build(tmp_path, items)
    assert "Client Dupont Frères & Cie" in _cover_text(reader, result)
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.author == COMPANY.name
    assert metadata.title == "Dossier de preuves — Client Dupont Frères & Cie"


def test_markup_characters_are_printed_as_typed(tmp_path: Path) -> None:
    client = Party(
        name="<b>Dupont</b> & fils <i>",
        code="A&B",
        kind="consumer",
        address="1 rue <Haute>\nEscalier B",
    )
    items = [_pdf_item(tmp_path, "other", "Lettre <urgente> & relance")]
    result, reader = _build(tmp_path, items, client=client, subject="Client <Dupont>")
    cover = _cover_text(reader, result)
    for text in (
        "<b>Dupont</b> & fils <i>",
        "A&B",
        "1 rue <Haute>",
        "Escalier B",
        "Lettre <urgente> & relance",
        "Client <Dupont>",
        "Particulier (consommateur)",
    ):
        assert text in cover, text


def test_a_changed_file_is_flagged_in_the_index(tmp_path: Path) -> None:
    item = _pdf_item(tmp_path, "quote", "Devis modifié")
    item.path.write_bytes(item.path.read_bytes() + b"\n% changed\n")
    result, reader = _build(tmp_path, [item])
    assert result.skipped == []
    assert "ne correspond plus à cette empreinte" in _cover_text(reader, result)


def test_many_invoices_and_documents_make_a_longer_cover_with_true_start_pages(
    tmp_path: Path,
) -> None:
    invoices = [
        InvoiceLine(
            number=f"F-2025-{n:03d}",
            kind="invoice",
            issue_date=dt.date(2025, 1, 1) + dt.timedelta(days=n),
            due_date=dt.date(2025, 2, 1) + dt.timedelta(days=n),
            total=Decimal("1000.00") + n,
            paid=Decimal("100.00"),
            balance=Decimal("900.00") + n,
            days_late=400 - n,
        )
        for n in range(60)
    ]
    items = []
    for n in range(40):
        kind = KIND_ORDER[n % len(KIND_ORDER)]
        if n % 4 == 3:
            path = _image(tmp_path / f"img{n:02d}.png", "PNG", (200, 260), shade=n)
            items.append(
                _item(path, kind, f"Pièce image {n:02d}", "image/png", invoice=invoices[n].number)
            )
        else:
            items.append(
                _pdf_item(
                    tmp_path,
                    kind,
                    f"Pièce PDF {n:02d}",
                    1 + n % 3,
                    document_date=dt.date(2026, 1, 1 + n % 28),
                )
            )
    result, reader = _build(tmp_path, items, invoices=invoices)

    assert result.cover_pages > 1
    assert result.skipped == []
    expected_pages = sum(
        1 if i.media_type == "image/png" else 1 + int(i.title[-2:]) % 3 for i in items
    )
    assert result.pages == result.cover_pages + expected_pages == len(reader.pages)
    cover = _cover_text(reader, result)
    assert f"page {result.cover_pages} / {result.pages}" in cover
    total = sum((line.balance for line in invoices), Decimal(0))
    assert _flat(format_money(total, "EUR", "fr")) in cover
    starts = _index_start_pages(cover, items)
    ordered = sort_items(items)
    page = result.cover_pages + 1
    for item in ordered:
        assert starts[item.title] == page, item.title
        text = reader.pages[page - 1].extract_text()
        if item.media_type == "image/png":
            assert item.title in text
            page += 1
        else:
            assert "MARK-" + re.sub(r"\W", "", item.title) + " page 1" in text
            page += 1 + int(item.title[-2:]) % 3


def test_output_is_written_atomically(tmp_path: Path) -> None:
    sources, folder = tmp_path / "sources", tmp_path / "out"
    sources.mkdir()
    folder.mkdir()
    out = folder / "dossier.pdf"
    out.write_bytes(b"previous version")
    items = [_pdf_item(sources, "cgv", "CGV")]
    result = build_evidence(
        out, company=COMPANY, client=CLIENT, invoices=[INVOICE], items=items, as_of=AS_OF
    )
    assert sorted(p.name for p in folder.iterdir()) == ["dossier.pdf"]  # no dossier.tmp
    assert len(PdfReader(out).pages) == result.pages

    with pytest.raises(OSError):
        build_evidence(
            folder / "no-such-folder" / "x.pdf",
            company=COMPANY,
            client=CLIENT,
            invoices=[INVOICE],
            items=items,
            as_of=AS_OF,
        )
    assert sorted(p.name for p in folder.iterdir()) == ["dossier.pdf"]


def test_no_documents_and_no_invoices(tmp_path: Path) -> None:
    result, reader = _build(tmp_path, [], invoices=[])
    assert result == EvidenceResult(pages=1, cover_pages=1, documents=0, skipped=[])
    cover = _cover_text(reader, result)
    assert "Aucune facture." in cover and "Aucune pièce jointe." in cover


def test_without_a_truetype_font_helvetica_is_used_with_plain_spaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_fonts, "CANDIDATES", ())
    pdf_fonts.fonts.cache_clear()
    try:
        assert pdf_fonts.fonts().regular == "Helvetica"
        client = Party(name="Łukasz Dvořák 株式会社", kind="pro")
        items = [_pdf_item(tmp_path, "cgv", "Conditions générales")]
        result, reader = _build(tmp_path, items, client=client)
        raw = "\n".join(page.extract_text() for page in reader.pages[: result.cover_pages])
        assert "11 245,60 €" in raw  # no-break spaces drawn as plain spaces
        assert "\u00a0" not in raw and "\u202f" not in raw
        assert "Établi le" in raw and "Créancier".upper() in raw
        assert "Lukasz Dvorák ????" in raw  # outside Windows-1252: base letter or '?'
    finally:
        pdf_fonts.fonts.cache_clear()


def test_texts_exist_in_both_languages() -> None:
    assert evidence._TEXTS["fr"].keys() == evidence._TEXTS["en"].keys()
    for labels in (evidence.KIND_LABELS, evidence._PARTY_KINDS, evidence._INVOICE_KINDS):
        assert labels["fr"].keys() == labels["en"].keys()
    assert set(evidence.KIND_LABELS["fr"]) == set(KIND_ORDER)
    assert evidence.KIND_LABELS["en"]["acknowledgment"] == "Acknowledgment of receipt"
    assert evidence.KIND_LABELS["fr"]["cgv"] == "Conditions générales de vente"


def test_fifty_documents(tmp_path: Path) -> None:
    """Correctness only; the time is printed for information (run with -s to see it)."""
    photo = Image.effect_mandelbrot((1200, 900), (-2, -1.2, 1, 1.2), 60).convert("RGB")
    scan = Image.linear_gradient("L").resize((1240, 1754))
    items = []
    for n in range(50):
        kind = KIND_ORDER[n % len(KIND_ORDER)]
        if n % 5 == 0:  # the comment makes each file (and fingerprint) different
            path = tmp_path / f"photo{n:02d}.jpg"
            photo.save(path, "JPEG", quality=85, comment=f"photo {n}")
            items.append(_item(path, kind, f"Photo {n:02d}", "image/jpeg"))
        elif n % 5 == 1:
            path = tmp_path / f"scan{n:02d}.png"
            scan.save(path, "PNG", pnginfo=_png_text(f"scan {n}"))
            items.append(_item(path, kind, f"Scan {n:02d}", "image/png"))
        else:
            items.append(_pdf_item(tmp_path, kind, f"Document {n:02d}", 3))
    started = time.perf_counter()
    result, reader = _build(tmp_path, items)
    elapsed = time.perf_counter() - started
    print(f"\nevidence file, 50 documents, {result.pages} pages: {elapsed:.2f} s")

    assert result.documents == 50
    assert result.skipped == []
    assert result.pages == result.cover_pages + 30 * 3 + 20 == len(reader.pages)
    cover = _cover_text(reader, result)
    starts = _index_start_pages(cover, items)
    page = result.cover_pages + 1
    for item in sort_items(items):
        assert starts[item.title] == page
        page += 3 if item.media_type == "application/pdf" else 1
