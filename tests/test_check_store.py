"""``check`` and the store's files that no document refers to (issue #11, points 1 and 4).

``letters --record`` copies its letters into the document store first, then records every
step and every document in one transaction: killed between the two, it leaves stored files
no document points to. A killed restore leaves ``tmp/restore-<sha256>``, a killed attachment
``tmp/in-…``. ``check`` reports each (exit 1: the store cannot tell such a copy from the file
of a document whose row was lost, which the owner must hear of) and says what ``check
--repair`` will do: move those at least an hour old to the store's trash, kept
``documents.TRASH_DAYS`` days, and leave younger ones alone — an attachment or a restore may
still be writing them. ``letters --record`` run again adopts its own orphans.

The state a kill between the copy and the record leaves is made here as ``record_sent`` makes
it — ``documents.ingest_all`` of the letters, and nothing recorded (the SIGKILL itself is
``tests/test_one_transaction.py``'s); a file's age is set with ``os.utime``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from models import Document
from services.book import integrity
from services.core import clock, db
from services.proof import documents
from services.proof.store import Store
from tests.helpers_cli import Run, open_book, run_cli
from tests.service_fixtures import add_client, add_invoice

pytestmark = pytest.mark.both_engines

TODAY = dt.date(2026, 3, 15)
TWO_HOURS = 2 * 3600


@pytest.fixture
def shop(book_target: str, tmp_path: Path) -> Iterator[tuple[str, Store]]:
    """Two clients whose invoices are overdue enough for a formal notice on TODAY; the book's
    document store (``tmp_path/book.documents`` on both engines)."""
    clock.freeze(TODAY)
    try:
        with open_book(book_target):
            add_client("ACME", address="1 rue de la Paix", postcode="75002", city="Paris")
            add_client("BETA", address="2 place Bellecour", postcode="69002", city="Lyon")
            add_invoice("F1", "ACME", issue="2026-01-02", total="1200.00")
            add_invoice("F2", "BETA", issue="2026-01-05", total="300.00")
        yield book_target, Store(tmp_path / "book.documents")
    finally:
        clock.freeze(None)
        db.close()


def _repair(engine: str) -> tuple[str, ...]:
    # Encaisse cannot back a PostgreSQL book up: --yes says the owner did (pg_dump)
    return ("--repair", "--yes") if engine == "postgresql" else ("--repair",)


def _killed_letters_record(book: str, out: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The day's letters written, then copied into the store as ``letters --record`` does
    before its transaction — and nothing recorded: what a kill between the two leaves."""
    run = run_cli(capsys, book, "letters", "--date", TODAY.isoformat(), "--out", str(out))
    assert run.code == 0, run.err
    pdfs = sorted(p for p in out.glob("*.pdf") if p.name != "all.pdf")
    assert len(pdfs) == 2
    with open_book(book):
        items = documents.ingest_all(pdfs)
    return [item.sha256 for item in items]


def _age(path: Path, seconds: int = TWO_HOURS) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def _check(capsys: pytest.CaptureFixture[str], book: str, *args: str) -> Run:
    return run_cli(capsys, book, "check", *args)


