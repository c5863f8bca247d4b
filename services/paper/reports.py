"""Reports the owner prints for themself (issue #14): the aged balance on A4 landscape.

Built on the one PDF base (services.pdf): the page template with its footer and page
numbers, the table helper, the bundled fonts; amounts in each row's own currency, formatted
for the report's language.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from services.core import company
from services.ledger.aged import UNALLOCATED, Aged
from services.pdf import formats, page, tables
from services.pdf.fonts import fonts

_TEXTS = {
    "fr": {
        "title": "Balance âgée au {date}",
        "intro": "Reste dû par client et par devise selon le nombre de jours écoulés depuis "
        "l’échéance ; les avoirs non imputés et les règlements non affectés sont à part "
        "(colonne « Non affecté », en négatif). Les devises ne sont jamais additionnées.",
        "client": "Client",
        "currency": "Devise",
        "not_due": "Non échu",
        "over": "> {days} j",
        "band": "{low}–{high} j",
        "unallocated": "Non affecté",
        "total": "Total",
        "totals": "Total {currency}",
        "empty": "Rien n’est ouvert à cette date.",
    },
    "en": {
        "title": "Aged balance as of {date}",
        "intro": "What each client owes, per currency, by days past the due date; unapplied "
        "credit notes and unallocated payments apart (the “Unallocated” column, negative). "
        "Currencies are never added together.",
        "client": "Client",
        "currency": "Currency",
        "not_due": "Not due",
        "over": "> {days} d",
        "band": "{low}–{high} d",
        "unallocated": "Unallocated",
        "total": "Total",
        "totals": "Total {currency}",
        "empty": "Nothing is open on this date.",
    },
}


def _label(name: str, t: dict[str, str]) -> str:
    if name == "not_due":
        return t["not_due"]
    if name == UNALLOCATED:
        return t["unallocated"]
    if name.startswith("over_"):
        return t["over"].format(days=name[5:])
    low, high = name.split("_")
    return t["band"].format(low=low, high=high)


def aged_pdf(aged: Aged, out: Path, language: str = "fr") -> int:
    """The aged balance on A4 landscape pages; returns the number of pages."""
    t = _TEXTS["en" if language == "en" else "fr"]
    regular, bold = fonts().regular, fonts().bold
    styles = {
        "title": ParagraphStyle("title", fontName=bold, fontSize=14, leading=18, spaceAfter=4),
        "p": ParagraphStyle("p", fontName=regular, fontSize=8.5, leading=11, spaceAfter=4),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=7.5, leading=9.5),
        "cellb": ParagraphStyle("cellb", fontName=bold, fontSize=7.5, leading=9.5),
        "cellr": ParagraphStyle("cellr", fontName=regular, fontSize=7.5, leading=9.5, alignment=2),
        "cellbr": ParagraphStyle("cellbr", fontName=bold, fontSize=7.5, leading=9.5, alignment=2),
    }
    me = company.get_company()
    date = formats.long_date(aged.as_of, language)
    story: list[Flowable] = [
        Paragraph(escape(t["title"].format(date=date)), styles["title"]),
        Paragraph(escape(me.name), styles["p"]),
        Paragraph(escape(t["intro"]), styles["p"]),
        Spacer(1, 2 * mm),
    ]
    columns = [*aged.buckets, UNALLOCATED]
    header = [t["client"], t["currency"], *(_label(c, t) for c in columns), t["total"]]

    def money(value: Decimal, currency: str, style: str = "cellr", blank: bool = True) -> Paragraph:
        """An amount, right-aligned; a band with nothing in it left blank (easier to read)."""
        text = "" if blank and not value else formats.money(value, currency, language)
        return Paragraph(escape(fonts().amount(text)), styles[style])

    rows: list[list[object]] = [
        [Paragraph(escape(h), styles["cellb" if n < 2 else "cellbr"]) for n, h in enumerate(header)]
    ]
    for r in aged.rows:
        name = f"{r.client} — {r.name}" if r.name else r.client
        rows.append(
            [
                Paragraph(escape(name), styles["cell"]),
                Paragraph(r.currency, styles["cell"]),
                *(money(r.amounts[c], r.currency) for c in columns),
                money(r.total, r.currency, blank=False),
            ]
        )
    for currency, total in aged.totals.items():
        rows.append(
            [
                Paragraph(escape(t["totals"].format(currency=currency)), styles["cellb"]),
                Paragraph(currency, styles["cellb"]),
                *(money(total.amounts[c], currency, "cellbr", blank=False) for c in columns),
                money(total.total, currency, "cellbr", blank=False),
            ]
        )
    if not aged.rows:
        story.append(Paragraph(escape(t["empty"]), styles["p"]))
    else:
        width = landscape(A4)[0] - 2 * page.MARGIN
        amount_w = 24 * mm
        first = width - 14 * mm - amount_w * (len(columns) + 1)
        widths = [first, 14 * mm, *([amount_w] * (len(columns) + 1))]
        right = range(2, len(header))
        story.append(tables.table(rows, widths, right=right, totals=len(aged.totals)))
    title = t["title"].format(date=date)
    return page.build(
        out,
        story,
        page.Footer(left=f"{me.name} — {title}"),
        title=title,
        author=me.name,
        pagesize=landscape(A4),
    )
