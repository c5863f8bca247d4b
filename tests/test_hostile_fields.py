"""Hostile values in the entry points the first pass of issue #11 (points 5 and 6) left:
payments, documents and CGV versions, the follow-up's actions (promise, dispute, call,
payment plan, hand-off, collective procedure, scenarios), the company, the late-charge
settings, letter texts and rate tables, the window's date widget and argparse's own
usage errors.

Point 5: "dates outside 1900-01-01 … 2100-12-31 refused in every field and option, amounts
and dates with non-ASCII digits refused". Point 6: "names and free texts refuse control
characters (tabs and newlines allowed only in notes and addresses); the command line never
prints a control character raw".

Each refusal is checked for the field its message names and for the book left exactly as
it was (every row of every table, and the document store).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models import Base
from services.core import company, db, lookups, settings
from services.core.errors import UserError, ValidationError, field_label
from services.core.i18n import FIELD_LABELS
from services.core.terms import MSG_DATE_RANGE
from services.core.text import MSG_CONTROL_CHAR, MSG_NON_ASCII_DIGITS
from services.followup import dunning, rates
from services.ledger import clients, invoices, payments
from services.paper import letters
from services.proof import documents
from services.proof.documents import Meta, Owner
from tests.helpers_cli import frozen_book_path, open_book, run_cli
from tests.service_fixtures import fresh_book

TODAY = dt.date(2026, 3, 15)
DUE = dt.date(2026, 1, 31)  # F1's due date: 43 days late on TODAY

#: beyond the dates Encaisse accepts, on either side (issue #11, point 5)
BAD_DATES = [dt.date(9999, 12, 31), dt.date(1899, 12, 31)]
#: a terminal escape, a right-to-left override, a NUL (issue #11, point 6)
BAD_TEXTS = ["Acme\x1b[31mRED", "Acme\u202eXE.pdf", "Acme\x00"]
NOTE = "first line\n\tindented second line"


# -- the book and its snapshot ------------------------------------------------------------------


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Path]:
    """ACME (pro) with F1 (1,200.00, due DUE, open), a CGV version, a payment plan; the
    clock on TODAY."""
    path = tmp_path / "book.db"
    with fresh_book(path, TODAY):
        clients.create_client({"code": "ACME", "name": "Acme Menuiserie", "kind": "pro"})
        invoices.create_invoice(
            {
                "number": "F1",
                "client": "ACME",
                "issue_date": "2026-01-01",
                "due_date": DUE.isoformat(),
                "total": "1200.00",
                "due_date_manual": True,
            }
        )
        invoices.create_invoice(
            {
                "number": "F2",
                "client": "ACME",
                "issue_date": "2026-01-01",
                "due_date": DUE.isoformat(),
                "total": "300.00",
                "due_date_manual": True,
            }
        )
        documents.add_cgv_version("2026-01", dt.date(2026, 1, 1))
        dunning.create_plan(client_id(), [], [(dt.date(2026, 4, 1), Decimal("10.00"))])
        yield path


def client_id(code: str = "ACME") -> int:
    with db.reading() as s:
        return lookups.client_id(s, code)


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: what "nothing was written" compares."""
    with db.reading() as s:
        return {
            table.name: sorted((tuple(row) for row in s.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


def stored_files(book_path: Path) -> list[Path]:
    root = book_path.with_suffix(".documents")
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def refused(
    call: Callable[[], Any], field: str, message: str, book_path: Path | None = None
) -> UserError:
    """``call`` raises a UserError about ``field`` with ``message`` (alone or within a
    ValidationError) and leaves every table, and the store, as they were."""
    before = snapshot()
    files = stored_files(book_path) if book_path is not None else None
    with pytest.raises(UserError) as caught:
        call()
    errors = caught.value.errors if isinstance(caught.value, ValidationError) else [caught.value]
    matching = [e for e in errors if e.field == field and e.message == message]
    assert matching, [(e.field, e.render()) for e in errors]
    assert snapshot() == before
    if book_path is not None:
        assert stored_files(book_path) == files
    return matching[0]


def the_action() -> dunning.Action:
    [action] = [a for a in dunning.actions(TODAY) if a.client_code == "ACME"]
    return action


def plan_id() -> int:
    from models import PaymentPlan

    with db.reading() as s:
        return s.scalars(select(PaymentPlan.id)).one()


# == point 5: dates outside 1900-01-01 … 2100-12-31, per entry point ========================


def _payment(day: dt.date) -> Any:
    return payments.record_payment({"client": "ACME", "date": day, "amount": "10.00"})


def _document(day: dt.date, tmp: Path) -> Any:
    pdf = tmp / "bl.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% delivery note\n")
    return documents.attach_files(
        Owner(client_id=client_id()), [pdf], Meta("delivery_note", "BL", day)
    )


def _signed_document(day: dt.date, tmp: Path) -> Any:
    pdf = tmp / "po.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% purchase order\n")
    return documents.attach_files(
        Owner(client_id=client_id()), [pdf], Meta("purchase_order", "PO", None, True, day)
    )


DATE_ENTRY_POINTS: dict[str, tuple[str, Callable[[dt.date, Path], Any]]] = {
    # name: (field named, call)
    "payment date": ("date", lambda d, t: _payment(d)),
    "document date": ("date", _document),
    "document signature date": ("signed_on", _signed_document),
    "CGV version in force from": (
        "in_force_from",
        lambda d, t: documents.add_cgv_version("2099-99", d),
    ),
    "CGV acceptance date": (
        "accepted_on",
        lambda d, t: documents.record_acceptance(
            client_id(), documents.cgv_version_id_for("2026-01"), d
        ),
    ),
    "postpone until": ("date", lambda d, t: dunning.postpone(the_action(), d)),
    "step done on": ("date", lambda d, t: dunning.mark_done(the_action(), d)),
    "registered letter sent on": (
        "date",
        lambda d, t: dunning.mark_done(the_action(), d, tracking_number="1A 123"),
    ),
    "step skipped on": ("date", lambda d, t: dunning.skip(the_action(), "agreed", d)),
    "promise date": ("promised_on", lambda d, t: dunning.promise("F1", Decimal("10"), d)),
    "dispute opened on": ("date", lambda d, t: dunning.open_dispute("F1", "price", "", today=d)),
    "call date": ("date", lambda d, t: dunning.log_contact(client_id(), d, person="Jean")),
    "promise made in a call": (
        "promised_on",
        lambda d, t: dunning.log_contact(
            client_id(), TODAY, invoice_number="F1", promised=(Decimal("10"), d)
        ),
    ),
    "plan instalment": (
        "instalments",
        lambda d, t: dunning.create_plan(
            client_id(), [], [(d, Decimal("10.00"))], agreed_on=dt.date(1900, 1, 1)
        ),
    ),
    "plan agreed on": (
        "date",
        lambda d, t: dunning.create_plan(
            client_id(), [], [(dt.date(2100, 12, 31), Decimal("10.00"))], agreed_on=d
        ),
    ),
    "plan closed on": ("date", lambda d, t: dunning.close_plan(plan_id(), d)),
    "first instalment of a split": (
        "instalments",
        lambda d, t: dunning.equal_split(Decimal("100"), 3, d),
    ),
    "ordonnance date of a hand-off": (
        "ordonnance",
        lambda d, t: dunning.hand_off(
            "F1", "legal", {"to": "injunction", "name": "TJ Lyon", "ordonnance": d}
        ),
    ),
    "collective procedure": (
        "collective_procedure_on",
        lambda d, t: dunning.set_collective_procedure(client_id(), d),
    ),
    "collective procedure from the client editor": (
        "collective_procedure_on",
        lambda d, t: clients.update_client(
            client_id(),
            {"code": "ACME", "name": "Acme Menuiserie renamed", "kind": "pro"},
            collective_procedure_on=d,
        ),
    ),
    "ECB rate from": ("in_force_from", lambda d, t: rates.add_ecb_rate(d, "2.15", "ECB decision")),
    "ECB rate unchanged until": ("date", lambda d, t: rates.confirm_ecb_until(d, "ECB meeting")),
    "legal rate half-year": (
        "half",
        lambda d, t: rates.add_legal_rate(
            f"{d.year}-H{1 if d.month <= 6 else 2}", "3.00", "7.00", "arrêté"
        ),
    ),
}


@pytest.mark.parametrize("day", BAD_DATES, ids=str)
@pytest.mark.parametrize("entry", list(DATE_ENTRY_POINTS))
def test_a_date_outside_1900_2100_is_refused_naming_its_field_issue_11_point_5(
    book: Path, tmp_path: Path, entry: str, day: dt.date
) -> None:
    field, call = DATE_ENTRY_POINTS[entry]
    error = refused(lambda: call(day, tmp_path), field, MSG_DATE_RANGE, book)
    assert field in FIELD_LABELS  # named in words, "Promised for: …", not by its key
    if field != "half":
        assert error.params["date"] == day.isoformat()
    assert "1900-01-01" in error.render() and "2100-12-31" in error.render()


def test_the_range_message_names_the_field_in_words(book: Path) -> None:
    with pytest.raises(UserError) as caught:
        dunning.set_collective_procedure(client_id(), dt.date(9999, 12, 31))
    assert caught.value.render() == (
        "BODACC notice date: 9999-12-31 is outside the dates "
        "Encaisse accepts (1900-01-01 to 2100-12-31)."
    )


def test_the_first_and_last_dates_are_accepted(book: Path) -> None:
    """The bounds themselves are dates like any other (no off-by-one)."""
    _payment(dt.date(1900, 1, 1))
    _payment(dt.date(2100, 12, 31))
    dunning.set_collective_procedure(client_id(), dt.date(2100, 12, 31))
    rates.add_ecb_rate(dt.date(1900, 1, 1), "1.00", "ECB decision")
    assert rates.tables().ecb[0][0] == dt.date(1900, 1, 1)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: rates.add_ecb_rate(TODAY, "\u0662.15", "ECB decision"), "rate"),
        (lambda: rates.add_legal_rate("\u0662\u0660\u0662\u0666-H2", "3", "7", "arrêté"), "half"),
        (lambda: rates.add_legal_rate("2026-H2", "\u0663", "7", "arrêté"), "professional"),
        (
            lambda: settings.save(
                {
                    "contractual_rate": "\u0661\u0660",
                    "mediator": "",
                    "deadline_days": 8,
                    "window": settings.read().window,
                }
            ),
            "rate",
        ),  # the company's own penalty rate goes through the same check
    ],
)
def test_rates_with_digits_other_than_0_9_are_refused_issue_11_point_5(
    book: Path, call: Callable[[], Any], field: str
) -> None:
    refused(call, field, MSG_NON_ASCII_DIGITS)


