"""Two more documents from the letters engine (issue #5, point 4):

- the **payment-plan agreement** the client signs (an échéancier: a signed schedule is an
  acknowledgment of the debt, which interrupts prescription — shared/domain.md §3.4, §4.1);
- the **claim summary for an injonction de payer** (décompte): principal, penalties and
  indemnity per invoice, the exhibits from the client's proof documents with their SHA-256,
  the competent court (tribunal de commerce — or tribunal des activités économiques — for a
  business debtor, tribunal judiciaire for a consumer or a non-merchant) and the Cerfa form
  (12946 or 12948), with the deadlines of the procedure (§4.5–4.6).

Written in French (they go to a French court or are signed under French law), A4,
with reportlab's platypus and the bundled DejaVu fonts.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from sqlalchemy import select

from models import PaymentPlan, PlanInstalment
from services.core import clock, db
from services.core.errors import NotFound, UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.followup import penalties
from services.ledger import open_items as ledger
from services.paper.evidence import KIND_LABELS
from services.pdf import formats, page, tables
from services.pdf.fonts import fonts
from services.pdf.parties import Party, company_party
from services.proof import documents

_KIND_LABELS_FR = KIND_LABELS["fr"]

MSG_NO_PLAN = QT_TRANSLATE_NOOP("Messages", "the client {code} has no payment plan in progress")
MSG_NOTHING_DUE = QT_TRANSLATE_NOOP("Messages", "the client {code} owes nothing overdue on {date}")
SMALL_CLAIM = Decimal(
    "5000.00"
)  # art. 750-1 CPC: amicable attempt first, before the tribunal judiciaire


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts().regular, fonts().bold
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=15, leading=19, spaceAfter=6),
        "h": ParagraphStyle(
            "h", fontName=bold, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3
        ),
        "p": ParagraphStyle("p", fontName=regular, fontSize=9.5, leading=13),
        "small": ParagraphStyle("small", fontName=regular, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=10.5),
        "cellb": ParagraphStyle("cellb", fontName=bold, fontSize=8.5, leading=10.5),
        "cellr": ParagraphStyle("cellr", fontName=regular, fontSize=8.5, leading=10.5, alignment=2),
        "cellbr": ParagraphStyle("cellbr", fontName=bold, fontSize=8.5, leading=10.5, alignment=2),
    }


def _money(value: Decimal) -> str:
    return fonts().amount(formats.money(value, "EUR", "fr"))


def _d(day: dt.date | None) -> str:
    return formats.short_date(day, "fr") if day else ""


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


def _parties(company: Party, client: Party, code: str, styles: dict[str, ParagraphStyle]) -> Table:
    def block(title: str, p: Party, extra: str = "") -> Paragraph:
        lines = [
            f"<b>{escape(title)}</b>",
            f"<b>{escape(p.name)}</b>",
            *map(escape, p.address.splitlines()),
            escape(f"{p.postcode} {p.city}".strip()),
        ]
        if p.siren:
            lines.append(escape(f"SIREN {p.siren}"))
        if extra:
            lines.append(escape(extra))
        return Paragraph("<br/>".join(lines), styles["p"])

    return tables.boxes(
        [block("Créancier", company), block("Débiteur", client, f"Code client : {code}")],
        [85 * mm, 85 * mm],
    )


def _company_and_client(code: str) -> tuple[Party, Party, str, str, int]:
    """The company, the client found by ``code`` (any case, trimmed: services.core.lookups),
    its kind, its code as stored and its id."""
    from services.core.company import get_company
    from services.ledger import clients as client_service

    me = company_party(get_company())
    row = client_service.get_client_by_code(code)
    client = Party(row.name, row.address, row.postcode, row.city, row.country, siren=row.siren)
    return me, client, row.kind, row.code, row.id


def _build(out: Path, story: list[Flowable], title: str, author: str) -> int:
    """The document on A4 pages, "title … page x / y" at the foot of each; its page count."""
    return page.build(out, story, page.Footer(left=title), title=title, author=author)


# -- the payment-plan agreement -----------------------------------------------------------------
def plan_agreement(code: str, out: Path) -> int:
    """The client's latest plan still in progress, as an agreement to sign; returns pages."""
    me, client, _kind, code, client_id = _company_and_client(code)
    with db.reading() as s:
        plan = s.scalars(
            select(PaymentPlan)
            .where(PaymentPlan.client_id == client_id, PaymentPlan.closed_on.is_(None))
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
        agreed_on, total = plan.agreed_on, plan.total
    items = [i for i in ledger.open_items(agreed_on, client_code=code) if i.id in invoice_ids]
    st = _styles()
    story: list[Flowable] = [
        Paragraph("Échéancier de paiement — accord", st["title"]),
        Paragraph(escape(f"Établi le {_d(agreed_on)}"), st["p"]),
        Spacer(1, 4 * mm),
        _parties(me, client, code, st),
        Spacer(1, 4 * mm),
        Paragraph("Créances concernées", st["h"]),
        _table(
            [["Facture", "Émise le", "Échéance", "Montant TTC", "Reste dû"]]
            + [
                [i.number, _d(i.issue_date), _d(i.due_date), _money(i.total), _money(i.balance)]
                for i in items
            ],
            [35, 30, 30, 37, 38],
            st,
            {3, 4},
        ),
        Spacer(1, 2 * mm),
        Paragraph(
            escape(
                f"Le débiteur reconnaît devoir au créancier la somme de {_money(total)} au titre "
                "des factures ci-dessus et s’engage à la régler selon l’échéancier suivant :"
            ),
            st["p"],
        ),
        Spacer(1, 2 * mm),
        _table(
            [["Échéance n°", "Date", "Montant"]]
            + [[str(n), _d(day), _money(amount)] for n, (day, amount) in enumerate(instalments, 1)],
            [40, 50, 50],
            st,
            {2},
        ),
        Spacer(1, 3 * mm),
        Paragraph("Conditions", st["h"]),
        Paragraph(
            escape(
                "Tant que les échéances sont honorées à leur date, le créancier suspend toute "
                "relance et toute procédure "
                "de recouvrement pour les factures ci-dessus. À défaut de paiement d’une seule "
                "échéance à sa date, et "
                "huit jours après une mise en demeure restée sans effet, la totalité des sommes "
                "restant dues deviendra "
                "immédiatement exigible et le créancier pourra reprendre le recouvrement. Le "
                "présent accord vaut "
                "reconnaissance de dette par le débiteur (article 2240 du Code civil)."
            ),
            st["p"],
        ),
    ]
    if me.iban:
        story.append(Spacer(1, 2 * mm))
        story.append(
            Paragraph(
                escape(
                    f"Règlement par virement : IBAN {me.iban}"
                    + (f" — BIC {me.bic}" if me.bic else "")
                    + f" — référence à rappeler : ECH-{code}"
                ),
                st["p"],
            )
        )
    signatures = tables.boxes(
        [
            Paragraph("<b>Pour le créancier</b><br/>Date et signature", st["p"]),
            Paragraph(
                "<b>Pour le débiteur</b><br/>« Bon pour accord », date et signature", st["p"]
            ),
        ],
        [85 * mm, 85 * mm],
        height=35 * mm,
    )
    story += [
        Spacer(1, 6 * mm),
        signatures,
        Paragraph(escape("Fait en deux exemplaires originaux."), st["small"]),
    ]
    return _build(out, story, f"Échéancier — {client.name}", me.name)


# -- the claim summary for an injonction de payer ------------------------------------------------
def claim_summary(code: str, out: Path, as_of: dt.date | None = None) -> int:
    """Décompte of the client's overdue invoices with their charges, the exhibits and the
    court to seize; returns the number of pages."""
    as_of = as_of or clock.today()
    me, client, kind, code, client_id = _company_and_client(code)
    overdue = [
        i
        for i in ledger.open_items(as_of, client_code=code, open_only=True)
        if i.kind == "invoice" and i.status == "overdue"
    ]
    if not overdue:
        raise UserError(MSG_NOTHING_DUE, field="client", code=code, date=as_of.isoformat())
    st = _styles()
    rows = [["Facture", "Échéance", "Retard", "Principal", "Pénalités", "Indemnité", "Total"]]
    principal = charges = indemnity = Decimal("0.00")
    for item in overdue:
        _number, result = penalties.for_invoice(item.number, as_of)
        rows.append(
            [
                item.number,
                _d(item.due_date),
                f"{item.days_late} j",
                _money(item.balance),
                _money(result.penalties),
                _money(result.indemnity),
                _money(result.total_claimed),
            ]
        )
        principal += item.balance
        charges += result.penalties
        indemnity += result.indemnity
    rows.append(
        [
            "Total",
            "",
            "",
            _money(principal),
            _money(charges),
            _money(indemnity),
            _money(principal + charges + indemnity),
        ]
    )
    business = kind in ("pro", "public")
    court = (
        "le président du tribunal de commerce (ou du tribunal des activités économiques là où il "
        "existe) "
        "du siège du débiteur"
        if business
        else "le tribunal judiciaire du domicile du débiteur"
    )
    cerfa = (
        "n° 12946 (requête au président du tribunal de commerce)"
        if business
        else "n° 12948 (requête devant le tribunal judiciaire)"
    )
    story: list[Flowable] = [
        Paragraph("Décompte de créance — requête en injonction de payer", st["title"]),
        Paragraph(
            escape(f"Arrêté au {_d(as_of)} (articles 1405 à 1425 du Code de procédure civile)"),
            st["p"],
        ),
        Spacer(1, 4 * mm),
        _parties(me, client, code, st),
        Spacer(1, 4 * mm),
        Paragraph("Décompte", st["h"]),
        _table(rows, [26, 22, 17, 27, 24, 24, 30], st, {2, 3, 4, 5, 6}, totals=1),
        Paragraph(
            escape(
                (
                    "Pénalités au taux BCE majoré de 10 points par semestre et indemnité "
                    "forfaitaire de 40 € par facture (articles L441-10 et D441-5 du Code de "
                    "commerce)."
                )
                if kind in ("pro", "nonprofit")
                else (
                    "Intérêts au taux légal à compter de la mise en demeure (articles 1231-6 et "
                    "1344-1 du Code civil)."
                )
                if kind == "consumer"
                else (
                    "Intérêts moratoires au taux BCE majoré de 8 points et indemnité forfaitaire "
                    "de 40 €."
                )
            ),
            st["small"],
        ),
        Paragraph("Juridiction et formulaire", st["h"]),
        Paragraph(
            escape(
                f"Juridiction compétente : {court} (article 1406 du Code de procédure civile). "
                f"Formulaire Cerfa {cerfa}, ou requête sur papier libre."
            ),
            st["p"],
        ),
    ]
    if not business and principal + charges <= SMALL_CLAIM:
        story.append(
            Paragraph(
                escape(
                    "Créance de 5 000 € au plus devant le tribunal judiciaire : une tentative "
                    "préalable de conciliation, de "
                    "médiation ou de procédure participative peut être exigée (article 750-1 du "
                    "Code de procédure civile), "
                    "sauf si la procédure simplifiée de recouvrement des petites créances a été "
                    "tentée en vain."
                ),
                st["p"],
            )
        )
    story += [
        Paragraph("Pièces jointes", st["h"]),
    ]
    docs = documents.list_documents(client_id=client_id)
    numbers = {i.number for i in overdue}
    exhibits = [d for d in docs if d.invoice_number in numbers or not d.invoice_number]
    rows = [["N°", "Pièce", "Date", "Facture", "Empreinte SHA-256"]]
    rows += [
        [
            str(n),
            f"{_KIND_LABELS_FR.get(d.kind, d.kind)} — {d.title}",
            _d(d.document_date),
            d.invoice_number,
            d.sha256[:16] + "…",
        ]
        for n, d in enumerate(exhibits, 1)
    ]
    rows.append([str(len(exhibits) + 1), "Copies des factures et du présent décompte", "", "", ""])
    story.append(_table(rows, [10, 70, 22, 25, 43], st))
    story += [
        Paragraph("Suite de la procédure", st["h"]),
        Paragraph(
            escape(
                "L’ordonnance doit être signifiée par un commissaire de justice dans les six mois "
                "(article 1411). Le "
                "débiteur dispose d’un mois pour former opposition (article 1416). Sans "
                "opposition, la formule "
                "exécutoire se demande dans le mois qui suit (article 1423) ; l’ordonnance vaut "
                "alors jugement."
            ),
            st["p"],
        ),
    ]
    return _build(out, story, f"Décompte — {client.name}", me.name)
