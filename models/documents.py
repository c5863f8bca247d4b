"""Proof documents: files copied into the application's store, linked to
clients, invoices or the company's own terms of sale (CGV).

The bytes live in a content-addressed store beside the database
(``services.proof.store``); a row here says what the file is and where it belongs.
``StoredFile`` has one row per distinct content, so the same scan attached
twice is stored once.  A document is never overwritten: replacing it adds a
new row that points at the one it replaces, whose ``superseded_at`` is set.
Deleting moves it to the trash (``deleted_at``); after 30 days it may be
purged.  shared/domain.md §8.2: a faithful, durable copy identified by its
SHA-256 fingerprint.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime

DOCUMENT_KINDS = (
    "cgv",
    "quote",
    "purchase_order",
    "delivery_note",
    "contract",
    "invoice_copy",
    "acknowledgment",
    "correspondence",
    "other",
)


class StoredFile(Base):
    """One distinct content in the store, named by its SHA-256."""

    __tablename__ = "stored_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100))
    stored_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class CgvVersion(Base):
    """A version of the company's general terms of sale, in force from a date."""

    __tablename__ = "cgv_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(100), unique=True)
    in_force_from: Mapped[dt.date] = mapped_column(Date, unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('cgv','quote','purchase_order','delivery_note','contract',"
            "'invoice_copy','acknowledgment','correspondence','other')",
            name="kind",
        ),
        CheckConstraint("client_id IS NOT NULL OR cgv_version_id IS NOT NULL", name="owner"),
        CheckConstraint("size > 0", name="size_positive"),
        Index("ix_documents_invoice", "invoice_id"),
        Index("ix_documents_client", "client_id"),
        Index("ix_documents_sha256", "sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # an invoice's documents also carry the invoice's client
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="RESTRICT"), nullable=True
    )
    invoice_id: Mapped[int | None] = mapped_column(
        ForeignKey("invoices.id", ondelete="RESTRICT"), nullable=True
    )
    # the company's own CGV text for that version
    cgv_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("cgv_versions.id", ondelete="RESTRICT"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200), default="")
    document_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    signed: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    original_name: Mapped[str] = mapped_column(String(255), default="")
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256", ondelete="RESTRICT"))
    # a PDF that pypdf could not parse (scanners produce odd files)
    unreadable: Mapped[bool] = mapped_column(Boolean, default=False)
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    added_by: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    replaces_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="RESTRICT"), nullable=True
    )
    superseded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CgvAcceptance(Base):
    """A client accepted (signed) a given version of the CGV on a date."""

    __tablename__ = "cgv_acceptances"
    __table_args__ = (UniqueConstraint("client_id", "cgv_version_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    cgv_version_id: Mapped[int] = mapped_column(ForeignKey("cgv_versions.id", ondelete="RESTRICT"))
    accepted_on: Mapped[dt.date] = mapped_column(Date)
    # the signed copy, when there is one
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
