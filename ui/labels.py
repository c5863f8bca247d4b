"""Translated names of the values the services use (kinds, statuses, methods)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from services.core.i18n import QT_TRANSLATE_NOOP

CLIENT_KINDS = {
    "pro": QT_TRANSLATE_NOOP("Labels", "Business"),
    "consumer": QT_TRANSLATE_NOOP("Labels", "Consumer"),
    "nonprofit": QT_TRANSLATE_NOOP("Labels", "Non-profit body"),
    "public": QT_TRANSLATE_NOOP("Labels", "Public buyer"),
}
INVOICE_KINDS = {
    "invoice": QT_TRANSLATE_NOOP("Labels", "Invoice"),
    "credit_note": QT_TRANSLATE_NOOP("Labels", "Credit note"),
}
STATUSES = {
    "paid": QT_TRANSLATE_NOOP("Labels", "Paid"),
    "not_due": QT_TRANSLATE_NOOP("Labels", "Not due"),
    "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue"),
    "open": QT_TRANSLATE_NOOP("Labels", "Open"),
}
METHODS = {
    "transfer": QT_TRANSLATE_NOOP("Labels", "Transfer"),
    "cheque": QT_TRANSLATE_NOOP("Labels", "Cheque"),
    "card": QT_TRANSLATE_NOOP("Labels", "Card"),
    "cash": QT_TRANSLATE_NOOP("Labels", "Cash"),
    "direct_debit": QT_TRANSLATE_NOOP("Labels", "Direct debit"),
    "bill_of_exchange": QT_TRANSLATE_NOOP("Labels", "Bill of exchange"),
}
LANGUAGES = {
    "fr": QT_TRANSLATE_NOOP("Labels", "French"),
    "en": QT_TRANSLATE_NOOP("Labels", "English"),
}


def label(table: dict[str, str], key: str) -> str:
    source = table.get(key)
    return QCoreApplication.translate("Labels", source) if source else key


DOCUMENT_KINDS = {
    "cgv": QT_TRANSLATE_NOOP("Labels", "Terms of sale (CGV)"),
    "quote": QT_TRANSLATE_NOOP("Labels", "Quote"),
    "purchase_order": QT_TRANSLATE_NOOP("Labels", "Purchase order"),
    "delivery_note": QT_TRANSLATE_NOOP("Labels", "Delivery note"),
    "contract": QT_TRANSLATE_NOOP("Labels", "Contract"),
    "invoice_copy": QT_TRANSLATE_NOOP("Labels", "Invoice copy"),
    "acknowledgment": QT_TRANSLATE_NOOP("Labels", "Acknowledgment of receipt"),
    "correspondence": QT_TRANSLATE_NOOP("Labels", "Correspondence"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
PROOFS = {
    "order": QT_TRANSLATE_NOOP("Labels", "Signed quote or order"),
    "delivery": QT_TRANSLATE_NOOP("Labels", "Signed delivery note"),
    "cgv": QT_TRANSLATE_NOOP("Labels", "Accepted CGV"),
}
STEP_ACTIONS = {
    "pre_reminder": QT_TRANSLATE_NOOP("Labels", "Pre-reminder"),
    "reminder": QT_TRANSLATE_NOOP("Labels", "Reminder"),
    "phone_call": QT_TRANSLATE_NOOP("Labels", "Phone call"),
    "formal_notice": QT_TRANSLATE_NOOP("Labels", "Formal notice"),
    "final_notice": QT_TRANSLATE_NOOP("Labels", "Final notice"),
    "agency": QT_TRANSLATE_NOOP("Labels", "Collection agency"),
    "small_claims": QT_TRANSLATE_NOOP("Labels", "Small-claims procedure"),
    "injunction": QT_TRANSLATE_NOOP("Labels", "Injonction de payer"),
    "moratorium_claim": QT_TRANSLATE_NOOP("Labels", "Moratorium interest claim"),
}
CHANNELS = {
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail draft"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "registered_letter": QT_TRANSLATE_NOOP("Labels", "Registered letter"),
}
ALERT_KINDS = {
    "due_soon": QT_TRANSLATE_NOOP("Labels", "Due soon"),
    "step_due": QT_TRANSLATE_NOOP("Labels", "Dunning step due"),
    "promise_due": QT_TRANSLATE_NOOP("Labels", "Promise due today"),
    "promise_broken": QT_TRANSLATE_NOOP("Labels", "Broken promise"),
    "plan_installment_missed": QT_TRANSLATE_NOOP("Labels", "Missed instalment"),
    "over_credit_limit": QT_TRANSLATE_NOOP("Labels", "Over credit limit"),
    "insurance_deadline": QT_TRANSLATE_NOOP("Labels", "Credit-insurance deadline"),
    "prescription_near": QT_TRANSLATE_NOOP("Labels", "Claim soon time-barred"),
    "missing_proof": QT_TRANSLATE_NOOP("Labels", "Overdue, proof missing"),
    "claim_declaration": QT_TRANSLATE_NOOP("Labels", "Declare the claim"),
    "injunction_serve": QT_TRANSLATE_NOOP("Labels", "Serve the ordonnance"),
    "injunction_enforceable": QT_TRANSLATE_NOOP("Labels", "Opposition period over"),
    "rates_missing": QT_TRANSLATE_NOOP("Labels", "Rates not entered"),
}
DISPUTE_REASONS = {
    "not_received": QT_TRANSLATE_NOOP("Labels", "Not received"),
    "price": QT_TRANSLATE_NOOP("Labels", "Price"),
    "quantity": QT_TRANSLATE_NOOP("Labels", "Quantity"),
    "quality": QT_TRANSLATE_NOOP("Labels", "Quality"),
    "delivery": QT_TRANSLATE_NOOP("Labels", "Delivery"),
    "already_paid": QT_TRANSLATE_NOOP("Labels", "Says it already paid"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}


class Plurals(QObject):
    """Texts with a count for code outside a widget class. ``pyside6-lupdate`` reads
    ``self.tr(text, "", n)`` as a message with plural forms; it does not for
    ``QCoreApplication.translate(context, text, "", n)``, whose message is then lost."""

    def proofs_missing(self, n: int) -> str:
        return self.tr("✘ %n missing", "", n)

    def invoices(self, n: int) -> str:
        return self.tr("%n invoice(s)", "", n)

    def clients(self, n: int) -> str:
        return self.tr("%n client(s)", "", n)

    def payments(self, n: int) -> str:
        return self.tr("%n payment(s)", "", n)

    def documents(self, n: int) -> str:
        return self.tr("%n document(s)", "", n)

    def problems_found(self, n: int) -> str:
        return self.tr("%n problem(s) found.", "", n)


#: one instance for the whole window
PLURALS = Plurals()
