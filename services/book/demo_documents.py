"""Proof documents for the demo book: CGV versions, clients' acceptances, signed quotes
and purchase orders (PDF), signed delivery notes (scanned JPEG) — and, on purpose,
invoices without them, so the "proof missing" filter has something to show.

The files are generated (reportlab, Pillow), copied into the store like any other
document, and recorded inside the demo's transaction.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import random
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import CgvVersion
from services.core import clock, history
from services.core.money import format_money
from services.core.paths import resource_path
from services.proof import documents, store
from services.proof.documents import Meta


@dataclass(frozen=True, slots=True)
class DemoInvoice:
    invoice_id: int
    client_id: int
    client_name: str
    client_kind: str
    number: str
    issue: dt.date
    delivery: dt.date | None
    total: Decimal
    po_number: str


def _pdf(path: Path, title: str, lines: Sequence[str], signed: str = "") -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, height - 80, title)
    c.setFont("Helvetica", 11)
    y = height - 120
    for line in lines:
        c.drawString(60, y, line)
        y -= 18
    if signed:
        c.setFont("Helvetica-Oblique", 11)
        c.drawString(60, 140, "Bon pour accord — lu et approuvé")
        c.drawString(60, 122, signed)
        c.setStrokeColorRGB(0.1, 0.2, 0.6)
        c.bezier(300, 130, 330, 170, 360, 100, 420, 140)
    c.showPage()
    c.save()
    return path


@functools.cache
def _font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The bundled DejaVu Sans (French accents), else Pillow's own font."""
    try:
        return ImageFont.truetype(str(resource_path("fonts", "DejaVuSans.ttf")), 15)
    except OSError:
        return ImageFont.load_default(15)


def _scan(path: Path, lines: Sequence[str], rng: random.Random) -> Path:
    """A greyish A4 'scan' of a signed delivery note."""
    image = Image.new("L", (620, 877), 238 + rng.randint(0, 10))
    draw = ImageDraw.Draw(image)
    font = _font()
    y = 50
    for line in lines:
        draw.text((50, y), line, fill=25, font=font)
        y += 24
    draw.text((50, 760), "Reçu conforme, le client :", fill=25, font=font)
    x = 260
    for _ in range(6):  # a scribbled signature
        nx = x + rng.randint(15, 30)
        draw.line((x, 770 + rng.randint(-12, 12), nx, 770 + rng.randint(-12, 12)), fill=40, width=2)
        x = nx
    buffer = io.BytesIO()
    image.rotate(rng.uniform(-0.8, 0.8), fillcolor=240).save(buffer, "JPEG", quality=55)
    path.write_bytes(buffer.getvalue())
    return path


