"""Demo data: the receivables of a joinery business near Lyon, relative to a date.

*Menuiserie Lefèvre SARL* makes and fits doors, windows, kitchens and
shelving for shops, offices, public buildings and private homes.  Its book
holds 37 clients of every kind (businesses, private persons, associations
and a co-ownership syndicate, public buyers; two foreign clients, one
billed in US dollars), some 330 invoices over the 18 months before
``today``, and what happens to them: most paid — on time, late, in
instalments — some credit notes (applied, and one still open), one
over-payment kept as credit, two disputes, something overdue at every age
(1–30, 31–60, 61–90, over 90 days, over a year) and invoices falling due
in the coming week.

Everything goes through the services' own ``validate`` and ``insert``
functions (so history and running totals are right) in one transaction.
The book is the same for the same ``today`` and ``seed``.  Money is
``Decimal`` throughout.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum import iban as std_iban
from stdnum import luhn

from models import Client, Company, Invoice
from services.book import demo_documents
from services.core import clock, db, history, terms
from services.core import company as company_service
from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.money import ZERO, round_money
from services.core.text import fold
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from services.ledger import payments as payment_service

DEFAULT_SEED = 134210  # C. civ. 1342-10, the rule of allocation
HISTORY_DAYS = 548  # 18 months
VAT_RATE = Decimal("0.20")

MSG_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "Messages",
    "the database already holds data; demo data goes into an empty database "
    "(or use --force to add it alongside, with prefixed codes).",
)


@dataclass(frozen=True)
class DemoSummary:
    today: dt.date
    clients: int
    invoices: int
    credit_notes: int
    payments: int
    prefix: str = ""
    documents: int = 0


# -- identifiers that pass the checks ----------------------------------------------


def make_siren(rng: random.Random, first: str = "") -> str:
    while True:
        body = first + "".join(str(rng.randint(0, 9)) for _ in range(8 - len(first)))
        if body[0] == "0":
            continue
        siren = body + luhn.calc_check_digit(body)
        if siren != "356000000":  # La Poste's SIREN follows another rule
            return siren


def make_siret(siren: str, establishment: int) -> str:
    body = f"{siren}{establishment:04d}"
    return body + luhn.calc_check_digit(body)


def make_vat(siren: str) -> str:
    return f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"


def make_iban(bank: str, branch: str, account: str) -> str:
    """A French IBAN with a correct RIB key and IBAN check digits."""
    key = 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97)
    bban = f"{bank}{branch}{account}{key:02d}"
    return f"FR{std_iban.calc_check_digits('FR00' + bban)}{bban}"


# -- the clients -------------------------------------------------------------------


@dataclass(frozen=True)
class ClientSpec:
    code: str
    name: str
    kind: str
    contact: str
    address: str
    postcode: str
    city: str
    terms: str
    profile: str  # punctual, slow, late, instalments, bad
    count: int  # invoices over the 18 months
    low: int  # net amount range, euros
    high: int
    country: str = "FR"
    language: str = "fr"
    currency: str = "EUR"
    credit_limit: str = ""
    ids: str = ""  # "full" (SIREN+SIRET+VAT), "siren" (SIREN+SIRET), "" (none)
    siren_first: str = ""
    vat_number: str = ""
    methods: tuple[str, ...] = ("transfer",)
    notes: str = ""
    email: str = ""
    phone: str = ""


PRO = ("transfer", "transfer", "transfer", "cheque")
HOME = ("card", "cheque", "transfer", "cheque", "cash")

CLIENTS: tuple[ClientSpec, ...] = (
    # businesses
    ClientSpec(
        "BOULMARTIN",
        "Boulangerie Martin",
        "pro",
        "Sophie Martin",
        "14 rue Paul Bert",
        "69003",
        "Lyon",
        "30 jours",
        "punctual",
        15,
        400,
        2600,
        ids="full",
        methods=PRO,
    ),
    ClientSpec(
        "GARDUBOIS",
        "Garage Dubois & Fils",
        "pro",
        "Thierry Dubois",
        "221 cours Émile Zola",
        "69100",
        "Villeurbanne",
        "45 jours fin de mois",
        "slow",
        17,
        800,
        6000,
        credit_limit="10000",
        ids="full",
        methods=PRO,
    ),
    ClientSpec(
        "HOTELPARC",
        "Hôtel du Parc SAS",
        "pro",
        "Nadia Benali (services généraux)",
        "8 boulevard des Belges",
        "69006",
        "Lyon",
        "60 jours",
        "slow",
        13,
        2000,
        15000,
        credit_limit="30000",
        ids="full",
        methods=("transfer",),
    ),
    ClientSpec(
        "ARCHIMOREAU",
        "Cabinet d'architecture Moreau",
        "pro",
        "Julien Moreau",
        "3 place Bellecour",
        "69002",
        "Lyon",
        "30 jours fin de mois le 10",
        "punctual",
        10,
        1500,
        12000,
        ids="full",
        methods=("transfer",),
    ),
    ClientSpec(
        "PETITBOUCHON",
        "Restaurant Le Petit Bouchon",
        "pro",
        "Marc Perrin",
        "17 rue Saint-Jean",
        "69005",
        "Lyon",
        "à réception",
        "bad",
        10,
        500,
        4000,
        credit_limit="3000",
        ids="full",
        methods=("cheque", "transfer"),
        notes="Paie en retard ; toujours relancer par téléphone avant d'écrire.",
    ),
    ClientSpec(
        "SCITILLEULS",
        "SCI Les Tilleuls",
        "pro",
        "Bernard Chauvin",
        "42 chemin de la Garde",
        "69130",
        "Écully",
        "30 jours",
        "instalments",
        10,
        1000,
        9000,
        ids="full",
        methods=("transfer",),
    ),
    ClientSpec(
        "PHARMACENTRALE",
        "Pharmacie Centrale",
        "pro",
        "Dr Hélène Roche",
        "1 Grande Rue",
        "69300",
        "Caluire-et-Cuire",
        "30 jours",
        "punctual",
        12,
        600,
        5000,
        ids="full",
        methods=PRO,
    ),
    ClientSpec(
        "GIRARDTRANS",
        "Transports Girard SAS",
        "pro",
        "Olivier Girard",
        "ZI Vénissy, 5 rue Eugène Maréchal",
        "69200",
        "Vénissieux",
        "45 jours fin de mois",
        "slow",
        14,
        1000,
        8000,
        credit_limit="15000",
        ids="full",
        methods=("bill_of_exchange", "bill_of_exchange", "transfer"),
    ),
    ClientSpec(
        "IMMOBERNARD",
        "Agence Immobilière Bernard",
        "pro",
        "Céline Bernard",
        "56 avenue Jean Jaurès",
        "69007",
        "Lyon",
        "30 jours",
        "punctual",
        11,
        300,
        3000,
        ids="full",
        methods=("direct_debit",),
    ),
    ClientSpec(
        "ROUXPLOMB",
        "Plomberie Roux",
        "pro",
        "Franck Roux",
        "9 rue de la République",
        "69500",
        "Bron",
        "à réception",
        "instalments",
        11,
        200,
        2500,
        ids="full",
        methods=("cheque", "transfer"),
    ),
    ClientSpec(
        "FOURNIERELEC",
        "Électricité Fournier SARL",
        "pro",
        "Patrick Fournier",
        "27 rue Jean Jaurès",
        "69600",
        "Oullins",
        "30 jours fin de mois",
        "slow",
        13,
        400,
        4000,
        ids="full",
        methods=PRO,
    ),
    ClientSpec(
        "BRASSHALLES",
        "Brasserie des Halles",
        "pro",
        "Karim Haddad",
        "102 cours Lafayette",
        "69003",
        "Lyon",
        "30 jours",
        "late",
        13,
        800,
        7000,
        ids="full",
        methods=PRO,
    ),
    ClientSpec(
        "LAMBERTBOUCH",
        "Boucherie Lambert",
        "pro",
        "Denis Lambert",
        "12 avenue de la République",
        "69160",
        "Tassin-la-Demi-Lune",
        "à réception",
        "punctual",
        10,
        300,
        2000,
        ids="full",
        methods=("cheque", "card", "transfer"),
    ),
    ClientSpec(
        "LIBVINCENT",
        "Librairie Vincent",
        "pro",
        "Anne Vincent",
        "31 rue Mercière",
        "69002",
        "Lyon",
        "30 jours",
        "punctual",
        9,
        500,
        6000,
        ids="full",
        methods=PRO,
    ),
    ClientSpec(
        "MERCIERFLEURS",
        "Fleurs et Jardins Mercier",
        "pro",
        "Laure Mercier",
        "6 rue de la Gare",
        "69330",
        "Meyzieu",
        "30 jours",
        "slow",
        10,
        300,
        2500,
        ids="full",
        methods=PRO,
    ),
    ClientSpec(
        "BLANCIMPRIM",
        "Imprimerie Blanc SAS",
        "pro",
        "Gilles Blanc",
        "15 avenue Jean Jaurès",
        "69150",
        "Décines-Charpieu",
        "60 jours",
        "late",
        12,
        1000,
        9000,
        credit_limit="12000",
        ids="full",
        methods=("transfer",),
    ),
    ClientSpec(
        "GARNIERVETO",
        "Clinique vétérinaire Garnier",
        "pro",
        "Dr Paul Garnier",
        "48 rue Nationale",
        "69400",
        "Villefranche-sur-Saône",
        "45 jours fin de mois",
        "punctual",
        11,
        800,
        7000,
        ids="full",
        methods=("transfer",),
    ),
    ClientSpec(
        "CHEVPATISS",
        "Pâtisserie Chevalier",
        "pro",
        "Élodie Chevalier",
        "5 rue du Plat",
        "69002",
        "Lyon",
        "30 jours",
        "instalments",
        11,
        400,
        3000,
        ids="full",
        methods=("cheque", "transfer"),
    ),
    ClientSpec(
        "FAUREDOMAINE",
        "Domaine Faure",
        "pro",
        "Vincent Faure",
        "Le Bourg",
        "69430",
        "Beaujeu",
        "30 jours fin de mois le 10",
        "slow",
        11,
        1500,
        14000,
        credit_limit="20000",
        ids="full",
        methods=("transfer", "cheque"),
    ),
    ClientSpec(
        "ROUSSEAUBE",
        "Bureau d'études Rousseau",
        "pro",
        "Camille Rousseau",
        "19 quai Pierre Scize",
        "69009",
        "Lyon",
        "30 jours",
        "punctual",
        12,
        1000,
        8000,
        ids="full",
        methods=("transfer",),
    ),
    ClientSpec(
        "ATLANTIC",
        "Atlantic Woodworks Inc.",
        "pro",
        "Mr. Ryan Cooper",
        "1220 NW Lovejoy Street",
        "97209",
        "Portland, OR",
        "net 30",
        "slow",
        10,
        3000,
        20000,
        country="US",
        language="en",
        currency="USD",
        methods=("transfer",),
    ),
    ClientSpec(
        "BRIGHTWATER",
        "Brightwater Interiors Ltd",
        "pro",
        "Ms. Olivia Hughes",
        "27 Clerkenwell Road",
        "EC1M 5RN",
        "London",
        "30 days end of month",
        "slow",
        8,
        2000,
        12000,
        country="GB",
        language="en",
        vat_number="GB314159265",
        methods=("transfer",),
    ),
    # private persons
    ClientSpec(
        "DUPONTJ",
        "M. Jean Dupont",
        "consumer",
        "",
        "7 rue Tronchet",
        "69006",
        "Lyon",
        "à réception",
        "punctual",
        2,
        900,
        6000,
        methods=HOME,
    ),
    ClientSpec(
        "PETITC",
        "Mme Claire Petit",
        "consumer",
        "",
        "23 montée des Forts",
        "69300",
        "Caluire-et-Cuire",
        "à réception",
        "late",
        3,
        500,
        4000,
        methods=HOME,
    ),
    ClientSpec(
        "LEROY",
        "M. et Mme Leroy",
        "consumer",
        "",
        "11 allée des Cerisiers",
        "69130",
        "Écully",
        "à réception",
        "instalments",
        3,
        2000,
        9000,
        methods=HOME,
        notes="Chantier cuisine : acompte de 30 % à la commande, solde à la pose.",
    ),
    ClientSpec(
        "MORELA",
        "M. Antoine Morel",
        "consumer",
        "",
        "64 rue Anatole France",
        "69100",
        "Villeurbanne",
        "à réception",
        "bad",
        2,
        400,
        3000,
        methods=HOME,
    ),
    ClientSpec(
        "BONNETL",
        "M. Lucas Bonnet",
        "consumer",
        "",
        "3 rue Paul Pic",
        "69500",
        "Bron",
        "à réception",
        "punctual",
        2,
        300,
        2500,
        methods=HOME,
    ),
    ClientSpec(
        "LEFEBVREE",
        "Mme Emma Lefebvre",
        "consumer",
        "",
        "18 rue Pierre Sémard",
        "69600",
        "Oullins",
        "à réception",
        "slow",
        2,
        600,
        4500,
        methods=HOME,
    ),
    ClientSpec(
        "MILLERJ",
        "Mr John Miller",
        "consumer",
        "",
        "4 rue du Bât d'Argent",
        "69001",
        "Lyon",
        "à réception",
        "punctual",
        2,
        800,
        5000,
        language="en",
        methods=HOME,
    ),
    # associations and a co-ownership syndicate (non-professional legal persons)
    ClientSpec(
        "ASVILLEURB",
        "Association sportive de Villeurbanne",
        "nonprofit",
        "Michel Garcia (trésorier)",
        "Gymnase des Gratte-Ciel, 2 rue Michel Servet",
        "69100",
        "Villeurbanne",
        "30 jours",
        "slow",
        5,
        300,
        3000,
        ids="siren",
        siren_first="7",
        methods=("cheque", "transfer"),
    ),
    ClientSpec(
        "COMITECALUIRE",
        "Comité des fêtes de Caluire",
        "nonprofit",
        "Josiane Bertrand (présidente)",
        "Maison des associations, 1 place Jules Ferry",
        "69300",
        "Caluire-et-Cuire",
        "à réception",
        "instalments",
        3,
        200,
        2000,
        methods=("cheque",),
    ),
    ClientSpec(
        "AMISVIEUXLYON",
        "Les Amis du Vieux Lyon",
        "nonprofit",
        "Henri Mathieu",
        "5 place du Petit Collège",
        "69005",
        "Lyon",
        "30 jours",
        "punctual",
        3,
        400,
        3500,
        ids="siren",
        siren_first="7",
        methods=("cheque", "transfer"),
    ),
    ClientSpec(
        "SDCBELLECOUR",
        "Syndicat des copropriétaires Résidence Bellecour",
        "nonprofit",
        "Cabinet Régie Saint-Antoine (syndic)",
        "28 rue de la Charité",
        "69002",
        "Lyon",
        "30 jours",
        "late",
        5,
        800,
        9000,
        ids="siren",
        siren_first="8",
        methods=("transfer",),
    ),
    # public buyers (délai global de paiement: 30 days, 50 for hospitals)
    ClientSpec(
        "MAIRIEVILLEURB",
        "Mairie de Villeurbanne",
        "public",
        "Direction des bâtiments",
        "Place Lazare Goujon",
        "69100",
        "Villeurbanne",
        "30 jours",
        "slow",
        9,
        1500,
        20000,
        ids="siren",
        siren_first="2",
        methods=("transfer",),
    ),
    ClientSpec(
        "COLLEGEMOULIN",
        "Collège Jean Moulin",
        "public",
        "Service intendance",
        "1 rue du Professeur Patel",
        "69009",
        "Lyon",
        "30 jours",
        "slow",
        6,
        1000,
        12000,
        ids="siren",
        siren_first="2",
        methods=("transfer",),
    ),
    ClientSpec(
        "CCMONTSLYON",
        "Communauté de communes des Monts du Lyonnais",
        "public",
        "Service des marchés",
        "790 allée de Pluvy",
        "69590",
        "Pomeys",
        "30 jours",
        "late",
        6,
        2000,
        18000,
        ids="siren",
        siren_first="2",
        methods=("transfer",),
    ),
    ClientSpec(
        "CHVIENNE",
        "Centre hospitalier de Vienne",
        "public",
        "Direction des achats",
        "Montée du Docteur Chapuis",
        "38200",
        "Vienne",
        "50 jours",
        "slow",
        6,
        1500,
        15000,
        ids="siren",
        siren_first="2",
        methods=("transfer",),
    ),
)

WORKS = (
    "Fourniture et pose de portes intérieures",
    "Agencement sur mesure",
    "Remplacement de fenêtres bois",
    "Fabrication d'étagères en chêne",
    "Réparation de menuiseries",
    "Pose de parquet massif",
    "Habillage d'escalier",
    "Comptoir d'accueil sur mesure",
    "Placards et dressing",
    "Volets battants en mélèze",
)

DELAYS = {  # days between the due date and the payment
    "punctual": (-8, 4),
    "slow": (3, 40),
    "late": (20, 95),
    "instalments": (0, 25),
    "bad": (45, 200),
}


# -- the plan ------------------------------------------------------------------------


@dataclass
class PlannedPayment:
    date: dt.date
    amount: Decimal
    method: str
    cheque: str = ""
    overpaid: bool = False  # allocate what is open; the rest stays as credit on the client


@dataclass
class PlannedDoc:
    client: ClientSpec
    kind: str
    issue: dt.date
    net: Decimal
    vat: Decimal
    total: Decimal
    po_number: str = ""
    delivery: dt.date | None = None
    notes: str = ""
    disputed: bool = False
    payments: list[PlannedPayment] = field(default_factory=list)
    applies_to: PlannedDoc | None = None  # credit notes
    applied: Decimal = ZERO  # credit notes: how much of it is set against ``applies_to``
    number: str = ""
    id: int = 0


def _amounts(
    rng: random.Random, spec: ClientSpec, low: int | None = None, high: int | None = None
) -> tuple[Decimal, Decimal, Decimal]:
    euros = rng.randint(low or spec.low, high or spec.high)
    cents = rng.choice((0, 0, 0, 50, 20, 80, 45, 90))
    net = Decimal(euros) + Decimal(cents) / 100
    exported = spec.country != "FR"  # exports: no French VAT
    vat = ZERO if exported else round_money(net * VAT_RATE)
    return net, vat, net + vat


def _due(spec: ClientSpec, issue: dt.date) -> dt.date:
    return terms.due_date(issue, terms.parse_terms(spec.terms), terms.METHOD_A)


def _split(amount: Decimal, parts: int, rng: random.Random) -> list[Decimal]:
    """``parts`` instalments adding up to ``amount`` exactly."""
    choices = (30, 40, 50) if parts == 2 else (25, 30, 35)
    shares = [round_money(amount * Decimal(rng.choice(choices)) / 100) for _ in range(parts - 1)]
    shares.append(amount - sum(shares, ZERO))
    return [s for s in shares if s > 0]


def _method(rng: random.Random, spec: ClientSpec) -> str:
    return rng.choice(spec.methods)


def _pay(
    rng: random.Random, doc: PlannedDoc, due_amount: Decimal, due: dt.date, today: dt.date
) -> None:
    """Plan the payments of one invoice from its client's habits."""
    spec = doc.client
    low, high = DELAYS[spec.profile]
    never = {"bad": 0.25, "late": 0.04}.get(spec.profile, 0.0)
    if rng.random() < never:
        return
    first = due + dt.timedelta(days=rng.randint(low, high))
    if spec.profile == "instalments" or rng.random() < 0.08:
        parts = rng.choice((2, 2, 3))
        if spec.kind == "consumer":  # a deposit on ordering, the rest on completion
            dates = [doc.issue] + [first + dt.timedelta(days=15 * i) for i in range(parts - 1)]
        else:
            dates = [first + dt.timedelta(days=rng.randint(20, 35) * i) for i in range(parts)]
        amounts = _split(due_amount, len(dates), rng)
    else:
        dates, amounts = [first], [due_amount]
    for date, amount in zip(dates, amounts, strict=False):
        date = max(date, doc.issue)
        if date >= today:
            break
        doc.payments.append(PlannedPayment(date, amount, _method(rng, spec), _cheque(rng)))


