"""French identifiers checked with python-stdnum (shared/domain.md §5.1).

Each function returns the compact, normalised form or raises a
:class:`UserError` naming the field and why.  Empty input is allowed
(the fields are optional) and returns "".
"""

from __future__ import annotations

from stdnum import bic as std_bic
from stdnum import iban as std_iban
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret
from stdnum.fr import tva as std_tva

from services.core.errors import UserError
from services.core.i18n import QT_TRANSLATE_NOOP

MSG_LENGTH = QT_TRANSLATE_NOOP("Messages", "'{value}' has the wrong length ({expected}).")
MSG_FORMAT = QT_TRANSLATE_NOOP("Messages", "'{value}' has an invalid format ({expected}).")
MSG_CHECKSUM = QT_TRANSLATE_NOOP(
    "Messages", "'{value}' is not valid: the check digits do not match (mistyped?)."
)
MSG_COMPONENT = QT_TRANSLATE_NOOP("Messages", "'{value}' is not valid: {detail}.")
MSG_SIRET_SIREN = QT_TRANSLATE_NOOP(
    "Messages", "the SIRET {siret} does not start with the SIREN {siren}."
)
MSG_VAT_SIREN = QT_TRANSLATE_NOOP(
    "Messages", "the VAT number {vat} does not match the SIREN {siren}."
)

#: Expected shapes, translated by the UI when shown as a message parameter.
EXPECTED = {
    "siren": QT_TRANSLATE_NOOP("Messages", "9 digits"),
    "siret": QT_TRANSLATE_NOOP("Messages", "14 digits"),
    "vat_number": QT_TRANSLATE_NOOP("Messages", "FR + 2 characters + 9 digits"),
    "iban": QT_TRANSLATE_NOOP("Messages", "FR76 …, up to 34 characters"),
    "bic": QT_TRANSLATE_NOOP("Messages", "8 or 11 characters"),
}


def _check(value: str | None, field: str, module: object) -> str:
    raw = (value or "").strip()
    if not raw:
        return ""
    try:
        return module.validate(raw)  # type: ignore[attr-defined, no-any-return]
    except InvalidLength as exc:
        raise UserError(MSG_LENGTH, field=field, value=raw, expected=EXPECTED[field]) from exc
    except InvalidFormat as exc:
        raise UserError(MSG_FORMAT, field=field, value=raw, expected=EXPECTED[field]) from exc
    except InvalidChecksum as exc:
        raise UserError(MSG_CHECKSUM, field=field, value=raw) from exc
    except InvalidComponent as exc:
        raise UserError(MSG_COMPONENT, field=field, value=raw, detail=exc.message) from exc
    except ValidationError as exc:
        raise UserError(MSG_COMPONENT, field=field, value=raw, detail=str(exc)) from exc


def siren(value: str | None, field: str = "siren") -> str:
    """9 digits, Luhn."""
    return _check(value, field, std_siren)


def siret(value: str | None, field: str = "siret") -> str:
    """14 digits, Luhn — or La Poste's sum-of-digits rule (stdnum handles it)."""
    return _check(value, field, std_siret)


def vat_number(value: str | None, field: str = "vat_number") -> str:
    """French VAT number (FR + key + SIREN); other EU prefixes are kept as typed."""
    raw = (value or "").strip().upper().replace(" ", "")
    if raw and not raw.startswith("FR") and raw[:2].isalpha():
        return raw  # foreign VAT: no offline check for now
    compact = _check(raw, field, std_tva)
    return f"FR{compact}" if compact else ""


def iban(value: str | None, field: str = "iban") -> str:
    return _check(value, field, std_iban)


def bic(value: str | None, field: str = "bic") -> str:
    return _check(value, field, std_bic)


def check_consistency(siren_value: str, siret_value: str, vat_value: str) -> None:
    """SIRET and French VAT number must belong to the SIREN when all are given."""
    if siren_value and siret_value and not siret_value.startswith(siren_value):
        raise UserError(MSG_SIRET_SIREN, field="siret", siret=siret_value, siren=siren_value)
    if siren_value and vat_value.startswith("FR") and vat_value[4:] != siren_value:
        raise UserError(MSG_VAT_SIREN, field="vat_number", vat=vat_value, siren=siren_value)
