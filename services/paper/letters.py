"""Reminder letters (issue #5): one letter per client and step, A4, in the client's
language, with the invoices, the late charges by law and an EPC QR code to pay.

Layout (millimetres from the top-left corner of the page): letterhead top left; the
recipient's address in the window of a French DL envelope with the window on the
right (default x = 110, y = 45, 90 × 35, adjustable in Settings); place and date,
reference and subject; the body; the invoice table; for business clients from the
step that shows penalties, the computation per invoice with L441-10 and D441-5;
the total claimed; payment instructions with the QR code; signature; page numbers.

Texts per step follow shared/domain.md §4.3–4.4 (own wording). A consumer's letter
never mentions the €40 (§3.1) and carries the consumer mediator (§3.6).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from services.core import legal_status, settings
from services.core.errors import AppError, UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.money import format_money as format_money  # what the tests compare with
from services.core.money import plain
from services.followup import penalties
from services.followup.penalties import Result
from services.pdf import formats, page, qr
from services.pdf.fonts import fonts
from services.pdf.parties import Party as Party  # the letters' parties are every document's
from services.pdf.parties import company_party

PAGE_W, PAGE_H = page.PAGE_W, page.PAGE_H
MARGIN = page.MARGIN
WINDOW = settings.DEFAULT_WINDOW  # whole mm, from the top-left corner (Settings can move it)
FORMAL_NOTICE_DAYS = settings.DEFAULT_DEADLINE_DAYS  # days to pay from receipt (Settings)


# -- data ------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LetterInvoice:
    number: str
    issue_date: dt.date
    due_date: dt.date
    total: Decimal
    paid: Decimal
    balance: Decimal
    days_late: int
    charges: Result | None = None  # late charges, when the letter shows them
    currency: str = ""  # "" = the letter's; a statement lists each item in its own (point 5)


@dataclass(frozen=True, slots=True)
class Note:
    """A warning for the owner, kept as its English source and parameters so that the window
    shows it in the user's language (``warnings`` holds the English text: the command line)."""

    text: str
    params: tuple[tuple[str, str], ...] = ()
    error: AppError | None = None  # its reason fills {problem}

    def render(self, translate: Callable[[str, str], str] | None = None) -> str:
        values = dict(self.params)
        if self.error is not None:
            values["problem"] = self.error.render(translate)
        text = translate("Messages", self.text) if translate is not None else self.text
        return text.format(**values)


@dataclass(slots=True)
class Letter:
    company: Party
    client: Party
    client_code: str
    client_kind: str
    language: str
    step: str  # pre_reminder, reminder, formal_notice, final_notice, agency, …
    level: int  # 1 for the first reminder, 2 for the second… (reminders only)
    with_penalties: bool
    on: dt.date
    currency: str
    invoices: list[LetterInvoice] = field(default_factory=list)
    mediator: str = ""  # consumers (§3.6)
    warnings: list[str] = field(default_factory=list)
    template: tuple[str, str] | None = (
        None  # the owner's wording (subject, body); None = the default
    )
    deadline_days: int = FORMAL_NOTICE_DAYS  # to pay after a formal or final notice
    channel: str = "letter"  # the step's channel: "registered_letter" prints the AR mention
    # What the book records as done before this letter (issue #13, point 7): the dates of the
    # reminders, formal notices and final notices sent about these invoices, and each
    # invoice's first formal notice. A letter never mentions an earlier step without them.
    letters_sent: list[dt.date] = field(default_factory=list)
    notices_sent: dict[str, dt.date] = field(default_factory=dict)
    # the hand-off recorded for these invoices: to whom (name, address), and since when
    handed_to: str = ""
    handed_on: dt.date | None = None
    # the creditor's identification (legal form, capital, register, signatory: point 9)
    identification: list[str] = field(default_factory=list)
    signatory: str = ""
    # a non-profit buying for an economic activity it carries on owes L441-10 (§2.6.1)
    acts_professionally: bool = False
    notes: list[Note] = field(default_factory=list)  # ``warnings``, to translate

    def warn(self, text: str, params: dict[str, str] | None = None, error: Any = None) -> None:
        """Add a warning for the owner (once)."""
        note = Note(text, tuple(sorted((params or {}).items())), error)
        if note.render() not in self.warnings:
            self.notes.append(note)
            self.warnings.append(note.render())

    @property
    def legal_interest(self) -> bool:
        """The debtor owes legal interest from the formal notice (C. civ. 1231-6), not the
        penalties of L441-10: a consumer, or a non-profit not acting professionally (§2.6.1)."""
        return penalties.regime(self.client_kind, self.acts_professionally) == "legal"

    @property
    def balance(self) -> Decimal:
        """What is due in the letter's currency (a statement's items in another currency are
        in :attr:`other_balances`: currencies are never added together)."""
        return self.balances.get(self.currency, Decimal("0.00"))

    @property
    def balances(self) -> dict[str, Decimal]:
        """What is due, per currency, the letter's own first."""
        out: dict[str, Decimal] = {self.currency: Decimal("0.00")}
        for i in self.invoices:
            currency = i.currency or self.currency
            out[currency] = out.get(currency, Decimal("0.00")) + i.balance
        return out

    @property
    def other_balances(self) -> dict[str, Decimal]:
        return {c: v for c, v in self.balances.items() if c != self.currency}

    @property
    def formal_notice_sent(self) -> bool:
        """Every invoice of the letter had its formal notice (recorded as done)."""
        return bool(self.invoices) and all(i.number in self.notices_sent for i in self.invoices)

    @property
    def abroad(self) -> bool:
        """The debtor has no address in France (overseas departments are France): no French
        injonction de payer (§4.6.1)."""
        country = (self.client.country or "FR").upper()
        return country != "FR" and country not in legal_status.FRENCH_OVERSEAS

    @property
    def penalties(self) -> Decimal:
        return sum((i.charges.penalties for i in self.invoices if i.charges), Decimal("0.00"))

    @property
    def indemnity(self) -> Decimal:
        return sum((i.charges.indemnity for i in self.invoices if i.charges), Decimal("0.00"))

    @property
    def total_claimed(self) -> Decimal:
        """What is claimed in the letter's currency: the €40 indemnities are in euros and
        are added only to a claim in euros (issue #13, point 5); see :attr:`indemnity`."""
        total = self.balance + self.penalties
        return total + self.indemnity if self.currency == "EUR" else total

    @property
    def reference(self) -> str:
        return f"{self.client_code}-{self.on:%Y%m%d}"

    @property
    def deadline(self) -> dt.date:
        return self.on + dt.timedelta(days=self.deadline_days)


