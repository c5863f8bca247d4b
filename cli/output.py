"""What the command line prints: lines, JSON and aligned tables, every one escaped.

Everything goes through :func:`write`, which shows a control or format character (a
terminal escape, a bidi override in a client's name…) as ``\\uXXXX``, never raw (issue #11).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from services.core.text import visible


def write(stream: TextIO, text: str) -> None:
    """Write ``text``, its control and format characters (a terminal escape, a bidi
    override in a client's name…) shown as ``\\uXXXX``, never raw; newlines kept, so JSON
    stays valid: the escape means the same character there (issue #11)."""
    text = visible(text, keep="\n")
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a console that cannot show every character
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, errors="replace").decode(encoding))


def out(text: str = "") -> None:
    """One line of output: a newline inside ``text`` (a name from an old book) is escaped."""
    write(sys.stdout, visible(text) + "\n")


def err(text: str) -> None:
    """One line on stderr, escaped as :func:`out`."""
    write(sys.stderr, visible(text) + "\n")


def one_line(text: str) -> str:
    """A message of several lines as one: its non-blank lines joined by '; '."""
    return "; ".join(part.strip() for part in text.splitlines() if part.strip())


def print_json(payload: dict[str, Any]) -> None:
    """``payload`` as one line of JSON on stdout."""
    # No indent: the C encoder, fast on 200,000 invoices.
    try:
        write(sys.stdout, json.dumps(payload, ensure_ascii=False) + "\n")
    except UnicodeEncodeError:  # pragma: no cover - write replaces; kept for safety
        write(sys.stdout, json.dumps(payload) + "\n")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """Aligned text columns (the columns in ``right``, numbers, right-aligned)."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def fmt(cells: Sequence[str]) -> str:
        cols = [
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)
        ]
        return "  ".join(cols).rstrip()

    lines = [fmt(headers), "  ".join("-" * w for w in widths)]
    lines.extend(fmt(row) for row in rows)
    return lines


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> None:
    """:func:`table`, printed."""
    for line in table(headers, rows, right):
        out(line)


def clip(text: str, width: int = 32) -> str:
    """``text`` cut to ``width`` characters, an ellipsis marking the cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def plural(n: int, word: str) -> str:
    """'1 invoice', '2 invoices'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
