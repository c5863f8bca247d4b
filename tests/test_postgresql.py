"""PostgreSQL books (issue #11 point 9): what is specific to a book that is not a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.proof import documents


def test_books_that_are_not_files_each_get_their_own_documents_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("ENCAISSE_DOCUMENTS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    shop = documents.store_root_for(None, url="postgresql+psycopg://me:s3cret@db.example:5432/shop")
    other = documents.store_root_for(
        None, url="postgresql+psycopg://me:s3cret@db.example:5432/other"
    )
    again = documents.store_root_for(
        None, url="postgresql+psycopg://me:changed@db.example:5432/shop"
    )
    assert shop != other
    assert shop == again  # the password is not part of the book's identity
    assert "s3cret" not in str(shop) and "changed" not in str(again)
    assert shop.parent == tmp_path / "Encaisse" / "documents"
    assert shop.name.startswith("postgresql-db.example-5432-shop-")
    # a file book keeps its folder beside it
    assert documents.store_root_for(tmp_path / "a.db") == tmp_path / "a.documents"


def test_the_demo_book_reads_the_same_on_both_engines(
    tmp_path: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same demo book built on SQLite and on PostgreSQL gives the same invoices,
    clients, alerts and actions, to the byte (issue #11 point 9)."""
    from tests.engines import NO_SERVER, drop_pg_database, new_pg_database, server_url
    from tests.helpers_cli import run_cli

    server = server_url(request.config)
    if server is None:
        pytest.skip(NO_SERVER)
    url, name = new_pg_database(server)
    try:
        outputs = {}
        for engine, target in (("sqlite", str(tmp_path / "demo.db")), ("postgresql", url)):
            assert run_cli(capsys, target, "demo", "--date", "2026-06-30").code == 0
            outputs[engine] = [
                run_cli(capsys, target, command, "--json", "--date", "2026-06-30").out
                for command in ("invoices", "clients", "alerts", "actions")
            ]
        assert outputs["sqlite"] == outputs["postgresql"]
        assert '"F' in outputs["postgresql"][0]  # the demo's invoices are really there
    finally:
        from services.core import db

        db.close()
        drop_pg_database(server, name)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://bob:hunter2@127.0.0.1:1/x?sslmode=bogus",  # the driver refuses it
        "mysql://bob:hunter2@127.0.0.1/x",  # no driver for it
    ],
)
def test_a_url_that_cannot_be_opened_never_shows_its_password(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers_cli import run_cli

    run = run_cli(capsys, url, "invoices")
    assert run.code == 1
    assert "hunter2" not in run.err + run.out
    assert "bob:***@127.0.0.1" in run.err and "cannot be opened" in run.err