# == point 6: control characters in names and free texts, per entry point ===================


def _attach_titled(title: str, notes: str, tmp: Path) -> Any:
    pdf = tmp / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% contract\n")
    return documents.attach_files(
        Owner(client_id=client_id()), [pdf], Meta("contract", title, notes=notes)
    )


def _company(**values: str) -> Any:
    return company.save_company({"name": "Menuiserie Martin", **values})


#: name: (field named, multi-line?, call with the text)
TEXT_ENTRY_POINTS: dict[str, tuple[str, bool, Callable[[str, Path], Any]]] = {
    "payment reference": (
        "reference",
        False,
        lambda x, t: payments.record_payment(
            {"client": "ACME", "date": TODAY, "amount": "10", "reference": x}
        ),
    ),
    "payment notes": (
        "notes",
        True,
        lambda x, t: payments.record_payment(
            {"client": "ACME", "date": TODAY, "amount": "10", "notes": x}
        ),
    ),
    "document title": ("title", False, lambda x, t: _attach_titled(x, "", t)),
    "document notes": ("notes", True, lambda x, t: _attach_titled("Contract", x, t)),
    "CGV version label": ("label", False, lambda x, t: documents.add_cgv_version(x, TODAY)),
    "CGV version notes": (
        "notes",
        True,
        lambda x, t: documents.add_cgv_version("2026-03", TODAY, notes=x),
    ),
    "CGV acceptance notes": (
        "notes",
        True,
        lambda x, t: documents.record_acceptance(
            client_id(), documents.cgv_version_id_for("2026-01"), TODAY, notes=x
        ),
    ),
    "company name": ("name", False, lambda x, t: company.save_company({"name": x})),
    "company legal form": ("legal_form", False, lambda x, t: _company(legal_form=x)),
    "company address": ("address", True, lambda x, t: _company(address=x)),
    "company city": ("city", False, lambda x, t: _company(city=x)),
    "company phone": ("phone", False, lambda x, t: _company(phone=x)),
    "consumer mediator": (
        "mediator",
        True,
        lambda x, t: settings.save(
            {
                "contractual_rate": "",
                "mediator": x,
                "deadline_days": 8,
                "window": settings.read().window,
            }
        ),
    ),
    "letter subject": (
        "subject",
        False,
        lambda x, t: letters.set_template("fr", "reminder", x, "Bonjour"),
    ),
    "letter body": (
        "body",
        True,
        lambda x, t: letters.set_template("fr", "reminder", "Relance", x),
    ),
    "scenario name": (
        "name",
        False,
        lambda x, t: dunning.save_scenario(x, [dunning.Step(5, "reminder", "letter")]),
    ),
    "reason a step is skipped": ("reason", False, lambda x, t: dunning.skip(the_action(), x)),
    "tracking number": (
        "reference",
        False,
        lambda x, t: dunning.mark_done(the_action(), TODAY, tracking_number=x),
    ),
    "promise note": (
        "notes",
        True,
        lambda x, t: dunning.promise("F1", Decimal("10"), TODAY + dt.timedelta(days=7), note=x),
    ),
    "dispute note": ("notes", True, lambda x, t: dunning.open_dispute("F1", "price", x)),
    "person called": (
        "contact",
        False,
        lambda x, t: dunning.log_contact(client_id(), TODAY, person=x),
    ),
    "call outcome": (
        "outcome",
        False,
        lambda x, t: dunning.log_contact(client_id(), TODAY, outcome=x),
    ),
    "call note": ("notes", True, lambda x, t: dunning.log_contact(client_id(), TODAY, note=x)),
    "plan note": (
        "notes",
        True,
        lambda x, t: dunning.create_plan(
            client_id(), [], [(TODAY + dt.timedelta(days=30), Decimal("10"))], note=x
        ),
    ),
    "agency of a hand-off": (
        "name",
        False,
        lambda x, t: dunning.hand_off(
            "F1", "agency", {"to": "agency", "name": x, "reference": "R1"}
        ),
    ),
    "reference of a hand-off": (
        "reference",
        False,
        lambda x, t: dunning.hand_off(
            "F1", "agency", {"to": "agency", "name": "Recouvre SA", "reference": x}
        ),
    ),
}


