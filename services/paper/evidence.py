"""Evidence file: one PDF a collection agency or a court can read on its own.

A cover (creditor, debtor, invoices, balance, index of the enclosed documents
with their SHA-256 fingerprint and start page), then every attached document
in a logical order: PDFs merged page by page, images placed one per A4 page.
A document that cannot be reproduced is replaced by one page saying so, so
the index and the page numbers always stay true.

The file is written for a third party: its texts follow the ``language``
argument (French is the reference), not the language of the interface.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image, ImageOps
from pypdf import PageObject, PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from services.core.text import fold
from services.pdf import formats, tables
from services.pdf.fonts import MONO, Fonts, fit, fonts
from services.pdf.page import Footer, binary_streams, build
from services.pdf.parties import Party

log = logging.getLogger(__name__)

# -- public data -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    number: str
    kind: str  # "invoice" | "credit_note"
    issue_date: dt.date
    due_date: dt.date
    total: Decimal
    paid: Decimal
    balance: Decimal
    currency: str = "EUR"
    days_late: int = 0
    po_number: str = ""


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One stored attachment; ``sha256`` is the fingerprint taken when it was stored."""

    kind: str  # one of KIND_ORDER
    title: str
    path: Path
    media_type: str  # application/pdf, image/png, image/jpeg, image/tiff, image/gif, image/webp
    sha256: str
    original_name: str
    size: int
    document_date: dt.date | None = None
    signed: bool = False
    signed_on: dt.date | None = None
    invoice: str = ""  # number of the invoice it is attached to ("" = attached to the client)
    added_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class EvidenceResult:
    """``documents`` counts the entries of the index (reproduced or not);
    ``skipped`` holds the titles of those replaced by a "could not be included" page."""

    pages: int
    cover_pages: int
    documents: int
    skipped: list[str] = field(default_factory=list)


