"""The debtor's legal status on clients (issue #13, point 3): the editor's fields through
clients.validate, and the optional CSV columns ``legal_form``, ``registered_as`` and
``acts_professionally`` (shared/domain.md §2.6.1, §4.6.1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.core.errors import ValidationError
from services.ledger import clients, imports
from tests.service_fixtures import add_client, book  # noqa: F401

pytestmark = pytest.mark.usefixtures("book")


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clients.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_csv_legal_form_column_takes_codes_and_abbreviations_any_case(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "code,name,kind,legal_form,registered_as,acts_professionally\n"
        "A1,Alpha,pro,SARL,,\n"
        "A2,Beta,pro,sci,,\n"
        "A3,Gamma,pro,selarl,,\n"
        "A4,Delta,pro,Micro-entrepreneur,Artisan,\n"
        "A5,Epsilon,nonprofit,association,,oui\n"
        "A6,Zeta,nonprofit,Syndicat de copropriétaires,,non\n"
        "A7,Eta,consumer,,,\n"
        "A8,Theta,pro,s.a.s.u.,,\n",
    )
    result = imports.import_clients(path)
    assert result.errors == [] and result.imported == 8
    got = {
        c.code: (c.legal_form, c.registered_as, c.acts_professionally)
        for c in clients.list_clients(clients.ClientQuery())
    }
    assert got == {
        "A1": ("sarl", "", False),
        "A2": ("sci", "", False),
        "A3": ("selarl", "", False),
        "A4": ("ei", "artisan", False),
        "A5": ("association", "", True),
        "A6": ("syndicat_copro", "", False),
        "A7": ("", "", False),
        "A8": ("sasu", "", False),
    }


def test_an_unknown_legal_form_in_a_csv_is_refused_naming_the_column_and_value(
    tmp_path: Path,
) -> None:
    path = _csv(
        tmp_path,
        "code;nom;forme juridique\nB1;Bravo;SARL\nB2;Kilo;GmbH\n",
    )
    result = imports.import_clients(path)
    assert result.imported == 0  # all or nothing
    [error] = result.errors
    assert (error.line, error.column) == (3, "forme juridique")
    assert "GmbH" in error.reason and "legal form" in error.reason
    assert clients.list_clients(clients.ClientQuery()) == []


def test_bad_register_and_yes_no_are_named(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "code,name,legal_form,registered_as,acts_professionally\n"
        "C1,One,EI,notaire,\n"
        "C2,Two,SARL,artisan,\n"
        "C3,Three,association,,peut-être\n",
    )
    result = imports.import_clients(path)
    assert [(e.line, e.column) for e in result.errors] == [
        (2, "registered_as"),
        (3, "registered_as"),
        (4, "acts_professionally"),
    ]
    assert "notaire" in result.errors[0].reason and "peut-être" in result.errors[2].reason


def test_the_editor_saves_the_legal_status_and_refuses_contradictions() -> None:
    row = add_client("SCI1", legal_form="SCI", name="SCI du Parc")
    assert row.legal_form == "sci"
    updated = clients.update_client(
        row.id,
        {
            "code": "SCI1",
            "name": "Dupuis",
            "kind": "pro",
            "legal_form": "ei",
            "registered_as": "commercant",
        },
    )
    assert (updated.legal_form, updated.registered_as) == ("ei", "commercant")
    with pytest.raises(ValidationError) as caught:
        add_client("PART", kind="consumer", legal_form="sarl")
    assert [e.field for e in caught.value.errors] == ["legal_form"]
    with pytest.raises(ValidationError) as caught:
        add_client("XX", legal_form="zzz")
    assert [e.field for e in caught.value.errors] == ["legal_form"]
    assert "zzz" in caught.value.errors[0].render()
    nonprofit = add_client("ASSO", kind="nonprofit", acts_professionally=True)
    assert nonprofit.acts_professionally is True