@pytest.mark.parametrize("text", BAD_TEXTS, ids=["escape", "rlo", "nul"])
@pytest.mark.parametrize("entry", list(TEXT_ENTRY_POINTS))
def test_a_control_character_is_refused_naming_its_field_issue_11_point_6(
    book: Path, tmp_path: Path, entry: str, text: str
) -> None:
    field, _multiline, call = TEXT_ENTRY_POINTS[entry]
    error = refused(lambda: call(text, tmp_path), field, MSG_CONTROL_CHAR, book)
    assert field in FIELD_LABELS  # named in words, "Notes: …", not by its key
    position = next(i for i, c in enumerate(text, start=1) if c in "\x1b\u202e\x00")
    assert error.render() == (
        f"{field_label(field)}: contains a control character "
        f"(U+{ord(text[position - 1]):04X}, character {position}), "
        "which is not allowed here."
    )


@pytest.mark.parametrize(
    "entry", [name for name, (_f, multiline, _c) in TEXT_ENTRY_POINTS.items() if not multiline]
)
def test_a_newline_or_a_tab_is_refused_in_a_one_line_text_issue_11_point_6(
    book: Path, tmp_path: Path, entry: str
) -> None:
    field, _multiline, call = TEXT_ENTRY_POINTS[entry]
    for text in ("Acme\nSARL", "Acme\tSARL"):
        refused(lambda: call(text, tmp_path), field, MSG_CONTROL_CHAR, book)  # noqa: B023