# -- texts -----------------------------------------------------------------------------------------
TEXTS: dict[str, dict[str, Any]] = {
    "fr": {
        "subject": {
            "pre_reminder": "Échéance prochaine de {count_label}",
            "reminder": "Relance n° {level} — {count_label} impayée(s)",
            "formal_notice": "Mise en demeure de payer",
            "final_notice": "Dernier avis avant poursuites",
            "hand_off": "Transmission de votre dossier",
            "moratorium_claim": "Demande de paiement des intérêts moratoires",
            "statement": "Relevé de compte au {as_of}",
        },
        "body": {
            "pre_reminder": "Nous nous permettons de vous rappeler que {count_label} ci-dessous "
            "arrive à échéance "
            "prochainement. Pourriez-vous vérifier qu’elle vous est bien parvenue et qu’aucun "
            "point "
            "ne fait obstacle à son règlement ? Si le paiement est déjà parti, merci de ne pas "
            "tenir "
            "compte de ce courrier.",
            "reminder": "Sauf erreur de notre part, {count_label} ci-dessous reste impayée à ce "
            "jour. Il peut "
            "s’agir d’un oubli : nous vous remercions de bien vouloir procéder à son règlement dès "
            "réception de ce courrier. Si votre paiement a croisé cette lettre, merci de ne pas en "
            "tenir compte.",
            "reminder_2": "{unpaid} Nous vous demandons de procéder sans délai à son règlement.",
            "formal_notice": "{unpaid} Par la présente, nous vous mettons en demeure de nous "
            "régler la somme de {total_due} dans un délai de {days} jours à compter de la "
            "réception de ce courrier. {consequence}",
            "formal_notice_consumer": " La présente mise en demeure fait courir les intérêts au "
            "taux légal "
            "(articles 1231-6 et 1344-1 du Code civil).",
            "final_notice": "{formal_notice} Sans règlement de la somme de {total_due} dans un "
            "délai de {days} jours à compter de la réception de ce courrier, votre dossier sera "
            "transmis pour recouvrement judiciaire, sans nouvel avis.",
            "hand_off": "{hand_off}",
            "moratorium_claim": "{unpaid} En application des articles L2192-13 et R2192-31 du "
            "Code de la commande publique, des intérêts moratoires courent de plein droit depuis "
            "le lendemain de l’échéance, ainsi que l’indemnité forfaitaire pour frais de "
            "recouvrement de 40 € par facture (article D2192-35). Nous vous demandons de nous "
            "régler la somme de {total_due} détaillée ci-dessous.",
            "statement": "Veuillez trouver ci-dessous le relevé de votre compte : les factures et "
            "avoirs "
            "non soldés à cette date. Nous restons à votre disposition pour toute question.",
        },
        "registered": "Lettre recommandée avec accusé de réception",
        "reference": "Référence : {reference}",
        "client_code": "Votre code client : {code}",
        "subject_label": "Objet : ",
        "greeting": "Madame, Monsieur,",
        "closing": "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations "
        "distinguées.",
        "table": [
            "Facture",
            "Émise le",
            "Échéance",
            "Montant TTC",
            "Déjà réglé",
            "Reste dû",
            "Retard",
        ],
        "days": "{n} j",
        "penalties_title": "Pénalités de retard et indemnité forfaitaire (art. L441-10 et D441-5 "
        "du Code de commerce)",
        "penalties_line": "{number} : {days} j de retard — pénalités {penalties}",
        "penalties_rate": "taux annuel {rates} %, taux BCE + 10 points par semestre",
        "public_rate": "taux de {rates} %, soit le taux BCE + 8 points, figé au semestre où "
        "ils ont commencé à courir",
        "public_line": "{number} : {days} j de retard — intérêts moratoires {penalties}",
        "public_total": "Total des intérêts moratoires : {penalties}",
        "penalties_total": "Total des pénalités de retard : {penalties}",
        "indemnity_line": "Indemnité forfaitaire pour frais de recouvrement : 40,00 € par "
        "facture, soit {indemnity}",
        "consumer_interest": "Intérêts au taux légal depuis la mise en demeure : {penalties}",
        "total_balance": "Total restant dû : {balance}",
        "total_claimed": "Total réclamé : {total}",
        "pay": "Règlement par virement : IBAN {iban}{bic} — référence à rappeler : {reference}. "
        "Le QR code ci-contre pré-remplit le virement dans votre application bancaire.",
        "mediator": "En cas de litige, vous pouvez recourir gratuitement au médiateur de la "
        "consommation : {mediator}",
        "page": "Page {n} / {total}",
        "count_one": "la facture",
        "count_many": "les factures",
        "warning_rate": "Attention : {warning}",
        # what the book records, said only when it does (issue #13, point 7)
        "unpaid_after": "Malgré {letters}, {count_label} ci-dessous reste impayée.",
        "unpaid_first": "Sauf erreur de notre part, {count_label} ci-dessous reste impayée à ce "
        "jour.",
        "letters_one": "notre relance du {dates}",
        "letters_many": "nos relances des {dates}",
        "notice_one": "Notre mise en demeure du {dates} est restée sans effet.",
        "notice_many": "Nos mises en demeure des {dates} sont restées sans effet.",
        "and": "et",
        "handed_to": "Faute de règlement, votre dossier a été transmis le {date} à {agent}, "
        "chargé de son recouvrement. Tout paiement et toute correspondance devront désormais "
        "lui être adressés.",
        # the hand-off letter of a step whose hand-off is not recorded yet: what is being done
        "handed_now": {
            "agency": "Faute de règlement, nous confions ce jour le recouvrement de votre dossier "
            "à un tiers, dont les coordonnées vous seront communiquées. D’ici là, tout paiement "
            "reste à nous adresser.",
            "injunction": "Faute de règlement, nous déposons ce jour une requête en injonction "
            "de payer auprès de la juridiction compétente. Tout paiement reste à nous adresser.",
            "small_claims": "Faute de règlement, nous confions ce jour votre dossier à un "
            "commissaire de justice (procédure simplifiée de recouvrement des petites "
            "créances) ; il prendra contact avec vous.",
            "abroad": "Faute de règlement, nous engageons ce jour une procédure judiciaire de "
            "recouvrement. Tout paiement reste à nous adresser.",
        },
        # the consequence of a formal notice, by debtor (shared/domain.md §3.7, §4.6.1)
        "consequence": {
            "pro": "À défaut, nous engagerons sans autre avis une procédure judiciaire de "
            "recouvrement (injonction de payer), dont les frais resteront à votre charge dans les "
            "conditions prévues par la loi.",
            "civil": "À défaut, nous engagerons sans autre avis une procédure judiciaire de "
            "recouvrement (injonction de payer) ; les frais de cette procédure pourront être mis "
            "à votre charge par le juge.",
            "public": "À défaut, nous saisirons sans autre avis le tribunal administratif d’une "
            "demande de provision (article R541-1 du Code de justice administrative).",
            "eu": "À défaut, nous engagerons sans autre avis une procédure judiciaire de "
            "recouvrement (procédure européenne d’injonction de payer, règlement (CE) "
            "n° 1896/2006).",
            "abroad": "À défaut, nous engagerons sans autre avis une procédure judiciaire de "
            "recouvrement.",
        },
        "public_title": "Intérêts moratoires et indemnité forfaitaire (art. L2192-13, R2192-31 "
        "et D2192-35 du Code de la commande publique)",
        "total_with_indemnity": "{total} + {indemnity} d’indemnité forfaitaire",
        "pay_no_qr": "Règlement par virement : IBAN {iban}{bic} — référence à rappeler : "
        "{reference}.",
        "signed": "{name}",
    },
    "en": {
        "subject": {
            "pre_reminder": "Upcoming due date of {count_label}",
            "reminder": "Reminder no. {level} — {count_label} unpaid",
            "formal_notice": "Formal notice to pay",
            "final_notice": "Final notice before legal action",
            "hand_off": "Your file is being handed over",
            "moratorium_claim": "Claim for moratorium interest",
            "statement": "Statement of account as of {as_of}",
        },
        "body": {
            "pre_reminder": "We would like to remind you that {count_label} below will soon fall "
            "due. Could you check "
            "that you received it and that nothing stands in the way of its payment? If payment "
            "has "
            "already been sent, please disregard this letter.",
            "reminder": "According to our records, {count_label} below is still unpaid. This may "
            "be an oversight: "
            "please arrange payment on receipt of this letter. If your payment has crossed this "
            "letter, "
            "please disregard it.",
            "reminder_2": "{unpaid} We ask you to pay it without delay.",
            "formal_notice": "{unpaid} We hereby give you formal notice to pay the sum of "
            "{total_due} within {days} days of receiving this letter. {consequence}",
            "formal_notice_consumer": " This formal notice starts interest at the legal rate "
            "(articles 1231-6 and "
            "1344-1 of the French Civil Code).",
            "final_notice": "{formal_notice} Unless the sum of {total_due} is paid within {days} "
            "days of receiving this letter, your file will be handed over for legal recovery "
            "without further notice.",
            "hand_off": "{hand_off}",
            "moratorium_claim": "{unpaid} Under articles L2192-13 and R2192-31 of the French "
            "Public Procurement Code, moratorium interest runs by right from the day after the "
            "due date, together with the fixed recovery indemnity of €40 per invoice (article "
            "D2192-35). We ask you to pay the sum of {total_due} detailed below.",
            "statement": "Please find below the statement of your account: the invoices and credit "
            "notes still "
            "open on this date. Do not hesitate to contact us with any question.",
        },
        "registered": "Registered letter with acknowledgment of receipt",
        "reference": "Reference: {reference}",
        "client_code": "Your customer code: {code}",
        "subject_label": "Subject: ",
        "greeting": "Dear Sir or Madam,",
        "closing": "Yours faithfully,",
        "table": ["Invoice", "Issued", "Due", "Amount incl. VAT", "Paid", "Balance", "Late"],
        "days": "{n} d",
        "penalties_title": "Late-payment penalties and fixed recovery indemnity (art. L441-10 and "
        "D441-5 "
        "of the French Commercial Code)",
        "penalties_line": "{number}: {days} days late — penalties {penalties}",
        "penalties_rate": "annual rate {rates} %, ECB rate + 10 points per half-year",
        "public_rate": "rate {rates} %, the ECB rate + 8 points, frozen at the half-year in "
        "which it started",
        "public_line": "{number}: {days} days late — moratorium interest {penalties}",
        "public_total": "Total moratorium interest: {penalties}",
        "penalties_total": "Total late-payment penalties: {penalties}",
        "indemnity_line": "Fixed recovery indemnity: €40.00 per invoice, that is {indemnity}",
        "consumer_interest": "Interest at the legal rate since the formal notice: {penalties}",
        "total_balance": "Total due: {balance}",
        "total_claimed": "Total claimed: {total}",
        "pay": "Payment by bank transfer: IBAN {iban}{bic} — please quote: {reference}. "
        "The QR code fills in the transfer in your banking app.",
        "mediator": "In case of dispute, you may refer to the consumer mediator free of charge: "
        "{mediator}",
        "page": "Page {n} / {total}",
        "count_one": "the invoice",
        "count_many": "the invoices",
        "warning_rate": "Note: {warning}",
        "unpaid_after": "Despite {letters}, {count_label} below is still unpaid.",
        "unpaid_first": "According to our records, {count_label} below is still unpaid.",
        "letters_one": "our reminder of {dates}",
        "letters_many": "our reminders of {dates}",
        "notice_one": "Our formal notice of {dates} has had no effect.",
        "notice_many": "Our formal notices of {dates} have had no effect.",
        "and": "and",
        "handed_to": "As no payment has been received, your file was handed over on {date} to "
        "{agent}, who is in charge of its recovery. Please address any payment and "
        "correspondence to them from now on.",
        "handed_now": {
            "agency": "As no payment has been received, we are handing the recovery of your "
            "file over to a third party today; you will be given their details. Until then, "
            "please keep paying us.",
            "injunction": "As no payment has been received, we are filing a request for an "
            "injonction de payer with the competent court today. Please keep paying us.",
            "small_claims": "As no payment has been received, we are handing your file over to "
            "a commissaire de justice today (simplified procedure for small claims); they will "
            "contact you.",
            "abroad": "As no payment has been received, we are starting legal recovery "
            "proceedings today. Please keep paying us.",
        },
        "consequence": {
            "pro": "Failing that, we will start legal recovery proceedings (injonction de "
            "payer) without further notice, the costs of which will be borne by you as the law "
            "provides.",
            "civil": "Failing that, we will start legal recovery proceedings (injonction de "
            "payer) without further notice; the court may order you to bear their costs.",
            "public": "Failing that, we will apply to the administrative court for an interim "
            "payment (article R541-1 of the French Code of Administrative Justice) without "
            "further notice.",
            "eu": "Failing that, we will start legal recovery proceedings (European order for "
            "payment procedure, Regulation (EC) No 1896/2006) without further notice.",
            "abroad": "Failing that, we will start legal recovery proceedings without further "
            "notice.",
        },
        "public_title": "Moratorium interest and fixed recovery indemnity (art. L2192-13, "
        "R2192-31 and D2192-35 of the French Public Procurement Code)",
        "total_with_indemnity": "{total} + {indemnity} fixed recovery indemnity",
        "pay_no_qr": "Payment by bank transfer: IBAN {iban}{bic} — please quote: {reference}.",
        "signed": "{name}",
    },
}