def _cheque(rng: random.Random) -> str:
    return f"{rng.randint(1000000, 9999999)}"


def _po(rng: random.Random, spec: ClientSpec, issue: dt.date) -> str:
    if spec.kind == "public":
        return f"BC-{issue.year}-{rng.randint(100, 999)}"
    if spec.kind == "pro" and rng.random() < 0.3:
        return f"CDE{rng.randint(10000, 99999)}"
    return ""


def _invoice(rng: random.Random, spec: ClientSpec, issue: dt.date, **kwargs: Any) -> PlannedDoc:
    low = kwargs.pop("low", None)
    high = kwargs.pop("high", None)
    net, vat, total = _amounts(rng, spec, low, high)
    delivery = issue - dt.timedelta(days=rng.randint(0, 6)) if rng.random() < 0.6 else None
    work = rng.choice(WORKS)
    kwargs.setdefault("notes", work)
    return PlannedDoc(
        spec,
        "invoice",
        issue,
        net,
        vat,
        total,
        po_number=_po(rng, spec, issue),
        delivery=delivery,
        **kwargs,
    )


def _by_code(code: str) -> ClientSpec:
    return next(c for c in CLIENTS if c.code == code)


def plan(today: dt.date, seed: int = DEFAULT_SEED) -> list[PlannedDoc]:
    """Every document and payment of the demo book (nothing written yet)."""
    rng = random.Random(seed)
    start = today - dt.timedelta(days=HISTORY_DAYS)
    docs: list[PlannedDoc] = []

    # 1. the ordinary business of 18 months
    for spec in CLIENTS:
        for _ in range(spec.count):
            issue = start + dt.timedelta(days=rng.randint(0, HISTORY_DAYS - 3))
            doc = _invoice(rng, spec, issue)
            due = _due(spec, issue)
            if due >= today and rng.random() < 0.85:
                docs.append(doc)  # not due yet: mostly unpaid
                continue
            _pay(rng, doc, doc.total, due, today)
            docs.append(doc)

    # 2. credit notes: a discount or a return set against an invoice, paid net of it
    eligible = [
        d
        for d in docs
        if d.client.currency == "EUR"
        and d.client.kind != "public"
        and d.issue < today - dt.timedelta(days=40)
    ]
    for target in rng.sample(eligible, 9):
        share = Decimal(rng.choice((5, 10, 10, 15, 20, 100))) / 100
        net = round_money(target.net * share)
        vat = round_money(target.vat * share)
        issue = target.issue + dt.timedelta(days=rng.randint(3, 20))
        reason = (
            "Annulation de la facture"
            if share == 1
            else rng.choice(
                ("Remise commerciale", "Retour de marchandise", "Geste commercial (retard de pose)")
            )
        )
        credit = PlannedDoc(
            target.client,
            "credit_note",
            issue,
            net,
            vat,
            net + vat,
            notes=reason,
            applies_to=target,
            applied=net + vat,
        )
        docs.append(credit)
        paid = sum((p.amount for p in target.payments), ZERO)
        remaining = target.total - credit.total
        if paid > remaining:  # paid net of the credit note: trim the payments
            target.payments = _trim(target.payments, remaining)

    # 3. the cases every book has (and the demo must show)
    def late(code: str, days_late: int, **kwargs: object) -> PlannedDoc:
        """An unpaid invoice exactly ``days_late`` days late today."""
        spec = _by_code(code)
        days = (_due(spec, today) - today).days  # the client's term (simple terms only)
        doc = _invoice(rng, spec, today - dt.timedelta(days=days_late + days), **kwargs)
        docs.append(doc)
        return doc

    late("BRASSHALLES", 12)
    late("MORELA", 26, notes="Remplacement de la porte d'entrée")
    late("BLANCIMPRIM", 45)
    late("CCMONTSLYON", 53)
    late("SDCBELLECOUR", 75, notes="Remplacement des portes palières, bâtiment B")
    late("PETITC", 140)
    late("PETITBOUCHON", 205)
    late("PETITBOUCHON", 420, notes="Banquettes et habillage de la salle")
    partly = late("SCITILLEULS", 21)
    partly.payments.append(
        PlannedPayment(
            partly.issue + dt.timedelta(days=28),
            round_money(partly.total * Decimal("0.40")),
            "transfer",
        )
    )
    partly = late("PETITBOUCHON", 110)
    partly.payments.append(
        PlannedPayment(
            partly.issue + dt.timedelta(days=60),
            round_money(partly.total / 3),
            "cheque",
            _cheque(rng),
        )
    )
    late(
        "HOTELPARC",
        38,
        disputed=True,
        notes="Litige : portes coupe-feu livrées aux mauvaises dimensions, reprise demandée.",
    )
    late(
        "BRASSHALLES",
        64,
        disputed=True,
        notes="Litige : le client conteste la facturation du déplacement.",
    )
    late("ATLANTIC", 17)
    # falling due in the coming week
    for code, days_left in (
        ("LIBVINCENT", 2),
        ("ROUSSEAUBE", 5),
        ("MAIRIEVILLEURB", 7),
        ("BOULMARTIN", 3),
    ):
        late(code, -days_left)
    late("ATLANTIC", -6)
    # an over-payment: a round sum for an invoice, the rest kept as credit
    spec = _by_code("PHARMACENTRALE")
    over = _invoice(rng, spec, today - dt.timedelta(days=75), low=900, high=1500)
    rounded = (over.total / 100).to_integral_value() * 100 + 100
    over.payments.append(
        PlannedPayment(
            _due(spec, over.issue) - dt.timedelta(days=2), rounded, "transfer", overpaid=True
        )
    )
    docs.append(over)
    # a credit note not yet used: the client may deduct it from the next invoice
    spec = _by_code("LIBVINCENT")
    net = Decimal("350.00")
    docs.append(
        PlannedDoc(
            spec,
            "credit_note",
            today - dt.timedelta(days=18),
            net,
            round_money(net * VAT_RATE),
            net + round_money(net * VAT_RATE),
            notes="Avoir : reprise de deux étagères (retour atelier).",
        )
    )
    return docs