#: The order a reader expects: the terms agreed, then the order, the delivery, the
#: invoice, and what was exchanged after it.
KIND_ORDER: tuple[str, ...] = (
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

PDF = "application/pdf"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/tiff", "image/gif", "image/webp")

# -- texts -------------------------------------------------------------------------------------

_TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Dossier de preuves",
        "subject_invoice": "Facture {number}",
        "subject_client": "Client {name}",
        "prepared": "Établi le {date}",
        "summary": "{documents} pièce(s) jointe(s) · {pages} page(s) au total",
        "creditor": "Créancier",
        "debtor": "Débiteur",
        "client_code": "Code client : {value}",
        "siren": "SIREN : {value}",
        "siret": "SIRET : {value}",
        "vat": "N° TVA intracommunautaire : {value}",
        "email": "E-mail : {value}",
        "phone": "Tél. : {value}",
        "invoices": "Factures et avoirs",
        "no_invoices": "Aucune facture.",
        "col_number": "N°",
        "col_kind": "Type",
        "col_issue": "Émise le",
        "col_due": "Échéance",
        "col_total": "Montant TTC",
        "col_paid": "Réglé",
        "col_balance": "Solde",
        "col_late": "Retard",
        "late_days": "{n} j",
        "po": "BC : {value}",
        "total_row": "Total",
        "balance_due": "Solde restant dû au {date} : {amount}",
        "index": "Bordereau des pièces",
        "no_documents": "Aucune pièce jointe.",
        "col_index": "N°",
        "col_nature": "Nature",
        "col_date": "Date",
        "col_document": "Pièce",
        "col_page": "Page",
        "page_count": "{count} p.",
        "signed": "Signé",
        "signed_on": "Signé le {date}",
        "attached_to": "Facture {number}",
        "original": "Fichier d’origine : {name}",
        "stored_on": "enregistré le {date}",
        "sha": "SHA-256 :",
        "mismatch": "Attention : le fichier conservé ne correspond plus à cette empreinte.",
        "note": (
            "Chaque pièce de ce dossier reproduit, de façon fidèle et durable, le fichier "
            "conservé par le créancier. L’empreinte SHA-256 indiquée ci-dessous a été "
            "calculée au moment où ce fichier a été enregistré : recalculée sur le fichier "
            "d’origine, elle permet de vérifier qu’il n’a pas été modifié depuis, la moindre "
            "modification donnant une empreinte différente (art. 1379 du Code civil). "
            "L’empreinte porte sur le fichier d’origine, non sur sa reproduction dans ce "
            "dossier ; les fichiers d’origine sont tenus à disposition."
        ),
        "footer": "{title} — {subject}",
        "page_of": "page {n} / {total}",
        "caption": "Pièce {index} — {kind} — {title}",
        "frame": "page {n}/{count}",
        "not_included": "Document non inclus",
        "not_included_body": (
            "Ce document n’a pas pu être inclus dans le dossier. Le fichier d’origine, "
            "identifié par l’empreinte ci-dessus, est conservé par le créancier et peut "
            "être produit sur demande."
        ),
        "piece": "Pièce {index} — {kind}",
        "field_title": "Titre : {value}",
        "field_size": "Taille : {value}",
        "field_reason": "Motif : {value}",
        "reason_missing": "fichier introuvable",
        "reason_pdf": "PDF illisible ou endommagé",
        "reason_encrypted": "PDF protégé par un mot de passe",
        "reason_image": "image illisible ou endommagée",
        "reason_unsupported": "format non pris en charge",
        "bytes": "{n} o",
        "kb": "{n} Ko",
        "mb": "{n} Mo",
        "decimal": ",",
        "date": "%d/%m/%Y",
        "datetime": "%d/%m/%Y à %H:%M",
    },
    "en": {
        "title": "Evidence file",
        "subject_invoice": "Invoice {number}",
        "subject_client": "Client {name}",
        "prepared": "Prepared on {date}",
        "summary": "{documents} enclosed document(s) · {pages} page(s) in all",
        "creditor": "Creditor",
        "debtor": "Debtor",
        "client_code": "Client code: {value}",
        "siren": "SIREN: {value}",
        "siret": "SIRET: {value}",
        "vat": "VAT number: {value}",
        "email": "E-mail: {value}",
        "phone": "Phone: {value}",
        "invoices": "Invoices and credit notes",
        "no_invoices": "No invoice.",
        "col_number": "No.",
        "col_kind": "Type",
        "col_issue": "Issued",
        "col_due": "Due",
        "col_total": "Total incl. VAT",
        "col_paid": "Paid",
        "col_balance": "Balance",
        "col_late": "Days late",
        "late_days": "{n}",
        "po": "PO: {value}",
        "total_row": "Total",
        "balance_due": "Balance due as of {date}: {amount}",
        "index": "Index of enclosed documents",
        "no_documents": "No document enclosed.",
        "col_index": "No.",
        "col_nature": "Kind",
        "col_date": "Date",
        "col_document": "Document",
        "col_page": "Page",
        "page_count": "{count} p.",
        "signed": "Signed",
        "signed_on": "Signed on {date}",
        "attached_to": "Invoice {number}",
        "original": "Original file: {name}",
        "stored_on": "stored on {date}",
        "sha": "SHA-256:",
        "mismatch": "Warning: the stored file no longer matches this fingerprint.",
        "note": (
            "Each document in this file is a faithful and durable reproduction of the file "
            "kept by the creditor. The SHA-256 fingerprint given below was computed "
            "when that file was stored: computed again on the original file, it shows that "
            "the file has not been changed since, as the smallest change gives a different "
            "fingerprint (art. 1379 of the French Civil Code). The fingerprint covers the "
            "original file, not its reproduction in this document; the original files are "
            "available on request."
        ),
        "footer": "{title} — {subject}",
        "page_of": "page {n} / {total}",
        "caption": "Document {index} — {kind} — {title}",
        "frame": "page {n}/{count}",
        "not_included": "Document could not be included",
        "not_included_body": (
            "This document could not be included in the file. The original file, "
            "identified by the fingerprint above, is kept by the creditor and can be "
            "produced on request."
        ),
        "piece": "Document {index} — {kind}",
        "field_title": "Title: {value}",
        "field_size": "Size: {value}",
        "field_reason": "Reason: {value}",
        "reason_missing": "file not found",
        "reason_pdf": "unreadable or damaged PDF",
        "reason_encrypted": "password-protected PDF",
        "reason_image": "unreadable or damaged image",
        "reason_unsupported": "unsupported format",
        "bytes": "{n} bytes",
        "kb": "{n} KB",
        "mb": "{n} MB",
        "decimal": ".",
        "date": "%Y-%m-%d",
        "datetime": "%Y-%m-%d %H:%M",
    },
}

KIND_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "cgv": "Conditions générales de vente",
        "contract": "Contrat",
        "quote": "Devis",
        "purchase_order": "Bon de commande",
        "delivery_note": "Bon de livraison",
        "invoice_copy": "Copie de facture",
        "correspondence": "Correspondance",
        "acknowledgment": "Accusé de réception",
        "other": "Autre document",
    },
    "en": {
        "cgv": "Terms of sale",
        "contract": "Contract",
        "quote": "Quote",
        "purchase_order": "Purchase order",
        "delivery_note": "Delivery note",
        "invoice_copy": "Invoice copy",
        "correspondence": "Correspondence",
        "acknowledgment": "Acknowledgment of receipt",
        "other": "Other document",
    },
}