def _t(letter: Letter) -> dict[str, Any]:
    return TEXTS["en" if letter.language == "en" else "fr"]


# -- templates ------------------------------------------------------------------------------------
TEMPLATE_KEYS = (
    "pre_reminder",
    "reminder",
    "reminder_2",
    "formal_notice",
    "final_notice",
    "hand_off",
    "moratorium_claim",
    "statement",
)
PLACEHOLDERS = (
    "client_name",
    "client_code",
    "company_name",
    "count_label",
    "level",
    "total_due",
    "balance",
    "deadline",
    "days",
    "date",
    "as_of",
    "invoice_table",
    # sentences that say an earlier step only when the book records it (issue #13, point 7)
    "unpaid",
    "formal_notice",
    "formal_notice_date",
    "consequence",
    "hand_off",
)
MSG_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "Messages", "unknown placeholder {{{name}}}; use one of: {known}"
)
MSG_BRACES = QT_TRANSLATE_NOOP("Messages", "a brace is not closed or not opened: {detail}")
MSG_TEMPLATE = QT_TRANSLATE_NOOP("Messages", "no template {value}")
MSG_MENTIONS_STEP = QT_TRANSLATE_NOOP(
    "Messages",
    "this text says “{phrase}”: an earlier letter the ladder may have skipped. Use {{unpaid}} "
    "(or {{formal_notice}} in a final notice), which names the letters the book records and "
    "says nothing when there are none",
)
MSG_COSTS = QT_TRANSLATE_NOOP(
    "Messages",
    "this text says “{phrase}”: costs of recovery without a court order stay with the creditor "
    "for consumers (L111-8 CPCE). Use {{consequence}}, which says it right for each debtor",
)
#: phrases that mention an earlier step (folded: lower case, no accents). A text must use
#: the {unpaid} / {formal_notice} sentences instead, which follow what the book records.
EARLIER_STEP_PHRASES = (
    "precedent courrier",
    "precedente lettre",
    "precedente relance",
    "notre relance",
    "nos relances",
    "notre courrier du",
    "nos courriers",
    "notre lettre du",
    "nos lettres",
    "notre mise en demeure",
    "nos mises en demeure",
    "malgre notre",
    "malgre nos",
    "previous letter",
    "previous reminder",
    "our reminder",
    "our letter of",
    "our letters",
    "our formal notice",
    "despite our",
)
#: what a letter to a consumer must not say (shared/domain.md §3.7)
COST_PHRASES = (
    "resteront a votre charge",
    "seront a votre charge",
    "a vos frais",
    "borne by you",
    "at your expense",
)