def _trim(payments: list[PlannedPayment], limit: Decimal) -> list[PlannedPayment]:
    kept: list[PlannedPayment] = []
    left = limit
    for p in payments:
        if left <= 0:
            break
        if p.amount > left:
            p.amount = left
        kept.append(p)
        left -= p.amount
    return kept


def _numbers(docs: list[PlannedDoc], prefix: str) -> None:
    """Chronological numbers per year: F2025-0001…, credit notes AV2025-001…"""
    counters: dict[tuple[str, int], int] = {}
    for doc in sorted(docs, key=lambda d: (d.issue, d.kind, d.client.code)):
        key = (doc.kind, doc.issue.year)
        counters[key] = counters.get(key, 0) + 1
        if doc.kind == "invoice":
            doc.number = f"{prefix}F{doc.issue.year}-{counters[key]:04d}"
        else:
            doc.number = f"{prefix}AV{doc.issue.year}-{counters[key]:03d}"


# -- writing -------------------------------------------------------------------------


def _slug(name: str) -> str:
    words = [
        w
        for w in re.sub(r"[^a-z0-9 ]", " ", fold(name)).split()
        if w not in {"sas", "sarl", "ltd", "inc", "de", "des", "du", "le", "la", "les", "et"}
    ]
    return "-".join(words[:3]) or "client"