def test_notes_and_multi_line_texts_keep_tabs_and_newlines_issue_11_point_6(
    book: Path, tmp_path: Path
) -> None:
    from models import ContactLog, Dispute, PaymentPlan

    payment = payments.record_payment(
        {"client": "ACME", "date": TODAY, "amount": "10", "notes": NOTE + "\r\nthird"}
    )
    assert payment.notes == NOTE + "\nthird"  # Windows line ends made \n
    [doc] = _attach_titled("Contract", NOTE, tmp_path)
    assert documents.get_document(doc.id).notes == NOTE
    version = documents.add_cgv_version("2026-03", TODAY, notes=NOTE)
    assert version.notes == NOTE
    assert _company(address="1 rue Haute\nBât. B").address == "1 rue Haute\nBât. B"
    settings.save(
        {
            "contractual_rate": "",
            "mediator": "CM2C\n14 rue Saint-Jean\t75017 Paris",
            "deadline_days": 8,
            "window": settings.read().window,
        }
    )
    assert settings.read().mediator == "CM2C\n14 rue Saint-Jean\t75017 Paris"
    letters.set_template("fr", "reminder", "Relance {client_name}", "Bonjour,\n\n\tMerci.")
    assert letters.template(settings.read(), "fr", "reminder") == (
        "Relance {client_name}",
        "Bonjour,\n\n\tMerci.",
    )
    dunning.open_dispute("F2", "price", NOTE)
    dunning.log_contact(client_id(), TODAY, person="Jean", note=NOTE)
    dunning.create_plan(
        client_id(), [], [(TODAY + dt.timedelta(days=30), Decimal("10"))], note=NOTE
    )
    with db.reading() as s:
        assert s.scalars(select(Dispute.note)).one() == NOTE
        assert s.scalars(select(ContactLog.note)).one() == NOTE
        assert NOTE in s.scalars(select(PaymentPlan.note)).all()


