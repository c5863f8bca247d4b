"""Two more documents from the letters engine (issue #5, point 4; issue #13):

- the **payment-plan agreement** the client signs (an échéancier: a signed schedule is an
  acknowledgment of the debt, which interrupts prescription — shared/domain.md §3.4, §4.1),
  saying whether the late charges are waived if the plan is kept or reserved, and ending
  with "Fait à …, le …" and both signatures (issue #13, point 11);
- the **claim summary** (décompte): principal, penalties and indemnity per invoice, each
  amount in its own currency (the €40 always in euros, shown apart), the prescription date
  of each invoice (§3.4), the exhibits from the client's proof documents with their SHA-256
  (the formal notice and its acknowledgment of receipt named as such), the creditor
  identified as art. 57 CPC asks, and the route the debtor's legal status decides
  (shared/domain.md §4.6.1, services.core.legal_status): injonction de payer before the
  tribunal de commerce (Cerfa 12946) or the tribunal judiciaire (Cerfa 12948), with the
  procedure as it is since 1 March 2022 (§4.6); référé-provision before the tribunal
  administratif for a public buyer; no French injonction for a debtor abroad; and, when the
  debtor's legal form is not known, what is missing instead of a guessed court.

Written in French (they go to a French court or are signed under French law), A4,
with reportlab's platypus and the bundled DejaVu fonts.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from babel import Locale
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from sqlalchemy import select

from models import DunningRecord, PaymentPlan, PlanInstalment
from services.core import clock, db, legal_status, settings
from services.core.company import identification_lines
from services.core.dto import ClientRow, CompanyData, OpenItem
from services.core.errors import NotFound, UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.text import fold
from services.followup import penalties
from services.ledger import open_items as ledger
from services.paper.evidence import KIND_LABELS
from services.pdf import formats, page, tables
from services.pdf.fonts import fonts
from services.proof import documents
from services.proof.documents import DocumentRow

_KIND_LABELS_FR = KIND_LABELS["fr"]

MSG_NO_PLAN = QT_TRANSLATE_NOOP("Messages", "the client {code} has no payment plan in progress")
MSG_NOTHING_DUE = QT_TRANSLATE_NOOP("Messages", "the client {code} owes nothing overdue on {date}")
MSG_CHARGES = QT_TRANSLATE_NOOP(
    "Messages", "'{value}' says neither that the late charges are waived nor reserved."
)
SMALL_CLAIM = Decimal(
    "5000.00"
)  # art. 750-1 CPC: amicable attempt first, before the tribunal judiciaire

#: what the payment-plan agreement says of the late charges if the plan is kept
WAIVED = "waived"
RESERVED = "reserved"

ZERO = Decimal("0.00")
NBSP = "\u00a0"


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts().regular, fonts().bold
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=15, leading=19, spaceAfter=6),
        "h": ParagraphStyle(
            "h", fontName=bold, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3
        ),
        "p": ParagraphStyle("p", fontName=regular, fontSize=9.5, leading=13, spaceAfter=3),
        "small": ParagraphStyle("small", fontName=regular, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=10.5),
        "cellb": ParagraphStyle("cellb", fontName=bold, fontSize=8.5, leading=10.5),
        "cellr": ParagraphStyle("cellr", fontName=regular, fontSize=8.5, leading=10.5, alignment=2),
        "cellbr": ParagraphStyle("cellbr", fontName=bold, fontSize=8.5, leading=10.5, alignment=2),
    }


def _money(value: Decimal, currency: str = "EUR") -> str:
    """'1 234,56 €' for euros; '16 201,25 USD' in any other currency (its ISO code: '$'
    would not say which dollar)."""
    text = formats.money(value, "EUR", "fr")
    if currency != "EUR":
        text = text.removesuffix(NBSP + "€") + NBSP + currency
    return fonts().amount(text)


def _sums(amounts: dict[str, Decimal], indemnity: Decimal = ZERO) -> str:
    """Amounts in several currencies, never added together: '16 201,25 USD + 40,00 €' (the
    €40 indemnities are in euros: added to the euro amount only)."""
    euros = amounts.get("EUR", ZERO) + indemnity
    parts = [_money(v, c) for c, v in sorted(amounts.items()) if c != "EUR"]
    if euros or "EUR" in amounts or not parts:
        parts.append(_money(euros))
    return " + ".join(parts)


def _d(day: dt.date | None) -> str:
    return formats.short_date(day, "fr") if day else ""


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _table(
    rows: list[list[str]],
    widths: list[float],
    styles: dict[str, ParagraphStyle],
    right: set[int] | frozenset[int] = frozenset(),
    totals: int = 0,
) -> Table:
    """``rows[0]`` the header, the last ``totals`` rows totals (both in bold); ``widths`` in mm."""

    def style(r: int, c: int) -> ParagraphStyle:
        name = "cellb" if r == 0 or r >= len(rows) - totals else "cell"
        return styles[name + "r" if c in right else name]

    data = [
        [Paragraph(escape(v), style(r, c)) for c, v in enumerate(row)] for r, row in enumerate(rows)
    ]
    return tables.table(data, [w * mm for w in widths], right=right, totals=totals)


def _town(postcode: str, city: str) -> str:
    return " ".join(p for p in (postcode.strip(), city.strip()) if p)


def _creditor_lines(company: CompanyData) -> list[str]:
    """The creditor as art. 57 CPC identifies a legal person: name, legal form, registered
    office, register and the person who represents it; what is not entered is said so."""
    lines = [
        company.name or "Raison sociale : non renseignée",
        *identification_lines(company, "fr"),
    ]
    if not company.legal_form:
        lines.append("Forme juridique : non renseignée")
    if not (company.address or company.city):
        lines.append("Siège social : non renseigné")
    if company.register_number and company.siren and company.register_number != company.siren:
        lines.append(f"SIREN {company.siren}")
    if not company.signatory_name:
        lines.append("Représentant légal : non renseigné")
    return lines


def _debtor_lines(client: ClientRow) -> list[str]:
    lines = [client.name]
    form = legal_status.name_fr(client.legal_form)
    if form:
        lines.append(form[0].upper() + form[1:])
    elif client.kind == "pro":
        lines.append("Forme juridique : non renseignée")
    lines += [line.strip() for line in client.address.splitlines() if line.strip()]
    town = _town(client.postcode, client.city)
    if town:
        lines.append(town)
    if client.country and client.country != "FR":
        lines.append(_country(client.country))
    if client.siren:
        lines.append(f"SIREN {client.siren}")
    lines.append(f"Code client : {client.code}")
    return lines


def _parties(creditor: list[str], debtor: list[str], styles: dict[str, ParagraphStyle]) -> Table:
    def block(title: str, lines: list[str]) -> Paragraph:
        first, *rest = lines
        text = [f"<b>{escape(title)}</b>", f"<b>{escape(first)}</b>", *map(escape, rest)]
        return Paragraph("<br/>".join(text), styles["p"])

    return tables.boxes(
        [block("Créancier", creditor), block("Débiteur", debtor)], [85 * mm, 85 * mm]
    )


def _country(code: str) -> str:
    name = Locale("fr").territories.get(code.upper(), "")
    return f"{name} ({code.upper()})" if name else code.upper()


def _company_and_client(code: str) -> tuple[CompanyData, ClientRow]:
    """The company and the client found by ``code`` (any case, trimmed:
    services.core.lookups)."""
    from services.core.company import get_company
    from services.ledger import clients as client_service

    return get_company(), client_service.get_client_by_code(code)


def _build(out: Path, story: list[Flowable], title: str, author: str) -> int:
    """The document on A4 pages, "title … page x / y" at the foot of each; its page count."""
    return page.build(out, story, page.Footer(left=title), title=title, author=author)


def _charges_rule(client: ClientRow) -> str:
    """Which late charges the law gives against this debtor (services.followup.penalties'
    rule): "l441", "public" or "legal" — shared/domain.md §2.6.1, §3.1, §3.8."""
    return penalties.regime(client.kind, client.acts_professionally)


# -- the payment-plan agreement -----------------------------------------------------------------
def plan_agreement(code: str, out: Path, *, charges: str = RESERVED) -> int:
    """The client's latest plan still in progress, as an agreement to sign; returns pages.

    ``charges``: WAIVED — the late charges are waived if every instalment is paid on its
    date; RESERVED (the default) — they stay due. The agreement says which, in words."""
    if charges not in (WAIVED, RESERVED):
        raise UserError(MSG_CHARGES, field="charges", value=charges)
    company, client = _company_and_client(code)
    code = client.code
    with db.reading() as s:
        plan = s.scalars(
            select(PaymentPlan)
            .where(PaymentPlan.client_id == client.id, PaymentPlan.closed_on.is_(None))
            .order_by(PaymentPlan.agreed_on.desc(), PaymentPlan.id.desc())
        ).first()
        if plan is None:
            raise NotFound(MSG_NO_PLAN, field="client", code=code)
        instalments = [
            (i.due_on, i.amount)
            for i in s.scalars(
                select(PlanInstalment)
                .where(PlanInstalment.plan_id == plan.id)
                .order_by(PlanInstalment.due_on)
            )
        ]
        invoice_ids = json.loads(plan.invoice_ids or "[]")
        agreed_on, total, currency = plan.agreed_on, plan.total, plan.currency or "EUR"
    items = [i for i in ledger.open_items(agreed_on, client_code=code) if i.id in invoice_ids]
    st = _styles()
    story: list[Flowable] = [
        Paragraph("Échéancier de paiement — accord", st["title"]),
        _p(f"Établi le {_d(agreed_on)}", st["p"]),
        Spacer(1, 4 * mm),
        _parties(_creditor_lines(company), _debtor_lines(client), st),
        Spacer(1, 4 * mm),
        Paragraph("Créances concernées", st["h"]),
        _table(
            [["Facture", "Émise le", "Échéance", "Montant TTC", "Reste dû"]]
            + [
                [
                    i.number,
                    _d(i.issue_date),
                    _d(i.due_date),
                    _money(i.total, i.currency),
                    _money(i.balance, i.currency),
                ]
                for i in items
            ],
            [35, 30, 30, 37, 38],
            st,
            {3, 4},
        ),
        Spacer(1, 2 * mm),
        _p(
            f"Le débiteur reconnaît devoir au créancier la somme de {_money(total, currency)} "
            "au titre des factures ci-dessus et s’engage à la régler selon l’échéancier "
            "suivant :",
            st["p"],
        ),
        Spacer(1, 2 * mm),
        _table(
            [["Échéance n°", "Date", "Montant"]]
            + [
                [str(n), _d(day), _money(amount, currency)]
                for n, (day, amount) in enumerate(instalments, 1)
            ],
            [40, 50, 50],
            st,
            {2},
        ),
        Spacer(1, 3 * mm),
        Paragraph("Conditions", st["h"]),
        _p(
            "Tant que les échéances sont honorées à leur date, le créancier suspend toute "
            "relance et toute procédure de recouvrement pour les factures ci-dessus. À défaut "
            "de paiement d’une seule échéance à sa date, et huit jours après une mise en "
            "demeure restée sans effet, la totalité des sommes restant dues deviendra "
            "immédiatement exigible et le créancier pourra reprendre le recouvrement. Le "
            "présent accord vaut reconnaissance de dette par le débiteur (article 2240 du Code "
            "civil).",
            st["p"],
        ),
        Paragraph(_charges_heading(client, charges), st["h"]),
        _p(_charges_text(client, charges), st["p"]),
    ]
    if company.iban:
        story.append(
            _p(
                f"Règlement par virement : IBAN {company.iban}"
                + (f" — BIC {company.bic}" if company.bic else "")
                + f" — référence à rappeler : ECH-{code}",
                st["p"],
            )
        )
    town = company.city.strip() or "…………………………"
    signatory = (
        f"{company.signatory_name}, {company.signatory_title}"
        if company.signatory_name
        else "Nom et qualité du signataire :"
    )
    signatures = tables.boxes(
        [
            Paragraph(
                f"<b>Pour le créancier</b><br/>{escape(company.name)}<br/>{escape(signatory)}"
                "<br/>Signature",
                st["p"],
            ),
            Paragraph(
                f"<b>Pour le débiteur</b><br/>{escape(client.name)}<br/>Nom et qualité du "
                "signataire :<br/>« Bon pour accord », signature",
                st["p"],
            ),
        ],
        [85 * mm, 85 * mm],
        height=38 * mm,
    )
    story += [
        Spacer(1, 5 * mm),
        _p(
            f"Fait à {town}, le {formats.long_date(agreed_on, 'fr')}, en deux exemplaires "
            "originaux.",
            st["p"],
        ),
        Spacer(1, 2 * mm),
        signatures,
    ]
    return _build(out, story, f"Échéancier — {client.name}", company.name)


def _charges_heading(client: ClientRow, charges: str) -> str:
    rule = _charges_rule(client)
    if rule == "legal":
        what, agreed = "Intérêts", ("abandonnés", "réservés")
    elif rule == "public":
        what, agreed = "Intérêts moratoires et indemnité", ("abandonnés", "réservés")
    else:
        what, agreed = "Pénalités et indemnité", ("abandonnées", "réservées")
    if charges == WAIVED:
        return f"{what} : {agreed[0]} si l’échéancier est respecté"
    return f"{what} : {agreed[1]}"


def _charges_text(client: ClientRow, charges: str) -> str:
    """The late charges against this debtor, waived if the plan is kept or reserved."""
    rule = _charges_rule(client)
    indemnity = ""
    if rule == "legal":
        charged = (
            "intérêts au taux légal qui courent depuis la mise en demeure (article 1231-6 du "
            "Code civil)"
        )
        they, due = "ils", "dus"
    elif rule == "public":
        charged = (
            "intérêts moratoires (articles L2192-13 et R2192-31 du Code de la commande publique)"
        )
        indemnity = (
            "indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article "
            "D2192-35)"
        )
        they, due = "ils", "dus"
    else:
        charged = "pénalités de retard (article L441-10 du Code de commerce)"
        indemnity = (
            "indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article D441-5)"
        )
        they, due = "elles", "dues"
    if charges == WAIVED:
        what = f"aux {charged}" + (f" et à l’{indemnity}" if indemnity else "")
        return (
            f"Si toutes les échéances sont payées à leur date, le créancier renonce {what}. "
            "À défaut de paiement d’une échéance, cette renonciation est non avenue : "
            f"{they} sont {due} depuis l’échéance de chaque facture."
        )
    what = f"les {charged}" + (f" et l’{indemnity}" if indemnity else "")
    return (
        f"Le créancier réserve {what} : {they} restent {due} et pourront être réclamé"
        + ("e" if they == "elles" else "")
        + "s, même si l’échéancier est respecté."
    )


# -- the claim summary --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Notice:
    on: dt.date
    tracking: str


def _formal_notices(invoice_ids: Iterable[int], as_of: dt.date) -> list[_Notice]:
    """The formal notices recorded as done for these invoices by ``as_of`` (one per date)."""
    with db.reading() as s:
        rows = s.execute(
            select(DunningRecord.on, DunningRecord.tracking_number)
            .where(
                DunningRecord.invoice_id.in_(list(invoice_ids)),
                DunningRecord.action == "formal_notice",
                DunningRecord.status == "done",
                DunningRecord.on <= as_of,
            )
            .order_by(DunningRecord.on, DunningRecord.id)
        ).all()
    seen: dict[dt.date, _Notice] = {}
    for on, tracking in rows:
        if on not in seen or (tracking and not seen[on].tracking):
            seen[on] = _Notice(on, tracking or "")
    return list(seen.values())


def _is_formal_notice(doc: DocumentRow, notices: list[_Notice]) -> bool:
    """A letter kept as correspondence on the day a formal notice was sent, or titled so."""
    if doc.kind != "correspondence":
        return False
    title = fold(doc.title)
    return (
        "mise en demeure" in title
        or "formal notice" in title
        or (doc.document_date is not None and any(n.on == doc.document_date for n in notices))
    )


def _prescription(client: ClientRow, due: dt.date, issued: dt.date) -> dt.date:
    """When the claim on an invoice is time-barred (shared/domain.md §3.4): 5 years from the
    due date (L110-4 C. com., 2224 C. civ.), 2 years against a consumer (L218-2 C. conso.);
    against a public body, the quadriennial prescription of loi n° 68-1250 (4 years from
    1 January after the year the right arose — here the invoice's year)."""
    if client.kind == "public":
        return dt.date(issued.year + 4, 12, 31)
    years = 2 if client.kind == "consumer" else 5
    try:
        return due.replace(year=due.year + years)
    except ValueError:  # 29 February
        return due.replace(year=due.year + years, day=28)


def claim_summary(code: str, out: Path, as_of: dt.date | None = None) -> int:
    """Décompte of the client's overdue invoices with their charges, the prescription
    dates, the exhibits and the route the debtor's legal status decides (court, form,
    procedure); returns the number of pages."""
    as_of = as_of or clock.today()
    company, client = _company_and_client(code)
    code = client.code
    overdue = [
        i
        for i in ledger.open_items(as_of, client_code=code, open_only=True)
        if i.kind == "invoice" and i.status == "overdue"
    ]
    if not overdue:
        raise UserError(MSG_NOTHING_DUE, field="client", code=code, date=as_of.isoformat())
    route = legal_status.route(client.kind, client.legal_form, client.registered_as, client.country)
    st = _styles()

    # the figures: each amount in its currency, the €40 in euros
    rows = [["Facture", "Échéance", "Retard", "Principal", "Pénalités", "Indemnité", "Total"]]
    principal: dict[str, Decimal] = {}
    charges: dict[str, Decimal] = {}
    indemnity = ZERO
    for item in overdue:
        _number, result = penalties.for_invoice(item.number, as_of)
        cur = item.currency
        rows.append(
            [
                item.number,
                _d(item.due_date),
                f"{item.days_late} j",
                _money(item.balance, cur),
                _money(result.penalties, cur),
                _money(result.indemnity),
                _sums({cur: item.balance + result.penalties}, result.indemnity),
            ]
        )
        principal[cur] = principal.get(cur, ZERO) + item.balance
        charges[cur] = charges.get(cur, ZERO) + result.penalties
        indemnity += result.indemnity
    currencies = sorted(principal)
    if currencies == ["EUR"]:
        totals = 1
        rows.append(
            [
                "Total",
                "",
                "",
                _money(principal["EUR"]),
                _money(charges["EUR"]),
                _money(indemnity),
                _money(principal["EUR"] + charges["EUR"] + indemnity),
            ]
        )
    else:  # one line per currency; the indemnities (euros) on their own line
        totals = len(currencies) + (1 if indemnity else 0)
        for cur in currencies:
            rows.append(
                [
                    f"Total {cur}",
                    "",
                    "",
                    _money(principal[cur], cur),
                    _money(charges[cur], cur),
                    "",
                    _money(principal[cur] + charges[cur], cur),
                ]
            )
        if indemnity:
            rows.append(["Indemnités (€)", "", "", "", "", _money(indemnity), _money(indemnity)])
    claimed = {c: principal[c] + charges[c] for c in currencies}

    story: list[Flowable] = [
        Paragraph(escape(_title(route)), st["title"]),
        _p(
            f"Arrêté au {_d(as_of)}"
            + (
                " (articles 1405 à 1425 du Code de procédure civile)"
                if route.procedure == legal_status.INJONCTION
                else ""
            ),
            st["p"],
        ),
        Spacer(1, 4 * mm),
        _parties(_creditor_lines(company), _debtor_lines(client), st),
        Spacer(1, 4 * mm),
        Paragraph("Décompte", st["h"]),
        _table(rows, [24, 20, 14, 29, 26, 22, 35], st, {2, 3, 4, 5, 6}, totals=totals),
        Spacer(1, 1 * mm),
        Paragraph("<b>Total réclamé : " + escape(_sums(claimed, indemnity)) + "</b>", st["p"]),
        _p(_basis_of_charges(client), st["small"]),
    ]
    if currencies != ["EUR"]:
        story.append(
            _p(
                "Chaque montant est exprimé dans la devise de sa facture ; les montants en "
                "devises différentes ne sont pas additionnés. L’indemnité forfaitaire est "
                "toujours de 40 € (en euros).",
                st["small"],
            )
        )
    story += _court_section(route, client, claimed, st)
    story += _prescription_section(client, overdue, as_of, route, st)
    story += _exhibits_section(client, overdue, as_of, st)
    story += _procedure_section(route, st)
    return _build(out, story, f"Décompte — {client.name}", company.name)


def _title(route: legal_status.Route) -> str:
    if route.procedure == legal_status.INJONCTION:
        return "Décompte de créance — requête en injonction de payer"
    if route.procedure == legal_status.REFERE_PROVISION:
        return "Décompte de créance — référé-provision devant le tribunal administratif"
    if route.procedure in (legal_status.EUROPEAN_ORDER, legal_status.LOCAL_COUNSEL):
        return "Décompte de créance — débiteur établi hors de France"
    return "Décompte de créance"


def _basis_of_charges(client: ClientRow) -> str:
    rule = _charges_rule(client)
    if rule == "public":
        return (
            "Intérêts moratoires au taux de la BCE en vigueur au premier jour du semestre où "
            "ils ont commencé à courir, majoré de 8 points (articles L2192-13 et R2192-31 du "
            "Code de la commande publique), et indemnité forfaitaire de 40 € par facture "
            "(article D2192-35)."
        )
    if rule == "legal":
        return (
            "Intérêts au taux légal à compter de la mise en demeure (articles 1231-6 et 1344-1 "
            "du Code civil) ; pas d’indemnité forfaitaire"
            + (
                " : les frais de recouvrement engagés sans titre exécutoire restent à la charge "
                "du créancier (article L111-8 du Code des procédures civiles d’exécution)."
                if client.kind == "consumer"
                else " (personne morale n’agissant pas pour des besoins professionnels)."
            )
        )
    rate = settings.read().contractual_rate
    if rate is not None:
        penalties_text = f"Pénalités au taux contractuel de {rate:.2f} % l’an".replace(".", ",")
    else:
        penalties_text = "Pénalités au taux BCE majoré de 10 points par semestre"
    return (
        f"{penalties_text} et indemnité forfaitaire de 40 € par facture (articles L441-10 et "
        "D441-5 du Code de commerce)."
    )


def _where(client: ClientRow) -> str:
    town = _town(client.postcode, client.city)
    if not town:
        return "du lieu où demeure le débiteur (adresse non renseignée : à compléter)"
    return f"du lieu où demeure le débiteur, {town}"


def _court_section(
    route: legal_status.Route,
    client: ClientRow,
    claimed: dict[str, Decimal],
    st: dict[str, ParagraphStyle],
) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Juridiction et formulaire", st["h"])]
    ls = legal_status
    if route.procedure == ls.INJONCTION:
        pilot = ""
        if route.court == ls.TRIBUNAL_DE_COMMERCE:
            court = (
                "le président du tribunal mixte de commerce"
                if route.overseas
                else "le président du tribunal de commerce"
            )
            pilot = (
                " Dans douze villes, de 2025 à 2028, le tribunal de commerce est le tribunal des "
                "activités économiques (TAE)."
            )
            form = (
                "Cerfa n° 12946 (requête en injonction de payer au président du tribunal de "
                "commerce)"
            )
        else:
            court = "le tribunal judiciaire"
            form = "Cerfa n° 12948 (requête en injonction de payer devant le tribunal judiciaire)"
            if route.row == ls.CONSUMER:
                form += (
                    " — n° 16040 seulement pour un bail d’habitation ou un crédit à la "
                    "consommation (juge des contentieux de la protection)"
                )
        out.append(
            _p(
                f"Juridiction compétente : {court} {_where(client)} (article 1406 du Code de "
                "procédure civile). Encaisse ne connaît pas hors ligne le tribunal dont relève "
                "chaque commune : le vérifier avant le dépôt." + pilot,
                st["p"],
            )
        )
        out.append(_p(f"Formulaire : {form}, ou requête sur papier libre.", st["p"]))
        out.append(_p(f"Fondement : {route.basis}.", st["small"]))
        if route.court == ls.TRIBUNAL_JUDICIAIRE:
            euros_only = set(claimed) == {"EUR"}
            if not euros_only or claimed["EUR"] <= SMALL_CLAIM:
                out.append(
                    _p(
                        (
                            "Si la créance n’excède pas 5 000 €"
                            if not euros_only
                            else "Créance de 5 000 € au plus"
                        )
                        + " devant le tribunal judiciaire : une tentative préalable de "
                        "conciliation, de médiation ou de procédure participative peut être "
                        "exigée (article 750-1 du Code de procédure civile), sauf si la "
                        "procédure simplifiée de recouvrement des petites créances a été tentée "
                        "en vain.",
                        st["p"],
                    )
                )
            if route.row == ls.CONSUMER:
                out.append(
                    _p(
                        "Jusqu’à 5 000 €, la procédure simplifiée de recouvrement des petites "
                        "créances (commissaire de justice, article L125-1 du Code des "
                        "procédures civiles d’exécution) est une autre voie, si le débiteur "
                        "l’accepte.",
                        st["p"],
                    )
                )
    elif route.procedure == ls.REFERE_PROVISION:
        out.append(
            _p(
                "Pas d’injonction de payer contre une personne publique : la créance née d’un "
                "contrat de la commande publique, contrat administratif (article L6 du Code de "
                "la commande publique), se réclame devant le juge des référés du tribunal "
                "administratif par un référé-provision (article R541-1 du Code de justice "
                "administrative), qui accorde une provision lorsque l’existence de "
                "l’obligation n’est pas sérieusement contestable.",
                st["p"],
            )
        )
        town = _town(client.postcode, client.city)
        out.append(
            _p(
                "Juridiction : le tribunal administratif territorialement compétent — en "
                "principe celui du lieu d’exécution du contrat (article R312-11 du Code de "
                "justice administrative), à vérifier"
                + (f" ; le débiteur est à {town}." if town else "."),
                st["p"],
            )
        )
    elif route.procedure == ls.EUROPEAN_ORDER:
        out.append(
            _p(
                f"Pays du débiteur : {_country(client.country)}. Aucune injonction de payer "
                "française n’est possible contre un débiteur sans adresse en France (article "
                "1406 du Code de procédure civile).",
                st["p"],
            )
        )
        out.append(
            _p(
                "Le débiteur étant établi dans un autre État membre de l’Union européenne, la "
                "procédure européenne d’injonction de payer (règlement (CE) n° 1896/2006, "
                "formulaire A) permet de réclamer une créance transfrontière liquide et "
                "exigible, devant la juridiction que désignent les règles européennes de "
                "compétence : se faire conseiller.",
                st["p"],
            )
        )
    elif route.procedure == ls.LOCAL_COUNSEL:
        out.append(
            _p(
                f"Pays du débiteur : {_country(client.country)}. Aucune injonction de payer "
                "française n’est possible contre un débiteur sans adresse en France (article "
                "1406 du Code de procédure civile), et la procédure européenne d’injonction "
                "de payer (règlement (CE) n° 1896/2006) ne s’applique qu’entre États membres "
                "de l’Union européenne (hors Danemark) : le recouvrement judiciaire passe par "
                "un avocat ou un correspondant dans le pays du débiteur.",
                st["p"],
            )
        )
    else:
        out.append(
            _p("Juridiction : non déterminée — une information manque sur le débiteur.", st["p"])
        )
        if "legal_form" in route.missing:
            out.append(
                _p(
                    "La forme juridique du débiteur n’est pas renseignée (fiche client, champ "
                    "« Forme juridique »). C’est elle qui désigne le tribunal : société "
                    "commerciale (SA, SAS, SARL, EURL, SNC…), commerçant ou artisan d’un côté ; "
                    "société civile (SCI, SCP, SCM), société d’exercice libéral, profession "
                    "libérale, exploitant agricole ou association de l’autre. Encaisse ne la "
                    "devine pas : la renseigner, puis refaire ce décompte.",
                    st["p"],
                )
            )
        if "registered_as" in route.missing:
            out.append(
                _p(
                    "Le débiteur est un entrepreneur individuel dont l’immatriculation n’est pas "
                    "renseignée (fiche client, champ « Immatriculé comme ») : commerçant (RCS) "
                    "ou artisan (RNE/RM) ; s’il exerce une profession libérale ou agricole, "
                    "choisir plutôt cette forme juridique. La renseigner, puis refaire ce "
                    "décompte.",
                    st["p"],
                )
            )
    return out


def _prescription_section(
    client: ClientRow,
    overdue: list[OpenItem],
    as_of: dt.date,
    route: legal_status.Route,
    st: dict[str, ParagraphStyle],
) -> list[Flowable]:
    dates = [(i.number, _prescription(client, i.due_date, i.issue_date)) for i in overdue]
    rows = [["Facture", "Échéance", "Prescription au"]]
    rows += [
        [i.number, _d(i.due_date), _d(day)] for i, (_n, day) in zip(overdue, dates, strict=True)
    ]
    if client.kind == "public":
        rule = (
            "Prescription quadriennale des créances sur les personnes publiques (loi n° 68-1250 "
            "du 31 décembre 1968) : quatre ans à compter du 1er janvier de l’année qui suit "
            "celle où les droits ont été acquis — calculée ici sur l’année de la facture (un "
            "an plus tôt si la prestation a été achevée l’année précédente). Toute réclamation "
            "écrite adressée à l’administration au sujet de la créance l’interrompt (article 2 "
            "de la loi)."
        )
    else:
        rule = (
            (
                "Prescription de deux ans contre un consommateur (article L218-2 du Code de la "
                "consommation)"
                if client.kind == "consumer"
                else "Prescription de cinq ans (article L110-4 du Code de commerce ; article "
                "2224 du Code civil)"
            )
            + ", comptée ici à partir de l’échéance de chaque facture, sans tenir compte "
            "d’une interruption (reconnaissance de dette, paiement partiel : article 2240 du "
            "Code civil). Dans la procédure d’injonction de payer, seule la signification de "
            "l’ordonnance interrompt la prescription, non le dépôt de la requête ; une mise en "
            "demeure, même par lettre recommandée, ne l’interrompt pas (Cass. 18 mai 2022, "
            "n° 20-23.204)."
        )
    out: list[Flowable] = [
        Paragraph("Prescription", st["h"]),
        _table(rows, [40, 40, 40], st),
        Spacer(1, 1 * mm),
        _p(rule, st["p"]),
    ]
    if route.procedure in (legal_status.EUROPEAN_ORDER, legal_status.LOCAL_COUNSEL):
        out.append(
            _p(
                "Dates calculées selon la loi française ; la loi applicable au contrat peut "
                "en fixer d’autres.",
                st["small"],
            )
        )
    first_number, first = min(dates, key=lambda d: d[1])
    if first <= as_of:
        out.append(
            _p(
                f"Attention : la facture {first_number} est prescrite depuis le {_d(first)}, "
                "sauf interruption.",
                st["p"],
            )
        )
    else:
        out.append(
            _p(f"Prescription la plus proche : facture {first_number}, le {_d(first)}.", st["p"])
        )
    return out


def _exhibits_section(
    client: ClientRow,
    overdue: list[OpenItem],
    as_of: dt.date,
    st: dict[str, ParagraphStyle],
) -> list[Flowable]:
    notices = _formal_notices([i.id for i in overdue], as_of)
    docs = documents.list_documents(client_id=client.id)
    numbers = {i.number for i in overdue}
    exhibits = [d for d in docs if d.invoice_number in numbers or not d.invoice_number]
    rows = [["N°", "Pièce", "Date", "Facture", "Empreinte SHA-256"]]
    notice_docs: list[DocumentRow] = []
    receipts: list[DocumentRow] = []
    for n, d in enumerate(exhibits, 1):
        if _is_formal_notice(d, notices):
            notice_docs.append(d)
            tracking = next((x.tracking for x in notices if x.on == d.document_date), "")
            label = (
                f"Mise en demeure du {_d(d.document_date)}"
                if d.document_date
                else "Mise en demeure"
            )
            label += f" (lettre recommandée avec AR n° {tracking})" if tracking else ""
            label += f" — {d.title}"
        elif d.kind == "acknowledgment":
            receipts.append(d)
            label = f"Accusé de réception — {d.title}"
        else:
            label = f"{_KIND_LABELS_FR.get(d.kind, d.kind)} — {d.title}"
        rows.append([str(n), label, _d(d.document_date), d.invoice_number, d.sha256[:16] + "…"])
    rows.append([str(len(exhibits) + 1), "Copies des factures et du présent décompte", "", "", ""])
    out: list[Flowable] = [
        Paragraph("Pièces jointes", st["h"]),
        _table(rows, [10, 70, 22, 25, 43], st),
    ]
    notes: list[str] = []
    if not notices and not notice_docs:
        notes.append(
            "Aucune mise en demeure n’est enregistrée pour ces factures"
            + (
                " : contre ce débiteur, les intérêts ne courent qu’à compter de la mise en demeure."
                if _charges_rule(client) == "legal"
                else "."
            )
        )
    elif notices and not notice_docs:
        sent = ", ".join(
            _d(n.on) + (f" (lettre recommandée n° {n.tracking})" if n.tracking else "")
            for n in notices
        )
        notes.append(
            f"Mise en demeure enregistrée le {sent}, mais sa copie n’est pas parmi les "
            "documents du client : la joindre à la requête, avec son accusé de réception."
        )
    if notice_docs and not receipts:
        notes.append(
            "L’accusé de réception de la mise en demeure n’est pas parmi les documents du "
            "client : le joindre s’il a été reçu."
        )
    out += [_p(note, st["p"]) for note in notes]
    return out


def _procedure_section(route: legal_status.Route, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if route.procedure != legal_status.INJONCTION:
        return []
    # shared/domain.md §4.6 as corrected for 1 March 2022 (décret 2021-1322): the ordonnance
    # is issued bearing the formule exécutoire; the old request within a month is gone
    return [
        Paragraph("Suite de la procédure", st["h"]),
        _p(
            "Le juge statue sans audience. S’il fait droit à la requête, le greffe remet au "
            "créancier une copie certifiée conforme de la requête et de l’ordonnance, revêtue "
            "dès sa délivrance de la formule exécutoire (articles 1410 et 1411 du Code de "
            "procédure civile, depuis le 1er mars 2022).",
            st["p"],
        ),
        _p(
            "L’ordonnance doit être signifiée au débiteur par un commissaire de justice dans "
            "les six mois de sa date, faute de quoi elle est non avenue (article 1411).",
            st["p"],
        ),
        _p(
            "Le débiteur dispose d’un mois à compter de la signification pour former opposition "
            "(article 1416 ; si la signification n’a pas été faite à sa personne, le délai court "
            "du premier acte signifié à personne ou de la première mesure d’exécution). En cas "
            "d’opposition, l’affaire est jugée selon la procédure ordinaire.",
            st["p"],
        ),
        _p(
            "Sans opposition dans ce mois, l’ordonnance produit les effets d’un jugement et "
            "peut être exécutée dès la fin du délai : aucune autre démarche auprès du greffe "
            "n’est nécessaire. Elle s’exécute pendant dix ans (article L111-4 du Code des "
            "procédures civiles d’exécution).",
            st["p"],
        ),
    ]
