"""The creditor's identification (issue #13, point 9; art. 57 CPC, shared/domain.md §2.7):
the company's share capital, register and signatory, validated field by field, and the lines
letters and claims print."""

from __future__ import annotations

import pytest

from services.core import company
from services.core.dto import CompanyData
from services.core.errors import ValidationError
from tests.service_fixtures import book  # noqa: F401

pytestmark = pytest.mark.usefixtures("book")

SIREN = "732829320"


def _save(**values: str) -> CompanyData:
    return company.save_company({"name": "Menuiserie Martin", **values})


def _fields(**values: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        _save(**values)
    return [e.field or "" for e in caught.value.errors]


def test_a_complete_identification_is_saved_and_printed() -> None:
    saved = _save(
        legal_form="SARL",
        share_capital="10 000",
        address="12 rue des Lilas",
        postcode="69003",
        city="Lyon",
        siren=SIREN,
        register_kind="RCS",
        register_city="Lyon",
        register_number="B 732 829 320",
        signatory_name="Jeanne Martin",
        signatory_title="gérante",
    )
    assert (saved.share_capital, saved.register_kind, saved.register_number) == (
        "10000.00",
        "rcs",
        SIREN,
    )
    lines = company.identification_lines(saved, "fr")
    assert lines == [
        "SARL au capital de 10\u00a0000,00\u00a0€",
        "Siège social : 12 rue des Lilas, 69003 Lyon",
        "RCS Lyon 732 829 320",
        "Représentée par Jeanne Martin, gérante",
    ]
    english = company.identification_lines(saved, "en")
    assert english[0] == "SARL with a share capital of €10,000.00"
    assert english[-1] == "Represented by Jeanne Martin, gérante"
    assert company.missing_identification(saved) == []


def test_what_is_not_entered_is_left_out_and_listed_as_missing() -> None:
    saved = _save(siren=SIREN)
    assert company.identification_lines(saved) == ["SIREN 732 829 320"]
    assert company.missing_identification(saved) == [
        "legal_form",
        "address",
        "city",
        "register_kind",
        "signatory_name",
    ]


def test_an_artisan_on_the_rne_needs_no_city() -> None:
    saved = _save(legal_form="EI", siren=SIREN, register_kind="rne")
    assert "RNE 732 829 320" in company.identification_lines(saved)


@pytest.mark.parametrize(
    ("values", "fields"),
    [
        ({"share_capital": "beaucoup"}, ["share_capital"]),
        ({"share_capital": "0"}, ["share_capital"]),
        ({"register_kind": "KBIS", "siren": SIREN}, ["register_kind"]),
        ({"register_kind": "rcs", "siren": SIREN}, ["register_city"]),
        ({"register_kind": "rcs", "register_city": "Lyon"}, ["register_number"]),
        (
            {"register_kind": "rcs", "register_city": "Lyon", "register_number": "123"},
            ["register_number"],
        ),
        (
            {
                "register_kind": "rcs",
                "register_city": "Lyon",
                "register_number": "552 100 554",
                "siren": SIREN,
            },
            ["register_number"],
        ),
        ({"register_city": "Lyon"}, ["register_kind"]),
        ({"signatory_name": "Jeanne Martin"}, ["signatory_title"]),
        ({"signatory_title": "gérante"}, ["signatory_name"]),
    ],
)
def test_bad_identification_names_the_field(values: dict[str, str], fields: list[str]) -> None:
    assert _fields(**values) == fields
    assert company.get_company().name == ""  # nothing saved
