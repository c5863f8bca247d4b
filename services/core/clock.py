"""The one clock of the application.  Tests freeze it; nothing else calls date.today().

Frozen time (issue #12, point 5).  ``freeze`` / ``frozen`` take a date or an aware datetime:

- a **date** freezes the instant at :data:`FROZEN_TIME` (12:00:00) *local* time on that
  day; the time does not advance, so two calls of :func:`now` give the same instant and
  everything stamped under a frozen clock is deterministic (two backups made one after
  the other are ``book-YYYYMMDD-120000.zip`` and ``book-YYYYMMDD-120000-2.zip``);
- an **aware datetime** freezes exactly that instant (a naive one is refused: it would
  not say which time zone it means).

The ``ENCAISSE_TODAY`` environment variable (the command line's and the benchmarks'
frozen clock) accepts the same two forms in ISO 8601 — ``2026-03-15`` or
``2026-03-15T09:30:00+01:00`` — and behaves exactly like ``freeze``; :func:`freeze` wins
over it.

Stamps.  One form for every file this program names after the time (backups, the copy
kept before a migration, the damaged book set aside by a recovery, exports): :func:`stamp`
gives the *local* time as ``YYYYMMDD-HHMMSS``, and :func:`local_iso` the same instant as
ISO 8601 with its UTC offset (what manifests record as ``created_at``), so the local time
in a file name is stated unambiguously beside it.  :func:`parse_instant` reads both the
new manifests and older ones (``+00:00``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

#: The time of day a frozen *date* stands for, in local time.
FROZEN_TIME = dt.time(12, 0, 0)

#: The file-name stamp: local time, to the second.
STAMP_FORMAT = "%Y%m%d-%H%M%S"

_frozen: dt.datetime | None = None  # aware; None when the clock runs


def _instant(value: dt.date | dt.datetime) -> dt.datetime:
    """What a frozen date or datetime stands for: an aware instant."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"a frozen datetime must say its time zone: {value.isoformat()}")
        return value
    # a naive local datetime's astimezone() is that wall-clock time in the local zone
    return dt.datetime.combine(value, FROZEN_TIME).astimezone()


def _env_instant() -> dt.datetime | None:
    value = os.environ.get("ENCAISSE_TODAY")
    if not value:
        return None
    value = value.strip()
    if "T" in value or " " in value:
        return _instant(dt.datetime.fromisoformat(value))
    return _instant(dt.date.fromisoformat(value))


def _frozen_instant() -> dt.datetime | None:
    return _frozen if _frozen is not None else _env_instant()


def today() -> dt.date:
    """Today's date in local time (or the frozen day)."""
    instant = _frozen_instant()
    if instant is None:
        return dt.date.today()
    return instant.astimezone().date()


def now() -> dt.datetime:
    """The current instant, timezone-aware UTC (the frozen instant, when frozen)."""
    instant = _frozen_instant()
    if instant is None:
        return dt.datetime.now(dt.UTC)
    return instant.astimezone(dt.UTC)


def stamp(instant: dt.datetime | None = None) -> str:
    """The local time of ``instant`` (now by default) for a file name: ``YYYYMMDD-HHMMSS``."""
    return (instant or now()).astimezone().strftime(STAMP_FORMAT)


def local_iso(instant: dt.datetime | None = None) -> str:
    """``instant`` (now by default) in local time, ISO 8601 to the second with its UTC
    offset — e.g. ``2026-05-04T12:00:00+02:00`` beside a file stamped ``20260504-120000``."""
    return (instant or now()).astimezone().isoformat(timespec="seconds")


def parse_instant(text: str) -> dt.datetime:
    """An aware instant from a manifest's ``created_at``: the local form written today and
    the UTC form (``+00:00``) of older manifests; a time without offset is read as UTC,
    as every older manifest was written in UTC.  Raises ``ValueError`` on anything else."""
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def freeze(moment: dt.date | dt.datetime | None) -> None:
    """Freeze the clock on a date (at :data:`FROZEN_TIME` local) or an aware instant;
    ``None`` lets it run again (``ENCAISSE_TODAY`` still applies, if set)."""
    global _frozen
    _frozen = None if moment is None else _instant(moment)


@contextmanager
def frozen(moment: dt.date | dt.datetime) -> Iterator[None]:
    previous = _frozen
    freeze(moment)
    try:
        yield
    finally:
        freeze(previous)
