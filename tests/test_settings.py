"""The book's settings (issue #12, point 3): one table of every key, one read of them all in one
query, one write that checks every value before writing any."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from models import Setting
from services.core import db, settings
from services.core.errors import UserError
from tests.service_fixtures import book  # noqa: F401

pytestmark = [pytest.mark.usefixtures("book"), pytest.mark.both_engines]


def _rows() -> dict[str, str]:
    with db.reading() as s:
        return {row.key: row.value for row in s.scalars(select(Setting))}


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """Every SQL statement sent to the book while the test runs."""
    seen: list[str] = []
    engine = db.current().engine

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    yield seen
    event.remove(engine, "before_cursor_execute", count)


#: a value of every setting other than its default (what the dialogs would give)
CHANGED: dict[str, Any] = {
    "max_mb": 40,
    "import_max_file_mb": 12,
    "import_max_field_kib": 3,
    "backup_folder": "",  # set to a real folder in the test (tmp_path)
    "due_soon_days": 12,
    "kinds_off": {"missing_proof", "due_soon"},
    "grace_days": 6,
    "user_rates": {
        "ecb_known_until": "2026-09-30",
        "ecb_mro": [{"from": "2026-06-11", "rate": "2.00"}],
    },
    "contractual_rate": "12,5",
    "mediator": "CM2C\n14 rue Saint-Jean\t75017 Paris",
    "deadline_days": 15,
    "window": {"x": 100, "y": 50, "w": 95, "h": 40},
    "templates": {("fr", "reminder"): ("Relance {client_name}", "Bonjour,\n\n\tMerci.")},
    "smtp_host": "smtp.example.org",
    "smtp_port": 465,
    "smtp_security": "ssl",
    "smtp_user": "relances@example.org",
    "smtp_sender": "compta@example.org",
    "payments_to_penalties_first": True,
}


def test_every_key_has_a_name_a_stored_key_a_type_a_default_and_a_doc() -> None:
    hints = typing.get_type_hints(settings.Settings)
    assert [key.name for key in settings.TABLE] == [
        f.name for f in dataclasses.fields(settings.Settings)
    ]
    assert set(CHANGED) == set(settings.KEYS)  # the round trip below covers every key
    assert len({key.stored for key in settings.TABLE}) == len(settings.TABLE)
    for key in settings.TABLE:
        assert key.stored and key.doc, key.name
        assert hints[key.name] == key.type, key.name
        default = getattr(settings.defaults(), key.name)
        assert default == key.default, key.name
        if key.default is not None:
            assert isinstance(default, typing.get_origin(key.type) or key.type), key.name


def test_the_stored_keys_are_those_books_already_hold() -> None:
    """Renaming a stored key would lose every book's value: they are pinned here."""
    assert {key.name: key.stored for key in settings.TABLE} == {
        "max_mb": "documents.max_mb",
        "import_max_file_mb": "import_max_file_mb",
        "import_max_field_kib": "import_max_field_kib",
        "backup_folder": "backup.folder",
        "due_soon_days": "alerts.due_soon_days",
        "kinds_off": "alerts.off",
        "grace_days": "dunning.promise_grace_days",
        "user_rates": "rates.user",
        "contractual_rate": "penalties.contractual_rate",
        "mediator": "letters.mediator",
        "deadline_days": "letters.deadline_days",
        "window": "letters.window",
        "templates": "letters.template.{language}.{key}",
        "smtp_host": "email.smtp_host",
        "smtp_port": "email.smtp_port",
        "smtp_security": "email.smtp_security",
        "smtp_user": "email.smtp_user",
        "smtp_sender": "email.smtp_sender",
        "payments_to_penalties_first": "penalties.payments_first",
    }


def test_the_defaults_agree_with_the_modules_that_use_them() -> None:
    from services.paper import letters
    from services.proof import store

    defaults = settings.defaults()
    assert store.DEFAULT_MAX_MB == settings.DEFAULT_MAX_MB == defaults.max_mb
    # letters.WINDOW and FORMAL_NOTICE_DAYS are the settings' defaults themselves
    assert letters.WINDOW is settings.DEFAULT_WINDOW
    assert letters.FORMAL_NOTICE_DAYS == settings.DEFAULT_DEADLINE_DAYS


