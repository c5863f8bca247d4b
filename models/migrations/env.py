"""Alembic environment, driven programmatically by services.core.db (no alembic.ini)."""

from __future__ import annotations

from alembic import context

from models import Base

config = context.config
connection = config.attributes["connection"]


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """The FTS5 search index (migration 0002) is not a model: leave it out of autogenerate."""
    return not (type_ == "table" and name and name.startswith("invoices_search"))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
