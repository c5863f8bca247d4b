"""The dunning engine on a frozen "today" (shared/domain.md §4.1, §3.4, §4.10): each
client kind's ladder, an old invoice starting mid-ladder, done/skip/postpone, a
promise kept and broken, a dispute opened then closed, a hand-off, a collective
procedure — and the alerts built on it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.core import clock, settings
from services.core.errors import UserError, ValidationError
from services.followup import alerts, dunning
from services.followup.dunning import Step
from tests.service_fixtures import TODAY, add_client, add_invoice, book, pay  # noqa: F401

#: on SQLite and on PostgreSQL (issue #11)
pytestmark = [pytest.mark.usefixtures("book"), pytest.mark.both_engines]

DUE = dt.date(2025, 3, 1)  # every test invoice falls due on this day


def invoice(number: str, client: str = "ACME", total: str = "1000.00") -> int:
    return add_invoice(
        number, client=client, issue="2025-02-01", due_date=DUE.isoformat(), terms="", total=total
    ).id


def actions_on(day: dt.date) -> list[tuple[str, str, list[str]]]:
    return [
        (a.client_code, a.step.action, [i.number for i in a.invoices]) for a in dunning.actions(day)
    ]


def at(offset: int) -> dt.date:
    return DUE + dt.timedelta(days=offset)


# -- placement on the ladder (pure) -------------------------------------------------------------
PRO = dunning.DEFAULT_STEPS["pro"]


@pytest.mark.parametrize(
    "age, expected",
    [
        (-10, None),
        (-5, "pre_reminder"),
        (-1, "pre_reminder"),
        (0, None),
        (4, None),
        (5, "reminder"),
        (15, "reminder"),
        (22, "phone_call"),
        (30, "formal_notice"),
        (45, "final_notice"),
        (60, "injunction"),
        (400, "injunction"),
    ],
)
def test_pro_ladder_places_each_age_on_its_step_section_4_1(age: int, expected: str | None) -> None:
    step, _missed = dunning.place(PRO, age, set())
    assert (step.action if step else None) == expected


def test_an_old_invoice_starts_at_the_step_its_age_calls_for_and_lists_missed_steps() -> None:
    step, missed = dunning.place(PRO, 40, set())
    assert step is not None and step.action == "formal_notice"
    assert [m.offset_days for m in missed] == [-5, 5, 15, 22]
    # reminders 1 and 2 were done: only the phone call is missing
    step, missed = dunning.place(PRO, 40, {5, 15})
    assert step.offset_days == 30 and [m.offset_days for m in missed] == [22]
    assert dunning.place(PRO, 40, {30}) == (None, [])  # done: wait for the next step


def test_consumer_and_public_defaults_section_4_1() -> None:
    consumer = dunning.DEFAULT_STEPS["consumer"]
    assert [(s.offset_days, s.action) for s in consumer] == [
        (-3, "pre_reminder"),
        (7, "reminder"),
        (20, "reminder"),
        (35, "formal_notice"),
        (50, "final_notice"),
    ]
    # no penalties before the formal notice for a consumer (§3.1)
    assert [s.with_penalties for s in consumer] == [False, False, False, True, True]
    public = dunning.DEFAULT_STEPS["public"]
    assert "pre_reminder" not in {s.action for s in public}
    assert [s.offset_days for s in public][:3] == [5, 20, 35] and public[
        -1
    ].action == "moratorium_claim"


def test_a_scenario_with_no_step_or_two_steps_at_one_offset_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        dunning.save_default_scenario("pro", [])
    assert "at least one step" in caught.value.render()
    with pytest.raises(ValidationError) as caught:
        dunning.save_default_scenario(
            "pro", [Step(5, "reminder", "letter"), Step(5, "phone_call", "phone")]
        )
    assert "same offset (5 days)" in caught.value.render()


def test_an_edited_default_scenario_is_used() -> None:
    add_client("ACME")
    invoice("F1")
    dunning.save_default_scenario(
        "pro", [Step(2, "reminder", "email"), Step(10, "formal_notice", "registered_letter")]
    )
    assert actions_on(at(3)) == [("ACME", "reminder", ["F1"])]
    assert actions_on(at(12))[0][1] == "formal_notice"


# -- actions, grouped per client -----------------------------------------------------------------
def test_one_action_per_client_and_step_covering_its_invoices() -> None:
    add_client("ACME")
    add_client("PART", kind="consumer")
    invoice("F1")
    invoice("F2")
    invoice("C1", client="PART")
    assert actions_on(at(5)) == [("ACME", "reminder", ["F1", "F2"])]  # consumer: J+7
    # the furthest step first (the most urgent), then by client
    assert actions_on(at(7)) == [("PART", "reminder", ["C1"]), ("ACME", "reminder", ["F1", "F2"])]
    [action] = [a for a in dunning.actions(at(7)) if a.client_code == "ACME"]
    assert action.amount == Decimal("2000.00") and action.max_days_late(at(7)) == 7


def test_done_moves_the_invoice_to_its_next_step() -> None:
    add_client("ACME")
    invoice("F1")
    [action] = dunning.actions(at(5))
    dunning.mark_done(action, at(5))
    assert actions_on(at(5)) == []
    assert actions_on(at(14)) == []
    assert actions_on(at(15)) == [("ACME", "reminder", ["F1"])]  # reminder 2
    [second] = dunning.actions(at(15))
    assert second.step.offset_days == 15 and second.missed == []


def test_skip_needs_a_reason_and_counts_as_passed() -> None:
    add_client("ACME")
    invoice("F1")
    [action] = dunning.actions(at(22))
    assert action.step.action == "phone_call"
    with pytest.raises(UserError):
        dunning.skip(action, "  ")
    dunning.skip(action, "no phone number", at(22))
    assert actions_on(at(25)) == []


def test_postpone_hides_the_action_until_the_date() -> None:
    add_client("ACME")
    invoice("F1")
    [action] = dunning.actions(at(5))
    dunning.postpone(action, at(9), at(5))
    assert actions_on(at(8)) == []
    assert actions_on(at(9)) == [("ACME", "reminder", ["F1"])]
    with pytest.raises(UserError):
        dunning.postpone(action, at(5), at(5))


def test_paid_and_credited_invoices_leave_the_ladder() -> None:
    add_client("ACME")
    f1 = invoice("F1")
    invoice("F2", total="500.00")
    pay("ACME", "2025-03-02", "1000.00", [(f1, None)])
    assert actions_on(at(5)) == [("ACME", "reminder", ["F2"])]


def test_a_changed_due_date_replaces_the_invoice_on_the_ladder() -> None:
    from services.ledger import invoices

    add_client("ACME")
    f1 = invoice("F1")
    assert actions_on(at(5)) == [("ACME", "reminder", ["F1"])]
    row = invoices.get_invoice(f1)
    invoices.update_invoice(
        f1,
        {
            "number": "F1",
            "client_id": row.client_id,
            "issue_date": row.issue_date,
            "total": row.total,
            "due_date": at(30),
            "due_date_manual": True,
        },
    )
    assert actions_on(at(5)) == []


def test_a_future_date_plans_ahead() -> None:
    add_client("ACME")
    invoice("F1")
    with clock.frozen(dt.date(2025, 2, 1)):
        assert actions_on(at(30))[0][1] == "formal_notice"


# -- what pauses the ladder -----------------------------------------------------------------------
def test_a_promise_pauses_then_a_broken_promise_resumes_and_alerts() -> None:
    add_client("ACME")
    invoice("F1")
    with clock.frozen(at(6)):
        dunning.promise("F1", Decimal("400.00"), at(10))
    assert actions_on(at(8)) == []
    kinds = {a.kind for a in alerts.alerts(at(10))}
    assert "promise_due" in kinds
    assert actions_on(at(13)) == []  # grace: 3 days
    assert "promise_broken" not in {a.kind for a in alerts.alerts(at(13))}
    assert actions_on(at(14)) == [("ACME", "reminder", ["F1"])]
    broken = [a for a in alerts.alerts(at(14)) if a.kind == "promise_broken"]
    assert [(a.invoice, a.amount) for a in broken] == [("F1", Decimal("400.00"))]


def test_a_kept_promise_raises_nothing() -> None:
    add_client("ACME")
    f1 = invoice("F1")
    with clock.frozen(at(6)):
        dunning.promise("F1", Decimal("1000.00"), at(10))
    pay("ACME", at(9).isoformat(), "1000.00", [(f1, None)])
    assert alerts.alerts(at(20)) == []


def test_a_dispute_opened_then_closed() -> None:
    add_client("ACME")
    invoice("F1")
    invoice("F2")
    dunning.open_dispute("F1", "quality", "scratched doors")
    assert actions_on(at(5)) == [("ACME", "reminder", ["F2"])]
    with pytest.raises(UserError):
        dunning.open_dispute("F1", "price")
    with pytest.raises(UserError):
        dunning.open_dispute("F2", "weather")
    dunning.close_dispute("F1", "rejected")
    assert actions_on(at(5)) == [("ACME", "reminder", ["F1", "F2"])]


def test_a_handed_off_invoice_gets_no_more_internal_reminders() -> None:
    add_client("ACME")
    invoice("F1")
    invoice("F2")
    with clock.frozen(at(61)):
        dunning.hand_off("F1", "agency", {"agency": "Recouvrement Rhône", "reference": "RR-12"})
        assert actions_on(at(61)) == [("ACME", "injunction", ["F2"])]


def test_a_collective_procedure_stops_everything_and_asks_to_declare_the_claim_section_4_10() -> (
    None
):
    client = add_client("ACME")
    invoice("F1")
    dunning.set_collective_procedure(client.id, at(10))
    assert actions_on(at(20)) == []
    [declare] = [a for a in alerts.alerts(at(20)) if a.kind == "claim_declaration"]
    assert declare.due_date == dt.date(2025, 5, 11) and declare.amount == Decimal("1000.00")
    assert "step_due" not in {a.kind for a in alerts.alerts(at(20))}


# -- alerts ------------------------------------------------------------------------------------
def test_due_soon_within_the_setting() -> None:
    add_client("ACME")
    invoice("F1")
    [soon] = [a for a in alerts.alerts(at(-7)) if a.kind == "due_soon"]
    assert (soon.invoice, soon.days, soon.due_date) == ("F1", 7, DUE)
    assert not [a for a in alerts.alerts(at(-8)) if a.kind == "due_soon"]


def test_prescription_near_two_years_for_a_consumer_five_otherwise_section_3_4() -> None:
    add_client("PART", kind="consumer")
    add_client("ACME")
    invoice("C1", client="PART")
    invoice("F1")
    near_b2c = {
        a.invoice for a in alerts.alerts(dt.date(2027, 1, 1)) if a.kind == "prescription_near"
    }
    assert near_b2c == {"C1"}  # barred on 2027-03-01
    assert not [a for a in alerts.alerts(dt.date(2026, 11, 30)) if a.kind == "prescription_near"]
    near_b2b = {
        a.invoice for a in alerts.alerts(dt.date(2030, 2, 1)) if a.kind == "prescription_near"
    }
    assert near_b2b == {"F1"}


def test_over_credit_limit_and_paid_invoices_never_alert() -> None:
    add_client("ACME", credit_limit="1500.00")
    f1 = invoice("F1")
    invoice("F2")
    [over] = [a for a in alerts.alerts(at(1)) if a.kind == "over_credit_limit"]
    assert over.amount == Decimal("2000.00") and over.invoice is None
    pay("ACME", at(1).isoformat(), "1000.00", [(f1, None)])
    assert not [a for a in alerts.alerts(at(2)) if a.kind == "over_credit_limit"]
    assert not [a for a in alerts.alerts(at(2)) if a.invoice == "F1"]


def test_amounts_are_per_currency() -> None:
    add_client("ACME")
    invoice("F1")
    add_invoice(
        "U1", issue="2025-02-01", due_date=DUE.isoformat(), terms="", total="300.00", currency="USD"
    )
    steps = [a for a in alerts.alerts(at(5)) if a.kind == "step_due"]
    assert sorted((a.currency, a.amount) for a in steps) == [
        ("EUR", Decimal("1000.00")),
        ("USD", Decimal("300.00")),
    ]


def test_kinds_can_be_turned_off_and_alerts_snoozed() -> None:
    add_client("ACME")
    invoice("F1")
    day = at(5)
    assert {a.kind for a in alerts.alerts(day)} >= {"step_due", "missing_proof"}
    settings.save({"kinds_off": {"missing_proof"}})
    assert "missing_proof" not in {a.kind for a in alerts.alerts(day)}
    [step] = [a for a in alerts.alerts(day) if a.kind == "step_due"]
    alerts.snooze(step, at(8))
    assert "step_due" not in {a.kind for a in alerts.alerts(at(6))}
    assert "step_due" in {a.kind for a in alerts.alerts(at(8))}


# -- calls, payment plans, credit insurance ------------------------------------------------------
def test_a_call_with_a_promise_pauses_the_ladder() -> None:
    client = add_client("ACME")
    invoice("F1")
    dunning.log_contact(
        client.id,
        at(22),
        person="Mme Roux (compta)",
        outcome="will pay",
        invoice_number="F1",
        promised=(Decimal("1000.00"), at(28)),
    )
    [call] = dunning.contacts(client.id)
    assert (call.person, call.outcome, call.invoice) == ("Mme Roux (compta)", "will pay", "F1")
    assert actions_on(at(30)) == []  # promised for J+28, grace 3 days
    assert actions_on(at(32))[0][1] == "formal_notice"


def test_equal_split_adds_up_to_the_cent() -> None:
    parts = dunning.equal_split(Decimal("1000.00"), 3, dt.date(2025, 1, 31))
    assert [d for d, _ in parts] == [
        dt.date(2025, 1, 31),
        dt.date(2025, 2, 28),
        dt.date(2025, 3, 31),
    ]
    assert [a for _, a in parts] == [Decimal("333.33"), Decimal("333.33"), Decimal("333.34")]


def test_a_payment_plan_kept_then_a_missed_instalment_section_4_1() -> None:
    client = add_client("ACME")
    f1 = invoice("F1")
    f2 = invoice("F2")
    with pytest.raises(UserError):  # must add up to what is owed
        dunning.create_plan(client.id, [f1, f2], [(at(10), Decimal("500.00"))], agreed_on=at(8))
    dunning.create_plan(
        client.id, [f1, f2], dunning.equal_split(Decimal("2000.00"), 2, at(10)), agreed_on=at(8)
    )
    assert actions_on(at(12)) == []  # reminder 1 would be due: the plan holds
    pay("ACME", at(10).isoformat(), "1000.00")  # first instalment paid (allocated FIFO)
    assert actions_on(at(16)) == [] and actions_on(at(30)) == []
    assert "plan_installment_missed" not in {a.kind for a in alerts.alerts(at(30))}
    # the second instalment (J+41) is not paid: after 3 days of grace, alert and back on the ladder
    day = at(45)
    [missed] = [a for a in alerts.alerts(day) if a.kind == "plan_installment_missed"]
    assert missed.amount == Decimal("1000.00") and missed.client == "ACME"
    assert actions_on(day)[0][1] == "final_notice"


def test_credit_insurance_declaration_deadline_section_4_9() -> None:
    add_client("ACME", insurer="Allianz Trade", insurance_days="60")
    invoice("F1")
    assert not [a for a in alerts.alerts(at(40)) if a.kind == "insurance_deadline"]
    [alert] = [a for a in alerts.alerts(at(50)) if a.kind == "insurance_deadline"]
    assert alert.invoice == "F1" and "2025-04-30" in alert.render()


def test_every_action_is_in_the_history() -> None:
    from services.core import history

    client = add_client("ACME")
    f1 = invoice("F1")
    [action] = dunning.actions(at(5))
    dunning.mark_done(action, at(5), tracking_number="1A23456789012")
    dunning.promise("F1", Decimal("100.00"), at(9), today=at(6))
    dunning.open_dispute("F1", "price")
    dunning.close_dispute("F1", "resolved")
    dunning.hand_off("F1", "legal", {"court": "Tribunal de commerce de Lyon"})
    events = [e.action for e in history.events_for("invoice", f1)]
    assert events[-5:] == ["step_done", "promise", "dispute_opened", "dispute_closed", "handed_off"]
    done = [e for e in history.events_for("invoice", f1) if e.action == "step_done"][0]
    assert done.details["tracking_number"] == "1A23456789012"
    assert client.id


def test_a_named_scenario_assigned_to_a_client() -> None:
    from services.ledger import clients

    scenario_id = dunning.save_scenario(
        "Gentle", [Step(10, "reminder", "email"), Step(40, "phone_call", "phone")]
    )
    client = add_client("ACME")
    clients.update_client(
        client.id, {"code": "ACME", "name": "ACME SARL", "kind": "pro", "scenario_id": scenario_id}
    )
    invoice("F1")
    assert actions_on(at(5)) == []
    assert actions_on(at(10)) == [("ACME", "reminder", ["F1"])]
    names = [s.name for s in dunning.scenarios()]
    assert (
        names[:4] == ["default-pro", "default-consumer", "default-nonprofit", "default-public"]
        and "Gentle" in names
    )
    with pytest.raises(UserError):
        dunning.save_scenario("Gentle", [Step(1, "reminder", "email")])
    dunning.delete_scenario(scenario_id)
    assert actions_on(at(5)) == [("ACME", "reminder", ["F1"])]  # back to the default for its kind


def test_the_sql_ladder_agrees_with_the_python_ladder_on_the_demo_book() -> None:
    """The start-up count (SQL form of the ladder, services.followup.open_invoices) and the
    follow-up screen (Python form) must list the same actions, whatever the history."""
    from services.book import demo
    from services.ledger import clients

    demo.fill_demo(TODAY, with_documents=False)
    # some history: steps done and skipped, a promise, a dispute, a postponement, a named scenario
    todays = dunning.actions(TODAY)
    assert len(todays) > 5
    dunning.mark_done(todays[0], TODAY)
    dunning.skip(todays[1], "called instead", TODAY)
    dunning.postpone(todays[2], TODAY + dt.timedelta(days=9), TODAY)
    dunning.promise(todays[3].invoices[0].number, Decimal("10.00"), TODAY + dt.timedelta(days=4))
    dunning.open_dispute(todays[4].invoices[0].number, "price")
    gentle = dunning.save_scenario(
        "Gentle",
        [
            Step(-2, "pre_reminder", "email"),
            Step(9, "reminder", "letter"),
            Step(33, "formal_notice", "registered_letter"),
        ],
    )
    row = clients.get_client_by_code(todays[5].client_code)
    clients.update_client(
        row.id,
        {
            "code": row.code,
            "name": row.name,
            "kind": row.kind,
            "scenario_id": gentle,
            "siren": row.siren,
            "siret": row.siret,
            "vat_number": row.vat_number,
        },
    )
    for days in range(0, 61, 3):
        day = TODAY + dt.timedelta(days=days)
        python = sorted(
            (a.client_code, a.step.action, a.currency, a.amount) for a in dunning.actions(day)
        )
        sql = sorted(
            (a.client, a.step, a.currency, a.amount)
            for a in alerts.alerts(day)
            if a.kind == "step_due"
        )
        assert sql == python, day
        assert alerts.find(day).counts().get("step_due", 0) == len(python)


@pytest.mark.parametrize(
    "kind, age, expected",
    [
        ("consumer", -4, None),
        ("consumer", -3, "pre_reminder"),
        ("consumer", 6, None),
        ("consumer", 7, "reminder"),
        ("consumer", 20, "reminder"),
        ("consumer", 35, "formal_notice"),
        ("consumer", 50, "final_notice"),
        ("consumer", 300, "final_notice"),
        ("public", -3, None),
        ("public", 5, "reminder"),
        ("public", 20, "reminder"),
        ("public", 35, "reminder"),
        ("public", 50, "moratorium_claim"),
        ("nonprofit", -5, "pre_reminder"),
        ("nonprofit", 30, "formal_notice"),
        ("nonprofit", 60, "injunction"),
    ],
)
def test_each_kind_and_each_step_on_a_frozen_day_section_4_1(
    kind: str, age: int, expected: str | None
) -> None:
    add_client("X", kind=kind)
    invoice("F1", client="X")
    found = actions_on(at(age))
    assert ([step for _client, step, _invoices in found] or [None]) == [expected]


def test_an_import_of_old_invoices_starts_mid_ladder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from services.ledger import imports

    add_client("ACME")
    csv = tmp_path / "old.csv"
    csv.write_text(
        "number;client;issue_date;due_date;total\n"
        "OLD1;ACME;01/01/2025;31/01/2025;1 200,00\n"
        "OLD2;ACME;15/01/2025;14/02/2025;300,00\n",
        encoding="utf-8",
    )
    result = imports.import_file("invoices", csv)
    assert result.imported == 2
    day = dt.date(2025, 3, 13)  # OLD1 41 days late, OLD2 27 days late
    steps = {a.step.action: a for a in dunning.actions(day)}
    assert set(steps) == {"formal_notice", "phone_call"}
    assert [i.number for i in steps["formal_notice"].invoices] == ["OLD1"]
    assert [m.offset_days for m in steps["formal_notice"].missed] == [-5, 5, 15, 22]
    assert [m.action for m in steps["phone_call"].missed] == [
        "pre_reminder",
        "reminder",
        "reminder",
    ]


def test_overdue_invoices_of_a_client_for_a_plan() -> None:
    add_client("ACME")
    invoice("F1")
    invoice("F2", total="250.00")
    add_invoice(
        "F3", issue="2025-02-01", due_date=at(30).isoformat(), terms="", total="99.00"
    )  # not yet due
    with clock.frozen(at(10)):
        found = dunning.overdue_invoices(dunning.actions(at(10))[0].client_id, at(10))
    assert [(i.number, i.balance, i.due_date) for i in found] == [
        ("F1", Decimal("1000.00"), DUE),
        ("F2", Decimal("250.00"), DUE),
    ]
