"""``alerts --json``, ``actions --json``, ``promise`` and ``dispute`` on a hand-built book
(issue: due alerts and dunning)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.ledger import clients, invoices
from tests.helpers_cli import TODAY, frozen_book_path, open_book, run_cli

MONEY = re.compile(r"^-?\d+\.\d{2}$")

ALERT_KEYS = {"kind", "client", "invoice", "amount", "due_date", "days", "step", "message"}
ACTION_KEYS = {"client", "step", "channel", "invoices", "amount", "max_days_late"}


#: on SQLite and on PostgreSQL (issue #11)
pytestmark = pytest.mark.both_engines


@pytest.fixture
def book(tmp_path: Path, book_target: str) -> Iterator[Path]:
    for path in frozen_book_path(tmp_path, book_target):
        with open_book(path):
            clients.create_client(
                {"code": "ACME", "name": "Acme", "kind": "pro", "credit_limit": "2000"}
            )
            clients.create_client({"code": "PART", "name": "M. Petit", "kind": "consumer"})
            # TODAY = 2026-03-15
            for number, client, due in (
                ("F1", "ACME", "2026-03-10"),
                ("F2", "ACME", "2026-03-10"),
                ("F3", "ACME", "2026-03-20"),
                ("C1", "PART", "2026-02-13"),
            ):
                invoices.create_invoice(
                    {
                        "number": number,
                        "client": client,
                        "issue_date": "2026-01-20",
                        "due_date": due,
                        "total": "1000.00",
                    }
                )
        yield path


def test_actions_json_groups_a_clients_invoices_at_one_step(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(capsys, book, "actions", "--json")
    assert run.code == 0, run.err
    payload = run.json()
    assert payload["as_of"] == TODAY.isoformat()
    rows = {(a["client"], a["step"]): a for a in payload["actions"]}
    assert set(rows) == {("ACME", "reminder"), ("ACME", "pre_reminder"), ("PART", "reminder")}
    for row in payload["actions"]:
        assert set(row) >= ACTION_KEYS and MONEY.match(row["amount"])
    assert rows[("ACME", "reminder")]["invoices"] == ["F1", "F2"]
    assert rows[("ACME", "reminder")]["amount"] == "2000.00"
    assert rows[("ACME", "reminder")]["max_days_late"] == 5
    assert rows[("ACME", "pre_reminder")]["invoices"] == ["F3"]
    # a consumer 30 days late: reminder 2 (J+20); the earlier steps were never done (§4.1)
    consumer = rows[("PART", "reminder")]
    assert (consumer["offset_days"], consumer["channel"], consumer["max_days_late"]) == (
        20,
        "letter",
        30,
    )
    assert consumer["missed_steps"] == ["pre_reminder", "reminder"]


def test_alerts_json_shape_and_kinds(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(capsys, book, "alerts", "--json")
    assert run.code == 0, run.err
    payload = run.json()
    for row in payload["alerts"]:
        assert set(row) >= ALERT_KEYS and MONEY.match(row["amount"])
    kinds = {(a["kind"], a["client"], a["invoice"]) for a in payload["alerts"]}
    assert ("due_soon", "ACME", "F3") in kinds
    assert ("over_credit_limit", "ACME", None) in kinds
    assert ("step_due", "ACME", None) in kinds
    [soon] = [a for a in payload["alerts"] if a["kind"] == "due_soon"]
    assert (soon["days"], soon["due_date"], soon["amount"]) == (5, "2026-03-20", "1000.00")
    steps = sorted((a["client"], a["step"]) for a in payload["alerts"] if a["kind"] == "step_due")
    assert steps == [("ACME", "pre_reminder"), ("ACME", "reminder"), ("PART", "reminder")]


def test_alerts_and_actions_agree(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    actions = run_cli(capsys, book, "actions", "--json").json()["actions"]
    steps = [
        a
        for a in run_cli(capsys, book, "alerts", "--json").json()["alerts"]
        if a["kind"] == "step_due"
    ]
    assert sorted((a["client"], a["step"], a["amount"]) for a in actions) == sorted(
        (a["client"], a["step"], a["amount"]) for a in steps
    )


def test_promise_pauses_and_dispute_removes_from_actions(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(
        capsys, book, "promise", "--invoice", "F1", "--amount", "1 000,00", "--date", "2026-03-20"
    )
    assert run.code == 0, run.err
    run = run_cli(capsys, book, "dispute", "open", "--invoice", "F2", "--reason", "quality")
    assert run.code == 0, run.err
    actions = run_cli(capsys, book, "actions", "--json").json()["actions"]
    assert not [a for a in actions if a["step"] == "reminder" and a["client"] == "ACME"]
    run = run_cli(capsys, book, "dispute", "close", "--invoice", "F2", "--reason", "rejected")
    assert run.code == 0, run.err
    actions = run_cli(capsys, book, "actions", "--json").json()["actions"]
    [reminder] = [a for a in actions if a["step"] == "reminder" and a["client"] == "ACME"]
    assert reminder["invoices"] == ["F2"]
    # the promise is broken after its date plus 3 days of grace
    later = run_cli(capsys, book, "alerts", "--date", "2026-03-24", "--json").json()["alerts"]
    assert [a["invoice"] for a in later if a["kind"] == "promise_broken"] == ["F1"]


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ["promise", "--invoice", "F9", "--amount", "10", "--date", "2026-04-01"],
            "no invoice has the number 'F9'.",
        ),  # one message for every lookup (issue #12)
        (["promise", "--invoice", "F1", "--amount", "-5", "--date", "2026-04-01"], "Amount"),
        (["promise", "--invoice", "F1", "--amount", "10", "--date", "2026-01-01"], "already past"),
        (["dispute", "open", "--invoice", "F1", "--reason", "weather"], "unknown reason weather"),
        (["dispute", "close", "--invoice", "F1"], "is not disputed"),
    ],
)
def test_bad_input_is_a_one_line_error(
    book: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    run = run_cli(capsys, book, *argv)
    assert run.code == 1 and len(run.err_lines) == 1 and message in run.err


def test_penalties_json_for_a_business_and_a_consumer(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # F1: 1000.00 due 2026-03-10, 5 days late on 2026-03-15 (H1 2026: 2.15 + 10 = 12.15 %)
    run = run_cli(capsys, book, "penalties", "--invoice", "F1", "--json")
    assert run.code == 0, run.err
    payload = run.json()
    assert set(payload) >= {
        "invoice",
        "as_of",
        "client_kind",
        "balance",
        "days_late",
        "periods",
        "penalties",
        "indemnity",
        "total_claimed",
    }
    assert (
        payload["invoice"],
        payload["client_kind"],
        payload["balance"],
        payload["days_late"],
    ) == ("F1", "pro", "1000.00", 5)
    assert payload["periods"] == [
        {
            "from": "2026-03-11",
            "to": "2026-03-15",
            "days": 5,
            "base": "1000.00",
            "rate": "12.15",
            "amount": "1.66",
        }
    ]
    assert (payload["penalties"], payload["indemnity"], payload["total_claimed"]) == (
        "1.66",
        "40.00",
        "1041.66",
    )
    # the consumer's C1: nothing before a formal notice, and never the €40
    consumer = run_cli(capsys, book, "penalties", "--invoice", "C1", "--json").json()
    assert (consumer["penalties"], consumer["indemnity"], consumer["total_claimed"]) == (
        "0.00",
        "0.00",
        "1000.00",
    )
    with open_book(book):
        from services.followup import dunning

        [action] = [
            a for a in dunning.actions(TODAY + dt.timedelta(days=5)) if a.client_code == "PART"
        ]
        assert action.step.action == "formal_notice"
        dunning.mark_done(action, TODAY + dt.timedelta(days=5), tracking_number="1A0001")
    later = run_cli(
        capsys, book, "penalties", "--invoice", "C1", "--date", "2026-04-19", "--json"
    ).json()
    # legal rate "autres cas" H1 2026 2.62 % from 2026-03-21 to 2026-04-19:
    # 30 days × 1000 × 2.62 % / 365
    assert later["periods"] == [
        {
            "from": "2026-03-21",
            "to": "2026-04-19",
            "days": 30,
            "base": "1000.00",
            "rate": "2.62",
            "amount": "2.15",
        }
    ]
    assert later["indemnity"] == "0.00"
    assert run_cli(capsys, book, "penalties", "--invoice", "NOPE", "--json").code == 1
