"""PostgreSQL books (issue #11 point 9): what is specific to a book that is not a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from services import documents


def test_books_that_are_not_files_each_get_their_own_documents_folder(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ENCAISSE_DOCUMENTS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    shop = documents.store_root_for(None, url="postgresql+psycopg://me:s3cret@db.example:5432/shop")
    other = documents.store_root_for(None, url="postgresql+psycopg://me:s3cret@db.example:5432/other")
    again = documents.store_root_for(None, url="postgresql+psycopg://me:changed@db.example:5432/shop")
    assert shop != other
    assert shop == again  # the password is not part of the book's identity
    assert "s3cret" not in str(shop) and "changed" not in str(again)
    assert shop.parent == tmp_path / "Encaisse" / "documents"
    assert shop.name.startswith("postgresql-db.example-5432-shop-")
    # a file book keeps its folder beside it
    assert documents.store_root_for(tmp_path / "a.db") == tmp_path / "a.documents"
