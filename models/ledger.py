"""The receivables ledger: company, clients, invoices, payments, allocations, events.

Invoices and credit notes share one table (``kind``).  Amounts are stored
positive; the sign comes from the kind.  ``allocated`` on invoices and
payments is a denormalised running total of the *active* allocations,
kept in step by ``services.ledger.payments`` inside the same transaction; the
as-of views recompute from the allocations themselves.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Money, UTCDateTime

CLIENT_KINDS = ("pro", "consumer", "nonprofit", "public")
INVOICE_KINDS = ("invoice", "credit_note")
PAYMENT_METHODS = ("transfer", "cheque", "card", "cash", "direct_debit", "bill_of_exchange")
LANGUAGES = ("fr", "en")


class Company(Base):
    """The user's own business (one row, id = 1)."""

    __tablename__ = "company"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    legal_form: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="FR")
    siren: Mapped[str] = mapped_column(String(9), default="")
    siret: Mapped[str] = mapped_column(String(14), default="")
    vat_number: Mapped[str] = mapped_column(String(20), default="")
    iban: Mapped[str] = mapped_column(String(34), default="")
    bic: Mapped[str] = mapped_column(String(11), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    logo_path: Mapped[str] = mapped_column(Text, default="")
    default_terms: Mapped[str] = mapped_column(String(100), default="30 jours")
    # shared/domain.md §1.2: "N jours fin de mois" method A = EOM(d + N), B = EOM(d) + N
    eom_method: Mapped[str] = mapped_column(String(1), default="A")
    # what identifies the creditor on letters and claims (migration 0008, issue #13)
    share_capital: Mapped[str] = mapped_column(String(40), default="")
    register_kind: Mapped[str] = mapped_column(String(10), default="")  # "rcs", "rm", "rne"
    register_city: Mapped[str] = mapped_column(String(100), default="")
    register_number: Mapped[str] = mapped_column(String(40), default="")
    signatory_name: Mapped[str] = mapped_column(String(200), default="")
    signatory_title: Mapped[str] = mapped_column(String(100), default="")


class Setting(Base):
    """Business settings as key/value text (kept in the book so backups carry them)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (
        CheckConstraint("kind IN ('pro','consumer','nonprofit','public')", name="kind"),
        CheckConstraint("language IN ('fr','en')", name="language"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="pro")
    contact: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="FR")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    siren: Mapped[str] = mapped_column(String(9), default="")
    siret: Mapped[str] = mapped_column(String(14), default="")
    vat_number: Mapped[str] = mapped_column(String(20), default="")
    language: Mapped[str] = mapped_column(String(2), default="fr")
    terms: Mapped[str] = mapped_column(String(100), default="")
    credit_limit: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # dunning: the scenario (None = the default for the client's kind) and, when the
    # client is in a collective procedure, the date of the BODACC notice (domain §4.10)
    scenario_id: Mapped[int | None] = mapped_column(
        ForeignKey("dunning_scenarios.id", ondelete="SET NULL"), nullable=True
    )
    collective_procedure_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # the debtor's legal status (migration 0008, shared/domain.md §2.6.1, §4.6.1): a legal
    # form code ("" = not known), for a sole trader the register it is on ("commercant",
    # "artisan", ""), and for a non-profit whether it buys for an economic activity
    legal_form: Mapped[str] = mapped_column(String(20), default="")
    registered_as: Mapped[str] = mapped_column(String(10), default="")
    acts_professionally: Mapped[bool] = mapped_column(Boolean, default=False)
    # credit insurance (§4.9): the insurer and the days after the due date within which
    # an unpaid invoice must be declared (from the policy)
    insurer: Mapped[str] = mapped_column(String(100), default="")
    insurance_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # casefolded, accent-free "code name city" for search-as-you-type
    search_key: Mapped[str] = mapped_column(Text, default="", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    invoices: Mapped[list[Invoice]] = relationship(back_populates="client")
    payments: Mapped[list[Payment]] = relationship(back_populates="client")


class Invoice(Base):
    """An invoice or a credit note issued by the user's business."""

    __tablename__ = "invoices"
    __table_args__ = (
        CheckConstraint("kind IN ('invoice','credit_note')", name="kind"),
        CheckConstraint("total >= 0", name="total_positive"),
        CheckConstraint("allocated >= 0 AND allocated <= total", name="allocated_range"),
        Index("ix_invoices_client_due", "client_id", "due_date"),
        Index("ix_invoices_due_date", "due_date"),
        Index("ix_invoices_issue_date", "issue_date"),
        # open invoices only, covering what the alerts and the dunning actions read (0005)
        Index(
            "ix_invoices_open",
            "client_id",
            "due_date",
            "currency",
            "total",
            "allocated",
            "disputed",
            "issue_date",
            sqlite_where=text("kind = 'invoice' AND total > allocated"),
            postgresql_where=text("kind = 'invoice' AND total > allocated"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(50), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(12), default="invoice")
    issue_date: Mapped[dt.date] = mapped_column(Date)
    delivery_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    terms: Mapped[str] = mapped_column(String(100), default="")
    due_date: Mapped[dt.date] = mapped_column(Date)
    due_date_manual: Mapped[bool] = mapped_column(Boolean, default=False)
    total: Mapped[Decimal] = mapped_column(Money)
    net: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    vat: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    po_number: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    # invoice: paid by active allocations; credit note: applied by active allocations
    allocated: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    client: Mapped[Client] = relationship(back_populates="invoices")


#: invoice numbers are unique without regard to case, like client codes (issue #11; 0006: a
#: book that already held two such numbers gets this index without uniqueness)
Index("ix_invoices_number_lower", func.lower(Invoice.number), unique=True)


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("allocated >= 0 AND allocated <= amount", name="allocated_range"),
        Index("ix_payments_client_date", "client_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    method: Mapped[str] = mapped_column(String(20), default="transfer")
    reference: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    allocated: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    client: Mapped[Client] = relationship(back_populates="payments")


class Allocation(Base):
    """Part of a payment, or of a credit note, set against an invoice.

    Un-allocating never deletes the row: it sets ``removed_on`` so that the
    ledger as of an earlier date stays what it was.  An allocation is active
    on day D when ``date <= D < removed_on``.
    """

    __tablename__ = "allocations"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("(payment_id IS NULL) <> (credit_note_id IS NULL)", name="one_source"),
        Index("ix_allocations_invoice", "invoice_id"),
        Index("ix_allocations_payment", "payment_id"),
        Index("ix_allocations_credit_note", "credit_note_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="RESTRICT"))
    payment_id: Mapped[int | None] = mapped_column(
        ForeignKey("payments.id", ondelete="RESTRICT"), nullable=True
    )
    credit_note_id: Mapped[int | None] = mapped_column(
        ForeignKey("invoices.id", ondelete="RESTRICT"), nullable=True
    )
    amount: Mapped[Decimal] = mapped_column(Money)
    date: Mapped[dt.date] = mapped_column(Date)
    removed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    removed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Event(Base):
    """Append-only history (triggers in the migration refuse UPDATE and DELETE)."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_entity", "entity", "entity_id"),
        Index("ix_events_client", "client_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    client_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200), default="")
    details: Mapped[str] = mapped_column(Text, default="{}")