def test_a_new_book_reads_the_defaults_and_no_book_too(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.read() == settings.defaults()
    monkeypatch.setattr(db, "_current", None)  # as if no book were open (pure use)
    assert settings.read() == settings.defaults()


def test_values_round_trip(tmp_path: Path) -> None:
    changes = {**CHANGED, "backup_folder": str(tmp_path / "usb")}
    settings.save(changes)
    saved = settings.read()
    assert saved.max_mb == 40 and saved.max_bytes == 40 * 1_048_576
    assert saved.import_limits == (12 * 1_048_576, 3 * 1024)
    assert saved.backup_folder == str((tmp_path / "usb").resolve())
    assert (saved.due_soon_days, saved.grace_days, saved.deadline_days) == (12, 6, 15)
    assert saved.kinds_off == frozenset({"missing_proof", "due_soon"})
    assert saved.user_rates == CHANGED["user_rates"]
    assert saved.contractual_rate == Decimal("12.50")
    assert saved.mediator == CHANGED["mediator"]
    assert saved.window == CHANGED["window"]
    assert saved.template("fr", "reminder") == CHANGED["templates"][("fr", "reminder")]
    assert saved.template("en", "reminder") is None
    assert (saved.smtp_host, saved.smtp_port, saved.smtp_security) == (
        "smtp.example.org",
        465,
        "ssl",
    )
    assert (saved.smtp_user, saved.smtp_sender) == ("relances@example.org", "compta@example.org")
    assert saved.payments_to_penalties_first is True
    for key in settings.TABLE:  # saving what was read changes nothing
        if key.name != "backup_folder":
            before = _rows()
            settings.save({key.name: getattr(saved, key.name)})
            assert _rows() == before, key.name
    settings.save({"templates": {("fr", "reminder"): None}, "contractual_rate": ""})
    again = settings.read()
    assert again.template("fr", "reminder") is None and again.contractual_rate is None


def test_out_of_range_counts_are_clamped_where_the_old_setters_clamped() -> None:
    settings.save({"due_soon_days": 200, "grace_days": -3})
    saved = settings.read()
    assert (saved.due_soon_days, saved.grace_days) == (90, 0)


def test_load_reads_every_setting_in_one_query(statements: list[str]) -> None:
    settings.save(
        CHANGED | {"templates": {("fr", "reminder"): ("A", "B"), ("en", "hand_off"): ("C", "D")}}
    )
    with db.reading() as s:
        statements.clear()
        saved = settings.load(s)
        queries = [q for q in statements if q.strip().upper() not in ("BEGIN", "BEGIN IMMEDIATE")]
        assert len(queries) == 1, statements
    assert saved.template("en", "hand_off") == ("C", "D") and saved.grace_days == 6


def test_save_writes_in_one_transaction() -> None:
    opened: list[int] = []
    database = db.current()
    real = database.write_sessions

    def counting() -> Any:
        opened.append(1)
        return real()

    database.write_sessions = counting  # type: ignore[method-assign]
    try:
        settings.save({"max_mb": 40, "due_soon_days": 12, "mediator": "CM2C"})
    finally:
        del database.write_sessions
    assert opened == [1]


def test_an_unknown_key_is_refused_and_nothing_is_written() -> None:
    before = _rows()
    with pytest.raises(KeyError, match="colour"):
        settings.save({"max_mb": 40, "colour": "blue"})
    with pytest.raises(KeyError, match="documents.max_mb"):
        settings.save({"documents.max_mb": 40})  # the stored key is not a name
    assert _rows() == before


@pytest.mark.parametrize(
    ("name", "value", "field"),
    [
        ("max_mb", 0, "max_mb"),
        ("max_mb", 2001, "max_mb"),
        ("import_max_file_mb", 2001, "import_max_file_mb"),
        ("import_max_field_kib", 0, "import_max_field_kib"),
        ("backup_folder", "usb\x1b[31m", "backup_folder"),
        ("contractual_rate", "abc", "rate"),
        ("contractual_rate", "99", "rate"),
        ("contractual_rate", "\u0661\u0660", "rate"),
        ("mediator", "CM2C\x07", "mediator"),
        ("deadline_days", 61, "deadline_days"),
        ("window", {"x": 180, "y": 50, "w": 95, "h": 40}, "window"),
        ("templates", {("fr", "reminder"): ("Relance\nbis", "Bonjour")}, "subject"),
        ("templates", {("fr", "reminder"): ("Relance", "Bonjour\x00")}, "body"),
    ],
)
def test_a_bad_value_names_its_field_and_nothing_is_written(
    name: str, value: Any, field: str
) -> None:
    before = _rows()
    good = {"max_mb": 40, "due_soon_days": 12, "mediator": "CM2C"}
    good.pop(name, None)
    with pytest.raises(UserError) as caught:
        settings.save({**good, name: value})  # the bad one last: the good ones were checked
    assert caught.value.field == field
    assert _rows() == before


def test_a_value_no_dialog_gives_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        settings.save({"max_mb": "40"})
    with pytest.raises(ValueError):
        settings.save({"kinds_off": {"due_soon,step_due"}})  # would be read back as two
    with pytest.raises(TypeError):
        settings.save({"user_rates": {"ecb_mro": {1, 2}}})  # not JSON


def test_a_damaged_stored_value_reads_as_its_default() -> None:
    with db.transaction() as s:
        for key in (
            "documents.max_mb",
            "letters.window",
            "rates.user",
            "penalties.contractual_rate",
        ):
            s.add(Setting(key=key, value="not what it should be"))
        s.add(Setting(key="letters.template.fr.reminder", value="{broken"))
        s.add(Setting(key="letters.deadline_days", value="600"))
    saved = settings.read()
    defaults = settings.defaults()
    assert (saved.max_mb, saved.window, saved.user_rates, saved.contractual_rate) == (
        defaults.max_mb,
        defaults.window,
        defaults.user_rates,
        None,
    )
    assert saved.template("fr", "reminder") is None
    assert saved.deadline_days == 60  # clamped on reading, as before


def test_settings_read_are_fresh_copies() -> None:
    first = settings.read()
    first.window["x"] = 0
    first.user_rates["legal"] = []
    assert settings.read() == settings.defaults()