#: the demo clients' legal status (shared/domain.md §4.6.1): (legal form, register of a sole
#: trader). Agence Immobilière Bernard is left unknown on purpose: its claim summary shows what
#: to fill in before a court can be named; foreign, consumer and public clients have none.
LEGAL_STATUS: dict[str, tuple[str, str]] = {
    "BOULMARTIN": ("ei", "artisan"),
    "GARDUBOIS": ("sarl", ""),
    "HOTELPARC": ("sas", ""),
    "ARCHIMOREAU": ("liberal", ""),
    "PETITBOUCHON": ("sarl", ""),
    "SCITILLEULS": ("sci", ""),
    "PHARMACENTRALE": ("selarl", ""),
    "GIRARDTRANS": ("sas", ""),
    "ROUXPLOMB": ("ei", "artisan"),
    "FOURNIERELEC": ("sarl", ""),
    "BRASSHALLES": ("sarl", ""),
    "LAMBERTBOUCH": ("ei", "artisan"),
    "LIBVINCENT": ("ei", "commercant"),
    "MERCIERFLEURS": ("eurl", ""),
    "BLANCIMPRIM": ("sas", ""),
    "GARNIERVETO": ("selarl", ""),
    "CHEVPATISS": ("ei", "artisan"),
    "FAUREDOMAINE": ("earl", ""),
    "ROUSSEAUBE": ("sasu", ""),
    "ASVILLEURB": ("association", ""),
    "COMITECALUIRE": ("association", ""),
    "AMISVIEUXLYON": ("association", ""),
    "SDCBELLECOUR": ("syndicat_copro", ""),
}


