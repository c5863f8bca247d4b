"""One page template for every document: the letterhead, the footer and the page numbers
("page x / y"), for letters drawn on a canvas and platypus documents alike.

:class:`PageCanvas` holds its pages until it is saved, then draws the footer on each one,
now that the number of pages is known: no second rendering to learn it. Everything is
written in reportlab's invariant mode (no creation date, no random document ID): the same
document from the same data gives the same bytes, from the window or the command line.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from services.pdf.fonts import fit, fonts
from services.pdf.parties import Party

PAGE_W, PAGE_H = A4
MARGIN = 20 * mm
FOOTER_Y = 12 * mm  # baseline of the footer, from the bottom of the page
FOOTER_SIZE = 7.5
FOOTER_COLOUR = colors.grey


@dataclass(frozen=True, slots=True)
class Footer:
    """What the bottom of each page says: ``left`` (the document, cut to fit) and the page
    number, ``numbers`` formatted with ``n`` and ``total``."""

    left: str = ""
    numbers: str = "page {n} / {total}"
    total: int | None = None  # None: this document's own number of pages
    alone: bool = True  # also number a document of one page
    margin: float = MARGIN


class PageCanvas(Canvas):
    """A canvas that draws the footer on every page when it is saved."""

    def __init__(self, *args: Any, footer: Footer | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("invariant", 1)
        super().__init__(*args, **kwargs)
        self.size: tuple[float, float] = tuple(kwargs.get("pagesize", A4))
        self.footer = footer or Footer()
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's API
        self._held.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = self.footer.total or len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        footer = self.footer
        regular = fonts().regular
        page_w = self.size[0]
        right = footer.numbers.format(n=number, total=total) if total > 1 or footer.alone else ""
        self.saveState()
        self.setFont(regular, FOOTER_SIZE)
        self.setFillColor(FOOTER_COLOUR)
        if right:
            self.drawRightString(page_w - footer.margin, FOOTER_Y, right)
        if footer.left:
            room = (
                page_w
                - 2 * footer.margin
                - pdfmetrics.stringWidth(right, regular, FOOTER_SIZE)
                - 8 * mm
            )
            left = fonts().printable(" ".join(footer.left.split()))
            self.drawString(footer.margin, FOOTER_Y, fit(left, regular, FOOTER_SIZE, room))
        self.restoreState()


@contextmanager
def binary_streams() -> Iterator[None]:
    """Have reportlab write binary streams, not ASCII85 text (a quarter smaller, quicker to
    write). The setting is process-wide, so it is restored afterwards."""
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


@dataclass(slots=True)
class Letterhead:
    """What :func:`draw_letterhead` drew: the lines of text, and where the next line goes."""

    y: float
    texts: list[str] = field(default_factory=list)


def draw_letterhead(c: Canvas, company: Party, margin: float = MARGIN) -> Letterhead:
    """On an A4 page: the company's name, legal form, address, identifiers and contacts top
    left, its logo top right (when there is one that reads)."""
    regular, bold = fonts().regular, fonts().bold
    page_w, page_h = PAGE_W, PAGE_H
    if company.logo:
        try:
            from reportlab.lib.utils import ImageReader

            logo = ImageReader(company.logo)
            width, height = logo.getSize()
            box_w, box_h = 45 * mm, 22 * mm
            scale = min(box_w / width, box_h / height)
            c.drawImage(
                logo,
                page_w - margin - width * scale,
                page_h - 12 * mm - height * scale,
                width * scale,
                height * scale,
                mask="auto",
            )
        except Exception:  # noqa: BLE001 - a logo that does not read never stops a document
            pass
    head = Letterhead(page_h - 18 * mm)
    c.setFont(bold, 14)
    c.drawString(margin, head.y, company.name)
    head.texts.append(company.name)
    head.y -= 5 * mm
    for line in [
        company.legal_form,
        *company.address.splitlines(),
        f"{company.postcode} {company.city}".strip(),
        " — ".join(
            v
            for v in (
                f"SIREN {company.siren}" if company.siren else "",
                f"TVA {company.vat_number}" if company.vat_number else "",
            )
            if v
        ),
        " — ".join(v for v in (company.phone, company.email) if v),
    ]:
        if line.strip():
            c.setFont(regular, 8.5)
            c.drawString(margin, head.y, line)
            head.texts.append(line)
            head.y -= 4 * mm
    return head


def canvas(target: io.BytesIO, footer: Footer, title: str = "", author: str = "") -> PageCanvas:
    """An A4 canvas with the page template, for a document drawn by hand (a letter)."""
    c = PageCanvas(target, pagesize=A4, footer=footer)
    c.setTitle(title)
    c.setAuthor(author)
    return c


def build(
    target: Path | io.BytesIO,
    story: Sequence[Flowable],
    footer: Footer,
    *,
    title: str = "",
    author: str = "",
    margins: tuple[float, float, float, float] = (MARGIN, MARGIN, 18 * mm, 18 * mm),
    pagesize: tuple[float, float] = A4,
) -> int:
    """Lay ``story`` out on A4 pages with the page template and write it to ``target`` (a
    file is replaced at once, never left half-written); returns the number of pages.
    ``margins`` are left, right, top and bottom; ``pagesize`` A4 upright unless given
    (``landscape(A4)`` for a wide table)."""
    left, right, top, bottom = margins
    tmp = target.with_suffix(".tmp") if isinstance(target, Path) else None
    if isinstance(target, Path):
        target.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(tmp) if tmp is not None else target,  # type: ignore[arg-type]
        pagesize=pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        invariant=1,
    )
    with binary_streams():
        try:
            doc.build(list(story), canvasmaker=partial(PageCanvas, footer=footer))
        except BaseException:
            if tmp is not None:
                tmp.unlink(missing_ok=True)
            raise
    if tmp is not None and isinstance(target, Path):
        tmp.replace(target)
    return int(doc.page)
