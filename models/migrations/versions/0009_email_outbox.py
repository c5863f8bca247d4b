"""e-mail channel: the send queue, and the Message-ID of a step done by e-mail

Issue #13, point 10: an e-mail made for a dunning step whose channel is e-mail waits in
``email_outbox`` until it is sent (the queue is in the book: it survives a restart); once
sent, the row stays with its Message-ID, and the step's ``dunning_records`` rows carry that
Message-ID in ``message_id`` (``tracking_number``, String(50), is a registered letter's number
and too short for a Message-ID).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('email_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('offset_days', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('with_penalties', sa.Boolean(), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('invoice_ids', sa.Text(), nullable=False),
    sa.Column('recipient', sa.String(length=200), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('message_id', sa.String(length=255), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('eml', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("status IN ('queued','sent')", name=op.f('ck_email_outbox_status')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_email_outbox_client_id_clients'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_email_outbox'))
    )
    op.create_index('ix_email_outbox_status', 'email_outbox', ['status'], unique=False)
    # plain ALTER TABLE … ADD COLUMN on both engines (no batch: see 0008)
    op.add_column(
        'dunning_records',
        sa.Column('message_id', sa.String(length=255), nullable=False, server_default=''),
    )


def downgrade() -> None:
    with op.batch_alter_table('dunning_records') as batch:
        batch.drop_column('message_id')
    op.drop_index('ix_email_outbox_status', table_name='email_outbox')
    op.drop_table('email_outbox')
