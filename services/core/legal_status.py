"""The debtor's legal status and what it decides: the legal form codes a client may have,
and the one mapping (client kind, legal form, register, country) -> route, court, form and
legal basis of shared/domain.md §4.6.1 (issue #13, point 3).

Pure rules, no database: the client editor, the CSV import and the claim summary all read
them from here.

- A legal form is a code of :data:`LEGAL_FORMS` ("" = not known). The CSV import also
  accepts the French abbreviations and names (:func:`normalise_legal_form`).
- A sole trader (``ei``) says whether it is registered as a ``commercant`` (RCS) or an
  ``artisan`` (RNE/RM): both go to the tribunal de commerce since 1 January 2022; a sole
  trader who is neither (a liberal profession, a farmer) has those codes instead.
- :func:`route` never guesses: a professional whose legal form (or, for a sole trader,
  whose register) is not known gets a route with no court and the fields to fill in.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP
from services.core.text import fold

MSG_LEGAL_FORM = QT_TRANSLATE_NOOP(
    "Messages",
    "'{value}' is not a legal form Encaisse knows (SAS, SARL, SCI, SELARL, EI, GAEC, "
    "association…).",
)
MSG_REGISTERED_AS = QT_TRANSLATE_NOOP(
    "Messages", "'{value}' is not a register of sole traders (commercant, artisan)."
)
MSG_REGISTERED_NOT_EI = QT_TRANSLATE_NOOP(
    "Messages",
    "only a sole trader (legal form EI) is registered as commercant or artisan; "
    "a company's legal form says it all.",
)
MSG_CONSUMER_FORM = QT_TRANSLATE_NOOP(
    "Messages",
    "a consumer is a private person and has no legal form: choose the kind Business or "
    "Non-profit body for a company or an association.",
)

# the rows of the §4.6.1 table (a legal form's category is one of the first five)
COMMERCIAL_COMPANY = "commercial_company"
SOLE_TRADER = "sole_trader"
LIBERAL_COMPANY = "liberal_company"  # société d'exercice libéral
NON_MERCHANT = "non_merchant"  # civil company, liberal profession, farmer, other
NONPROFIT = "nonprofit"
CONSUMER = "consumer"
PUBLIC = "public"
EU_DEBTOR = "eu_debtor"
FOREIGN_DEBTOR = "foreign_debtor"
UNKNOWN = "unknown"

# the procedures
INJONCTION = "injonction"  # injonction de payer, art. 1405 ff. CPC
REFERE_PROVISION = "refere_provision"  # R541-1 CJA
EUROPEAN_ORDER = "european_order"  # Regulation (EC) 1896/2006
LOCAL_COUNSEL = "local_counsel"
NONE = ""  # not known yet

# the courts
TRIBUNAL_DE_COMMERCE = "tribunal_de_commerce"
TRIBUNAL_JUDICIAIRE = "tribunal_judiciaire"
TRIBUNAL_ADMINISTRATIF = "tribunal_administratif"

REGISTERED_AS = ("commercant", "artisan")


@dataclass(frozen=True, slots=True)
class LegalForm:
    code: str
    category: str
    name_fr: str  # as the French documents print it
    label: str  # the editor's label (English source; French in the translations)
    aliases: tuple[str, ...] = ()  # more names the CSV import accepts (folded)


def _form(
    code: str, category: str, name_fr: str, label: str, *aliases: str
) -> tuple[str, LegalForm]:
    return code, LegalForm(code, category, name_fr, label, aliases)


#: code -> legal form, in the editor's order (shared/domain.md §4.6.1)
LEGAL_FORMS: dict[str, LegalForm] = dict(
    [
        # commercial by form (L210-1 C. com.)
        _form(
            "sas",
            COMMERCIAL_COMPANY,
            "SAS (société par actions simplifiée)",
            QT_TRANSLATE_NOOP("Labels", "SAS — simplified joint-stock company"),
            "societe par actions simplifiee",
        ),
        _form(
            "sasu",
            COMMERCIAL_COMPANY,
            "SASU (société par actions simplifiée unipersonnelle)",
            QT_TRANSLATE_NOOP("Labels", "SASU — single-shareholder simplified joint-stock company"),
            "societe par actions simplifiee unipersonnelle",
        ),
        _form(
            "sarl",
            COMMERCIAL_COMPANY,
            "SARL (société à responsabilité limitée)",
            QT_TRANSLATE_NOOP("Labels", "SARL — limited liability company"),
            "societe a responsabilite limitee",
        ),
        _form(
            "eurl",
            COMMERCIAL_COMPANY,
            "EURL (entreprise unipersonnelle à responsabilité limitée)",
            QT_TRANSLATE_NOOP("Labels", "EURL — single-member limited liability company"),
            "entreprise unipersonnelle a responsabilite limitee",
        ),
        _form(
            "sa",
            COMMERCIAL_COMPANY,
            "SA (société anonyme)",
            QT_TRANSLATE_NOOP("Labels", "SA — public limited company"),
            "societe anonyme",
        ),
        _form(
            "snc",
            COMMERCIAL_COMPANY,
            "SNC (société en nom collectif)",
            QT_TRANSLATE_NOOP("Labels", "SNC — general partnership"),
            "societe en nom collectif",
        ),
        _form(
            "scs",
            COMMERCIAL_COMPANY,
            "SCS (société en commandite simple)",
            QT_TRANSLATE_NOOP("Labels", "SCS — limited partnership"),
            "societe en commandite simple",
        ),
        _form(
            "sca",
            COMMERCIAL_COMPANY,
            "SCA (société en commandite par actions)",
            QT_TRANSLATE_NOOP("Labels", "SCA — partnership limited by shares"),
            "societe en commandite par actions",
        ),
        # sole trader: commerçant or artisan says registered_as
        _form(
            "ei",
            SOLE_TRADER,
            "entrepreneur individuel",
            QT_TRANSLATE_NOOP("Labels", "EI — sole trader (incl. micro-entrepreneur)"),
            "entrepreneur individuel",
            "entreprise individuelle",
            "micro entrepreneur",
            "microentrepreneur",
            "micro entreprise",
            "auto entrepreneur",
            "autoentrepreneur",
            "eirl",
        ),
        # sociétés d'exercice libéral: civil courts alone (L721-5 C. com.)
        _form(
            "selarl",
            LIBERAL_COMPANY,
            "SELARL (société d'exercice libéral à responsabilité limitée)",
            QT_TRANSLATE_NOOP("Labels", "SELARL — professional practice company (limited)"),
            "selurl",
            "selarlu",
        ),
        _form(
            "selas",
            LIBERAL_COMPANY,
            "SELAS (société d'exercice libéral par actions simplifiée)",
            QT_TRANSLATE_NOOP("Labels", "SELAS — professional practice company (simplified)"),
            "selasu",
        ),
        _form(
            "selafa",
            LIBERAL_COMPANY,
            "SELAFA (société d'exercice libéral à forme anonyme)",
            QT_TRANSLATE_NOOP("Labels", "SELAFA — professional practice company (public limited)"),
        ),
        _form(
            "selca",
            LIBERAL_COMPANY,
            "SELCA (société d'exercice libéral en commandite par actions)",
            QT_TRANSLATE_NOOP("Labels", "SELCA — professional practice company (partnership)"),
        ),
        # civil companies, liberal professions, farmers: non-merchants
        _form(
            "sci",
            NON_MERCHANT,
            "SCI (société civile immobilière)",
            QT_TRANSLATE_NOOP("Labels", "SCI — property holding company"),
            "societe civile immobiliere",
        ),
        _form(
            "scp",
            NON_MERCHANT,
            "SCP (société civile professionnelle)",
            QT_TRANSLATE_NOOP("Labels", "SCP — professional partnership"),
            "societe civile professionnelle",
        ),
        _form(
            "scm",
            NON_MERCHANT,
            "SCM (société civile de moyens)",
            QT_TRANSLATE_NOOP("Labels", "SCM — cost-sharing partnership"),
            "societe civile de moyens",
        ),
        _form(
            "sc",
            NON_MERCHANT,
            "société civile",
            QT_TRANSLATE_NOOP("Labels", "Other civil company (SCCV, SCEA…)"),
            "societe civile",
            "sccv",
            "scea",
        ),
        _form(
            "liberal",
            NON_MERCHANT,
            "profession libérale exercée en nom propre",
            QT_TRANSLATE_NOOP("Labels", "Liberal profession in their own name"),
            "profession liberale",
            "liberal profession",
        ),
        _form(
            "gaec",
            NON_MERCHANT,
            "GAEC (groupement agricole d'exploitation en commun)",
            QT_TRANSLATE_NOOP("Labels", "GAEC — farming partnership"),
        ),
        _form(
            "earl",
            NON_MERCHANT,
            "EARL (exploitation agricole à responsabilité limitée)",
            QT_TRANSLATE_NOOP("Labels", "EARL — limited liability farm"),
        ),
        _form(
            "farmer",
            NON_MERCHANT,
            "exploitant agricole",
            QT_TRANSLATE_NOOP("Labels", "Farmer in their own name"),
            "exploitant agricole",
            "agriculteur",
        ),
        _form(
            "non_merchant",
            NON_MERCHANT,
            "professionnel non commerçant",
            QT_TRANSLATE_NOOP("Labels", "Other non-merchant professional"),
            "non commercant",
            "professionnel non commercant",
        ),
        # non-profit legal persons
        _form(
            "association",
            NONPROFIT,
            "association",
            QT_TRANSLATE_NOOP("Labels", "Association"),
            "asso",
            "association loi 1901",
            "loi 1901",
        ),
        _form(
            "syndicat_copro",
            NONPROFIT,
            "syndicat de copropriétaires",
            QT_TRANSLATE_NOOP("Labels", "Syndicat de copropriétaires (flat owners' association)"),
            "syndicat de coproprietaires",
            "syndicat des coproprietaires",
            "syndicat de copropriete",
            "copropriete",
            "sdc",
        ),
        _form(
            "fondation",
            NONPROFIT,
            "fondation",
            QT_TRANSLATE_NOOP("Labels", "Foundation"),
            "foundation",
            "fonds de dotation",
        ),
    ]
)

#: the EU Member States bound by Regulation (EC) 1896/2006 (Denmark is not: art. 2(3))
EOP_STATES = frozenset(
    "AT BE BG CY CZ DE EE ES FI FR GR EL HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()  # noqa: SIM905
)
#: France's overseas departments have their own ISO codes but French courts
#: (there the tribunal de commerce is a tribunal mixte de commerce)
FRENCH_OVERSEAS = frozenset(("GP", "MQ", "GF", "RE", "YT"))


def _key(text: str) -> str:
    """'S.A.R.L.' -> 'sarl'; 'Micro-Entrepreneur' -> 'micro entrepreneur'."""
    text = fold(text).replace(".", "")
    for sep in ("-", "_", "'", "’", "/", ","):
        text = text.replace(sep, " ")
    return " ".join(text.split())


_LOOKUP: dict[str, str] = {}
for _code, _legal in LEGAL_FORMS.items():
    for _name in (_code, _legal.name_fr, *_legal.aliases):
        _LOOKUP[_key(_name)] = _code
    # the French name before its parenthesis: "SARL (société …)" -> "sarl"
    _LOOKUP[_key(_legal.name_fr.split(" (")[0])] = _code

_REGISTERS = {
    "commercant": "commercant",
    "commerce": "commercant",
    "rcs": "commercant",
    "registre du commerce": "commercant",
    "registre du commerce et des societes": "commercant",
    "trader": "commercant",
    "merchant": "commercant",
    "artisan": "artisan",
    "rm": "artisan",
    "repertoire des metiers": "artisan",
    "craftsman": "artisan",
    "craft": "artisan",
}


def normalise_legal_form(value: str | None, field: str = "legal_form") -> str:
    """A legal form code, from a code, a French abbreviation or name (any case, accents,
    dots or hyphens): 'S.A.R.L.' -> 'sarl', 'Micro-entrepreneur' -> 'ei'; '' -> ''."""
    key = _key(value or "")
    if not key:
        return ""
    code = _LOOKUP.get(key)
    if code is None:
        raise UserError(MSG_LEGAL_FORM, field=field, value=(value or "").strip())
    return code


def normalise_registered_as(value: str | None, field: str = "registered_as") -> str:
    """'commercant', 'artisan' or '' (from 'Commerçant', 'RCS', 'RM', 'artisan'…)."""
    key = _key(value or "")
    if not key:
        return ""
    register = _REGISTERS.get(key)
    if register is None:
        raise UserError(MSG_REGISTERED_AS, field=field, value=(value or "").strip())
    return register


def check(kind: str, legal_form: str, registered_as: str) -> list[UserError]:
    """What contradicts itself in a client's legal status (already normalised codes)."""
    errors = []
    if kind == "consumer" and legal_form:
        errors.append(UserError(MSG_CONSUMER_FORM, field="legal_form"))
    if registered_as and legal_form != "ei":
        errors.append(UserError(MSG_REGISTERED_NOT_EI, field="registered_as"))
    return errors


