"""The number a reminder letter prints comes from the client's own ladder (issue #12, "copies of
one rule"): with a custom scenario of three reminders, the third one says "Relance n° 3", not
the number counted on the kind's default ladder (reminders at +5 and +15: "n° 2")."""

from __future__ import annotations

import datetime as dt

import pytest

from services.followup import dunning
from services.followup.dunning import Step
from services.ledger import clients
from services.paper import letters
from tests.service_fixtures import add_client, add_invoice, book  # noqa: F401

pytestmark = pytest.mark.usefixtures("book")

THREE_REMINDERS = [
    Step(2, "reminder", "letter"),
    Step(4, "reminder", "letter"),
    Step(6, "reminder", "letter", True),
    Step(35, "formal_notice", "registered_letter", True),
]


def _letters_on(day: dt.date) -> list[letters.Letter]:
    return [letter for letter, _action in letters.prepare(day)]


def test_the_third_reminder_of_a_custom_scenario_is_number_3() -> None:
    scenario_id = dunning.save_scenario("Three reminders", THREE_REMINDERS)
    client = add_client("ACME", language="fr")
    clients.update_client(
        client.id,
        {"code": "ACME", "name": "ACME SARL", "kind": "pro", "scenario_id": scenario_id},
    )
    add_invoice("F1", issue="2025-01-15", terms="30 jours")  # due 2025-02-14
    due = dt.date(2025, 2, 14)
    seen = {}
    for offset in (2, 4, 6):
        [letter] = _letters_on(due + dt.timedelta(days=offset))
        seen[offset] = letter.level
        subject, _body = letters.subject_and_body(letter)
        assert f"Relance n° {letter.level}" in subject
        dunning.mark_done(
            next(
                a
                for a in dunning.actions(due + dt.timedelta(days=offset))
                if a.client_code == "ACME"
            ),
            due + dt.timedelta(days=offset),
        )
    assert seen == {2: 1, 4: 2, 6: 3}  # the default pro ladder would say 1, 1, 2


def test_a_client_on_its_kinds_default_ladder_counts_on_that_ladder() -> None:
    add_client("BETA", language="fr")
    add_invoice("F2", client="BETA", issue="2025-01-15", terms="30 jours")
    due = dt.date(2025, 2, 14)
    # the default pro ladder: reminders at +5 and +15
    [first] = _letters_on(due + dt.timedelta(days=5))
    assert first.step == "reminder" and first.level == 1
    dunning.mark_done(dunning.actions(due + dt.timedelta(days=5))[0], due + dt.timedelta(days=5))
    [second] = _letters_on(due + dt.timedelta(days=15))
    assert second.step == "reminder" and second.level == 2


def test_reminder_number_counts_only_reminders_before_the_step() -> None:
    steps = [Step(-5, "pre_reminder", "email"), *THREE_REMINDERS]
    assert [dunning.reminder_number(steps, st) for st in steps] == [1, 1, 2, 3, 4]
