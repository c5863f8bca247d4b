"""Text helpers: search keys that ignore case and accents, and the checks that keep
identifiers and free texts free of invisible and control characters (issue #11, point 6)."""

from __future__ import annotations

import functools
import re
import unicodedata

from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP

MSG_IDENTIFIER_CHAR = QT_TRANSLATE_NOOP(
    "Messages",
    "contains an invisible, control or no-break character (U+{code}, character {position}); "
    "type it again with ordinary characters.",
)
MSG_CONTROL_CHAR = QT_TRANSLATE_NOOP(
    "Messages",
    "contains a control character (U+{code}, character {position}), which is not allowed here.",
)
MSG_NON_ASCII_DIGITS = QT_TRANSLATE_NOOP(
    "Messages", "'{value}' holds digits other than 0-9; type it again with the digits 0 to 9."
)

#: Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt) that are not
#: already of category Cf: they display as nothing (fillers, variation selectors).
_IGNORABLE = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0FFF),
)
#: bidirectional embeddings, overrides and isolates (Cf): they reorder what follows them
_BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))


def fold(text: str) -> str:
    """Casefolded text without accents: 'Émile Zola' -> 'emile zola'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def search_key(*parts: str | None) -> str:
    return " ".join(fold(p) for p in parts if p)


def nfc(text: str | None) -> str:
    """``text`` in Unicode's composed form (NFC), trimmed: 'e' + U+0301 is 'é'."""
    return unicodedata.normalize("NFC", text or "").strip()


def _ignorable(code: int) -> bool:
    return any(low <= code <= high for low, high in _IGNORABLE)


def identifier_refuses(ch: str) -> bool:
    """True for a character a code or a number may not hold: control (Cc), format (Cf:
    zero-width, bidirectional controls, word joiner, BOM), surrogate, private or unassigned,
    line and paragraph separators, any space but the ordinary one (no-break spaces U+00A0,
    U+2007, U+202F…), and Unicode's other default-ignorable characters."""
    if ch == " ":
        return False
    category = unicodedata.category(ch)
    return category[0] in "CZ" or _ignorable(ord(ch))


def text_refuses(ch: str, multiline: bool = False) -> bool:
    """True for a character a name or a free text may not hold: control characters (tab and
    newline only in a multi-line text), line/paragraph separators, bidirectional overrides."""
    if multiline and ch in "\t\n":
        return False
    category = unicodedata.category(ch)
    return category in ("Cc", "Cs", "Zl", "Zp") or ord(ch) in _BIDI_CONTROLS


def clean_identifier(value: object, field: str) -> str:
    """A client code or an invoice number: NFC, trimmed; a UserError naming ``field`` when it
    holds a character :func:`identifier_refuses` (two codes that look the same must be one)."""
    text = nfc(str(value or ""))
    # str.isprintable() is false for every Other and Separator character but the space: only
    # a text it refuses, or one beyond ASCII (default-ignorable letters), is looked at closely
    if text.isprintable() and text.isascii():
        return text
    for position, ch in enumerate(text, start=1):
        if identifier_refuses(ch):
            raise UserError(
                MSG_IDENTIFIER_CHAR, field=field, code=f"{ord(ch):04X}", position=str(position)
            )
    return text


def clean_text(value: object, field: str, *, multiline: bool = False) -> str:
    """A name or a free text: NFC, trimmed, line ends made ``\\n``; a UserError naming
    ``field`` when it holds a control character (tabs and newlines allowed only when
    ``multiline``: notes and addresses)."""
    text = nfc(str(value or ""))
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isprintable():  # no Other or Separator character but the space: nothing refused
        return text
    for position, ch in enumerate(text, start=1):
        if text_refuses(ch, multiline):
            raise UserError(
                MSG_CONTROL_CHAR, field=field, code=f"{ord(ch):04X}", position=str(position)
            )
    return text


def has_non_ascii_digit(text: str) -> bool:
    """True when ``text`` holds a digit other than 0-9 (Arabic-Indic, full-width…), which
    Python's ``int()`` and ``Decimal()`` would silently accept."""
    return not text.isascii() and any(ch.isdigit() and not ch.isascii() for ch in text)


def check_ascii_digits(text: str, field: str) -> None:
    if has_non_ascii_digit(text):
        raise UserError(MSG_NON_ASCII_DIGITS, field=field, value=text)


def visible(text: str, keep: str = "") -> str:
    """``text`` with every control, format, separator or surrogate character (but those in
    ``keep``) replaced by a visible ``\\uXXXX`` escape (a surrogate pair beyond the BMP,
    so that it stays valid inside a JSON string)."""
    return _unusual(keep).sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if not (unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") or _ignorable(ord(ch))):
        return ch
    code = ord(ch)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


@functools.lru_cache(maxsize=8)
def _unusual(keep: str) -> re.Pattern[str]:
    """A character outside the usual text, which holds none to escape: printable ASCII,
    Latin/Greek/Cyrillic/Hebrew letters (U+00A0-U+05FF but the soft hyphen U+00AD and the
    grapheme joiner U+034F), general
    punctuation (dashes, curly quotes, ellipsis; not the zero-width and bidi controls
    U+200B-U+200F, U+2028-U+202E, U+2060-U+206F), currency and letter-like symbols. Only
    these few characters are looked up (a 50 MB JSON of French names stays fast)."""
    allowed = "".join(re.escape(c) for c in keep)
    return re.compile(
        f"[^{allowed} -~\u00a0-\u00ac\u00ae-\u034e\u0350-\u05ff\u2010-\u2027"
        f"\u2030-\u205f\u20a0-\u20cf\u2100-\u214f]"
    )