def _client_data(rng: random.Random, spec: ClientSpec, prefix: str) -> dict[str, object]:
    legal_form, registered_as = LEGAL_STATUS.get(spec.code, ("", ""))
    data: dict[str, object] = {
        "legal_form": legal_form,
        "registered_as": registered_as,
        "code": f"{prefix}{spec.code}",
        "name": spec.name,
        "kind": spec.kind,
        "contact": spec.contact,
        "address": spec.address,
        "postcode": spec.postcode,
        "city": spec.city,
        "country": spec.country,
        "language": spec.language,
        "terms": spec.terms,
        "credit_limit": spec.credit_limit,
        "notes": spec.notes,
        "vat_number": spec.vat_number,
    }
    if spec.ids:
        siren = make_siren(rng, spec.siren_first or rng.choice("3456789"))
        data["siren"] = siren
        data["siret"] = make_siret(siren, rng.choice((10, 12, 15, 17, 21, 24, 36)))
        if spec.ids == "full":
            data["vat_number"] = make_vat(siren)
    if spec.kind == "consumer":
        words = [w for w in spec.name.split() if w not in ("M.", "Mme", "Mr", "et")]
        data["email"] = f"{_slug(' '.join(words)).replace('-', '.')}@" + rng.choice(
            ("orange.fr", "gmail.com", "free.fr", "laposte.net")
        )
        data["phone"] = (
            f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
            f"{rng.randint(10, 99)}"
        )
    elif spec.country == "FR":
        data["email"] = f"{rng.choice(('compta', 'contact', 'factures'))}@{_slug(spec.name)}.fr"
        area = (
            "04 74"
            if spec.postcode.startswith(("38", "69430", "69400", "69590"))
            else "04 7" + rng.choice("28")
        )
        data["phone"] = f"{area} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    elif spec.country == "US":
        data["email"] = "ap@atlanticwoodworks.com"
        data["phone"] = "+1 503 555 0142"
    else:
        data["email"] = "accounts@brightwater-interiors.co.uk"
        data["phone"] = "+44 20 7946 0321"
    return data


