"""SQLAlchemy models of the receivables book.  No Qt here."""

from models.base import Base, Money, UTCDateTime
from models.documents import DOCUMENT_KINDS, CgvAcceptance, CgvVersion, Document, StoredFile
from models.dunning import (
    CHANNELS,
    DISPUTE_REASONS,
    STEP_ACTIONS,
    AlertSnooze,
    ContactLog,
    Dispute,
    DunningRecord,
    DunningScenario,
    DunningStep,
    InvoiceHold,
    PaymentPlan,
    PlanInstalment,
)
from models.email import OUTBOX_STATUSES, OutboxEmail
from models.ledger import (
    CLIENT_KINDS,
    INVOICE_KINDS,
    LANGUAGES,
    PAYMENT_METHODS,
    Allocation,
    Client,
    Company,
    Event,
    Invoice,
    Payment,
    Setting,
)

#: The Alembic head this code expects (tests check it matches models/migrations).
SCHEMA_REVISION = "0009"

__all__ = [
    "SCHEMA_REVISION",
    "CLIENT_KINDS",
    "CHANNELS",
    "DISPUTE_REASONS",
    "STEP_ACTIONS",
    "AlertSnooze",
    "ContactLog",
    "PaymentPlan",
    "PlanInstalment",
    "Dispute",
    "DunningRecord",
    "DunningScenario",
    "DunningStep",
    "OUTBOX_STATUSES",
    "OutboxEmail",
    "InvoiceHold",
    "DOCUMENT_KINDS",
    "CgvAcceptance",
    "CgvVersion",
    "Document",
    "StoredFile",
    "INVOICE_KINDS",
    "LANGUAGES",
    "PAYMENT_METHODS",
    "Allocation",
    "Base",
    "Client",
    "Company",
    "Event",
    "Invoice",
    "Money",
    "Payment",
    "Setting",
    "UTCDateTime",
]
