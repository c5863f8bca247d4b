"""The fonts of every document, registered once with reportlab.

DejaVu Sans is bundled (accents, €, no-break spaces); a machine whose bundle lost it uses
another TrueType font it has, else Helvetica. With Helvetica, characters outside
Windows-1252 cannot be drawn: :meth:`Fonts.printable` replaces them (base letter or "?")
and turns the narrow no-break spaces into plain ones.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from services.core.paths import resource_path

log = logging.getLogger(__name__)

REGULAR = "EncaisseSans"
BOLD = "EncaisseSans-Bold"
MONO = "Courier"  # the fingerprints are hex digits: the standard font always has them

#: (regular, bold) TrueType files tried in turn; all have accents, € and no-break spaces.
CANDIDATES: tuple[tuple[str, str], ...] = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("arial.ttf", "arialbd.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
)
FOLDERS: tuple[str, ...] = (
    str(resource_path("fonts")),
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/liberation-sans",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    "/System/Library/Fonts/Supplemental",
    os.path.join(os.environ.get("WINDIR", "C:\\Windows"), "Fonts"),
    *rl_config.TTFSearchPath,
)
_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003"
_BASE_LETTERS = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i"}


@dataclass(frozen=True, slots=True)
class Fonts:
    regular: str
    bold: str
    covers: Callable[[str], bool]  # does the regular font have a glyph for this character?

    @property
    def truetype(self) -> bool:
        return self.regular == REGULAR

    def amount(self, text: str) -> str:
        """An amount as this font draws it: Helvetica gets plain spaces for the no-break ones."""
        return text if self.truetype else text.replace("\u202f", " ").replace("\u00a0", " ")

    def printable(self, text: str) -> str:
        """``text`` with only characters the font can draw (and no control characters)."""
        out: list[str] = []
        for char in text:
            if char == "\n":
                out.append(char)
            elif char in "\t\r":
                out.append("" if char == "\r" else " ")
            elif unicodedata.category(char) in ("Cc", "Cf"):
                continue
            elif self.covers(char):
                out.append(char)
            elif char in _SPACES or char.isspace():
                out.append(" ")
            else:
                base = _BASE_LETTERS.get(char) or "".join(
                    c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
                )
                out.append(base if base and all(self.covers(c) for c in base) else "?")
        return "".join(out)


def _find(filename: str) -> str | None:
    for folder in FOLDERS:
        candidate = os.path.join(folder, filename)
        if os.path.isfile(candidate):
            return candidate
    return None


def _cp1252(char: str) -> bool:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _has_glyph(glyphs: dict[int, int]) -> Callable[[str], bool]:
    def covers(char: str) -> bool:
        return ord(char) in glyphs

    return covers


@cache
def fonts() -> Fonts:
    """The documents' fonts, registered on the first call (and again after
    ``fonts.cache_clear()``); <b> in platypus paragraphs switches to the bold face."""
    for regular_file, bold_file in CANDIDATES:
        regular_path = _find(regular_file)
        if regular_path is None:
            continue
        bold_path = _find(bold_file) or regular_path
        try:
            regular = TTFont(REGULAR, regular_path)
            bold = TTFont(BOLD, bold_path)
        except Exception as exc:  # noqa: BLE001 - a damaged or non-embeddable font: the next
            log.warning("font %s not usable: %s", regular_path, exc)
            continue
        pdfmetrics.registerFont(regular)
        pdfmetrics.registerFont(bold)
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )
        return Fonts(REGULAR, BOLD, _has_glyph(regular.face.charToGlyph))
    return Fonts("Helvetica", "Helvetica-Bold", _cp1252)


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
