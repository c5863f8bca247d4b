"""Declarative base and the column types every model shares.

Money is stored as integer cents (SQLite has no native decimal: a Numeric
column would come back as a float converted to Decimal) and exposed to
Python as a ``Decimal`` with two places.  Floats are refused outright.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

CENT = Decimal("0.01")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Money(TypeDecorator[Decimal]):
    """A ``Decimal`` amount stored as integer cents."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money must never be a float")
        if isinstance(value, int):
            value = Decimal(value)
        if not isinstance(value, Decimal):
            raise TypeError(f"money must be a Decimal, not {type(value).__name__}")
        cents = value * 100
        if cents != cents.to_integral_value():
            # rounding here would hide a bug that computed a fraction of a cent (1.005 is not
            # 1.01): the services round where the rule says, then store (issue #12, point 4)
            raise ValueError(f"money must be a whole number of cents, not {value}")
        return int(cents)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timestamps stored as naive UTC, returned as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        stamp: dt.datetime = value
        if stamp.tzinfo is not None:
            stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
        return stamp

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        stamp: dt.datetime = value
        return stamp.replace(tzinfo=dt.UTC)
