"""Text helpers: search keys that ignore case and accents."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Casefolded text without accents: 'Émile Zola' -> 'emile zola'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def search_key(*parts: str | None) -> str:
    return " ".join(fold(p) for p in parts if p)