COMPANY = {
    "name": "Menuiserie Lefèvre",
    "legal_form": "SARL",
    "address": "12 rue des Artisans",
    "postcode": "69007",
    "city": "Lyon",
    "country": "FR",
    "phone": "04 78 61 22 90",
    "email": "contact@menuiserie-lefevre.fr",
    "default_terms": "30 jours",
    "eom_method": "A",
    "bic": "BNPAFRPPXXX",
}


def company_data() -> dict[str, str]:
    siren = "81245637" + luhn.calc_check_digit("81245637")
    return {
        **COMPANY,
        "siren": siren,
        "siret": make_siret(siren, 12),
        "vat_number": make_vat(siren),
        "iban": make_iban("30004", "00823", "00010123456"),
    }


def _set_company(session: Session) -> None:
    company = session.get(Company, 1)
    if company is not None and company.name:
        return  # the user's own details stay
    clean = company_service.validate(company_data())
    if company is None:
        company = Company(id=1)
        session.add(company)
    for name, value in clean.items():
        setattr(company, name, value)
    session.flush()
    history.record(
        session,
        "company",
        1,
        "edited",
        label=clean["name"],
        details={k: v for k, v in clean.items() if v},
    )


def _method_reference(p: PlannedPayment, doc: PlannedDoc) -> str:
    return {
        "transfer": f"VIR {doc.number}",
        "cheque": f"CHQ {p.cheque}",
        "card": f"CB {doc.number}",
        "cash": "Espèces",
        "direct_debit": f"PRLV SEPA {doc.number}",
        "bill_of_exchange": f"LCR {doc.number}",
    }.get(p.method, doc.number)