def template_key(letter: Letter) -> str:
    """The text a letter is written with. A final notice whose formal notice the book does
    not record is a formal notice itself (issue #13, point 7)."""
    t = TEXTS["fr"]
    step = (
        letter.step
        if letter.step in t["subject"]
        else ("hand_off" if letter.step in ("agency", "small_claims", "injunction") else "reminder")
    )
    if step == "final_notice" and not letter.formal_notice_sent:
        return "formal_notice"
    return "reminder_2" if step == "reminder" and letter.level >= 2 else step


def check_mentions(text: str, key: str, field: str = "body") -> None:
    """Refuse a text that mentions an earlier step in its own words (the ladder may have
    skipped it: only {unpaid} and {formal_notice} say it, from the book), or that puts the
    costs of recovery on the debtor in a formal or final notice (consumers: §3.7). A final
    notice is written only when the formal notice is recorded: it may mention it."""
    from services.core.text import fold

    folded = fold(text).lower()
    allowed = ("notre mise en demeure", "nos mises en demeure", "our formal notice")
    for phrase in EARLIER_STEP_PHRASES:
        if phrase in folded and not (key == "final_notice" and phrase in allowed):
            raise UserError(MSG_MENTIONS_STEP, field=field, phrase=phrase)
    if key in ("formal_notice", "final_notice"):
        for phrase in COST_PHRASES:
            if phrase in folded:
                raise UserError(MSG_COSTS, field=field, phrase=phrase)


def default_template(language: str, key: str) -> tuple[str, str]:
    t = TEXTS["en" if language == "en" else "fr"]
    if key not in TEMPLATE_KEYS:
        raise UserError(MSG_TEMPLATE, field="step", value=key)
    return t["subject"]["reminder" if key == "reminder_2" else key], t["body"][key]


def validate_template(text: str, field: str) -> str:
    """Refuse an unknown {placeholder} or a stray brace, naming it; and a control character
    (tabs and newlines allowed in the body, not in the subject: issue #11)."""
    import string

    from services.core.text import clean_text

    text = clean_text(text, field, multiline=field != "subject")
    try:
        names = [
            name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None
        ]
    except ValueError as exc:
        raise UserError(MSG_BRACES, field=field, detail=str(exc)) from exc
    for name in names:
        if name not in PLACEHOLDERS:
            raise UserError(MSG_PLACEHOLDER, field=field, name=name, known=", ".join(PLACEHOLDERS))
    return text


def template(values: settings.Settings, language: str, key: str) -> tuple[str, str]:
    """The owner's text of a letter in ``values`` (the book's settings), else the shipped one."""
    return values.template(language, key) or default_template(language, key)


def set_template(language: str, key: str, subject: str, body: str) -> None:
    """Save the owner's text of a letter (its placeholders checked first)."""
    default_template(language, key)  # the key exists
    subject, body = (
        validate_template(subject.strip(), "subject"),
        validate_template(body.strip(), "body"),
    )
    check_mentions(subject, key, "subject")
    check_mentions(body, key, "body")
    settings.save({"templates": {(language, key): (subject, body)}})


def reset_template(language: str, key: str) -> None:
    """Back to the shipped text of a letter."""
    settings.save({"templates": {(language, key): None}})


def _dates(letter: Letter, days: Sequence[dt.date]) -> str:
    """'3 mars 2026', '3 mars 2026 et 17 mars 2026', '2, 3 and 4 …' in the letter's language."""
    names = [formats.long_date(d, letter.language) for d in sorted(set(days))]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {_t(letter)['and']} {names[-1]}"


def consequence_kind(letter: Letter) -> str:
    """Which consequence a formal notice announces: the route of shared/domain.md §4.6.1
    (services.core.legal_status) and, for a French injonction, whether the costs may be
    put on the debtor as on a professional or only by the judge (§3.7)."""
    route = legal_status.route(letter.client_kind, "", "", letter.client.country)
    if route.procedure == legal_status.EUROPEAN_ORDER:
        return "eu"
    if route.procedure == legal_status.LOCAL_COUNSEL:
        return "abroad"
    if route.procedure == legal_status.REFERE_PROVISION:
        return "public"
    return "pro" if letter.client_kind == "pro" else "civil"


def _said(letter: Letter, count_label: str) -> dict[str, str]:
    """The sentences that state what was done before, from what the book records only."""
    t = _t(letter)
    sent = sorted(set(letter.letters_sent))
    if sent:
        letters_text = t["letters_many" if len(sent) > 1 else "letters_one"].format(
            dates=_dates(letter, sent)
        )
        unpaid = t["unpaid_after"].format(letters=letters_text, count_label=count_label)
    else:
        unpaid = t["unpaid_first"].format(count_label=count_label)
    notices = sorted(set(letter.notices_sent.values()))
    notice = (
        t["notice_many" if len(notices) > 1 else "notice_one"].format(dates=_dates(letter, notices))
        if letter.formal_notice_sent
        else ""
    )
    if letter.handed_to and letter.handed_on is not None:
        hand_off = t["handed_to"].format(
            date=formats.long_date(letter.handed_on, letter.language), agent=letter.handed_to
        )
    else:
        now = t["handed_now"]
        if letter.abroad or letter.client_kind == "public":  # no French injonction (§4.6.1)
            hand_off = now["abroad"] if letter.step != "agency" else now["agency"]
        else:
            hand_off = now.get(letter.step, now["agency"])
    return {
        "unpaid": unpaid,
        "formal_notice": notice,
        "formal_notice_date": _dates(letter, notices) if letter.formal_notice_sent else "",
        "consequence": t["consequence"][consequence_kind(letter)],
        "hand_off": hand_off,
    }


def total_due_text(letter: Letter) -> str:
    """The total claimed as printed: in the letter's currency, and the €40 indemnities apart
    when the letter is in another currency ("16 201,25 USD + 40,00 €", issue #13 point 5)."""
    total = _money(letter, letter.total_claimed)
    if letter.currency != "EUR" and letter.indemnity:
        text: str = _t(letter)["total_with_indemnity"]
        return text.format(total=total, indemnity=_euros(letter, letter.indemnity))
    return total


