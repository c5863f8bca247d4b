"""open invoices index: a partial covering index over the invoices still to be paid

The start-up alerts and the day's dunning actions read every open invoice; on a
book of 200,000 invoices a scan through the issue-date index takes 300 ms, this
index (only open invoices, every column those reads need) a fraction of it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        'ix_invoices_open', 'invoices',
        ['client_id', 'due_date', 'currency', 'total', 'allocated', 'disputed', 'issue_date'],
        sqlite_where=sa.text("kind = 'invoice' AND total > allocated"),
        postgresql_where=sa.text("kind = 'invoice' AND total > allocated"),
    )


def downgrade() -> None:
    op.drop_index('ix_invoices_open', table_name='invoices')
