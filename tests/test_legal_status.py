"""The debtor's legal status -> route, court, form and basis: shared/domain.md §4.6.1, row by
row (issue #13, point 3), and the legal form codes the editor and the CSV import accept."""

from __future__ import annotations

import pytest

from services.core import legal_status as ls
from services.core.errors import UserError

COMMERCE = (ls.INJONCTION, ls.TRIBUNAL_DE_COMMERCE, "12946")
JUDICIAIRE = (ls.INJONCTION, ls.TRIBUNAL_JUDICIAIRE, "12948")


@pytest.mark.parametrize(
    ("case", "kind", "form", "registered", "country", "row", "expected"),
    [
        # §4.6.1 row 1: commercial company by form
        ("SARL", "pro", "sarl", "", "FR", ls.COMMERCIAL_COMPANY, COMMERCE),
        ("SAS", "pro", "sas", "", "FR", ls.COMMERCIAL_COMPANY, COMMERCE),
        ("SA", "pro", "sa", "", "FR", ls.COMMERCIAL_COMPANY, COMMERCE),
        ("SNC", "pro", "snc", "", "FR", ls.COMMERCIAL_COMPANY, COMMERCE),
        ("SCA", "pro", "sca", "", "FR", ls.COMMERCIAL_COMPANY, COMMERCE),
        # row 2: sole trader registered as commerçant or artisan (artisans since 2022)
        ("commerçant", "pro", "ei", "commercant", "FR", ls.SOLE_TRADER, COMMERCE),
        ("artisan", "pro", "ei", "artisan", "FR", ls.SOLE_TRADER, COMMERCE),
        # row 3: société d'exercice libéral -> civil courts (L721-5)
        ("SELARL", "pro", "selarl", "", "FR", ls.LIBERAL_COMPANY, JUDICIAIRE),
        ("SELAS", "pro", "selas", "", "FR", ls.LIBERAL_COMPANY, JUDICIAIRE),
        # row 4: civil company, liberal profession, farmer
        ("SCI", "pro", "sci", "", "FR", ls.NON_MERCHANT, JUDICIAIRE),
        ("SCP", "pro", "scp", "", "FR", ls.NON_MERCHANT, JUDICIAIRE),
        ("SCM", "pro", "scm", "", "FR", ls.NON_MERCHANT, JUDICIAIRE),
        ("liberal profession", "pro", "liberal", "", "FR", ls.NON_MERCHANT, JUDICIAIRE),
        ("GAEC", "pro", "gaec", "", "FR", ls.NON_MERCHANT, JUDICIAIRE),
        ("farmer", "pro", "farmer", "", "FR", ls.NON_MERCHANT, JUDICIAIRE),
        # row 5: non-profit legal persons
        ("association", "nonprofit", "association", "", "FR", ls.NONPROFIT, JUDICIAIRE),
        ("syndicat", "nonprofit", "syndicat_copro", "", "FR", ls.NONPROFIT, JUDICIAIRE),
        ("non-profit, form not known", "nonprofit", "", "", "FR", ls.NONPROFIT, JUDICIAIRE),
        ("association filed as pro", "pro", "association", "", "FR", ls.NONPROFIT, JUDICIAIRE),
        # row 6: consumer
        ("consumer", "consumer", "", "", "FR", ls.CONSUMER, JUDICIAIRE),
        # row 7: public buyer -> référé-provision, no injonction
        (
            "public buyer",
            "public",
            "",
            "",
            "FR",
            ls.PUBLIC,
            (ls.REFERE_PROVISION, ls.TRIBUNAL_ADMINISTRATIF, "R541-1 CJA"),
        ),
        # row 8: no address in France
        (
            "debtor in Germany",
            "pro",
            "",
            "",
            "DE",
            ls.EU_DEBTOR,
            (ls.EUROPEAN_ORDER, "", "1896/2006 A"),
        ),
        (
            "debtor in the USA",
            "pro",
            "sarl",
            "",
            "US",
            ls.FOREIGN_DEBTOR,
            (ls.LOCAL_COUNSEL, "", ""),
        ),
        (
            "Denmark is outside Regulation 1896/2006",
            "pro",
            "",
            "",
            "DK",
            ls.FOREIGN_DEBTOR,
            (ls.LOCAL_COUNSEL, "", ""),
        ),
        # row 9: unknown legal form -> ask, no court
        ("professional, form not known", "pro", "", "", "FR", ls.UNKNOWN, (ls.NONE, "", "")),
        ("sole trader, register not known", "pro", "ei", "", "FR", ls.UNKNOWN, (ls.NONE, "", "")),
    ],
)
def test_each_row_of_the_court_table_shared_domain_4_6_1(
    case: str,
    kind: str,
    form: str,
    registered: str,
    country: str,
    row: str,
    expected: tuple[str, str, str],
) -> None:
    route = ls.route(kind, form, registered, country)
    assert route.row == row, case
    assert (route.procedure, route.court, route.form) == expected, case
    assert bool(route.basis) == (row != ls.UNKNOWN), case
    assert route.known == (row != ls.UNKNOWN)