def generate(
    session: Session | None = None,
    today: dt.date | None = None,
    *,
    seed: int = DEFAULT_SEED,
    prefix: str = "",
    with_documents: bool = True,
) -> DemoSummary:
    """Write the demo book into ``session`` (or a transaction of its own)."""
    today = today or clock.today()
    if session is None:
        with db.transaction() as s:
            return generate(s, today, seed=seed, prefix=prefix, with_documents=with_documents)
    rng = random.Random(seed + 1)
    _set_company(session)
    ours = company_service.load(session)
    # The session's identity map holds objects weakly: keeping the clients and invoices
    # here lets the documents, payments and reminders below find them without a query each.
    keep: list[object] = []
    client_ids: dict[str, int] = {}
    for spec in CLIENTS:
        clean = client_service.validate(_client_data(rng, spec, prefix))
        client = client_service.insert(session, clean)
        keep.append(client)
        client_ids[spec.code] = client.id
    docs = plan(today, seed)
    _numbers(docs, prefix)
    for doc in sorted(docs, key=lambda d: d.number):
        checked = invoice_service.validate(
            session,
            {
                "number": doc.number,
                "client_id": client_ids[doc.client.code],
                "kind": doc.kind,
                "issue_date": doc.issue,
                "delivery_date": doc.delivery,
                "total": doc.total,
                "net": doc.net,
                "vat": doc.vat,
                "currency": doc.client.currency,
                "po_number": doc.po_number,
                "notes": doc.notes,
                "disputed": doc.disputed,
            },
            company=ours,
        )
        invoice = invoice_service.insert(session, checked)
        keep.append(invoice)
        doc.id = invoice.id
    for doc in docs:
        if doc.kind == "credit_note" and doc.applies_to is not None:
            payment_service.apply_credit_in_session(session, doc.id, doc.applies_to.id, doc.applied)
    invoices_for_proof = [
        demo_documents.DemoInvoice(
            d.id,
            client_ids[d.client.code],
            d.client.name,
            d.client.kind,
            d.number,
            d.issue,
            d.delivery,
            d.total,
            d.po_number,
        )
        for d in docs
        if d.kind == "invoice" and d.id is not None
    ]
    company = session.get(Company, 1)
    attached = 0
    if with_documents:
        attached = demo_documents.add(
            session,
            today,
            company.name if company else "",
            invoices_for_proof,
            [(client_ids[c.code], c.name, c.kind) for c in CLIENTS],
            seed,
        )
    payments = 0
    for doc in docs:
        for p in doc.payments:
            value = payment_service.validate(
                session,
                {
                    "client_id": client_ids[doc.client.code],
                    "date": p.date,
                    "amount": p.amount,
                    "currency": doc.client.currency,
                    "method": p.method,
                    "reference": _method_reference(p, doc),
                },
            )
            allocation = None if p.overpaid else p.amount
            payment_service.insert(session, value, [(doc.id, allocation)])
            payments += 1
    session.flush()
    _dunning_history(session, today, docs, seed)
    return DemoSummary(
        today=today,
        clients=len(CLIENTS),
        invoices=sum(1 for d in docs if d.kind == "invoice"),
        credit_notes=sum(1 for d in docs if d.kind == "credit_note"),
        payments=payments,
        prefix=prefix,
        documents=attached,
    )