def subject_and_body(letter: Letter) -> tuple[str, str]:
    t = _t(letter)
    many = len(letter.invoices) > 1
    count_label = t["count_many"] if many else t["count_one"]
    key = template_key(letter)
    subject_text, body_text = letter.template or default_template(letter.language, key)
    table = "\n".join(
        " — ".join(
            (
                i.number,
                formats.short_date(i.due_date, letter.language),
                _money(letter, i.balance, i.currency),
            )
        )
        for i in letter.invoices
    )
    values = {
        "client_name": letter.client.name,
        "client_code": letter.client_code,
        "company_name": letter.company.name,
        "count_label": count_label,
        "level": letter.level,
        "total_due": total_due_text(letter),
        "balance": _money(letter, letter.balance),
        "deadline": formats.long_date(letter.deadline, letter.language),
        "days": letter.deadline_days,
        "date": formats.long_date(letter.on, letter.language),
        "as_of": formats.long_date(letter.on, letter.language),
        "invoice_table": table,
        **_said(letter, count_label),
    }
    subject = subject_text.format_map(values)
    body = body_text.format_map(values)
    if key == "formal_notice" and letter.legal_interest:
        body += t["body"]["formal_notice_consumer"]  # the law's effect, not a matter of wording
    if letter.language == "fr" and many:  # agreement of the French participle with a plural subject
        body = (
            body.replace("ci-dessous reste impayée", "ci-dessous restent impayées")
            .replace(
                "arrive à échéance prochainement. Pourriez-vous vérifier qu’elle vous est bien "
                "parvenue",
                "arrivent à échéance prochainement. Pourriez-vous vérifier qu’elles vous sont bien "
                "parvenues",
            )
            .replace("procéder à son règlement", "procéder à leur règlement")
            .replace("obstacle à son règlement", "obstacle à leur règlement")
        )
        subject = subject.replace("impayée(s)", "impayées")
    elif letter.language == "fr":
        subject = subject.replace("impayée(s)", "impayée")
    elif many:  # English: the invoices below are…, them, their
        body = (
            body.replace("below is still unpaid", "below are still unpaid")
            .replace("that you received it", "that you received them")
            .replace("in the way of its payment", "in the way of their payment")
            .replace("pay it without delay", "pay them without delay")
        )
    return subject, body


def _money(letter: Letter, value: Decimal, currency: str = "") -> str:
    return fonts().amount(formats.money(value, currency or letter.currency, letter.language))


def _euros(letter: Letter, value: Decimal) -> str:
    """The €40 indemnities: always in euros (D441-5, D2192-35), whatever the invoice's currency."""
    return fonts().amount(formats.money(value, "EUR", letter.language))


# -- drawing ---------------------------------------------------------------------------------------
@dataclass(slots=True)
class Drawn:
    """What was drawn where (for tests: the address must sit inside the window)."""

    address_box: tuple[float, float, float, float] = (0, 0, 0, 0)  # x, y from top, w, h in mm
    pages: int = 0
    texts: list[str] = field(default_factory=list)
    transfer: qr.Transfer | None = None  # what the payment QR code asks for, when drawn


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking; each word measured once."""
    space = pdfmetrics.stringWidth(" ", font, size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            w = pdfmetrics.stringWidth(word, font, size)
            extra = w if not line else used + space + w
            if line and extra > width:
                lines.append(" ".join(line))
                line, used = [word], w
            else:
                line.append(word)
                used = extra
        lines.append(" ".join(line))
    return lines


def draw_letter(c: Canvas, letter: Letter, window: dict[str, int] | None = None) -> Drawn:
    """Draw one letter on ``c`` (one or more pages; ends with showPage). On a
    :class:`services.pdf.page.PageCanvas` the pages of a longer letter are numbered."""
    regular, bold = fonts().regular, fonts().bold
    window = window or WINDOW
    t = _t(letter)
    drawn = Drawn()
    pages: list[int] = []

    def text(x: float, y: float, value: str, size: float = 10, font: str = regular) -> None:
        c.setFont(font, size)
        c.drawString(x, y, value)
        drawn.texts.append(value)

    company = letter.company
    head = page.draw_letterhead(c, company, MARGIN)
    drawn.texts += head.texts
    # the address, in the envelope window
    box_x, box_y_top = window["x"] * mm, PAGE_H - window["y"] * mm
    lines = [letter.client.name]
    if letter.client.contact:
        lines.append(letter.client.contact)
    lines += [
        *letter.client.address.splitlines(),
        f"{letter.client.postcode} {letter.client.city}".strip(),
    ]
    if letter.client.country and letter.client.country != "FR":
        lines.append(letter.client.country)
    inner_x = box_x + 4 * mm
    line_y = box_y_top - 6 * mm
    for line in lines[:6]:
        text(
            inner_x,
            line_y,
            line,
            10.5 if line == letter.client.name else 10,
            bold if line == letter.client.name else regular,
        )
        line_y -= 4.6 * mm
    drawn.address_box = (
        window["x"] + 4,
        window["y"] + 6 - 3.5,
        window["w"] - 8,
        (len(lines[:6])) * 4.6 + 2,
    )
    # place and date, reference, registered mention
    y = PAGE_H - 90 * mm
    place = company.city or ""
    dated = (
        f"{place}, le {formats.long_date(letter.on, 'fr')}"
        if letter.language == "fr"
        else f"{place}, {formats.long_date(letter.on, 'en')}"
    )
    text(box_x, y, dated.strip(", "), 10)
    y -= 10 * mm
    if letter.step in ("formal_notice", "final_notice") or letter.channel == "registered_letter":
        text(MARGIN, y, t["registered"], 10, bold)
        y -= 5 * mm
    text(MARGIN, y, t["reference"].format(reference=letter.reference), 9)
    y -= 4.5 * mm
    text(MARGIN, y, t["client_code"].format(code=letter.client_code), 9)
    y -= 8 * mm
    subject, body = subject_and_body(letter)
    text(MARGIN, y, t["subject_label"] + subject, 10.5, bold)
    y -= 9 * mm
    width = PAGE_W - 2 * MARGIN

    def new_page() -> float:
        pages.append(1)
        c.showPage()
        return PAGE_H - 25 * mm

    def paragraph(
        value: str, y: float, size: float = 10, font: str = regular, gap: float = 4.8
    ) -> float:
        for line in _wrap(value, font, size, width):
            if y < 30 * mm:
                y = new_page()
            text(MARGIN, y, line, size, font)
            y -= gap * mm
        return y

    y = paragraph(t["greeting"], y)
    y -= 2 * mm
    y = paragraph(body, y)
    y -= 4 * mm
    # the invoices
    headers = t["table"]
    columns = [0, 27, 49, 71, 104, 131, 158]  # mm from the left margin
    rights = {3, 4, 5, 6}

    def cell(i: int, value: str, y: float, font: str = regular, size: float = 8.8) -> None:
        c.setFont(font, size)
        x = MARGIN + columns[i] * mm
        if i in rights:
            end = MARGIN + (columns[i + 1] - 2 if i + 1 < len(columns) else 170) * mm
            c.drawRightString(end, y, value)
        else:
            c.drawString(x, y, value)
        drawn.texts.append(value)

    def header_row(y: float) -> float:
        for i, h in enumerate(headers):
            cell(i, h, y, bold, 8.5)
        c.setLineWidth(0.4)
        c.line(MARGIN, y - 1.8 * mm, MARGIN + 170 * mm, y - 1.8 * mm)
        return y - 5.5 * mm

    y = header_row(y)
    for inv in letter.invoices:
        if y < 35 * mm:
            y = header_row(new_page())
        values = [
            inv.number,
            formats.short_date(inv.issue_date, letter.language),
            formats.short_date(inv.due_date, letter.language),
            _money(letter, inv.total, inv.currency),
            _money(letter, inv.paid, inv.currency),
            _money(letter, inv.balance, inv.currency),
            t["days"].format(n=inv.days_late) if inv.days_late > 0 else "",
        ]
        for i, v in enumerate(values):
            cell(i, v, y)
        y -= 5 * mm
    c.line(MARGIN, y + 3 * mm, MARGIN + 170 * mm, y + 3 * mm)
    y -= 2 * mm
    cell(5, t["total_balance"].format(balance=_money(letter, letter.balance)), y, bold, 9.5)
    for currency, amount in letter.other_balances.items():  # never added to the euros
        y -= 5 * mm
        cell(5, t["total_balance"].format(balance=_money(letter, amount, currency)), y, bold, 9.5)
    y -= 8 * mm
    # late charges
    charged = [
        i for i in letter.invoices if i.charges and (i.charges.penalties or i.charges.indemnity)
    ]
    if letter.with_penalties and charged:
        if letter.legal_interest:
            y = paragraph(
                t["consumer_interest"].format(penalties=_money(letter, letter.penalties)), y, 9.5
            )
        else:
            title = t["public_title"] if letter.client_kind == "public" else t["penalties_title"]
            y = paragraph(title, y, 9.5, bold)
            for inv in charged:
                assert inv.charges is not None
                rates_text = ", ".join(sorted({f"{p.rate:.2f}" for p in inv.charges.periods}))
                line = t["public_line" if letter.client_kind == "public" else "penalties_line"]
                line = line.format(
                    number=inv.number,
                    days=inv.charges.days_late,
                    penalties=_money(letter, inv.charges.penalties),
                )
                shown_rates = (
                    rates_text.replace(".", ",") if letter.language == "fr" else rates_text
                )
                rate_note = t["public_rate" if letter.client_kind == "public" else "penalties_rate"]
                rate_note = rate_note.format(rates=shown_rates)
                y = paragraph(f"{line} ({rate_note})", y, 9)
            if len(charged) > 1:
                total_key = "public_total" if letter.client_kind == "public" else "penalties_total"
                y = paragraph(t[total_key].format(penalties=_money(letter, letter.penalties)), y, 9)
            if letter.indemnity:
                y = paragraph(
                    t["indemnity_line"].format(indemnity=_euros(letter, letter.indemnity)), y, 9
                )
        y -= 2 * mm
        y = paragraph(t["total_claimed"].format(total=total_due_text(letter)), y, 10.5, bold)
    # letter.warnings are for the owner (preview, command line), never printed for the client
    y -= 3 * mm
    # payment: instructions and QR code (for what is owed)
    if company.iban and letter.total_claimed > 0:
        if y < 60 * mm:
            y = new_page()
        qr_size = 28 * mm
        transfer = qr.Transfer(
            company.name, company.iban, letter.total_claimed, letter.reference, company.bic
        )
        # an EPC QR code asks for euros: none for an amount in another currency (point 5)
        code = qr.epc_qr(transfer) if letter.currency == "EUR" else None
        if code is not None:
            drawn.transfer = transfer
            qr.draw(c, code, PAGE_W - MARGIN - qr_size, y - qr_size + 4 * mm, qr_size)
        saved = width
        width = PAGE_W - 2 * MARGIN - qr_size - 6 * mm
        bic = f" — BIC {company.bic}" if company.bic else ""
        pay = t["pay" if code is not None else "pay_no_qr"]
        y = paragraph(pay.format(iban=company.iban, bic=bic, reference=letter.reference), y, 9)
        width = saved
        y = min(y, y - 8 * mm)
    if letter.client_kind == "consumer" and letter.mediator:
        y = paragraph(t["mediator"].format(mediator=letter.mediator), y, 8.5)
    y -= 4 * mm
    y = paragraph(t["closing"], y)
    y -= 6 * mm
    needed = (4.5 if letter.signatory else 0) + (
        8 + 3.6 * len(letter.identification) if letter.identification else 0
    )
    if needed and y - needed * mm < 20 * mm:
        y = new_page()
    text(PAGE_W - MARGIN - 60 * mm, y, company.name, 10, bold)
    if letter.signatory:  # the signatory's name and title (issue #13, point 9)
        y -= 4.5 * mm
        text(PAGE_W - MARGIN - 60 * mm, y, letter.signatory, 9.5)
    if letter.identification:  # who the creditor is: legal form, capital, register
        y -= 8 * mm
        for line in letter.identification:
            y = paragraph(line, y, 7.5, regular, 3.6)
    c.showPage()
    drawn.pages = len(pages) + 1
    return drawn


def write_letter(path: Path, letter: Letter, window: dict[str, int] | None = None) -> Drawn:
    """One letter to one PDF file (byte-stable: reportlab's invariant mode)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    footer = page.Footer(numbers=_t(letter)["page"], alone=False)
    with page.binary_streams():
        c = page.canvas(buffer, footer, subject_and_body(letter)[0], letter.company.name)
        drawn = draw_letter(c, letter, window)
        c.save()
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)
    return drawn


