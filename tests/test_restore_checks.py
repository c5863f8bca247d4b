"""Restore checks before it replaces (issue #11, point 4).

Every crafted backup below starts from a real one (``backup.create`` on a small book with a
client, an invoice and a signed PDF), then is tampered with: a database that is not SQLite,
a foreign SQLite file (empty, or with tables of its own), a newer schema behind an older
manifest, counts that lie, an encrypted member, compressions Encaisse does not write, a
member larger than announced, a manifest with fields of the wrong type, a total beyond 4 ×
what the manifest announces. Each one goes through ``restore FILE --yes`` exactly as a user
runs it, and must be refused with a message naming the problem, exit 1, no traceback — and
the book's SHA-256 and the store's listing (every file with its hash) must be what they
were before. Then the good paths: a restore of an older backup sends the newer documents to
the store's trash (``check`` exit 0), an older schema is migrated on the copy, and
``restore --yes`` killed at random moments leaves the old book or the restored one, whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import signal
import sqlite3
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from services.book import backup
from services.core import clock, db, lookups
from services.ledger import clients as client_service
from services.ledger import invoices as invoice_service
from services.proof import documents
from services.proof.store import Store
from tests.helpers_cli import ROOT, first_schema_book, run_cli
from tests.helpers_cli import book_snapshot as snapshot
from tests.test_documents import make_pdf

TODAY = dt.date(2026, 3, 15)
MANIFEST = "manifest.json"
DATABASE = "book.db"


# -- a small book and a real backup of it ------------------------------------------------------
@pytest.fixture
def shop(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(the book, a good backup of it outside the book's folder); the book closed."""
    clock.freeze(TODAY)
    book = tmp_path / "shop" / "book.db"
    book.parent.mkdir()
    db.open_database(book)
    try:
        client_service.create_client({"code": "ACME", "name": "Acme Menuiserie"})
        invoice_service.create_invoice(
            {
                "number": "F1",
                "client": "ACME",
                "issue_date": "2026-01-05",
                "due_date": "2026-02-04",
                "total": "1200.00",
            }
        )
        owner = documents.Owner(invoice_id=lookups.invoice_id_for("F1"))
        documents.attach_files(
            owner,
            [make_pdf(tmp_path / "order.pdf", text="signed order")],
            documents.Meta("purchase_order", signed=True),
        )
        (tmp_path / "crafted").mkdir()
        good = backup.create(tmp_path / "crafted" / "good.zip").path
    finally:
        db.close()
    yield book, good
    clock.freeze(None)
    db.close()