def _dunning_history(session: Session, today: dt.date, docs: list[PlannedDoc], seed: int) -> None:
    """The reminders already sent for the invoices still open: most steps done on time,
    a few forgotten — so the follow-up screen shows a real day's work."""
    from services.followup import dunning

    rng = random.Random(seed + 11)
    for doc in docs:
        if doc.kind != "invoice" or doc.id is None:
            continue
        invoice = session.get(Invoice, doc.id)
        if invoice is None or invoice.total <= invoice.allocated:
            continue
        steps = dunning.DEFAULT_STEPS.get(doc.client.kind, dunning.DEFAULT_STEPS["pro"])
        for step in steps:
            on = invoice.due_date + dt.timedelta(days=step.offset_days)
            if on >= today or (step.action == "pre_reminder" and rng.random() < 0.3):
                continue
            if rng.random() < 0.9:
                dunning.record_step_in_session(
                    session, invoice, step, on + dt.timedelta(days=rng.randint(0, 2))
                )


def free_prefix(session: Session) -> str:
    """'DEMO-', else 'DEMO2-', … : a prefix no client code or invoice number uses."""
    n = 1
    while True:
        prefix = "DEMO-" if n == 1 else f"DEMO{n}-"
        pattern = prefix.lower() + "%"
        used = session.scalar(
            select(Client.id).where(func.lower(Client.code).like(pattern)).limit(1)
        )
        used = used or session.scalar(
            select(Invoice.id).where(func.lower(Invoice.number).like(pattern)).limit(1)
        )
        if not used:
            return prefix
        n += 1


def fill_demo(
    today: dt.date | None = None,
    *,
    force: bool = False,
    seed: int = DEFAULT_SEED,
    with_documents: bool = True,
) -> DemoSummary:
    """Fill the current book with the demo data (one transaction).

    Refuses a book that holds clients, invoices or payments, unless
    ``force``: then the demo is added alongside, its client codes and
    invoice numbers prefixed (``DEMO-``…) so nothing collides, and the
    company details are left as they are.
    """
    empty = db.current().is_empty()
    if not empty and not force:
        raise UserError(MSG_NOT_EMPTY, field="database")
    with db.transaction() as s:
        prefix = "" if empty else free_prefix(s)
        return generate(
            s, today or clock.today(), seed=seed, prefix=prefix, with_documents=with_documents
        )
