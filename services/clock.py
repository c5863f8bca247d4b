"""The one clock of the application.  Tests freeze it; nothing else calls date.today()."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

_frozen: dt.date | None = None


def _env_today() -> dt.date | None:
    value = os.environ.get("ENCAISSE_TODAY")
    return dt.date.fromisoformat(value) if value else None


def today() -> dt.date:
    """Today's date in local time (or the frozen date)."""
    if _frozen is not None:
        return _frozen
    return _env_today() or dt.date.today()


def now() -> dt.datetime:
    """The current instant, timezone-aware UTC (on the frozen day, when frozen)."""
    real = dt.datetime.now(dt.timezone.utc)
    if _frozen is not None:
        return dt.datetime.combine(_frozen, real.timetz())
    return real


def freeze(day: dt.date | None) -> None:
    global _frozen
    _frozen = day


@contextmanager
def frozen(day: dt.date) -> Iterator[None]:
    previous = _frozen
    freeze(day)
    try:
        yield
    finally:
        freeze(previous)
