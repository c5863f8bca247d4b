"""The tables of the platypus documents (agreement, claim summary, evidence file), in one
style: a grey header row repeated on each page, thin lines between the rows, a black line
above the totals; and framed boxes side by side (the parties, the signatures)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

GRID = colors.HexColor("#b0b0b0")
HEAD_BG = colors.HexColor("#e8e8e8")
ZEBRA = colors.HexColor("#f6f6f6")


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    right: Iterable[int] = (),
    totals: int = 0,
    zebra: bool = False,
    padding: float = 2.5,
) -> Table:
    """``rows[0]`` is the header; the last ``totals`` rows are totals. Cells are
    paragraphs (their style aligns them) or plain strings (``right`` columns aligned right)."""
    body = len(rows) - 1 - totals  # the rows between the header and the totals
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if body > 0:
        style.append(("LINEBELOW", (0, 1), (-1, body), 0.25, GRID))
    if totals:
        style.append(("LINEABOVE", (0, body + 1), (-1, body + 1), 0.8, colors.black))
    if zebra:
        style += [("BACKGROUND", (0, row), (-1, row), ZEBRA) for row in range(2, body + 1, 2)]
    style += [("ALIGN", (column, 0), (column, -1), "RIGHT") for column in right]
    out = Table([list(row) for row in rows], colWidths=list(widths), repeatRows=1)
    out.setStyle(TableStyle(style))
    return out


def boxes(cells: Sequence[Any], widths: Sequence[float], *, height: float | None = None) -> Table:
    """Framed boxes side by side, on one row (the creditor and the debtor, two signatures)."""
    out = Table(
        [list(cells)],
        colWidths=list(widths),
        rowHeights=[height] if height is not None else None,
        hAlign="LEFT",
    )
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    style += [("BOX", (n, 0), (n, 0), 0.5, GRID) for n in range(len(cells))]
    out.setStyle(TableStyle(style))
    return out
