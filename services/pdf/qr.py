"""The EPC QR code ("SEPA credit transfer", EPC069-12 version 002) that pre-fills a bank
transfer: made by ``segno.helpers.make_epc_qr``, drawn as a small black-and-white image."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

import segno
from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True, slots=True)
class Transfer:
    """What the code asks the payer's bank to send: always euros (EPC QR codes know no
    other currency); ``reference`` goes in the unstructured remittance text."""

    name: str
    iban: str
    amount: Decimal
    reference: str
    bic: str = ""


def epc_qr(transfer: Transfer) -> segno.QRCode | None:
    """The QR code of ``transfer`` (UTF-8, error correction M), or None when the EPC rules
    leave no valid code (an amount over 999,999,999.99 €, no name, no IBAN). A BIC of the
    wrong length is left out (it is optional within the EEA)."""
    from segno.helpers import make_epc_qr

    name = transfer.name.strip()[:70]
    iban = transfer.iban.replace(" ", "").upper()
    text = transfer.reference.strip()[:140]
    bic = transfer.bic.replace(" ", "").upper()
    for with_bic in [bic, ""] if bic else [""]:
        try:
            return make_epc_qr(
                name, iban, transfer.amount, text=text, bic=with_bic or None, encoding="utf-8"
            )
        except ValueError:
            continue
    return None


def png(code: segno.QRCode, scale: int = 4) -> bytes:
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def draw(c: Canvas, code: segno.QRCode, x: float, y: float, size: float) -> None:
    """Draw the code as a small black-and-white image, its modules kept square (8 px
    each, no smoothing needed): a few hundred bytes in the PDF, quick to write."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    matrix = code.matrix
    n = len(matrix) + 4  # a quiet zone of two modules
    image = Image.new("1", (n, n), 1)
    pixels = image.load()
    assert pixels is not None
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            if dark:
                pixels[col + 2, row + 2] = 0
    image = image.resize((n * 8, n * 8), Image.Resampling.NEAREST)
    c.drawImage(ImageReader(image), x, y, size, size)