def contents(zip_path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(zip_path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def craft(
    good: Path,
    name: str,
    *,
    replace: dict[str, bytes] | None = None,
    manifest: Callable[[dict[str, Any]], Any] | None = None,
    compress: dict[str, int] | None = None,
    restamp: bool = True,
) -> Path:
    """A copy of ``good`` with members replaced (and, with ``restamp``, the manifest's hash
    and size of each updated so that only the intended lie remains), the manifest edited,
    members written with other compressions."""
    members = contents(good)
    data = json.loads(members[MANIFEST])
    for member, payload in (replace or {}).items():
        members[member] = payload
        if restamp:
            data["members"][member] = hashlib.sha256(payload).hexdigest()
            data["sizes"][member] = len(payload)
            data["size"] = sum(data["sizes"].values())
    if manifest is not None:
        manifest(data)
    members[MANIFEST] = json.dumps(data).encode()
    out = good.with_name(name)
    with zipfile.ZipFile(out, "w") as zf:
        for member, payload in members.items():
            info = zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = (compress or {}).get(member, zipfile.ZIP_DEFLATED)
            zf.writestr(info, payload)
    return out


def patch_headers(
    path: Path, member: str, *, flags: int = 0, method: int | None = None, size: int | None = None
) -> None:
    """Rewrite one member's general-purpose flags (OR ``flags``), compression method or
    uncompressed size in both its local header and the central directory."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        local = zf.getinfo(member).header_offset
        central = zf.start_dir
    for offset, flag_at, method_at, size_at in ((local, 6, 8, 22), (None, 8, 10, 24)):
        if offset is None:  # find the member's entry in the central directory
            at = central
            while raw[at : at + 4] == b"PK\x01\x02":
                name_len, extra_len, comment_len = struct.unpack_from("<HHH", raw, at + 28)
                if raw[at + 46 : at + 46 + name_len].decode() == member:
                    offset = at
                    break
                at += 46 + name_len + extra_len + comment_len
            assert offset is not None, member
        struct.pack_into(
            "<H", raw, offset + flag_at, struct.unpack_from("<H", raw, offset + flag_at)[0] | flags
        )
        if method is not None:
            struct.pack_into("<H", raw, offset + method_at, method)
        if size is not None:
            struct.pack_into("<I", raw, offset + size_at, size)
    path.write_bytes(bytes(raw))


def book_db(good: Path) -> bytes:
    return contents(good)[DATABASE]


def edited_db(good: Path, tmp: Path, *sql: str) -> bytes:
    """The backup's database with ``sql`` run on it."""
    path = tmp / "edited.db"
    path.write_bytes(book_db(good))
    con = sqlite3.connect(path)
    for statement in sql:
        con.execute(statement)
    con.commit()
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    return path.read_bytes()


def sqlite_file(tmp: Path, *sql: str) -> bytes:
    path = tmp / "foreign.db"
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    for statement in sql:
        con.execute(statement)
    con.commit()
    con.close()
    return path.read_bytes()


def assert_refused(
    capsys: pytest.CaptureFixture[str], book: Path, crafted: Path, *expected: str
) -> None:
    """``restore CRAFTED --yes`` exits 1 with one plain line holding ``expected``, and the
    book and its store are exactly as they were (issue #11: the hash before and after)."""
    before = snapshot(book)
    run = run_cli(capsys, book, "restore", str(crafted), "--yes")
    assert run.code == 1, run.out + run.err
    assert "Traceback" not in run.err and "unexpected problem" not in run.err
    assert run.err.startswith("error: "), run.err
    for text in expected:
        assert text in run.err, run.err
    assert "restored" not in run.out
    assert snapshot(book) == before
    assert not list(book.parent.glob("*.restoring*")), "the checked copy is removed"


# -- the crafted backups -------------------------------------------------------------------------
def test_a_database_that_is_not_sqlite_is_refused(shop, capsys) -> None:  # type: ignore[no-untyped-def]
    book, good = shop
    crafted = craft(
        good, "not-sqlite.zip", replace={DATABASE: b"these are not the pages of a book\n" * 500}
    )
    assert_refused(capsys, book, crafted, "not-sqlite.zip", "does not hold an SQLite database")


def test_a_foreign_empty_sqlite_file_is_refused(shop, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book, good = shop
    empty = sqlite_file(tmp_path, "CREATE TABLE x (a)", "DROP TABLE x")
    assert empty.startswith(b"SQLite format 3\x00")
    crafted = craft(
        good, "empty.zip", replace={DATABASE: empty}, manifest=lambda m: m.update(counts={})
    )
    assert_refused(
        capsys,
        book,
        crafted,
        "is not an Encaisse book",
        "alembic_version, clients, invoices, payments",
    )


def test_a_foreign_sqlite_file_with_tables_is_refused(shop, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book, good = shop
    foreign = sqlite_file(
        tmp_path,
        "CREATE TABLE recipes (name TEXT)",
        "INSERT INTO recipes VALUES ('tarte')",
        "CREATE TABLE clients (name TEXT)",
    )
    crafted = craft(
        good,
        "foreign.zip",
        replace={DATABASE: foreign},
        manifest=lambda m: m.update(counts={"clients": 0, "recipes": 1}),
    )  # the counts agree
    assert_refused(
        capsys, book, crafted, "is not an Encaisse book", "alembic_version, invoices, payments"
    )


def test_an_encaisse_like_file_missing_later_tables_is_refused(
    shop, capsys, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The first tables and a known revision are not enough: every table of the models."""
    book, good = shop
    gutted = edited_db(good, tmp_path, "DROP TABLE invoices_search", "DROP TABLE allocations")
    counts = json.loads(contents(good)[MANIFEST])["counts"]
    counts.pop("allocations")
    crafted = craft(
        good, "gutted.zip", replace={DATABASE: gutted}, manifest=lambda m: m.update(counts=counts)
    )
    assert_refused(capsys, book, crafted, "is not an Encaisse book", "allocations")


def test_a_newer_schema_behind_an_older_manifest_is_refused(shop, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book, good = shop
    newer = edited_db(good, tmp_path, "UPDATE alembic_version SET version_num = '0999'")
    crafted = craft(good, "newer.zip", replace={DATABASE: newer})
    assert (
        json.loads(contents(crafted)[MANIFEST])["schema"] != "0999"
    )  # the manifest says otherwise
    assert_refused(capsys, book, crafted, "comes from a newer version of Encaisse (schema 0999)")


def test_a_known_schema_unlike_the_manifest_is_refused(shop, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book, good = shop
    crafted = craft(good, "mismatch.zip", manifest=lambda m: m.update(schema="0001"))
    assert_refused(capsys, book, crafted, "its manifest gives schema 0001, its database has schema")


def test_counts_that_lie_are_refused(shop, capsys) -> None:  # type: ignore[no-untyped-def]
    book, good = shop
    crafted = craft(good, "counts.zip", manifest=lambda m: m["counts"].update(invoices=6))
    assert_refused(
        capsys, book, crafted, "its manifest counts 6 rows in invoices, its database has 1"
    )


def test_an_encrypted_member_is_refused(shop, capsys) -> None:  # type: ignore[no-untyped-def]
    book, good = shop
    crafted = craft(good, "encrypted.zip")
    patch_headers(crafted, DATABASE, flags=0x1)
    with zipfile.ZipFile(crafted) as zf:
        assert zf.getinfo(DATABASE).flag_bits & 0x1  # what zipfile reads: an encrypted member
    assert_refused(capsys, book, crafted, "encrypted.zip is encrypted (book.db)")


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA, 99])
def test_a_compression_encaisse_does_not_write_is_refused(shop, capsys, method: int) -> None:  # type: ignore[no-untyped-def]
    """Encaisse writes stored and deflated members only, and reads nothing else: bzip2 and
    LZMA are refused too (decided in issue #11: one less decompressor to trust)."""
    book, good = shop
    if method == 99:
        crafted = craft(good, "method.zip")
        patch_headers(crafted, DATABASE, method=99)
    else:
        crafted = craft(good, "method.zip", compress={DATABASE: method})
    assert_refused(
        capsys, book, crafted, "uses a compression Encaisse does not read", f"method {method}"
    )


def test_a_member_larger_than_the_manifest_says_is_refused(shop, capsys) -> None:  # type: ignore[no-untyped-def]
    book, good = shop
    size = len(book_db(good))
    crafted = craft(
        good, "oversize.zip", manifest=lambda m: m["sizes"].update({DATABASE: size // 2})
    )
    assert_refused(
        capsys, book, crafted, f"book.db is larger than the {size // 2} bytes its manifest gives"
    )


def test_a_member_larger_than_its_zip_header_says_is_refused(shop, capsys) -> None:  # type: ignore[no-untyped-def]
    """The zip's header and the manifest both lie about the size: the member is cut at the
    announced size, so its checksum and fingerprint no longer match."""
    book, good = shop
    size = len(book_db(good))
    crafted = craft(
        good, "short-header.zip", manifest=lambda m: m["sizes"].update({DATABASE: size // 2})
    )
    patch_headers(crafted, DATABASE, size=size // 2)
    assert_refused(capsys, book, crafted, "is damaged: book.db does not match its fingerprint")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("schema", 6),
        ("schema", None),
        ("created_at", 20260315),
        ("created_at", "yesterday"),
        ("app_version", ["0.1"]),
        ("counts", {"invoices": "1"}),
        ("counts", {"invoices": True}),
        ("counts", [1, 2]),
        ("members", ["book.db"]),
        ("altered", "none"),
        ("sizes", {"book.db": -1}),
        ("size", "big"),
        ("book", 3),
    ],
)
def test_a_manifest_field_of_the_wrong_type_is_named(shop, capsys, key: str, value: object) -> None:  # type: ignore[no-untyped-def]
    book, good = shop
    crafted = craft(good, "types.zip", manifest=lambda m: m.update({key: value}))
    assert_refused(capsys, book, crafted, "is not an Encaisse backup", f"“{key}” is not valid")


def test_a_member_the_manifest_should_not_list_is_refused(shop, capsys) -> None:  # type: ignore[no-untyped-def]
    book, good = shop

    def escape(m: dict[str, Any]) -> None:
        m["members"]["../../etc/passwd"] = "0" * 64
        m["sizes"]["../../etc/passwd"] = 1

    assert_refused(
        capsys,
        book,
        craft(good, "escape.zip", manifest=escape),
        "lists an unexpected member ../../etc/passwd",
    )


def test_a_total_beyond_four_times_the_manifest_is_refused(shop, capsys) -> None:  # type: ignore[no-untyped-def]
    book, good = shop
    crafted = craft(good, "total.zip", manifest=lambda m: m.update(size=1000))
    assert_refused(capsys, book, crafted, "more than 4 times what it announces", "0.0 MB at most")


def test_an_old_style_backup_that_unpacks_far_beyond_its_size_is_refused(
    shop, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue #11: a 4.4 MB backup put a 2 GiB object into the store. A backup made before
    sizes were recorded may unpack to 4 × the zip's size (at least LEGACY_FLOOR, 256 MiB,
    lowered here so that the test writes 8 MiB, not 300): a bomb of zeros named by its own
    SHA-256 is refused before a byte lands."""
    book, good = shop
    monkeypatch.setattr(backup, "LEGACY_FLOOR", 1024 * 1024)
    bomb = bytes(8 * 1024 * 1024)
    sha = hashlib.sha256(bomb).hexdigest()
    name = f"documents/objects/{sha[:2]}/{sha}"

    def legacy(m: dict[str, Any]) -> None:
        m.pop("sizes")
        m.pop("size")
        m["members"][name] = sha

    crafted = craft(good, "bomb.zip", replace={name: bomb}, manifest=legacy, restamp=False)
    assert crafted.stat().st_size * 4 < len(bomb)
    assert_refused(capsys, book, crafted, "bomb.zip would unpack to", "more than 4 times")


def test_a_backup_that_is_not_a_regular_file_is_refused_at_once(
    shop, capsys, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    book, _good = shop
    folder = tmp_path / "crafted" / "folder.zip"
    folder.mkdir()
    assert_refused(capsys, book, folder, "folder.zip")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "crafted" / "fifo.zip"
        os.mkfifo(fifo)
        assert_refused(capsys, book, fifo, "fifo.zip")  # refused, never waited on


def test_a_backup_damaged_while_a_document_is_unpacked_leaves_the_book(
    shop, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """``verified=True`` (the window checked it first): a document whose bytes no longer match
    is caught as it is unpacked, and the book is not replaced."""
    book, good = shop
    members = contents(good)
    [name] = [n for n in members if n.startswith("documents/")]
    crafted = good.with_name("swapped.zip")
    with zipfile.ZipFile(crafted, "w") as zf:
        for member, payload in members.items():
            zf.writestr(
                zipfile.ZipInfo(member, (1980, 1, 1, 0, 0, 0)),
                payload[:-1] + b"!" if member == name else payload,
                zipfile.ZIP_DEFLATED,
            )
    stored = book.parent / "book.documents" / "objects" / name.split("/")[-2] / name.split("/")[-1]
    stored.chmod(0o600)
    stored.unlink()  # lost from the store: the restore has to unpack it
    before = snapshot(book)
    db.open_database(book)
    try:
        with pytest.raises(backup.UserError) as caught:
            backup.restore(crafted, verified=True, safety=False)
        assert "does not match its fingerprint" in caught.value.render()
    finally:
        db.close()
    assert snapshot(book) == before  # the partial copy in the store's tmp/ is gone too


def test_a_postgresql_book_is_told_to_use_the_servers_tools(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """issue #11 §9: said plainly, for backup, backups and restore (no connection needed)."""
    import cli
    import main

    server = db.Database("postgresql+psycopg://encaisse@127.0.0.1:9/encaisse")
    assert server.path is None
    monkeypatch.setattr(cli.app, "open_book", lambda _target: setattr(db, "_current", server))
    expected = (
        "error: PostgreSQL books are backed up with the server's own tools (pg_dump); "
        "Encaisse backs up SQLite books"
    )
    for args in (
        ["backup"],
        ["backup", "--out", "x.zip"],
        ["backups"],
        ["restore", "x.zip", "--yes"],
        ["restore", "x.zip"],
    ):
        capsys_out = _run_main(
            main, ["--db", "postgresql+psycopg://encaisse@127.0.0.1:9/encaisse", *args]
        )
        assert capsys_out == (1, expected), args
    server.dispose()


def _run_main(main: Any, argv: list[str]) -> tuple[int, str]:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main.main(argv)
    return code, err.getvalue().strip()


# -- what a good restore does --------------------------------------------------------------------
def test_newer_documents_go_to_the_trash_and_check_passes(shop, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue #11: after restoring an older backup, the documents attached since are moved to
    the store's trash (kept TRASH_DAYS days), not left as orphans: ``check`` exits 0."""
    book, good = shop
    run = run_cli(
        capsys,
        book,
        "attach",
        "--client",
        "ACME",
        "--kind",
        "contract",
        str(make_pdf(tmp_path / "contract.pdf", text="contract signed later")),
    )
    assert run.code == 0, run.err
    newer = run.out.split("sha256 ")[1].split(")")[0]
    store = Store(book.parent / "book.documents")
    assert newer in store.digests_on_disk()
    run = run_cli(capsys, book, "restore", str(good), "--yes")
    assert run.code == 0 and "restored" in run.out, run.err
    assert newer not in store.digests_on_disk()
    [trashed] = (store.root / "trash").glob(f"*/{newer}")
    assert trashed.parent.name == f"{TODAY:%Y%m%d}"
    assert hashlib.sha256(trashed.read_bytes()).hexdigest() == newer  # kept whole
    run = run_cli(capsys, book, "check")
    assert run.code == 0, run.out
    # kept TRASH_DAYS days, then purged by the next backup into the backup folder
    clock.freeze(TODAY + dt.timedelta(days=documents.TRASH_DAYS))
    assert run_cli(capsys, book, "backup").code == 0
    assert trashed.exists()
    clock.freeze(TODAY + dt.timedelta(days=documents.TRASH_DAYS + 1))
    assert run_cli(capsys, book, "backup").code == 0
    assert not trashed.exists() and not trashed.parent.exists()
    assert run_cli(capsys, book, "check").code == 0


def test_an_older_schema_is_migrated_on_the_copy(shop, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A backup of a book at the first schema: checked, migrated on the copy beside the book
    (the live book is never migrated in place), then put in its place."""
    book, _good = shop
    old_book = tmp_path / "old" / "book.db"
    first_schema_book(old_book)
    db.open_database(old_book, migrate=False)
    try:
        made = backup.create(tmp_path / "crafted" / "old-schema.zip")
    finally:
        db.close()
    assert made.schema == "0001"
    run = run_cli(capsys, book, "restore", str(made.path), "--yes")
    assert run.code == 0, run.err
    con = sqlite3.connect(book)
    try:
        assert con.execute("SELECT code FROM clients").fetchall() == [("OLD",)]
        head = db.Database(db.database_url(book)).head_revision()
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    finally:
        con.close()
    assert not list(book.parent.glob("*.before-upgrade-*")), "the live book was never migrated"
    assert run_cli(capsys, book, "check").code == 0


# -- SIGKILL of restore --yes ---------------------------------------------------------------------
KILLS = 10
MAX_ROUNDS = 30
SEED = int(os.environ.get("ENCAISSE_KILL_SEED", "20260316"))


def _env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ENCAISSE_DB", None)
    env.pop("ENCAISSE_DOCUMENTS", None)
    return env


def _cli(book: Path, *args: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "--db", str(book), *args]


def _state(book: Path) -> tuple[int, str]:
    """(invoices, SHA-256 of ``invoices --json``) of the book, through the application."""
    run = subprocess.run(
        _cli(book, "invoices", "--json", "--date", "2026-03-15"),
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, f"the book does not open: {run.stderr}"
    payload = json.loads(run.stdout)
    return len(payload["invoices"]), hashlib.sha256(run.stdout.encode()).hexdigest()


def _copy_tree(source: Path, target: Path) -> None:
    import shutil

    if target.exists():
        for path in target.rglob("*"):
            if path.is_file():
                path.chmod(0o600)
        shutil.rmtree(target)
    shutil.copytree(source, target)


@pytest.mark.slow
@pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="SIGKILL does not exist on this system (Windows)"
)
def test_restore_killed_at_random_moments_leaves_the_old_book_or_the_restored_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue #11: ``restore --yes`` killed with SIGKILL at random moments (at least KILLS kills
    of a running restore); after each kill the book opens, and ``invoices --json`` is exactly
    the old book's or exactly the restored backup's, never a mixture."""
    template = tmp_path / "template"
    template.mkdir()
    book = template / "book.db"
    clients_csv = tmp_path / "clients.csv"
    clients_csv.write_text("code,name\nACME,Acme\nBOUL,Boulangerie\n", encoding="utf-8")

    def invoices_csv(prefix: str, count: int) -> Path:
        path = tmp_path / f"{prefix}.csv"
        path.write_text(
            "number,client,issue_date,total\n"
            + "".join(
                f"{prefix}-{i:05d},{('ACME', 'BOUL')[i % 2]},"
                f"2026-01-{1 + i % 28:02d},{100 + i % 97}.50\n"
                for i in range(count)
            ),
            encoding="utf-8",
        )
        return path

    for args in (
        ["import", "clients", str(clients_csv)],
        ["import", "invoices", str(invoices_csv("A", 1500))],
    ):
        assert (
            subprocess.run(
                _cli(book, *args), cwd=ROOT, env=_env(), capture_output=True, timeout=120
            ).returncode
            == 0
        )
    saved = tmp_path / "saved.zip"
    assert (
        subprocess.run(
            _cli(book, "backup", "--out", str(saved)),
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            timeout=120,
        ).returncode
        == 0
    )
    assert (
        subprocess.run(
            _cli(book, "import", "invoices", str(invoices_csv("B", 700))),
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            timeout=120,
        ).returncode
        == 0
    )
    old_state = _state(book)
    restored_state = (1500, "")
    assert old_state[0] == 2200

    # one restore to its end: its duration, and the restored book's state
    work = tmp_path / "work"
    _copy_tree(template, work)
    started = time.monotonic()
    done = subprocess.run(
        _cli(work / "book.db", "restore", str(saved), "--yes"),
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    restored_state = _state(work / "book.db")
    assert restored_state[0] == 1500 and restored_state != old_state

    rng = random.Random(SEED)
    kills = 0
    seen: dict[str, int] = {"old": 0, "restored": 0, "finished": 0}
    rounds = 0
    while kills < KILLS and rounds < MAX_ROUNDS:
        rounds += 1
        _copy_tree(template, work)
        delay = rng.uniform(0.45 * duration, 1.05 * duration)  # past most of the start-up
        proc = subprocess.Popen(
            _cli(work / "book.db", "restore", str(saved), "--yes"),
            cwd=ROOT,
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        began = time.monotonic()
        try:
            proc.wait(timeout=delay)
            # it ended before its kill: the first restore was measured slower than restores
            # run now (a loaded machine); aim the next kills at this pace
            duration = min(duration, time.monotonic() - began)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
        code = proc.wait(timeout=120)
        killed = code == -signal.SIGKILL
        kills += killed
        con = sqlite3.connect(work / "book.db")
        try:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            con.close()
        state = _state(work / "book.db")
        assert state in (old_state, restored_state), (
            f"round {rounds}: killed after {delay:.2f} s, the book is neither the old one"
            " nor the restored one"
        )
        seen["finished" if not killed else "old" if state == old_state else "restored"] += 1
        if not killed:
            assert code == 0 and state == restored_state
    assert kills >= KILLS, f"only {kills} kills of a running restore in {rounds} rounds: {seen}"
    with capsys.disabled():
        print(
            f"\nrestore kill test: {kills} kills ({seen['old']} left the old book, "
            f"{seen['restored']} the restored one; {seen['finished']} restores ended first), "
            f"restore of {duration:.1f} s, seed {SEED}"
        )