_PARTY_KINDS: dict[str, dict[str, str]] = {
    "fr": {
        "pro": "Professionnel",
        "consumer": "Particulier (consommateur)",
        "nonprofit": "Association",
        "public": "Personne publique",
    },
    "en": {
        "pro": "Business",
        "consumer": "Consumer",
        "nonprofit": "Non-profit organisation",
        "public": "Public body",
    },
}

_INVOICE_KINDS: dict[str, dict[str, str]] = {
    "fr": {"invoice": "Facture", "credit_note": "Avoir"},
    "en": {"invoice": "Invoice", "credit_note": "Credit note"},
}

_COUNTRIES: dict[str, dict[str, str]] = {"fr": {"FR": "France"}, "en": {"FR": "France"}}

# -- small formatting helpers ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Lang:
    code: str
    texts: dict[str, str]
    fonts: Fonts

    def t(self, key: str, **values: Any) -> str:
        return self.texts[key].format(**values)

    def date(self, value: dt.date | None) -> str:
        return value.strftime(self.texts["date"]) if value else ""

    def datetime(self, value: dt.datetime | None) -> str:
        if value is None:
            return ""
        if value.tzinfo is not None:
            value = value.astimezone()
        return value.strftime(self.texts["datetime"])

    def money(self, value: Decimal, currency: str) -> str:
        return formats.money(value, currency, self.code)

    def kind(self, kind: str) -> str:
        labels = KIND_LABELS[self.code]
        return labels.get(kind, labels["other"])

    def size(self, size: int) -> str:
        if size < 1024:
            return self.t("bytes", n=size)
        if size < 1024 * 1024:
            return self.t("kb", n=(size + 512) // 1024)
        tenths = (size * 10 + 524288) // 1048576
        return self.t("mb", n=f"{tenths // 10}{self.texts['decimal']}{tenths % 10}")

    def clean(self, text: str) -> str:
        return self.fonts.printable(text)

    def line(self, text: str) -> str:
        """``text`` on one line, for drawing with the canvas."""
        return " ".join(self.clean(text).split())

    def markup(self, text: str) -> str:
        """Paragraph markup for plain ``text``: printable, escaped, line breaks kept."""
        return escape(self.clean(text)).replace("\n", "<br/>")


def _language(language: str) -> str:
    code = (language or "fr")[:2].lower()
    return code if code in _TEXTS else "en"


def sort_items(items: Sequence[EvidenceItem]) -> list[EvidenceItem]:
    """Kind (in KIND_ORDER), then document date (undated last), then title."""
    rank = {kind: position for position, kind in enumerate(KIND_ORDER)}
    other = rank["other"]

    def key(item: EvidenceItem) -> tuple[int, bool, dt.date, str]:
        return (
            rank.get(item.kind, other),
            item.document_date is None,
            item.document_date or dt.date.min,
            fold(item.title),
        )

    return sorted(items, key=key)


def _short_sha(sha: str) -> str:
    return f"{sha[:12]}…{sha[-4:]}" if len(sha) > 16 else sha


# -- preparing the documents -------------------------------------------------------------------

_MARGIN = 15 * mm
_CAPTION = 9 * mm
_IMAGE_DPI = 300  # larger images are reduced to this resolution on the page


@dataclass(slots=True)
class _Prepared:
    item: EvidenceItem
    reader: PdfReader | None = None  # a PDF, or the canvas holding the image pages
    first: int = 0  # first page in ``reader``
    count: int = 1
    reason: str = ""  # set when the document is replaced by a "could not be included" page
    mismatch: bool = False


def _is_pdf(item: EvidenceItem, data: bytes) -> bool:
    return item.media_type == PDF or b"%PDF-" in data[:1024]


def _open_pdf(data: bytes) -> tuple[PdfReader | None, str]:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                decrypted = bool(reader.decrypt(""))
            except Exception:  # e.g. AES without the cryptography package
                decrypted = False
            if not decrypted:
                return None, "reason_encrypted"
        for page in reader.pages:  # parse every page now: a broken one must not
            page.mediabox  # noqa: B018  - surface half-way through the merge
        if len(reader.pages) == 0:
            return None, "reason_pdf"
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        log.info("unreadable PDF: %s", exc)
        return None, "reason_pdf"
    return reader, ""


_ROTATED = (5, 6, 7, 8)  # EXIF orientations that swap width and height


@dataclass(frozen=True, slots=True)
class _Placement:
    """Where an image of ``size`` pixels goes on its A4 page (portrait or landscape)."""

    page: tuple[float, float]
    x: float
    y: float
    width: float
    height: float
    pixels: tuple[int, int]  # what _IMAGE_DPI needs at that size

    @classmethod
    def of(cls, size: tuple[int, int]) -> _Placement:
        width_px, height_px = size
        page_w, page_h = landscape(A4) if width_px > height_px else A4
        box_w, box_h = page_w - 2 * _MARGIN, page_h - 2 * _MARGIN - _CAPTION
        scale = min(box_w / width_px, box_h / height_px)
        width, height = width_px * scale, height_px * scale
        pixels = (max(1, round(width / 72 * _IMAGE_DPI)), max(1, round(height / 72 * _IMAGE_DPI)))
        # centred, at the top of the box, just under the caption
        return cls(
            (page_w, page_h),
            _MARGIN + (box_w - width) / 2,
            _MARGIN + box_h - height,
            width,
            height,
            pixels,
        )


def _orientation(image: Image.Image) -> int:
    value = image.getexif().get(0x0112, 1)
    return value if isinstance(value, int) else 1


def _frames(image: Image.Image) -> Iterator[tuple[Image.Image, _Placement]]:
    """Every frame of a multi-page TIFF, the first frame of anything else, upright,
    flattened to RGB or grey, and reduced when far beyond what the page can show."""
    count = getattr(image, "n_frames", 1) if image.format == "TIFF" else 1
    for index in range(count):
        image.seek(index)
        orientation = _orientation(image)
        width, height = image.size
        upright = (height, width) if orientation in _ROTATED else (width, height)
        placement = _Placement.of(upright)
        if image.format == "JPEG":  # decode at a reduced scale when that is enough
            wanted = placement.pixels
            image.draft(image.mode, (wanted[1], wanted[0]) if orientation in _ROTATED else wanted)
        frame = _flatten(ImageOps.exif_transpose(image) if orientation != 1 else image)
        if frame is image:  # decode now; a copy when the next seek() would change it
            frame = image.copy() if count > 1 else image
            frame.load()
        limit = placement.pixels
        if frame.width > limit[0] * 3 // 2 or frame.height > limit[1] * 3 // 2:
            frame.thumbnail(limit, Image.Resampling.LANCZOS, reducing_gap=2.0)
        yield frame, placement


def _flatten(frame: Image.Image) -> Image.Image:
    """An RGB or greyscale image reportlab can embed (transparency on white)."""
    if frame.mode in ("RGB", "L"):
        return frame
    if frame.mode == "1":
        return frame.convert("L")
    if frame.mode.startswith("I;16"):
        return frame.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if frame.mode == "P":
        frame = frame.convert("RGBA" if "transparency" in frame.info else "RGB")
    if frame.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = frame.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return frame.convert("RGB")


def _passthrough_jpeg(image: Image.Image) -> bool:
    """A plain upright JPEG is embedded as it is: no decoding, no loss."""
    return image.format == "JPEG" and image.mode in ("RGB", "L") and _orientation(image) == 1


class _ImagePages:
    """All the image pages, drawn on one reportlab canvas."""

    def __init__(self, lang: _Lang, workdir: Path) -> None:
        self.lang = lang
        self.workdir = workdir
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, pageCompression=1, invariant=1)
        self.pages = 0

    def add(self, index: int, item: EvidenceItem, data: bytes) -> int:
        """Draw the image's page(s); return how many, or raise if it cannot be read."""
        jpeg = self.workdir / f"{index}.jpg"  # reportlab embeds a .jpg file as it is
        with Image.open(io.BytesIO(data)) as image:
            if _passthrough_jpeg(image):
                image.draft(image.mode, (image.width // 8, image.height // 8))
                image.load()  # decoding at 1/8 scale is quick and proves the data whole
                jpeg.write_bytes(data)
                self._page(index, item, str(jpeg), _Placement.of(image.size), 1, 1)
                return 1
            lossy = image.format == "JPEG"
            # Decode every frame before drawing any: a damaged frame must leave no page.
            frames = list(_frames(image))
        for number, (frame, placement) in enumerate(frames, start=1):
            source: str | Image.Image = frame
            if lossy:  # a turned or CMYK photo: JPEG again, rather than a huge lossless copy
                frame.save(jpeg, "JPEG", quality=92)
                source = str(jpeg)
            self._page(index, item, source, placement, number, len(frames))
        return len(frames)

    def _page(
        self,
        index: int,
        item: EvidenceItem,
        source: str | Image.Image,
        placement: _Placement,
        number: int,
        count: int,
    ) -> None:
        lang, fonts, c = self.lang, self.lang.fonts, self.canvas
        page_w, page_h = placement.page
        c.setPageSize(placement.page)
        # The image first: should reportlab refuse it, the page is still blank and unused.
        drawable = source if isinstance(source, str) else ImageReader(source)
        c.drawImage(drawable, placement.x, placement.y, placement.width, placement.height)
        caption = lang.line(
            lang.t("caption", index=index, kind=lang.kind(item.kind), title=item.title)
        )
        right = f"SHA-256 {_short_sha(item.sha256)}"
        if count > 1:
            right = f"{lang.t('frame', n=number, count=count)} · {right}"
        room = page_w - 2 * _MARGIN - pdfmetrics.stringWidth(right, fonts.regular, 8) - 6 * mm
        c.setFont(fonts.bold, 8.5)
        c.drawString(_MARGIN, page_h - _MARGIN, fit(caption, fonts.bold, 8.5, room))
        c.setFont(fonts.regular, 8)
        c.setFillColor(colors.grey)
        c.drawRightString(page_w - _MARGIN, page_h - _MARGIN, right)
        c.setFillColor(colors.black)
        c.showPage()
        self.pages += 1

    def reader(self) -> PdfReader | None:
        if not self.pages:
            return None
        self.canvas.save()
        return PdfReader(io.BytesIO(self.buffer.getvalue()))


def _prepare(items: list[EvidenceItem], lang: _Lang, workdir: Path) -> list[_Prepared]:
    images = _ImagePages(lang, workdir)
    prepared: list[_Prepared] = []
    image_entries: list[_Prepared] = []
    for index, item in enumerate(items, start=1):
        entry = _Prepared(item)
        prepared.append(entry)
        try:
            data = Path(item.path).read_bytes()
        except OSError as exc:
            log.warning("evidence file %s: %s", item.path, exc)
            entry.reason = "reason_missing"
            continue
        if item.sha256 and hashlib.sha256(data).hexdigest() != item.sha256.strip().lower():
            log.warning("evidence file %s no longer matches its SHA-256", item.path)
            entry.mismatch = True
        if _is_pdf(item, data):
            reader, entry.reason = _open_pdf(data)
            if reader is not None:
                entry.reader, entry.count = reader, len(reader.pages)
            continue
        first = images.pages  # pages of an image that fails half-way are left unused
        try:
            entry.count = images.add(index, item, data)
        except Exception as exc:  # PIL raises many kinds of errors on damaged files
            log.info("unreadable image %s: %s", item.path, exc)
            entry.reason = (
                "reason_image" if item.media_type.startswith("image/") else "reason_unsupported"
            )
            entry.count = 1
            continue
        entry.first = first
        image_entries.append(entry)
    image_reader = images.reader()
    for entry in image_entries:
        entry.reader = image_reader
    return prepared


# -- the "could not be included" pages ---------------------------------------------------------


def _not_included_pages(entries: list[tuple[int, _Prepared]], lang: _Lang) -> PdfReader | None:
    if not entries:
        return None
    fonts = lang.fonts
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1)
    page_w, page_h = A4
    width = page_w - 2 * _MARGIN - 10 * mm
    for index, entry in entries:
        item = entry.item
        x, y = _MARGIN + 5 * mm, page_h - _MARGIN - 20 * mm
        c.setFont(fonts.bold, 16)
        c.drawString(x, y, lang.line(lang.t("not_included")))
        y -= 10 * mm
        c.setFont(fonts.bold, 11)
        c.drawString(x, y, lang.line(lang.t("piece", index=index, kind=lang.kind(item.kind))))
        y -= 9 * mm
        lines = [
            lang.t("field_title", value=item.title),
            lang.t("original", name=item.original_name),
            lang.t("field_size", value=lang.size(item.size)),
            lang.t("field_reason", value=lang.t(entry.reason)),
        ]
        c.setFont(fonts.regular, 10)
        for line in lines:
            for part in simpleSplit(lang.line(line), fonts.regular, 10, width)[:4]:
                c.drawString(x, y, part)
                y -= 5.5 * mm
        c.drawString(x, y, lang.line(lang.t("sha")))
        y -= 5.5 * mm
        c.setFont(MONO, 9)
        c.drawString(x, y, item.sha256[:80])
        y -= 11 * mm
        c.setFont(fonts.regular, 10)
        for part in simpleSplit(lang.clean(lang.t("not_included_body")), fonts.regular, 10, width):
            c.drawString(x, y, part)
            y -= 5.5 * mm
        c.showPage()
    c.save()
    return PdfReader(io.BytesIO(buffer.getvalue()))


# -- the cover ---------------------------------------------------------------------------------


class _Styles:
    def __init__(self, fonts: Fonts) -> None:
        base = ParagraphStyle("base", fontName=fonts.regular, fontSize=9, leading=11.5)
        self.title = ParagraphStyle(
            "title", base, fontName=fonts.bold, fontSize=20, leading=24, spaceAfter=2
        )
        self.subject = ParagraphStyle(
            "subject", base, fontName=fonts.bold, fontSize=13, leading=16, spaceAfter=3
        )
        self.meta = ParagraphStyle("meta", base, textColor=colors.HexColor("#444444"))
        self.heading = ParagraphStyle(
            "heading",
            base,
            fontName=fonts.bold,
            fontSize=11.5,
            leading=14,
            spaceBefore=10,
            spaceAfter=5,
        )
        self.party = ParagraphStyle("party", base, fontSize=8.5, leading=11)
        self.cell = ParagraphStyle("cell", base, fontSize=8, leading=10)
        self.cell_right = ParagraphStyle("cell_right", self.cell, alignment=TA_RIGHT)
        self.head = ParagraphStyle("head", self.cell, fontName=fonts.bold)
        self.head_right = ParagraphStyle("head_right", self.head, alignment=TA_RIGHT)
        self.small = ParagraphStyle("small", base, fontSize=7.5, leading=9.5)
        self.note = ParagraphStyle(
            "note",
            base,
            fontSize=8,
            leading=10.5,
            spaceAfter=7,
            textColor=colors.HexColor("#333333"),
        )
        self.total = ParagraphStyle(
            "total",
            base,
            fontName=fonts.bold,
            fontSize=10,
            leading=13,
            alignment=TA_RIGHT,
            spaceBefore=4,
        )


def _party_block(party: Party, heading: str, lang: _Lang, styles: _Styles) -> list[Paragraph]:
    lines = [f"<b>{lang.markup(party.name)}</b>"]
    if party.code:
        lines.append(lang.markup(lang.t("client_code", value=party.code)))
    if party.kind:
        lines.append(lang.markup(_PARTY_KINDS[lang.code].get(party.kind, party.kind)))
    if party.address.strip():
        lines.append(lang.markup(party.address.strip()))
    if party.town:
        lines.append(lang.markup(party.town))
    if party.country:
        lines.append(lang.markup(_COUNTRIES[lang.code].get(party.country, party.country)))
    for key, value in (
        ("siren", party.siren),
        ("siret", party.siret),
        ("vat", party.vat_number),
        ("email", party.email),
        ("phone", party.phone),
    ):
        if value:
            lines.append(lang.markup(lang.t(key, value=value)))
    return [
        Paragraph(f"<b>{escape(heading.upper())}</b>", styles.small),
        Paragraph("<br/>".join(lines), styles.party),
    ]


def _invoice_table(
    invoices: list[InvoiceLine], as_of: dt.date, lang: _Lang, styles: _Styles, width: float
) -> list[Any]:
    if not invoices:
        return [Paragraph(lang.markup(lang.t("no_invoices")), styles.cell)]
    head = [
        Paragraph(lang.markup(lang.t(key)), style)
        for key, style in (
            ("col_number", styles.head),
            ("col_kind", styles.head),
            ("col_issue", styles.head),
            ("col_due", styles.head),
            ("col_total", styles.head_right),
            ("col_paid", styles.head_right),
            ("col_balance", styles.head_right),
            ("col_late", styles.head_right),
        )
    ]
    rows: list[list[Any]] = [head]
    totals: dict[str, list[Decimal]] = {}
    for line in invoices:
        number = lang.markup(line.number)
        if line.po_number:
            po = lang.markup(lang.t("po", value=line.po_number))
            number += f"<br/><font size=6.5>{po}</font>"
        money = [
            Paragraph(lang.markup(lang.money(v, line.currency)), styles.cell_right)
            for v in (line.total, line.paid, line.balance)
        ]
        rows.append(
            [
                Paragraph(number, styles.cell),
                Paragraph(
                    lang.markup(_INVOICE_KINDS[lang.code].get(line.kind, line.kind)), styles.cell
                ),
                Paragraph(lang.markup(lang.date(line.issue_date)), styles.cell),
                Paragraph(lang.markup(lang.date(line.due_date)), styles.cell),
                *money,
                Paragraph(
                    lang.markup(lang.t("late_days", n=line.days_late))
                    if line.days_late > 0
                    else "–",
                    styles.cell_right,
                ),
            ]
        )
        sums = totals.setdefault(line.currency, [Decimal(0), Decimal(0), Decimal(0)])
        sums[0] += line.total
        sums[1] += line.paid
        sums[2] += line.balance
    for currency, sums in totals.items():
        rows.append(
            [Paragraph(f"<b>{lang.markup(lang.t('total_row'))}</b>", styles.cell), "", "", ""]
            + [
                Paragraph(f"<b>{lang.markup(lang.money(v, currency))}</b>", styles.cell_right)
                for v in sums
            ]
            + [""]
        )
    ratios = (0.16, 0.095, 0.105, 0.105, 0.15, 0.15, 0.15, 0.085)
    table = tables.table(rows, [width * r for r in ratios], totals=len(totals))
    flow: list[Any] = [table]
    for currency, sums in totals.items():
        amount = lang.money(sums[2], currency)
        flow.append(
            Paragraph(
                lang.markup(lang.t("balance_due", date=lang.date(as_of), amount=amount)),
                styles.total,
            )
        )
    return flow


def _index_table(
    prepared: list[_Prepared], starts: list[int], lang: _Lang, styles: _Styles, width: float
) -> list[Any]:
    if not prepared:
        return [Paragraph(lang.markup(lang.t("no_documents")), styles.cell)]
    head = [
        Paragraph(lang.markup(lang.t(key)), style)
        for key, style in (
            ("col_index", styles.head),
            ("col_nature", styles.head),
            ("col_date", styles.head),
            ("col_document", styles.head),
            ("col_page", styles.head_right),
        )
    ]
    rows: list[list[Any]] = [head]
    for number, (entry, start) in enumerate(zip(prepared, starts, strict=True), start=1):
        item = entry.item
        details = []
        if item.signed:
            details.append(
                lang.t("signed_on", date=lang.date(item.signed_on))
                if item.signed_on
                else lang.t("signed")
            )
        if item.invoice:
            details.append(lang.t("attached_to", number=item.invoice))
        original = [lang.t("original", name=item.original_name), lang.size(item.size)]
        if item.added_at:
            original.append(lang.t("stored_on", date=lang.datetime(item.added_at)))
        parts = [f"<b>{lang.markup(item.title)}</b>"]
        if details:
            parts.append(lang.markup(" · ".join(details)))
        parts.append(lang.markup(" · ".join(original)))
        parts.append(
            f"{lang.markup(lang.t('sha'))} <font face={MONO} size=6.5>{escape(item.sha256)}</font>"
        )
        if entry.mismatch:
            parts.append(f"<font color='#b00000'><b>{lang.markup(lang.t('mismatch'))}</b></font>")
        if entry.reason:
            parts.append(
                f"<font color='#b00000'>{lang.markup(lang.t('not_included'))} "
                f"({lang.markup(lang.t(entry.reason))})</font>"
            )
        page = str(start)
        if entry.count > 1:
            count = lang.markup(lang.t("page_count", count=entry.count))
            page += f"<br/><font size=6.5>{count}</font>"
        rows.append(
            [
                Paragraph(str(number), styles.cell),
                Paragraph(lang.markup(lang.kind(item.kind)), styles.cell),
                Paragraph(lang.markup(lang.date(item.document_date)), styles.cell),
                Paragraph("<br/>".join(parts), styles.cell),
                Paragraph(page, styles.cell_right),
            ]
        )
    ratios = (0.05, 0.15, 0.12, 0.60, 0.08)
    table = tables.table(rows, [width * r for r in ratios], zebra=True, padding=3)
    return [table]


@dataclass(frozen=True, slots=True)
class _Cover:
    company: Party
    client: Party
    invoices: list[InvoiceLine]
    subject: str
    as_of: dt.date
    lang: _Lang


def _render_cover(
    cover: _Cover, prepared: list[_Prepared], starts: list[int], total_pages: int
) -> bytes:
    lang, fonts = cover.lang, cover.lang.fonts
    styles = _Styles(fonts)
    width = A4[0] - 2 * _MARGIN
    footer = Footer(
        left=lang.line(lang.t("footer", title=lang.t("title"), subject=cover.subject)),
        numbers=lang.t("page_of", n="{n}", total="{total}"),
        total=total_pages,
        margin=_MARGIN,
    )

    story: list[Any] = [
        Paragraph(lang.markup(lang.t("title")), styles.title),
        Paragraph(lang.markup(cover.subject), styles.subject),
        Paragraph(
            lang.markup(lang.t("prepared", date=lang.date(cover.as_of)))
            + " · "
            + lang.markup(lang.t("summary", documents=len(prepared), pages=total_pages)),
            styles.meta,
        ),
        Spacer(1, 5 * mm),
    ]
    parties = tables.boxes(
        [
            _party_block(cover.company, lang.t("creditor"), lang, styles),
            _party_block(cover.client, lang.t("debtor"), lang, styles),
        ],
        [width / 2 - 2 * mm, width / 2 - 2 * mm],
    )
    story.append(parties)
    story.append(Paragraph(lang.markup(lang.t("invoices")), styles.heading))
    story += _invoice_table(cover.invoices, cover.as_of, lang, styles, width)
    story.append(CondPageBreak(65 * mm))  # the heading and note go with the first rows
    story.append(Paragraph(lang.markup(lang.t("index")), styles.heading))
    story.append(Paragraph(lang.markup(lang.t("note")), styles.note))
    story += _index_table(prepared, starts, lang, styles, width)
    buffer = io.BytesIO()
    build(
        buffer,
        story,
        footer,
        margins=(_MARGIN, _MARGIN, _MARGIN, _MARGIN + 4 * mm),
    )
    return buffer.getvalue()


def _starts(prepared: list[_Prepared], cover_pages: int) -> list[int]:
    starts, page = [], cover_pages + 1
    for entry in prepared:
        starts.append(page)
        page += entry.count
    return starts


# -- assembling --------------------------------------------------------------------------------


class _MergeError(Exception):
    def __init__(self, position: int) -> None:
        super().__init__(position)
        self.position = position


def _pages_of(entry: _Prepared, placeholder: PdfReader | None, slot: int) -> list[PageObject]:
    if entry.reason:
        assert placeholder is not None
        return [placeholder.pages[slot]]
    assert entry.reader is not None
    return [entry.reader.pages[entry.first + n] for n in range(entry.count)]


def _assemble(cover: _Cover, prepared: list[_Prepared]) -> tuple[PdfWriter, int]:
    lang = cover.lang
    failed = [(n, e) for n, e in enumerate(prepared, start=1) if e.reason]
    placeholder = _not_included_pages(failed, lang)
    content_pages = sum(entry.count for entry in prepared)
    guess = 1
    for _attempt in range(6):  # the start pages depend on the cover's length: until stable
        pdf = PdfReader(
            io.BytesIO(
                _render_cover(cover, prepared, _starts(prepared, guess), guess + content_pages)
            )
        )
        cover_pages = len(pdf.pages)
        if cover_pages == guess:
            break
        guess = cover_pages
    writer = PdfWriter()
    for page in pdf.pages:
        writer.add_page(page)
    writer.add_outline_item(title=lang.t("index"), page_number=0)
    slot = 0
    for position, entry in enumerate(prepared):
        start = len(writer.pages)
        try:
            for page in _pages_of(entry, placeholder, slot):
                writer.add_page(page)
        except Exception as exc:
            log.info("cannot merge %s: %s", entry.item.path, exc)
            raise _MergeError(position) from exc
        if entry.reason:
            slot += 1
        writer.add_outline_item(
            title=f"{position + 1}. {lang.kind(entry.item.kind)} — {entry.item.title}",
            page_number=start,
        )
    return writer, cover_pages


def build_evidence(
    out: Path,
    *,
    company: Party,
    client: Party,
    invoices: list[InvoiceLine],
    items: list[EvidenceItem],
    as_of: dt.date,
    language: str = "fr",
    subject: str = "",
) -> EvidenceResult:
    """Write the evidence file to ``out`` (atomically) and say what it holds.

    Items are sorted by :data:`KIND_ORDER`, document date (undated last) and title.
    A document that cannot be read is replaced by one page saying so and its title
    is listed in ``skipped``; nothing here raises for a damaged attachment.
    """
    code = _language(language)
    lang = _Lang(code, _TEXTS[code], fonts())
    if not subject:
        subject = (
            lang.t("subject_invoice", number=invoices[0].number)
            if len(invoices) == 1
            else lang.t("subject_client", name=client.name)
        )
    cover = _Cover(company, client, list(invoices), subject, as_of, lang)
    ordered = sort_items(items)
    out = Path(out)
    tmp = out.with_suffix(".tmp")
    with tempfile.TemporaryDirectory(prefix="encaisse-evidence-") as workdir, binary_streams():
        prepared = _prepare(ordered, lang, Path(workdir))
        for _attempt in range(len(prepared) + 1):
            try:
                writer, cover_pages = _assemble(cover, prepared)
                break
            except _MergeError as error:  # rare: the page tree read, a page did not copy
                entry = prepared[error.position]
                entry.reason, entry.reader, entry.first, entry.count = "reason_pdf", None, 0, 1
        else:  # pragma: no cover - each attempt turns one more document into a placeholder
            raise RuntimeError("evidence file: merge did not settle")
        writer.add_metadata(
            {
                "/Title": f"{lang.t('title')} — {subject}",
                "/Author": company.name,
                "/Subject": subject,
                "/Creator": "Encaisse",
            }
        )
        writer.page_mode = "/UseOutlines"
        try:
            with open(tmp, "wb") as handle:
                writer.write(handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        pages = len(writer.pages)
    return EvidenceResult(
        pages=pages,
        cover_pages=cover_pages,
        documents=len(prepared),
        skipped=[entry.item.title for entry in prepared if entry.reason],
    )
