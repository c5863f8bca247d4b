"""The e-mail send queue (issue #13, point 10): an e-mail made for a dunning step whose
channel is e-mail waits here until it is sent (the queue lives in the book, so it survives a
restart); once sent, the row stays as the record of what went out, with its Message-ID.

The message itself (RFC 5322, the letter PDF attached) is kept as text: it is built 7-bit
(base64 and quoted-printable), so the text is exactly the bytes sent.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime

OUTBOX_STATUSES = ("queued", "sent")


class OutboxEmail(Base):
    __tablename__ = "email_outbox"
    __table_args__ = (
        CheckConstraint("status IN ('queued','sent')", name="status"),
        Index("ix_email_outbox_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    status: Mapped[str] = mapped_column(String(10))
    #: the letter's date, and the step it carries out (copied, as DunningRecord does)
    on: Mapped[dt.date] = mapped_column(Date)
    offset_days: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    with_penalties: Mapped[bool] = mapped_column(Boolean, default=False)
    label: Mapped[str] = mapped_column(String(100), default="")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    #: the invoices the step is done for, as a JSON list of ids
    invoice_ids: Mapped[str] = mapped_column(Text, default="[]")
    recipient: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(255))
    file_name: Mapped[str] = mapped_column(String(200))
    eml: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
