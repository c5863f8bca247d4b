"""legal status: what the letters and the claim summary need to say the law right

Issue #13 (shared/domain.md §2.6.1, §4.6.1, §3.7, §2.7):
- clients: ``legal_form`` (a code of the §4.6.1 table: SAS, SARL, SCI, SELARL,
  association, EI…; empty = not known), ``registered_as`` for a sole trader
  (``commercant`` on the RCS, ``artisan`` on the RNE/RM; empty = neither or not known),
  ``acts_professionally`` for a non-profit that buys for an economic activity (then
  L441-10 applies to it, not the legal interest of C. civ. 1231-6);
- company: what identifies the creditor on every letter and claim (art. 57 CPC, company
  law): share capital, register (RCS / RNE-RM) with its city and number, the signatory's
  name and title. (The consumer mediator is a setting already: letters.mediator.)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

def _client_columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column('legal_form', sa.String(20), nullable=False, server_default=''),
        sa.Column('registered_as', sa.String(10), nullable=False, server_default=''),
        sa.Column('acts_professionally', sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def _company_columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column('share_capital', sa.String(40), nullable=False, server_default=''),
        sa.Column('register_kind', sa.String(10), nullable=False, server_default=''),
        sa.Column('register_city', sa.String(100), nullable=False, server_default=''),
        sa.Column('register_number', sa.String(40), nullable=False, server_default=''),
        sa.Column('signatory_name', sa.String(200), nullable=False, server_default=''),
        sa.Column('signatory_title', sa.String(100), nullable=False, server_default=''),
    )


def upgrade() -> None:
    # plain ALTER TABLE … ADD COLUMN on both engines: a batch would copy the table on SQLite
    # and rewrite its constraints in an order that varies from run to run
    for column in _client_columns():
        op.add_column('clients', column)
    for column in _company_columns():
        op.add_column('company', column)


def downgrade() -> None:
    with op.batch_alter_table('company') as batch:
        for column in reversed(_company_columns()):
            batch.drop_column(column.name)
    with op.batch_alter_table('clients') as batch:
        for column in reversed(_client_columns()):
            batch.drop_column(column.name)