def test_what_is_missing_is_named_not_guessed() -> None:
    assert ls.route("pro", "", "", "FR").missing == ("legal_form",)
    assert ls.route("pro", "ei", "", "FR").missing == ("registered_as",)
    assert ls.route("pro", "sarl", "", "FR").missing == ()


def test_the_bases_cite_the_table() -> None:
    assert "L721-3" in ls.route("pro", "sas", "", "FR").basis
    assert "L721-5" in ls.route("pro", "selarl", "", "FR").basis
    assert "R541-1" in ls.route("public", "", "", "FR").basis
    assert "1896/2006" in ls.route("consumer", "", "", "IT").basis
    assert "1406" in ls.route("pro", "", "", "US").basis


def test_a_public_buyer_or_a_consumer_abroad_is_abroad_first() -> None:
    assert ls.route("public", "", "", "BE").row == ls.EU_DEBTOR
    assert ls.route("consumer", "", "", "CH").row == ls.FOREIGN_DEBTOR


def test_overseas_departments_are_france() -> None:
    route = ls.route("pro", "sarl", "", "re")
    assert route.row == ls.COMMERCIAL_COMPANY and route.overseas


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("SAS", "sas"),
        ("sasu", "sasu"),
        ("S.A.R.L.", "sarl"),
        ("eurl", "eurl"),
        ("Sa", "sa"),
        ("SNC", "snc"),
        ("scs", "scs"),
        ("SCA", "sca"),
        ("sci", "sci"),
        ("SCP", "scp"),
        ("scm", "scm"),
        ("SelArl", "selarl"),
        ("SELAS", "selas"),
        ("selafa", "selafa"),
        ("SELCA", "selca"),
        ("EI", "ei"),
        ("entrepreneur individuel", "ei"),
        ("Micro-entrepreneur", "ei"),
        ("auto-entrepreneur", "ei"),
        ("GAEC", "gaec"),
        ("earl", "earl"),
        ("Association", "association"),
        ("association loi 1901", "association"),
        ("Syndicat de copropriétaires", "syndicat_copro"),
        ("syndicat_copro", "syndicat_copro"),
        ("Fondation", "fondation"),
        ("profession libérale", "liberal"),
        ("Exploitant agricole", "farmer"),
        ("Société civile immobilière", "sci"),
        ("", ""),
        ("  ", ""),
    ],
)
def test_legal_form_codes_and_french_abbreviations(text: str, code: str) -> None:
    assert ls.normalise_legal_form(text) == code


def test_an_unknown_legal_form_is_refused_naming_the_value() -> None:
    with pytest.raises(UserError) as caught:
        ls.normalise_legal_form("GmbH")
    assert caught.value.field == "legal_form" and caught.value.params == {"value": "GmbH"}
    assert "GmbH" in caught.value.render()


def test_registers_of_sole_traders() -> None:
    assert ls.normalise_registered_as("Commerçant") == "commercant"
    assert ls.normalise_registered_as("RCS") == "commercant"
    assert ls.normalise_registered_as("artisan") == "artisan"
    assert ls.normalise_registered_as("RM") == "artisan"
    assert ls.normalise_registered_as("") == ""
    with pytest.raises(UserError) as caught:
        ls.normalise_registered_as("notaire")
    assert caught.value.field == "registered_as"


def test_contradictions_are_named() -> None:
    assert [e.field for e in ls.check("consumer", "sarl", "")] == ["legal_form"]
    assert [e.field for e in ls.check("pro", "sarl", "artisan")] == ["registered_as"]
    assert ls.check("pro", "ei", "artisan") == []
    assert ls.check("consumer", "", "") == []


def test_every_form_has_a_french_name_and_a_label() -> None:
    for code, legal in ls.LEGAL_FORMS.items():
        assert legal.code == code and legal.name_fr and legal.label
        assert ls.normalise_legal_form(code) == code
        assert len(code) <= 20  # clients.legal_form is String(20)
    assert ls.name_fr("sci") == "SCI (société civile immobilière)" and ls.name_fr("") == ""