def test_an_old_out_of_range_procedure_date_does_not_block_editing_the_client(book: Path) -> None:
    """Only a date the user gives is checked: the client editor saves a client whose stored
    procedure date it does not change."""
    from models import Client

    with db.transaction() as s:
        s.scalars(select(Client)).one().collective_procedure_on = dt.date(9999, 12, 31)
    row = clients.update_client(client_id(), {"code": "ACME", "name": "Acme SAS", "kind": "pro"})
    assert row.name == "Acme SAS"


# == the window's date widget ==================================================================


@pytest.mark.gui
def test_the_date_widget_offers_only_1900_to_2100_issue_11_point_5(  # type: ignore[no-untyped-def]
    qtbot,
) -> None:
    from PySide6.QtCore import QDate

    from ui.widgets import DateEdit, OptionalDateEdit

    edit = DateEdit()
    optional = OptionalDateEdit("known")
    qtbot.addWidget(edit)
    qtbot.addWidget(optional)
    for widget in (edit, optional.edit):
        assert widget.minimumDate() == QDate(1900, 1, 1)
        assert widget.maximumDate() == QDate(2100, 12, 31)
        widget.setDate(QDate(9999, 12, 31))  # Qt's own maximum: kept within the range
        assert widget.value() == dt.date(2100, 12, 31)
        widget.setDate(QDate(1752, 9, 14))  # Qt's own minimum
        assert widget.value() == dt.date(1900, 1, 1)
    optional.check.setChecked(True)
    optional.set_value(dt.date(2100, 12, 31))
    assert optional.value() == dt.date(2100, 12, 31)


def test_every_date_field_of_the_window_is_the_bounded_date_widget() -> None:
    """No editor builds a QDateEdit (or QDateTimeEdit) of its own, whose range would run to
    9999-12-31: every date field is ui.widgets.DateEdit (issue #11, point 5)."""
    from tests.helpers_cli import ROOT

    own = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if ("QDateEdit(" in line or "QDateTimeEdit(" in line)
        and not line.startswith("class DateEdit(QDateEdit)")
    ]
    assert own == []


# == the command line ==========================================================================


@pytest.fixture
def cli_book(tmp_path: Path) -> Iterator[Path]:
    yield from frozen_book_path(tmp_path)


