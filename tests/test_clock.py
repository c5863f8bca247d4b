"""One clock (issue #12, point 5): ``now()`` honours a frozen date and a frozen time, and
every file named after the time (backups, the copy kept before a migration, the damaged
book set aside, exports) is stamped by one helper, in local time, stated in the manifest."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.book import backup, export
from services.core import clock, db
from tests.helpers_cli import first_schema_book

PARIS_SUMMER = dt.timezone(dt.timedelta(hours=2))


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time two hours ahead of UTC in May (the machine runs in UTC: without this a
    stamp in UTC and one in local time could not be told apart)."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.fixture(autouse=True)
def _thawed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("ENCAISSE_TODAY", raising=False)
    yield
    clock.freeze(None)


def test_issue_12_a_frozen_date_gives_a_fixed_local_noon(paris: None) -> None:
    clock.freeze(dt.date(2026, 5, 4))
    first = clock.now()
    assert clock.now() == first
    assert first.tzinfo is not None and first.utcoffset() == dt.timedelta(0)  # still aware UTC
    assert first == dt.datetime(2026, 5, 4, 12, 0, 0, tzinfo=PARIS_SUMMER)  # 12:00 local
    assert first.astimezone(dt.UTC).hour == 10
    assert clock.today() == dt.date(2026, 5, 4)


def test_issue_12_a_frozen_aware_datetime_is_the_instant(paris: None) -> None:
    late = dt.datetime(2026, 5, 4, 23, 30, 15, tzinfo=dt.UTC)  # already the 5th in Paris
    with clock.frozen(late):
        assert clock.now() == late
        assert clock.today() == dt.date(2026, 5, 5)  # today() is the local day
        assert clock.stamp() == "20260505-013015"
        assert clock.local_iso() == "2026-05-05T01:30:15+02:00"
    assert clock.now() != late  # thawed: the clock runs again


def test_issue_12_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError):
        clock.freeze(dt.datetime(2026, 5, 4, 12, 0))


def test_issue_12_frozen_nests_and_restores_the_previous_instant() -> None:
    clock.freeze(dt.date(2026, 1, 1))
    outer = clock.now()
    with clock.frozen(dt.date(2026, 2, 1)):
        assert clock.today() == dt.date(2026, 2, 1)
    assert clock.now() == outer


def test_issue_12_encaisse_today_behaves_like_freeze(
    paris: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ENCAISSE_TODAY", "2026-03-15")
    assert clock.today() == dt.date(2026, 3, 15)
    assert clock.stamp() == "20260315-120000"  # the same fixed local noon as freeze(date)
    with clock.frozen(dt.date(2026, 3, 15)):
        frozen_now = clock.now()
    assert clock.now() == frozen_now
    monkeypatch.setenv("ENCAISSE_TODAY", "2026-03-15T09:30:00+01:00")
    assert clock.local_iso() == "2026-03-15T09:30:00+01:00"
    clock.freeze(dt.date(2026, 4, 1))  # freeze wins over the environment
    assert clock.today() == dt.date(2026, 4, 1)


def test_issue_12_stamp_is_local_time_in_the_file_name_form(paris: None) -> None:
    instant = dt.datetime(2026, 1, 9, 8, 5, 7, tzinfo=dt.UTC)  # winter: UTC+1
    assert clock.stamp(instant) == "20260109-090507"
    assert re.fullmatch(r"\d{8}-\d{6}", clock.stamp())
    assert clock.local_iso(instant) == "2026-01-09T09:05:07+01:00"


def test_issue_12_older_manifests_in_utc_still_read() -> None:
    old = clock.parse_instant("2026-05-04T10:00:00+00:00")
    new = clock.parse_instant("2026-05-04T12:00:00+02:00")
    assert old == new
    assert clock.parse_instant("2026-05-04T10:00:00") == old  # no offset: written in UTC


def test_issue_12_backup_and_pre_migration_copy_are_stamped_alike(
    paris: None, tmp_path: Path
) -> None:
    """Under one frozen instant, the copy kept before a migration and a backup carry the
    same local stamp, and the backup's manifest states that local time with its offset."""
    book = tmp_path / "book.db"
    first_schema_book(book)
    clock.freeze(dt.date(2026, 5, 4))
    try:
        db.open_database(book)  # migrates from 0001: a copy is kept first
        [kept] = tmp_path.glob("book.before-upgrade-0001-*.db")
        assert kept.name == "book.before-upgrade-0001-20260504-120000.db"  # local, not 10:00 UTC
        made = backup.create()
        assert made.path.name == "book-20260504-120000.zip"
        with zipfile.ZipFile(made.path) as zf:
            manifest = json.loads(zf.read("manifest.json"))
        assert manifest["created_at"] == "2026-05-04T12:00:00+02:00"
        assert made.created_at == manifest["created_at"]
    finally:
        db.close()


def test_issue_12_two_backups_under_a_frozen_clock_are_named_deterministically(
    tmp_path: Path,
) -> None:
    """No wall clock involved: the second backup of the same frozen instant is ``-2``."""
    clock.freeze(dt.date(2026, 5, 4))
    db.open_database(tmp_path / "book.db")
    try:
        stamp = clock.stamp()
        first = backup.create()
        second = backup.create()
        assert (first.path.name, second.path.name) == (f"book-{stamp}.zip", f"book-{stamp}-2.zip")
        assert first.created_at == second.created_at == clock.local_iso()
    finally:
        db.close()


def test_issue_12_backups_order_across_old_utc_and_new_local_manifests(
    paris: None, tmp_path: Path
) -> None:
    """An older manifest (UTC) and a newer one (local) are ordered by instant, not by text:
    as text, 11:00+00:00 (13:00 in Paris) would sort before 12:30+02:00 (10:30 UTC)."""
    where = tmp_path

    def info(name: str, created_at: str) -> backup.BackupInfo:
        return backup.BackupInfo(where / name, created_at, "x", "0001", {}, 0, (), 0)

    older = info("book-20260504-123000.zip", "2026-05-04T12:30:00+02:00")
    newer = info("book-20260504-130000.zip", "2026-05-04T11:00:00+00:00")
    assert sorted([newer, older], key=backup.order) == [older, newer]


def test_issue_12_export_manifest_states_local_time(paris: None, tmp_path: Path) -> None:
    clock.freeze(dt.date(2026, 5, 4))
    db.open_database(tmp_path / "book.db")
    try:
        export.export(tmp_path / "out")
        manifest = json.loads(next((tmp_path / "out").rglob("manifest.json")).read_text())
        assert manifest["created_at"] == "2026-05-04T12:00:00+02:00"
    finally:
        db.close()