def letter_json(letter: Letter, file: Path) -> dict[str, Any]:
    return {
        "client": letter.client_code,
        "step": letter.step,
        "language": letter.language,
        "invoices": [i.number for i in letter.invoices],
        "balance": plain(letter.balance),
        "penalties": plain(letter.penalties),
        "indemnity": plain(letter.indemnity),
        "total_claimed": plain(letter.total_claimed),
        "currency": letter.currency,
        "file": str(file),
        "warnings": letter.warnings,
    }


# -- from the book ---------------------------------------------------------------------------------
NO_LETTER = ("phone_call",)


def prepare(as_of: dt.date | None = None) -> list[tuple[Letter, Any]]:
    """The day's letters, one per client and step (phone calls excepted), with their action.

    Read in one session (issue #11): the actions, the clients, the invoices with what was paid
    on them, their late charges and the settings all come from one state of the book."""
    from sqlalchemy import select

    from models import Client, Invoice
    from services.core import clock, company
    from services.followup import dunning, rates

    as_of = as_of or clock.today()
    out = []
    with company.reading() as s:
        data = company.load(s)
        me = company_party(data, with_logo=True)
        values = settings.load(s)
        mediator = values.mediator
        days = values.deadline_days
        own_rate = values.contractual_rate
        tables = rates.tables(values)
        actions = [a for a in dunning.actions(as_of, s=s) if a.step.action not in NO_LETTER]
        ids = [i.id for a in actions for i in a.invoices]
        clients = {
            c.id: c
            for chunk in _chunks(sorted({a.client_id for a in actions}))
            for c in s.scalars(select(Client).where(Client.id.in_(chunk)))
        }
        invoices = {
            i.id: i
            for chunk in _chunks(ids)
            for i in s.scalars(select(Invoice).where(Invoice.id.in_(chunk)))
        }
        paid = _paid_by(s, ids, as_of)
        notices = _formal_notices(s, ids, as_of)
        sent = _letters_sent(s, ids, as_of)
        handed = _hand_offs(s, ids, as_of)
        for action in actions:
            row = clients[action.client_id]
            client = Party(
                row.name, row.address, row.postcode, row.city, row.country, contact=row.contact
            )
            # numbered on the client's own ladder, not its kind's default (issue #12)
            steps = dunning.client_steps(s, row.kind, row.scenario_id)
            level = dunning.reminder_number(steps, action.step)
            letter = Letter(
                me,
                client,
                row.code,
                row.kind,
                row.language,
                action.step.action,
                level,
                action.step.with_penalties,
                as_of,
                action.currency,
                mediator=mediator,
                channel=action.step.channel,
                acts_professionally=bool(row.acts_professionally),
            )
            _identify(letter, data)
            letter.deadline_days = days
            for inv in action.invoices:
                full = invoices[inv.id]
                letter.letters_sent += sent.get(inv.id, [])
                if inv.id in notices:
                    letter.notices_sent[inv.number] = notices[inv.id]
                if inv.id in handed and not letter.handed_to:
                    letter.handed_on, letter.handed_to = handed[inv.id].since, handed[inv.id].agent
                try:
                    charges: Result | None = penalties.compute(
                        client_kind=row.kind,
                        total=full.total,
                        due_date=full.due_date,
                        as_of=as_of,
                        payments=paid.get(inv.id, []),
                        formal_notice_on=notices.get(inv.id),
                        collective_procedure_on=row.collective_procedure_on,
                        contractual_rate=own_rate if row.kind in ("pro", "nonprofit") else None,
                        acts_professionally=row.acts_professionally,
                        payments_to_penalties_first=values.payments_to_penalties_first,
                        t=tables,
                    )
                except UserError as exc:  # a date before the rate tables: never computed at 0
                    charges = None
                    letter.warn(WARN_NO_CHARGES, {"invoice": inv.number}, exc)
                for text, params in charges.warnings if charges is not None else ():
                    letter.warn(text, params)
                letter.invoices.append(
                    _line(full, as_of, charges if action.step.with_penalties else None)
                )
            _choose_template(letter, values)
            if letter.client_kind == "consumer" and not letter.mediator:
                letter.warn(WARN_NO_MEDIATOR)
            out.append((letter, action))
    return out


