"""The ``rates`` command (issue #13, point 1; shared/domain.md §2.2–2.3): the tables with each
row's source, the half-years missing, and entering a rate — its official reference
required, between 0 and 30 %, each refusal naming its field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from services.core import settings
from tests.helpers_cli import frozen_book_path, open_book, run_cli


@pytest.fixture
def book(tmp_path: Path, book_target: str) -> Iterator[Path]:
    for path in frozen_book_path(tmp_path, book_target):
        with open_book(path):
            pass
        yield path


def test_rates_lists_the_tables_with_their_sources(capsys, book: Path) -> None:  # type: ignore[no-untyped-def]
    payload = run_cli(capsys, book, "rates", "--json").json()
    assert payload["ecb_mro"][0] == {
        "from": "2012-07-11",
        "rate": "0.75",
        "source": payload["ecb_mro"][0]["source"],
    }
    assert payload["ecb_mro"][0]["source"] and payload["legal"][0]["half"] == "2015-H1"
    assert all(row["source"] for row in payload["legal"])
    assert payload["missing"] == []  # TODAY = 2026-03-15: 2026-H1 is complete
    late = run_cli(capsys, book, "rates", "--date", "2026-07-01", "--json").json()
    assert late["missing"] == ["2026-H2"]
    text = run_cli(capsys, book, "rates", "list", "--date", "2026-07-01")
    assert text.code == 0 and "rates for 2026-H2 not entered" in text.out


def test_rates_add_needs_the_reference_and_a_rate_from_0_to_30(capsys, book: Path) -> None:  # type: ignore[no-untyped-def]
    for args, field in (
        (("add-ecb", "--from", "2026-07-23", "--rate", "2.40"), "Official reference"),
        (("add-ecb", "--rate", "2.40", "--reference", "ECB"), "In force from"),
        (("add-ecb", "--from", "2026-07-23", "--rate", "31", "--reference", "ECB"), "Rate"),
        (("unchanged-until", "--date", "2026-07-01"), "Official reference"),
        (
            ("add-legal", "--half", "2026-H2", "--professional", "2.75", "--individual", "6.84"),
            "Official reference",
        ),
        (
            (
                "add-legal",
                "--half",
                "2026-H2",
                "--professional",
                "30.5",
                "--individual",
                "6.84",
                "--reference",
                "arrêté",
            ),
            "Legal rate (creditor acting professionally)",
        ),
    ):
        run = run_cli(capsys, book, "rates", *args)
        assert run.code == 1 and run.err_lines[0].startswith(f"error: {field}:"), (args, run.err)
    with open_book(book):
        assert settings.read().user_rates == {}  # nothing written


def test_rates_entered_clear_the_missing_half_year(capsys, book: Path) -> None:  # type: ignore[no-untyped-def]
    added = run_cli(
        capsys,
        book,
        "rates",
        "add-legal",
        "--half",
        "2026-h2",
        "--professional",
        "2,75",
        "--individual",
        "6.84",
        "--reference",
        "arrêté du 23 juin 2026",
    )
    assert added.code == 0, added.err
    ecb = run_cli(
        capsys,
        book,
        "rates",
        "unchanged-until",
        "--date",
        "2026-07-01",
        "--reference",
        "ECB meeting of 11 June 2026",
    )
    assert ecb.code == 0, ecb.err
    payload = run_cli(capsys, book, "rates", "--date", "2026-07-01", "--json").json()
    assert payload["missing"] == []
    assert payload["legal"][-1] == {
        "half": "2026-H2",
        "professional": "2.75",
        "individual": "6.84",
        "source": "arrêté du 23 juin 2026",
    }
    assert payload["ecb_known_until"] == "2026-07-01"
    assert payload["ecb_known_source"] == "ECB meeting of 11 June 2026"
    new = run_cli(
        capsys,
        book,
        "rates",
        "add-ecb",
        "--from",
        "2026-07-23",
        "--rate",
        "2.40",
        "--reference",
        "ECB decision of 16 July 2026",
    )
    assert new.code == 0, new.err
    rows = run_cli(capsys, book, "rates", "--json").json()["ecb_mro"]
    assert rows[-1] == {
        "from": "2026-07-23",
        "rate": "2.40",
        "source": "ECB decision of 16 July 2026",
    }


pytestmark = pytest.mark.both_engines