def test_orphans_of_a_killed_letters_record_are_reported_then_moved_to_the_trash(
    shop: tuple[str, Store], engine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book, store = shop
    orphans = _killed_letters_record(book, tmp_path / "out", capsys)
    paths = [store.path_of(sha) for sha in orphans]

    # fresh: reported (exit 1), and --repair will leave them alone for now
    run = _check(capsys, book)
    assert run.code == 1
    lines = run.out.splitlines()
    for path in paths:
        assert f"a stored file belongs to no document: {path}" in lines
    assert (
        "check --repair leaves 2 stored files that belong to no document alone until 60 "
        "minutes old: an attachment or a restore may still be writing it"
    ) in lines
    payload = _check(capsys, book, "--json").json()
    assert payload["ok"] is False
    assert sorted(p["sha256"] for p in payload["documents"]["problems"]) == sorted(orphans)
    assert payload["documents"]["repair"]["to_trash"] == []
    assert sorted(p["path"] for p in payload["documents"]["repair"]["too_recent"]) == sorted(
        map(str, paths)
    )

    repaired = _check(capsys, book, *_repair(engine))
    assert repaired.code == 1  # still there: a --repair never touches a copy that young
    assert all(p.exists() for p in paths)

    # an hour later: --repair will move them to the store's trash, and does
    for path in paths:
        _age(path)
    run = _check(capsys, book)
    assert run.code == 1  # still worth knowing
    assert (
        "check --repair will move 2 stored files that belong to no document to the "
        "store's trash (kept 30 days, then deleted)"
    ) in run.out.splitlines()
    assert [
        r["kind"] for r in _check(capsys, book, "--json").json()["documents"]["repair"]["to_trash"]
    ] == ["orphan", "orphan"]

    repaired = _check(capsys, book, *_repair(engine))
    assert repaired.code == 0, repaired.out + repaired.err
    assert (
        "moved to the store's trash (kept 30 days): 2 stored files that belong to no document"
    ) in repaired.out.splitlines()
    assert "database: ok" in repaired.out or "foreign keys: ok" in repaired.out
    for sha, path in zip(orphans, paths, strict=True):
        assert not path.exists()
        trashed = store.root / "trash" / f"{TODAY:%Y%m%d}" / sha
        assert hashlib.sha256(trashed.read_bytes()).hexdigest() == sha  # kept whole
    again = _check(capsys, book, "--json")
    assert again.code == 0 and again.json()["documents"]["repair"] == {
        "to_trash": [],
        "too_recent": [],
        "trash_days": 30,
        "stale_after_seconds": 3600,
    }


def test_check_repair_json_says_what_it_did_in_the_store(
    shop: tuple[str, Store], engine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book, store = shop
    orphans = _killed_letters_record(book, tmp_path / "out", capsys)
    _age(store.path_of(orphans[0]))  # one old, one fresh
    run = _check(capsys, book, *_repair(engine), "--json")
    assert run.code == 1  # the fresh one is still there
    payload = run.json()
    assert payload["repair"]["store"] == {
        "orphans_to_trash": 1,
        "leftovers_to_trash": 0,
        "too_recent": 1,
        "failed": 0,
        "recovered": 0,
    }
    assert [p["sha256"] for p in payload["documents"]["problems"]] == [orphans[1]]
    # the keys check --json had before are all there, with their meaning
    assert {"ok", "database", "totals", "documents", "repair"} <= set(payload)
    assert {"recomputed", "taken_back", "backup"} <= set(payload["repair"])


def test_letters_record_run_again_adopts_its_own_orphans(
    shop: tuple[str, Store], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The copies a killed ``letters --record`` left are the same bytes as the letters of a
    new run on the same day: that run records them, and nothing is left over."""
    book, store = shop
    orphans = _killed_letters_record(book, tmp_path / "out", capsys)
    run = run_cli(
        capsys,
        book,
        "letters",
        "--date",
        TODAY.isoformat(),
        "--out",
        str(tmp_path / "again"),
        "--record",
    )
    assert run.code == 0, run.err
    assert "2 letters, recorded as sent" in run.out
    with open_book(book), db.reading() as s:
        recorded = sorted(
            s.scalars(select(Document.sha256).where(Document.kind == "correspondence"))
        )
    assert recorded == sorted(orphans)
    assert store.digests_on_disk() == set(orphans)
    check = _check(capsys, book)
    assert check.code == 0, check.out


def test_a_killed_restore_leaves_a_leftover_that_repair_moves_once_stale(
    shop: tuple[str, Store], engine: str, capsys: pytest.CaptureFixture[str]
) -> None:
    book, store = shop
    store.tmp.mkdir(parents=True, exist_ok=True)
    leftover = store.tmp / f"restore-{'ab' * 32}"  # what _install_objects was unpacking
    leftover.write_bytes(b"%PDF-1.7 half of a document")
    run = _check(capsys, book)
    assert run.code == 1
    assert f"a partial copy was left by an interrupted restore: {leftover}" in run.out.splitlines()
    assert "check --repair leaves 1 partial copy alone until 60 minutes old" in run.out

    _age(leftover)
    run = _check(capsys, book)
    assert run.code == 1
    assert (
        "check --repair will move 1 partial copy to the store's trash (kept 30 days, then deleted)"
    ) in run.out.splitlines()
    repaired = _check(capsys, book, *_repair(engine))
    assert repaired.code == 0, repaired.out + repaired.err
    assert "moved to the store's trash (kept 30 days): 1 partial copy" in repaired.out
    assert not leftover.exists()
    assert (
        store.root / "trash" / f"{TODAY:%Y%m%d}" / leftover.name
    ).read_bytes() == b"%PDF-1.7 half of a document"


def test_an_attachment_in_progress_is_never_touched(
    shop: tuple[str, Store], engine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A copy being written (``tmp/in-…``) and a file copied but not yet recorded, both a
    minute old, while an old orphan goes: --repair moves the old one only."""
    book, store = shop
    fresh, old = _killed_letters_record(book, tmp_path / "out", capsys)
    partial = store.tmp / "in-4242-0123456789abcdef"
    partial.write_bytes(b"being written")
    _age(partial, 60)
    _age(store.path_of(fresh), 60)
    _age(store.path_of(old))
    repaired = _check(capsys, book, *_repair(engine))
    assert repaired.code == 1
    assert partial.read_bytes() == b"being written"
    assert store.path_of(fresh).exists() and not store.path_of(old).exists()
    assert (
        "check --repair leaves 1 stored file that belongs to no document and 1 partial copy "
        "alone until 60 minutes old: an attachment or a restore may still be writing it"
    ) in repaired.out.splitlines()


def test_the_trash_is_purged_after_30_days(
    shop: tuple[str, Store], engine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book, store = shop
    orphans = _killed_letters_record(book, tmp_path / "out", capsys)
    for sha in orphans:
        _age(store.path_of(sha))
    assert _check(capsys, book, *_repair(engine)).code == 0
    day = store.root / "trash" / f"{TODAY:%Y%m%d}"
    assert sorted(p.name for p in day.iterdir()) == sorted(orphans)
    clock.freeze(TODAY + dt.timedelta(days=30))
    assert _check(capsys, book, *_repair(engine)).code == 0
    assert day.is_dir()  # 30 days: still kept
    clock.freeze(TODAY + dt.timedelta(days=31))
    assert _check(capsys, book, *_repair(engine)).code == 0
    assert not day.exists()


def test_a_document_whose_file_went_to_the_trash_gets_it_back(
    shop: tuple[str, Store], engine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An old orphan adopted by an attachment at the moment --repair moved it (the attachment
    keeps a sound copy already in the store): its document's file is in the trash. ``check``
    says it is missing; --repair puts it back."""
    book, store = shop
    [sha, _other] = _killed_letters_record(book, tmp_path / "out", capsys)
    pdf = sorted((tmp_path / "out").glob("*ACME*.pdf"))[0]
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == sha
    run = run_cli(capsys, book, "attach", "--client", "ACME", "--kind", "correspondence", str(pdf))
    assert run.code == 0, run.err
    store.to_trash(sha, f"{TODAY:%Y%m%d}")  # what the race leaves
    run = _check(capsys, book)
    assert run.code == 1 and "the stored file is missing" in run.out
    repaired = _check(capsys, book, *_repair(engine))
    assert "put back from the store's trash: 1 stored file a document points at" in repaired.out
    assert hashlib.sha256(store.path_of(sha).read_bytes()).hexdigest() == sha
    assert "the stored file is missing" not in repaired.out


def test_an_hour_is_the_line(
    shop: tuple[str, Store], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A few seconds short of ``integrity.STALE_AFTER_SECONDS`` and a file stays; a few
    seconds past it and it goes."""
    book, store = shop
    young, old = _killed_letters_record(book, tmp_path / "out", capsys)
    _age(store.path_of(young), integrity.STALE_AFTER_SECONDS - 30)
    _age(store.path_of(old), integrity.STALE_AFTER_SECONDS + 30)
    with open_book(book):
        plan = integrity.store_plan()
        assert plan.to_trash == [("orphan", store.path_of(old))]
        assert plan.too_recent == [("orphan", store.path_of(young))]
        tidy = integrity.tidy_store()
    assert (tidy.orphans, tidy.too_recent) == (1, 1)
    assert store.digests_on_disk() == {young}
