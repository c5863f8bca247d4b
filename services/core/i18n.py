"""Translation markers for Qt-free code.

Services must not import Qt, yet every message they produce reaches the
user.  Messages are marked with :func:`QT_TRANSLATE_NOOP` (a no-op here,
recognised by ``pyside6-lupdate``) and translated by the UI through
``QCoreApplication.translate(context, text)``; the command line prints the
English source text.
"""

from __future__ import annotations

MESSAGES = "Messages"
FIELDS = "Fields"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's name
    """Mark ``text`` for extraction into the ``.ts`` file; return it unchanged."""
    return text


#: Field (attribute) name -> English label shown to the user.
FIELD_LABELS: dict[str, str] = {
    "code": QT_TRANSLATE_NOOP("Fields", "Code"),
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
    "contact": QT_TRANSLATE_NOOP("Fields", "Contact person"),
    "address": QT_TRANSLATE_NOOP("Fields", "Address"),
    "postcode": QT_TRANSLATE_NOOP("Fields", "Postcode"),
    "city": QT_TRANSLATE_NOOP("Fields", "City"),
    "country": QT_TRANSLATE_NOOP("Fields", "Country"),
    "email": QT_TRANSLATE_NOOP("Fields", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
    "siren": QT_TRANSLATE_NOOP("Fields", "SIREN"),
    "siret": QT_TRANSLATE_NOOP("Fields", "SIRET"),
    "vat_number": QT_TRANSLATE_NOOP("Fields", "VAT number"),
    "iban": QT_TRANSLATE_NOOP("Fields", "IBAN"),
    "bic": QT_TRANSLATE_NOOP("Fields", "BIC"),
    "language": QT_TRANSLATE_NOOP("Fields", "Language of letters"),
    "terms": QT_TRANSLATE_NOOP("Fields", "Payment terms"),
    "default_terms": QT_TRANSLATE_NOOP("Fields", "Default payment terms"),
    "credit_limit": QT_TRANSLATE_NOOP("Fields", "Credit limit"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
    "legal_form": QT_TRANSLATE_NOOP("Fields", "Legal form"),
    # the debtor's legal status and the creditor's identification (issue #13, points 3, 9)
    "registered_as": QT_TRANSLATE_NOOP("Fields", "Registered as"),
    "acts_professionally": QT_TRANSLATE_NOOP("Fields", "Professional purchases"),
    "share_capital": QT_TRANSLATE_NOOP("Fields", "Share capital"),
    "register_kind": QT_TRANSLATE_NOOP("Fields", "Register"),
    "register_city": QT_TRANSLATE_NOOP("Fields", "Register town"),
    "register_number": QT_TRANSLATE_NOOP("Fields", "Registration number"),
    "signatory_name": QT_TRANSLATE_NOOP("Fields", "Signatory"),
    "signatory_title": QT_TRANSLATE_NOOP("Fields", "Signatory's title"),
    "charges": QT_TRANSLATE_NOOP("Fields", "Late charges"),
    "logo_path": QT_TRANSLATE_NOOP("Fields", "Logo file"),
    "eom_method": QT_TRANSLATE_NOOP("Fields", "End-of-month method"),
    "number": QT_TRANSLATE_NOOP("Fields", "Number"),
    "client": QT_TRANSLATE_NOOP("Fields", "Client"),
    "issue_date": QT_TRANSLATE_NOOP("Fields", "Issue date"),
    "delivery_date": QT_TRANSLATE_NOOP("Fields", "Delivery date"),
    "due_date": QT_TRANSLATE_NOOP("Fields", "Due date"),
    "total": QT_TRANSLATE_NOOP("Fields", "Total incl. VAT"),
    "net": QT_TRANSLATE_NOOP("Fields", "Net amount"),
    "vat": QT_TRANSLATE_NOOP("Fields", "VAT amount"),
    "currency": QT_TRANSLATE_NOOP("Fields", "Currency"),
    "po_number": QT_TRANSLATE_NOOP("Fields", "Purchase order"),
    "date": QT_TRANSLATE_NOOP("Fields", "Date"),
    "amount": QT_TRANSLATE_NOOP("Fields", "Amount"),
    "method": QT_TRANSLATE_NOOP("Fields", "Method"),
    "reference": QT_TRANSLATE_NOOP("Fields", "Reference"),
    "invoice": QT_TRANSLATE_NOOP("Fields", "Invoice"),
    "credit_note": QT_TRANSLATE_NOOP("Fields", "Credit note"),
    "allocation": QT_TRANSLATE_NOOP("Fields", "Allocation"),
    "file": QT_TRANSLATE_NOOP("Fields", "File"),
    "database": QT_TRANSLATE_NOOP("Fields", "Database"),
    "folder": QT_TRANSLATE_NOOP("Fields", "Folder"),
    "backup_folder": QT_TRANSLATE_NOOP("Fields", "Backup folder"),
    "until": QT_TRANSLATE_NOOP("Fields", "Hidden until"),
    "import_max_file_mb": QT_TRANSLATE_NOOP("Fields", "Largest file imported"),
    "import_max_field_kib": QT_TRANSLATE_NOOP("Fields", "Largest value in a cell"),
    "client_id": QT_TRANSLATE_NOOP("Fields", "Client"),
    "payment": QT_TRANSLATE_NOOP("Fields", "Payment"),
    "reason": QT_TRANSLATE_NOOP("Fields", "Reason"),
    "due_date_manual": QT_TRANSLATE_NOOP("Fields", "Due date set by hand"),
    "disputed": QT_TRANSLATE_NOOP("Fields", "Disputed"),
    "applies_to": QT_TRANSLATE_NOOP("Fields", "Applies to invoice"),
    "insurer": QT_TRANSLATE_NOOP("Fields", "Credit insurer"),
    "insurance_days": QT_TRANSLATE_NOOP("Fields", "Days to declare an unpaid invoice"),
    "scenario_id": QT_TRANSLATE_NOOP("Fields", "Dunning scenario"),
    "steps": QT_TRANSLATE_NOOP("Fields", "Steps"),
    "instalments": QT_TRANSLATE_NOOP("Fields", "Instalments"),
    "outcome": QT_TRANSLATE_NOOP("Fields", "Outcome"),
    "title": QT_TRANSLATE_NOOP("Fields", "Title"),
    "signed_on": QT_TRANSLATE_NOOP("Fields", "Signed on"),
    "document": QT_TRANSLATE_NOOP("Fields", "Document"),
    "label": QT_TRANSLATE_NOOP("Fields", "Version"),
    "in_force_from": QT_TRANSLATE_NOOP("Fields", "In force from"),
    "accepted_on": QT_TRANSLATE_NOOP("Fields", "Accepted on"),
    "cgv_version": QT_TRANSLATE_NOOP("Fields", "CGV version"),
    "max_mb": QT_TRANSLATE_NOOP("Fields", "Largest document"),
    "window": QT_TRANSLATE_NOOP("Fields", "Envelope window"),
    "half": QT_TRANSLATE_NOOP("Fields", "Half-year"),
    "professional": QT_TRANSLATE_NOOP("Fields", "Legal rate (creditor acting professionally)"),
    "individual": QT_TRANSLATE_NOOP("Fields", "Legal rate (private creditor)"),
    "rate": QT_TRANSLATE_NOOP("Fields", "Rate"),
    "subject": QT_TRANSLATE_NOOP("Fields", "Subject"),
    "deadline_days": QT_TRANSLATE_NOOP("Fields", "Deadline in a formal notice"),
    "body": QT_TRANSLATE_NOOP("Fields", "Text"),
}