def name_fr(code: str) -> str:
    """The legal form as a French document prints it ('' when not known)."""
    legal = LEGAL_FORMS.get(code)
    return legal.name_fr if legal else ""


@dataclass(frozen=True, slots=True)
class Route:
    """Where a claim against a debtor goes (one row of the §4.6.1 table)."""

    row: str  # COMMERCIAL_COMPANY … UNKNOWN
    procedure: str  # INJONCTION, REFERE_PROVISION, EUROPEAN_ORDER, LOCAL_COUNSEL or NONE
    court: str  # TRIBUNAL_… or "" (none in France, or not known yet)
    form: str  # "12946", "12948", "R541-1 CJA", "1896/2006 A" or ""
    basis: str  # the legal basis, in French (it goes on French documents)
    missing: tuple[str, ...] = ()  # the client's fields to fill in before a court is named
    overseas: bool = False  # a French overseas department (tribunal mixte de commerce)

    @property
    def known(self) -> bool:
        return self.row != UNKNOWN


_COMMERCE = (INJONCTION, TRIBUNAL_DE_COMMERCE, "12946")
_JUDICIAIRE = (INJONCTION, TRIBUNAL_JUDICIAIRE, "12948")


def route(kind: str, legal_form: str, registered_as: str, country: str) -> Route:
    """The route, court, form and basis for a claim against this debtor (shared/domain.md
    §4.6.1), from its kind (pro, consumer, nonprofit, public), legal form code, register
    (sole traders) and two-letter country."""
    country = (country or "FR").upper()
    if country != "FR" and country not in FRENCH_OVERSEAS:
        if country in EOP_STATES:
            return Route(
                EU_DEBTOR,
                EUROPEAN_ORDER,
                "",
                "1896/2006 A",
                "article 1406 du Code de procédure civile (pas d’injonction de payer française "
                "contre un débiteur sans adresse en France) ; règlement (CE) n° 1896/2006 "
                "instituant une procédure européenne d’injonction de payer",
            )
        return Route(
            FOREIGN_DEBTOR,
            LOCAL_COUNSEL,
            "",
            "",
            "article 1406 du Code de procédure civile (pas d’injonction de payer française "
            "contre un débiteur sans adresse en France)",
        )
    overseas = country in FRENCH_OVERSEAS
    if kind == "public":
        return Route(
            PUBLIC,
            REFERE_PROVISION,
            TRIBUNAL_ADMINISTRATIF,
            "R541-1 CJA",
            "les contrats de la commande publique passés par des personnes publiques sont "
            "des contrats administratifs (article L6 du Code de la commande publique) ; "
            "référé-provision (article R541-1 du Code de justice administrative)",
            overseas=overseas,
        )
    if kind == "consumer":
        return Route(CONSUMER, *_JUDICIAIRE, "créance civile", overseas=overseas)
    legal = LEGAL_FORMS.get(legal_form)
    category = legal.category if legal else (NONPROFIT if kind == "nonprofit" else UNKNOWN)
    if category == COMMERCIAL_COMPANY:
        return Route(
            COMMERCIAL_COMPANY,
            *_COMMERCE,
            "articles L721-3 1° et 2° et L210-1 du Code de commerce (société commerciale par "
            "la forme)",
            overseas=overseas,
        )
    if category == SOLE_TRADER:
        if registered_as in REGISTERED_AS:
            return Route(
                SOLE_TRADER,
                *_COMMERCE,
                "article L721-3 1° du Code de commerce (commerçants et, depuis le 1er janvier "
                "2022, artisans)",
                overseas=overseas,
            )
        return Route(UNKNOWN, NONE, "", "", "", ("registered_as",), overseas)
    if category == LIBERAL_COMPANY:
        return Route(
            LIBERAL_COMPANY,
            *_JUDICIAIRE,
            "article L721-5 du Code de commerce (sociétés d’exercice libéral : juridictions "
            "civiles seules)",
            overseas=overseas,
        )
    if category == NON_MERCHANT:
        return Route(
            NON_MERCHANT,
            *_JUDICIAIRE,
            "défendeur non commerçant : juridiction civile",
            overseas=overseas,
        )
    if category == NONPROFIT:
        return Route(
            NONPROFIT,
            *_JUDICIAIRE,
            "personne morale non commerçante : juridiction civile",
            overseas=overseas,
        )
    return Route(UNKNOWN, NONE, "", "", "", ("legal_form",), overseas)
