"""invoice numbers unique without regard to case: a unique index on lower(number)

'f2025-0001' and 'F2025-0001' are one number (issue #11), as client codes already were
for the services. The index also serves the services' case-insensitive look-up, which
would otherwise scan the invoices table.

A book may already hold two numbers that differ only in case (entered before this
check): the migration must not fail on it. Such a book gets the same index without
uniqueness (the services still refuse any new duplicate) and the log names the numbers,
so that the owner can renumber one of them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)


def upgrade() -> None:
    duplicates = op.get_bind().execute(sa.text(
        "SELECT group_concat(number, ', ') FROM invoices GROUP BY lower(number) "
        "HAVING count(*) > 1 ORDER BY lower(number)"
        if op.get_bind().dialect.name == "sqlite" else
        "SELECT string_agg(number, ', ') FROM invoices GROUP BY lower(number) "
        "HAVING count(*) > 1 ORDER BY lower(number)"
    )).scalars().all()
    if duplicates:
        log.warning("invoice numbers that differ only in case (left as they are; renumber one "
                    "of each so that they can be told apart): %s", "; ".join(duplicates))
    op.create_index('ix_invoices_number_lower', 'invoices', [sa.text('lower(number)')],
                    unique=not duplicates)


def downgrade() -> None:
    op.drop_index('ix_invoices_number_lower', table_name='invoices')
