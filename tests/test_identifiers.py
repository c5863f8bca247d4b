"""SIREN, SIRET (La Poste included), French VAT key and IBAN (shared/domain.md §5.1)."""

from __future__ import annotations

import pytest

from models import Client, Event
from services.core import company, db, identifiers
from services.core.errors import UserError, ValidationError
from services.ledger import clients
from tests.service_fixtures import add_client, book  # noqa: F401

# -- SIREN -------------------------------------------------------------------------


def test_valid_siren() -> None:
    assert identifiers.siren("404833048") == "404833048"
    assert identifiers.siren("404 833 048") == "404833048"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("404833047", "check digits"),
        ("40483304", "wrong length"),
        ("4048330480", "wrong length"),
        ("40483304A", "invalid format"),
    ],
)
def test_invalid_siren_is_refused_saying_which_field_and_why(value: str, why: str) -> None:
    with pytest.raises(UserError) as caught:
        identifiers.siren(value)
    assert caught.value.field == "siren"
    message = str(caught.value)
    assert message.startswith("SIREN: ")
    assert value in message and why in message


def test_empty_identifiers_are_allowed() -> None:
    for check in (identifiers.siren, identifiers.siret, identifiers.vat_number, identifiers.iban):
        assert check("") == ""
        assert check(None) == ""


# -- SIRET -------------------------------------------------------------------------


def test_valid_siret_uses_luhn_over_14_digits() -> None:
    assert identifiers.siret("73282932000074") == "73282932000074"
    with pytest.raises(UserError) as caught:
        identifiers.siret("73282932000075")
    assert caught.value.field == "siret"
    assert str(caught.value).startswith("SIRET: ")


def test_la_poste_siret_uses_the_sum_of_digits_rule() -> None:
    # 3+5+6+4+9+8+3+7 = 45, a multiple of 5: valid although Luhn fails
    assert identifiers.siret("35600000049837") == "35600000049837"
    # the sum is 46: refused
    with pytest.raises(UserError) as caught:
        identifiers.siret("35600000049838")
    assert caught.value.field == "siret"
    assert "check digits" in str(caught.value)


def test_la_poste_head_office_siret_uses_luhn() -> None:
    # the head office is the exception to the exception: the sum of digits (26) is no
    # multiple of 5, yet it is valid by Luhn
    assert identifiers.siret("35600000000048") == "35600000000048"
    with pytest.raises(UserError):
        identifiers.siret("35600000000049")


def test_siret_must_have_14_digits() -> None:
    with pytest.raises(UserError) as caught:
        identifiers.siret("7328293200007")
    assert caught.value.field == "siret"
    assert "wrong length" in str(caught.value) and "14 digits" in str(caught.value)


# -- VAT -----------------------------------------------------------------------------


def test_valid_french_vat_key() -> None:
    assert identifiers.vat_number("FR44732829320") == "FR44732829320"
    assert identifiers.vat_number("fr 44 732 829 320") == "FR44732829320"
    assert identifiers.vat_number("FR83404833048") == "FR83404833048"


@pytest.mark.parametrize("value", ["FR45732829320", "FR84404833048", "FR44732829321"])
def test_invalid_french_vat_key_is_refused(value: str) -> None:
    with pytest.raises(UserError) as caught:
        identifiers.vat_number(value)
    assert caught.value.field == "vat_number"
    assert str(caught.value).startswith("VAT number: ")
    assert value in str(caught.value)


def test_foreign_vat_numbers_are_kept_as_typed() -> None:
    assert identifiers.vat_number("be 0123 456 789") == "BE0123456789"


# -- IBAN -----------------------------------------------------------------------------


def test_valid_iban() -> None:
    assert identifiers.iban("FR76 3000 6000 0112 3456 7890 189") == "FR7630006000011234567890189"
    assert identifiers.iban("DE89370400440532013000") == "DE89370400440532013000"


@pytest.mark.parametrize(
    "value",
    [
        "FR76 3000 6000 0112 3456 7890 188",
        "FR7630006000011234567890",
        "XX7630006000011234567890189",
    ],
)
def test_invalid_iban_is_refused(value: str) -> None:
    with pytest.raises(UserError) as caught:
        identifiers.iban(value)
    assert caught.value.field == "iban"
    assert str(caught.value).startswith("IBAN: ")


# -- consistency ------------------------------------------------------------------------


def test_siret_and_vat_must_belong_to_the_siren() -> None:
    identifiers.check_consistency("732829320", "73282932000074", "FR44732829320")
    with pytest.raises(UserError) as caught:
        identifiers.check_consistency("404833048", "73282932000074", "")
    assert caught.value.field == "siret"
    with pytest.raises(UserError) as caught:
        identifiers.check_consistency("404833048", "", "FR44732829320")
    assert caught.value.field == "vat_number"


# -- through the services: refused, nothing written --------------------------------------


def _counts() -> tuple[int, int]:
    with db.reading() as s:
        return s.query(Client).count(), s.query(Event).count()


@pytest.mark.usefixtures("book")
def test_a_client_with_an_invalid_siren_is_refused_and_nothing_is_written() -> None:
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        clients.create_client({"code": "ACME", "name": "Acme", "siren": "404833047"})
    assert [e.field for e in caught.value.errors] == ["siren"]
    assert "SIREN:" in str(caught.value) and "404833047" in str(caught.value)
    assert _counts() == before == (0, 0)


@pytest.mark.usefixtures("book")
def test_every_bad_identifier_of_a_client_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        clients.create_client(
            {
                "code": "ACME",
                "name": "Acme",
                "siren": "404833047",
                "siret": "35600000049838",
                "vat_number": "FR45732829320",
            }
        )
    assert [e.field for e in caught.value.errors] == ["siren", "siret", "vat_number"]
    text = str(caught.value)
    assert "SIREN:" in text and "SIRET:" in text and "VAT number:" in text
    assert _counts() == (0, 0)


@pytest.mark.usefixtures("book")
def test_a_client_with_valid_identifiers_is_created_in_compact_form() -> None:
    row = clients.create_client(
        {
            "code": "ACME",
            "name": "Acme",
            "siren": "732 829 320",
            "siret": "732 829 320 00074",
            "vat_number": "FR 44 732829320",
        }
    )
    assert (row.siren, row.siret, row.vat_number) == (
        "732829320",
        "73282932000074",
        "FR44732829320",
    )
    assert _counts() == (1, 1)


@pytest.mark.usefixtures("book")
def test_editing_a_client_with_an_invalid_siret_changes_nothing() -> None:
    row = add_client("ACME", siren="404833048")
    with pytest.raises(ValidationError) as caught:
        clients.update_client(
            row.id,
            {"code": "ACME", "name": "Acme", "siren": "404833048", "siret": "40483304800011"},
        )
    assert caught.value.field == "siret"
    assert clients.get_client(row.id).siret == ""


@pytest.mark.usefixtures("book")
def test_the_company_iban_is_checked() -> None:
    with pytest.raises(ValidationError) as caught:
        company.save_company({"name": "Ma Boîte", "iban": "FR7630006000011234567890188"})
    assert caught.value.field == "iban"
    assert company.get_company().name == ""
    saved = company.save_company({"name": "Ma Boîte", "iban": "FR7630006000011234567890189"})
    assert saved.iban == "FR7630006000011234567890189"