def _line(invoice: Any, as_of: dt.date, charges: Result | None = None) -> LetterInvoice:
    """An open invoice (a models.Invoice) as a letter lists it on ``as_of``."""
    return LetterInvoice(
        invoice.number,
        invoice.issue_date,
        invoice.due_date,
        invoice.total,
        invoice.allocated,
        invoice.total - invoice.allocated,
        max(0, (as_of - invoice.due_date).days),
        charges,
    )


WARN_NO_CHARGES = QT_TRANSLATE_NOOP(
    "Messages", "the late charges of {invoice} are left out of the letter: {problem}"
)
WARN_NO_MEDIATOR = QT_TRANSLATE_NOOP(
    "Messages",
    "no consumer mediator is set (Settings): the law requires giving consumers the "
    "mediator's details (L616-1 Code de la consommation)",
)
WARN_OWN_TEXT = QT_TRANSLATE_NOOP(
    "Messages",
    "your text for this letter was not used ({problem}); the shipped text was",
)


def _identify(letter: Letter, data: Any) -> None:
    """The creditor's identification under the signature (issue #13, point 9): legal form
    and capital, registered office, register; the signatory under the company's name."""
    from dataclasses import replace

    from services.core import company

    letter.identification = company.identification_lines(
        replace(data, signatory_name="", signatory_title=""), letter.language
    )
    letter.signatory = ", ".join(
        part for part in (data.signatory_name.strip(), data.signatory_title.strip()) if part
    )


def _choose_template(letter: Letter, values: settings.Settings) -> None:
    """The owner's text for the letter, unless it says what the book does not record
    (a text saved before the check of issue #13): then the shipped one, and a warning."""
    key = template_key(letter)
    own = values.template(letter.language, key)
    if own is None:
        return
    try:
        for field_name, text in zip(("subject", "body"), own, strict=True):
            check_mentions(text, key, field_name)
    except UserError as exc:
        letter.warn(WARN_OWN_TEXT, error=exc)
        return
    letter.template = own


def _chunks(ids: Sequence[int], size: int = 900) -> list[Sequence[int]]:
    return [ids[n : n + size] for n in range(0, len(ids), size)]


def _paid_by(
    s: Any, ids: Sequence[int], as_of: dt.date
) -> dict[int, list[tuple[dt.date, Decimal]]]:
    """What was allocated to each invoice by ``as_of`` (date, amount), as
    services.followup.penalties.for_invoice reads it for one invoice."""
    from sqlalchemy import select

    from models import Allocation

    out: dict[int, list[tuple[dt.date, Decimal]]] = {}
    for chunk in _chunks(ids):
        for a in s.scalars(
            select(Allocation)
            .where(Allocation.invoice_id.in_(chunk), Allocation.date <= as_of)
            .order_by(Allocation.id)
        ):
            if a.removed_on is None or a.removed_on > as_of:
                out.setdefault(a.invoice_id, []).append((a.date, a.amount))
    return out


def _formal_notices(s: Any, ids: Sequence[int], as_of: dt.date) -> dict[int, dt.date]:
    """The first formal notice done by ``as_of`` for each invoice (it starts a consumer's
    interest)."""
    from sqlalchemy import func, select

    from models import DunningRecord

    out: dict[int, dt.date] = {}
    for chunk in _chunks(ids):
        out.update(
            s.execute(
                select(DunningRecord.invoice_id, func.min(DunningRecord.on))
                .where(
                    DunningRecord.invoice_id.in_(chunk),
                    DunningRecord.action == "formal_notice",
                    DunningRecord.status == "done",
                    DunningRecord.on <= as_of,
                )
                .group_by(DunningRecord.invoice_id)
            ).all()
        )
    return out


#: the steps whose letters a later letter may cite ("despite our reminders of …")
CITED_STEPS = ("reminder", "formal_notice", "final_notice", "moratorium_claim")


def _letters_sent(s: Any, ids: Sequence[int], as_of: dt.date) -> dict[int, list[dt.date]]:
    """The dates of the reminders and notices recorded as done by ``as_of``, per invoice."""
    from sqlalchemy import select

    from models import DunningRecord

    out: dict[int, list[dt.date]] = {}
    for chunk in _chunks(ids):
        for invoice_id, on in s.execute(
            select(DunningRecord.invoice_id, DunningRecord.on).where(
                DunningRecord.invoice_id.in_(chunk),
                DunningRecord.action.in_(CITED_STEPS),
                DunningRecord.status == "done",
                DunningRecord.on <= as_of,
            )
        ):
            out.setdefault(invoice_id, []).append(on)
    return out


#: where a hand-off's details name who the file went to (the dialog: "name"; older books
#: and the command line: "agency", "court")
WHO_KEYS = ("name", "agency", "court", "lawyer")


@dataclass(frozen=True, slots=True)
class HandOff:
    """A hand-off recorded for an invoice: since when, to whom ("name, address"), and the
    step it stands for (agency, injunction, small_claims)."""

    since: dt.date
    agent: str
    step: str


def _hand_offs(s: Any, ids: Sequence[int], as_of: dt.date) -> dict[int, HandOff]:
    """The first hand-off recorded for each invoice by ``as_of`` that names someone."""
    import json

    from sqlalchemy import select

    from models import InvoiceHold

    out: dict[int, HandOff] = {}
    for chunk in _chunks(ids):
        for hold in s.scalars(
            select(InvoiceHold)
            .where(
                InvoiceHold.invoice_id.in_(chunk),
                InvoiceHold.kind.in_(("agency", "legal")),
                InvoiceHold.since <= as_of,
                InvoiceHold.closed_on.is_(None),
            )
            .order_by(InvoiceHold.since)
        ):
            try:
                details = json.loads(hold.details or "{}")
            except ValueError:
                details = {}
            if not isinstance(details, dict):
                continue
            who = next(
                (str(details[k]).strip() for k in WHO_KEYS if str(details.get(k) or "").strip()),
                "",
            )
            address = str(details.get("address") or "").strip()
            agent = f"{who}, {address}" if who and address else who
            if agent:
                step = "agency" if hold.kind == "agency" else str(details.get("to") or "injunction")
                out.setdefault(hold.invoice_id, HandOff(hold.since, agent, step))
    return out