def add(
    session: Session,
    today: dt.date,
    company_name: str,
    invoices: Sequence[DemoInvoice],
    clients: Sequence[tuple[int, str, str]],
    seed: int,
) -> int:
    """Create the demo's documents; return how many were attached."""
    rng = random.Random(seed + 7)
    the = documents.the_store()
    limit = 50 * 1_048_576
    count = 0
    ingested: list[store.Ingested] = []
    try:
        with tempfile.TemporaryDirectory(prefix="encaisse-demo-") as tmp:
            folder = Path(tmp)

            def keep(path: Path) -> store.Ingested:
                item = the.ingest(path, max_bytes=limit)
                ingested.append(item)
                return item

            # two versions of the company's CGV
            versions: list[CgvVersion] = []
            for year in (today.year - 1, today.year):
                start = dt.date(year, 1, 1)
                label = f"CGV {year}"
                existing = session.scalars(
                    select(CgvVersion).where(
                        (CgvVersion.in_force_from == start) | (CgvVersion.label == label)
                    )
                ).first()
                if existing is not None:  # demo added to a book that keeps its own versions
                    versions.append(existing)
                    continue
                pdf = _pdf(
                    folder / f"cgv-{year}.pdf",
                    f"Conditions générales de vente — {year}",
                    [
                        company_name,
                        f"En vigueur à compter du {start:%d/%m/%Y}.",
                        "Art. 1 — Les présentes conditions s'appliquent à toute commande.",
                        "Art. 2 — Paiement à 30 jours à compter de la date d'émission"
                        " de la facture.",
                        "Art. 3 — Tout retard entraîne des pénalités au taux BCE + 10 points",
                        "          et une indemnité forfaitaire de 40 € pour frais"
                        " de recouvrement.",
                        "Art. 4 — Réserve de propriété jusqu'au paiement intégral du prix.",
                    ],
                )
                version = CgvVersion(
                    label=label, in_force_from=start, notes="", created_at=clock.now()
                )
                session.add(version)
                session.flush()
                history.record(
                    session,
                    "cgv_version",
                    version.id,
                    "cgv_version_added",
                    label=label,
                    details={"in_force_from": start},
                )
                documents.attach_in_session(
                    session,
                    documents.Owner(cgv_version_id=version.id),
                    keep(pdf),
                    Meta("cgv", label, start),
                    checked=True,
                )
                count += 1
                versions.append(version)
            # most business clients signed the CGV, some only the older version
            for client_id, name, kind in clients:
                if kind == "consumer" or rng.random() < 0.2:
                    continue
                chosen = versions if rng.random() < 0.75 else versions[:1]
                for version in chosen:
                    on = version.in_force_from - dt.timedelta(days=rng.randint(0, 20))
                    pdf = _pdf(
                        folder / f"cgv-{client_id}-{version.id}.pdf",
                        f"{version.label} — exemplaire signé",
                        [name, company_name],
                        signed=f"Signé le {on:%d/%m/%Y} pour {name}",
                    )
                    doc = documents.attach_in_session(
                        session,
                        documents.Owner(client_id=client_id),
                        keep(pdf),
                        Meta("cgv", f"{version.label} signées", on, True, on),
                        checked=True,
                    )
                    documents.accept_in_session(session, client_id, version, on, doc.id)
                    count += 1
            # orders and delivery notes on most invoices
            for inv in invoices:
                owner = documents.Owner(invoice_id=inv.invoice_id)
                if rng.random() < 0.7:
                    kind = "purchase_order" if inv.po_number else "quote"
                    when = inv.issue - dt.timedelta(days=rng.randint(7, 40))
                    title = (
                        f"Bon de commande {inv.po_number}"
                        if inv.po_number
                        else f"Devis D-{inv.number[-4:]}"
                    )
                    pdf = _pdf(
                        folder / f"order-{inv.invoice_id}.pdf",
                        title,
                        [
                            f"{company_name} — pour {inv.client_name}",
                            f"Montant TTC : {format_money(inv.total)}".replace(
                                "\u202f", " "
                            ).replace("\u00a0", " "),
                            f"Date : {when:%d/%m/%Y}",
                        ],
                        signed=f"Signé le {when:%d/%m/%Y}",
                    )
                    documents.attach_in_session(
                        session, owner, keep(pdf), Meta(kind, title, when, True, when), checked=True
                    )
                    count += 1
                if rng.random() < 0.6:
                    when = inv.delivery or inv.issue
                    scan = _scan(
                        folder / f"bl-{inv.invoice_id}.jpg",
                        [
                            f"BON DE LIVRAISON BL-{inv.number[-4:]}",
                            company_name,
                            f"Client : {inv.client_name}",
                            f"Livré le {when:%d/%m/%Y}",
                            f"Facture {inv.number}",
                        ],
                        rng,
                    )
                    documents.attach_in_session(
                        session,
                        owner,
                        keep(scan),
                        Meta("delivery_note", f"BL-{inv.number[-4:]}", when, True, when),
                        checked=True,
                    )
                    count += 1
    except BaseException:
        documents.forget(ingested)
        raise
    return count
