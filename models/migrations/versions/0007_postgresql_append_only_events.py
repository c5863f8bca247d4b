"""append-only history on PostgreSQL: refuse UPDATE and DELETE on events

SQLite books have had these triggers since 0001; a PostgreSQL book had none, so its history
could be rewritten (issue #11: PostgreSQL tested for real). Nothing changes on SQLite.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger AS $$ "
        "BEGIN RAISE EXCEPTION 'events are append-only'; END; $$ LANGUAGE plpgsql"
    )
    op.execute(
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
        "FOR EACH ROW EXECUTE FUNCTION events_append_only()"
    )
    op.execute(
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "FOR EACH ROW EXECUTE FUNCTION events_append_only()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS events_no_update ON events")
    op.execute("DROP TRIGGER IF EXISTS events_no_delete ON events")
    op.execute("DROP FUNCTION IF EXISTS events_append_only()")
