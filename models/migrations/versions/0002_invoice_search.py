"""invoice search: a trigram full-text index over invoices.search_key (SQLite FTS5)

Search-as-you-type over 200,000 invoices must answer in well under 100 ms,
including words that match only a few rows; a LIKE '%word%' scan cannot.
The index is an external-content FTS5 table kept in step by triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # other databases search with LIKE
    op.execute(
        "CREATE VIRTUAL TABLE invoices_search USING fts5("
        "search_key, content='invoices', content_rowid='id', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER invoices_search_ai AFTER INSERT ON invoices BEGIN "
        "INSERT INTO invoices_search(rowid, search_key) VALUES (new.id, new.search_key); END"
    )
    op.execute(
        "CREATE TRIGGER invoices_search_ad AFTER DELETE ON invoices BEGIN "
        "INSERT INTO invoices_search(invoices_search, rowid, search_key) "
        "VALUES ('delete', old.id, old.search_key); END"
    )
    op.execute(
        "CREATE TRIGGER invoices_search_au AFTER UPDATE OF search_key ON invoices BEGIN "
        "INSERT INTO invoices_search(invoices_search, rowid, search_key) "
        "VALUES ('delete', old.id, old.search_key); "
        "INSERT INTO invoices_search(rowid, search_key) VALUES (new.id, new.search_key); END"
    )
    op.execute("INSERT INTO invoices_search(invoices_search) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("invoices_search_ai", "invoices_search_ad", "invoices_search_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS invoices_search")