def _unescaped(text: str) -> set[str]:
    return {c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf")}


@pytest.mark.parametrize(
    "args",
    [
        ("invoices", "\x1b[31mx"),  # unrecognized arguments: …
        ("invoices", "--bogus=\x1b[2J\u202e"),
        ("\x1b[31mx",),  # invalid choice of a command
        ("import", "\x1b[31mx", "f.csv"),  # invalid choice of a sub-command's argument
        ("promise", "--invoice", "F1", "--amount", "1", "--date", "2026-04-01", "\x00\x9b2J"),
    ],
    ids=["extra-argument", "unknown-option", "command", "import-kind", "promise-extra"],
)
def test_argparse_usage_errors_never_print_a_control_character_raw_issue_11_point_6(
    cli_book: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    run = run_cli(capsys, cli_book, *args)
    assert run.code == 2
    assert "error:" in run.err
    assert _unescaped(run.err) == set(), run.err
    assert "\\u001b" in run.err or "\\x1b" in run.err or "\\x00" in run.err or "\\u0000" in run.err


def test_argparse_shows_the_argument_escaped_as_the_rest_of_the_output(
    cli_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(capsys, cli_book, "invoices", "A\x1b[31mB\u202eC")
    assert run.code == 2
    assert run.err_lines[-1] == "encaisse: error: unrecognized arguments: A\\u001b[31mB\\u202eC"


def test_cli_notes_with_a_control_character_are_refused_and_change_nothing(
    cli_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_book(cli_book):
        clients.create_client({"code": "ACME", "name": "Acme", "kind": "pro"})
        invoices.create_invoice(
            {"number": "F1", "client": "ACME", "issue_date": "2026-01-01", "total": "100"}
        )
        before = snapshot()
    run = run_cli(
        capsys,
        cli_book,
        "promise",
        "--invoice",
        "F1",
        "--amount",
        "10",
        "--date",
        "2026-04-01",
        "--note",
        "call back\x1b[2J",
    )
    assert run.code == 1
    assert run.err_lines == [
        "error: Notes: contains a control character (U+001B, character 10), "
        "which is not allowed here."
    ]
    run = run_cli(capsys, cli_book, "dispute", "open", "--invoice", "F1", "--note", "\u202eevil")
    assert run.code == 1
    assert run.err_lines[0].startswith("error: Notes: contains a control character")
    assert _unescaped(run.err) == set()
    with open_book(cli_book):
        assert snapshot() == before
    run = run_cli(
        capsys,
        cli_book,
        "promise",
        "--invoice",
        "F1",
        "--amount",
        "10",
        "--date",
        "2026-04-01",
        "--note",
        "call back\n\ton Monday",
    )
    assert run.code == 0, run.err


def test_an_alert_hidden_until_a_date_out_of_range_is_refused(tmp_path) -> None:  # noqa: ANN001
    """issue #11 point 5: the last date entry point (Hide until…) checks its range too."""
    from services.core import db
    from services.core.errors import UserError
    from services.followup import alerts
    from services.ledger import clients, invoices
    from tests.service_fixtures import fresh_book

    with fresh_book(tmp_path / "book.db", dt.date(2026, 3, 15)):
        clients.create_client({"code": "ACME", "name": "Acme", "kind": "pro"})
        invoices.create_invoice(
            {
                "number": "F1",
                "client": "ACME",
                "issue_date": "2026-01-10",
                "due_date": "2026-02-10",
                "total": "100.00",
            }
        )
        [alert] = [a for a in alerts.alerts(dt.date(2026, 3, 15)) if a.invoice == "F1"][:1]
        with pytest.raises(UserError, match="Hidden until"):
            alerts.snooze(alert, dt.date(9999, 12, 31))
        with db.reading() as s:
            from models import AlertSnooze

            assert s.query(AlertSnooze).count() == 0
        alerts.snooze(alert, dt.date(2026, 3, 20))  # a real date still works


def test_a_backup_folder_with_a_control_character_is_refused(tmp_path) -> None:  # noqa: ANN001
    from services.core.errors import UserError
    from tests.service_fixtures import fresh_book

    with fresh_book(tmp_path / "book.db"):
        with pytest.raises(UserError, match="Backup folder"):
            settings.save({"backup_folder": str(tmp_path / "usb\x1b[31m")})
        assert settings.read().backup_folder == ""
        assert not any(p.name.startswith("usb") for p in tmp_path.iterdir())