def _write_one(job: tuple[Path, Letter, dict[str, int]]) -> Path:
    path, letter, window = job
    write_letter(path, letter, window)
    return path


#: from this many letters on, they are written by several processes (one per core)
PARALLEL_FROM = 60


def write_all(
    prepared: Sequence[tuple[Letter, Any]],
    out: Path,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[Letter, Any, Path]]:
    """One PDF per letter plus ``all.pdf`` (the command line and the window both write them
    here). A long run uses every core (the letters are independent); a bundled build, where
    new processes cannot be started the same way, writes them in turn. ``progress`` is told
    (letters written, letters in all) as they are written."""
    import os
    import sys

    out.mkdir(parents=True, exist_ok=True)
    window = settings.read().window
    jobs = [
        (
            out / f"{letter.on:%Y-%m-%d}-{letter.client_code}-{letter.step}-{letter.level}.pdf",
            letter,
            window,
        )
        for letter, _action in prepared
    ]
    workers = os.cpu_count() or 1
    written = [
        (letter, action, job[0]) for (letter, action), job in zip(prepared, jobs, strict=True)
    ]
    if not jobs:
        return written
    from pypdf import PdfWriter

    combined = PdfWriter()
    if len(jobs) >= PARALLEL_FROM and workers > 1 and not getattr(sys, "frozen", False):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # the letters are written by the workers while this process gathers them into all.pdf
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            chunks = max(1, len(jobs) // (workers * 8))
            for done, path in enumerate(pool.map(_write_one, jobs, chunksize=chunks), 1):
                combined.append(str(path))
                if progress is not None:
                    progress(done, len(jobs))
    else:
        for done, job in enumerate(jobs, 1):
            combined.append(str(_write_one(job)))
            if progress is not None:
                progress(done, len(jobs))
    with open(out / "all.pdf", "wb") as fh:
        combined.write(fh)
    return written


def record_sent(
    written: Sequence[tuple[Letter, Any, Path]], *, tracking: dict[str, str] | None = None
) -> None:
    """The letters went out: their actions are done, and each letter is archived as a
    ``correspondence`` document of its client (so the evidence file includes it).

    All or nothing (issue #11): the files are checked and copied into the document store
    first (a copy nobody refers to yet is harmless: it is dropped if anything fails), then
    every step and every document is recorded in one transaction."""
    from services.core import db
    from services.followup import dunning
    from services.proof import documents
    from services.proof.documents import Meta, Owner

    if not written:
        return
    items = documents.ingest_all([path for _letter, _action, path in written])
    try:
        with db.transaction() as s:
            for (letter, action, _path), item in zip(written, items, strict=True):
                number = (tracking or {}).get(letter.client_code, "")
                # recorded as it went out: a PDF letter, even for a step meant as an e-mail
                # (an e-mail that really went is recorded by services.paper.outbox)
                channel = "letter" if action.step.channel == "email" else ""
                dunning.mark_done_in_session(
                    s, action, letter.on, tracking_number=number, channel=channel
                )
                documents.attach_in_session(
                    s,
                    Owner(client_id=action.client_id),
                    item,
                    Meta("correspondence", subject_and_body(letter)[0], letter.on),
                )
    except BaseException:
        documents.forget(items)
        raise


def write_letters(
    path: Path, letters: Sequence[Letter], window: dict[str, int] | None = None
) -> None:
    """Several letters in one PDF, each numbered on its own pages (for the viewer)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for n, letter in enumerate(letters):
        part = path.with_name(f"{path.stem}-{n + 1}.pdf")
        write_letter(part, letter, window)
        writer.append(str(part))
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        writer.write(fh)
    tmp.replace(path)


def hand_off_letters(numbers: Sequence[str], as_of: dt.date | None = None) -> list[Letter]:
    """The letters telling the debtors that their file was handed over (issue #13, point 8):
    one per client and currency, for the invoices among ``numbers`` whose hand-off (to an
    agency, a court, a commissaire de justice) is recorded; each names whom it went to, with
    the name and address entered, and says that payment now goes there."""

    from models import Client, Invoice
    from services.core import clock, company, lookups

    as_of = as_of or clock.today()
    out: dict[tuple[int, str], Letter] = {}
    with company.reading() as s:
        data = company.load(s)
        me = company_party(data, with_logo=True)
        values = settings.load(s)
        ids = [lookups.invoice_id(s, number) for number in numbers]
        handed = _hand_offs(s, ids, as_of)
        for invoice_id in ids:
            hand_off = handed.get(invoice_id)  # none, or no name entered: nobody to name
            invoice = s.get(Invoice, invoice_id)
            if hand_off is None or invoice is None or invoice.total <= invoice.allocated:
                continue
            step = hand_off.step
            key = (invoice.client_id, invoice.currency)
            letter = out.get(key)
            if letter is None:
                row = s.get(Client, invoice.client_id)
                assert row is not None
                letter = Letter(
                    me,
                    Party(
                        row.name,
                        row.address,
                        row.postcode,
                        row.city,
                        row.country,
                        contact=row.contact,
                    ),
                    row.code,
                    row.kind,
                    row.language,
                    step if step in ("agency", "injunction", "small_claims") else "agency",
                    0,
                    False,
                    as_of,
                    invoice.currency,
                    mediator=values.mediator,
                    acts_professionally=bool(row.acts_professionally),
                )
                letter.deadline_days = values.deadline_days
                _identify(letter, data)
                out[key] = letter
            if not letter.handed_to:
                letter.handed_on, letter.handed_to = hand_off.since, hand_off.agent
            letter.invoices.append(_line(invoice, as_of))
        for letter in out.values():
            letter.invoices.sort(key=lambda i: (i.due_date, i.number))
            _choose_template(letter, values)
    return list(out.values())


def statement(client_code: str, as_of: dt.date | None = None) -> Letter:
    """The statement of account (relevé de compte) of a client as of a date."""
    from services.core import clock
    from services.core.company import get_company
    from services.ledger import clients as client_service
    from services.ledger import open_items as ledger

    as_of = as_of or clock.today()
    row = client_service.get_client_by_code(client_code)
    data = get_company()
    me = company_party(data)
    letter = Letter(
        me,
        Party(row.name, row.address, row.postcode, row.city, row.country, contact=row.contact),
        row.code,
        row.kind,
        row.language,
        "statement",
        0,
        False,
        as_of,
        "EUR",
    )
    _identify(letter, data)
    letter.template = settings.read().template(letter.language, "statement")
    items = [i for i in ledger.open_items(as_of, client_code=row.code, open_only=True)]
    if items:  # the statement's currency: euros when it has any, else the first item's
        currencies = {i.currency for i in items}
        letter.currency = "EUR" if "EUR" in currencies else items[0].currency
    for item in items:  # every open item, each in its own currency (issue #13, point 5)
        letter.invoices.append(
            LetterInvoice(
                item.number,
                item.issue_date,
                item.due_date,
                item.total,
                item.paid,
                item.balance,
                item.days_late if item.status == "overdue" else 0,
                currency=item.currency,
            )
        )
    return letter
