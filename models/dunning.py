"""The dunning ladder: scenarios and their steps, what was done at each step, and
what pauses the ladder (promises to pay, disputes, hand-offs).

shared/domain.md §4.1: pre-reminder, reminders, phone call, formal notice, last
notice, legal step — and the ladder stops on dispute, on a promise to pay until
its date plus grace, on a payment plan in good standing, in a collective procedure.
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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Money, UTCDateTime

STEP_ACTIONS = (
    "pre_reminder",
    "reminder",
    "phone_call",
    "formal_notice",
    "final_notice",
    "agency",
    "small_claims",
    "injunction",
    "moratorium_claim",
)
CHANNELS = ("letter", "email", "phone", "registered_letter")
DISPUTE_REASONS = (
    "not_received",
    "price",
    "quantity",
    "quality",
    "delivery",
    "already_paid",
    "other",
)


class DunningScenario(Base):
    """An ordered list of steps; ``client_kind`` set = the default for that kind."""

    __tablename__ = "dunning_scenarios"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    client_kind: Mapped[str | None] = mapped_column(String(10), nullable=True, unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class DunningStep(Base):
    __tablename__ = "dunning_steps"
    __table_args__ = (
        UniqueConstraint("scenario_id", "offset_days"),
        CheckConstraint(
            "action IN ('pre_reminder','reminder','phone_call','formal_notice','final_notice',"
            "'agency','small_claims','injunction','moratorium_claim')",
            name="action",
        ),
        CheckConstraint(
            "channel IN ('letter','email','phone','registered_letter')", name="channel"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("dunning_scenarios.id", ondelete="CASCADE"))
    offset_days: Mapped[int] = mapped_column(Integer)  # relative to the due date; < 0 = before
    action: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    with_penalties: Mapped[bool] = mapped_column(Boolean, default=False)
    label: Mapped[str] = mapped_column(String(100), default="")


class DunningRecord(Base):
    """A step done (or skipped, with a reason) for one invoice; the ladder reads these.

    The offset identifies the step within the invoice's scenario; the action and
    channel are copied so the record keeps its meaning if the scenario changes.
    """

    __tablename__ = "dunning_records"
    __table_args__ = (
        CheckConstraint("status IN ('done','skipped')", name="status"),
        Index("ix_dunning_records_invoice", "invoice_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="RESTRICT"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    offset_days: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10))
    on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    tracking_number: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    #: the Message-ID of the e-mail that carried out the step (issue #13, point 10; "" = none)
    message_id: Mapped[str] = mapped_column(String(255), default="", server_default="")


class InvoiceHold(Base):
    """Something that pauses an invoice's ladder until a date (or until closed):
    a postponed action, a promise to pay, a hand-off to an agency or to court."""

    __tablename__ = "invoice_holds"
    __table_args__ = (
        CheckConstraint("kind IN ('postpone','promise','agency','legal')", name="kind"),
        Index("ix_invoice_holds_invoice", "invoice_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="RESTRICT"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(10))
    since: Mapped[dt.date] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    amount: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    details: Mapped[str] = mapped_column(Text, default="{}")
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Dispute(Base):
    __tablename__ = "disputes"
    __table_args__ = (
        CheckConstraint(
            "reason IN ('not_received','price','quantity','quality','delivery',"
            "'already_paid','other')",
            name="reason",
        ),
        CheckConstraint("outcome IS NULL OR outcome IN ('resolved','rejected')", name="outcome"),
        Index("ix_disputes_invoice", "invoice_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="RESTRICT"))
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(10), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class AlertSnooze(Base):
    """An alert the user put aside until a date (key = kind + what it is about)."""

    __tablename__ = "alert_snoozes"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    until: Mapped[dt.date] = mapped_column(Date)


class ContactLog(Base):
    """A phone call or another contact with the client (§4.2: log date, who, outcome)."""

    __tablename__ = "contact_logs"
    __table_args__ = (Index("ix_contact_logs_client", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    invoice_id: Mapped[int | None] = mapped_column(
        ForeignKey("invoices.id", ondelete="RESTRICT"), nullable=True
    )
    on: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20), default="phone")
    person: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class PaymentPlan(Base):
    """An échéancier: the client's overdue amount split into instalments (§4.1 N3)."""

    __tablename__ = "payment_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    agreed_on: Mapped[dt.date] = mapped_column(Date)
    total: Mapped[Decimal] = mapped_column(Money)
    # the invoices it covers, as a JSON list of ids (their ladder pauses while it holds)
    invoice_ids: Mapped[str] = mapped_column(Text, default="[]")
    closed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class PlanInstalment(Base):
    __tablename__ = "plan_instalments"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("payment_plans.id", ondelete="CASCADE"))
    due_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
