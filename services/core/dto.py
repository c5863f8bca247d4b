"""Frozen rows the services hand to the UI and the command line.

Never live ORM objects: the UI cannot mutate state behind the services'
back, and nothing lazy-loads on a detached instance.
Amounts are ``Decimal``; for credit notes they are negative (a credit).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

PAID = "paid"
NOT_DUE = "not_due"
OVERDUE = "overdue"
STATUSES = (PAID, NOT_DUE, OVERDUE)


@dataclass(frozen=True)
class CompanyData:
    name: str = ""
    legal_form: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "FR"
    siren: str = ""
    siret: str = ""
    vat_number: str = ""
    iban: str = ""
    bic: str = ""
    phone: str = ""
    email: str = ""
    logo_path: str = ""
    default_terms: str = "30 jours"
    eom_method: str = "A"
    # what identifies the creditor on letters and claims (art. 57 CPC; issue #13, point 9)
    share_capital: str = ""  # euros, "10000.00"; "" = not given (a sole trader has none)
    register_kind: str = ""  # "rcs", "rm", "rne" or ""
    register_city: str = ""
    register_number: str = ""
    signatory_name: str = ""
    signatory_title: str = ""

    @property
    def is_set_up(self) -> bool:
        return bool(self.name)


@dataclass(frozen=True)
class ClientRow:
    id: int
    code: str
    name: str
    kind: str
    contact: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "FR"
    email: str = ""
    phone: str = ""
    siren: str = ""
    siret: str = ""
    vat_number: str = ""
    language: str = "fr"
    terms: str = ""
    credit_limit: Decimal | None = None
    notes: str = ""
    insurer: str = ""
    insurance_days: int | None = None
    scenario_id: int | None = None
    collective_procedure_on: dt.date | None = None
    # the debtor's legal status (shared/domain.md §2.6.1, §4.6.1; services.core.legal_status)
    legal_form: str = ""
    registered_as: str = ""
    acts_professionally: bool = False
    balance: Decimal = Decimal("0.00")
    overdue: Decimal = Decimal("0.00")
    unallocated: Decimal = Decimal("0.00")
    invoice_count: int = 0


@dataclass(frozen=True)
class InvoiceRow:
    id: int
    number: str
    client_id: int
    client_code: str
    client_name: str
    client_kind: str
    kind: str
    issue_date: dt.date
    due_date: dt.date
    total: Decimal
    paid: Decimal
    balance: Decimal
    status: str
    days_late: int
    currency: str = "EUR"
    delivery_date: dt.date | None = None
    terms: str = ""
    due_date_manual: bool = False
    net: Decimal | None = None
    vat: Decimal | None = None
    po_number: str = ""
    notes: str = ""
    disputed: bool = False
    # proofs not on file ("order", "delivery", "cgv"); () for credit notes and complete files
    proof_missing: tuple[str, ...] = ()

    @property
    def overdue_without_proof(self) -> bool:
        return self.status == "overdue" and bool(self.proof_missing)


@dataclass(frozen=True)
class PaymentRow:
    id: int
    client_id: int
    client_code: str
    client_name: str
    date: dt.date
    amount: Decimal
    allocated: Decimal
    unallocated: Decimal
    currency: str = "EUR"
    method: str = "transfer"
    reference: str = ""
    notes: str = ""


@dataclass(frozen=True)
class AllocationRow:
    id: int
    invoice_id: int
    invoice_number: str
    source: str  # "payment" | "credit_note"
    source_id: int
    source_label: str
    amount: Decimal
    date: dt.date
    removed_on: dt.date | None = None

    @property
    def active(self) -> bool:
        return self.removed_on is None


@dataclass(frozen=True)
class EventRow:
    id: int
    at: dt.datetime
    entity: str
    entity_id: int
    action: str
    label: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OpenItem:
    """One invoice or credit note as of a date (the open-item engine's output)."""

    id: int
    number: str
    client_code: str
    client_name: str
    client_kind: str
    kind: str
    issue_date: dt.date
    due_date: dt.date
    currency: str
    total: Decimal
    paid: Decimal
    balance: Decimal
    days_late: int
    status: str
    disputed: bool


@dataclass(frozen=True)
class ClientBalance:
    code: str
    name: str
    kind: str
    currency: str
    invoiced: Decimal
    credited: Decimal
    received: Decimal
    balance: Decimal
    overdue: Decimal
    unallocated: Decimal


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    total_count: int
