"""dunning: scenarios and steps, records of steps done, holds (postpone, promise,
hand-off), disputes, contact logs, payment plans, alert snoozes; clients gain a scenario,
a collective-procedure date and credit-insurance fields

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op



revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('alert_snoozes',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('until', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_alert_snoozes'))
    )
    op.create_table('dunning_scenarios',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('client_kind', sa.String(length=10), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dunning_scenarios')),
    sa.UniqueConstraint('client_kind', name=op.f('uq_dunning_scenarios_client_kind')),
    sa.UniqueConstraint('name', name=op.f('uq_dunning_scenarios_name'))
    )
    op.create_table('dunning_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scenario_id', sa.Integer(), nullable=False),
    sa.Column('offset_days', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('with_penalties', sa.Boolean(), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.CheckConstraint("action IN ('pre_reminder','reminder','phone_call','formal_notice','final_notice','agency','small_claims','injunction','moratorium_claim')", name=op.f('ck_dunning_steps_action')),
    sa.CheckConstraint("channel IN ('letter','email','phone','registered_letter')", name=op.f('ck_dunning_steps_channel')),
    sa.ForeignKeyConstraint(['scenario_id'], ['dunning_scenarios.id'], name=op.f('fk_dunning_steps_scenario_id_dunning_scenarios'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dunning_steps')),
    sa.UniqueConstraint('scenario_id', 'offset_days', name=op.f('uq_dunning_steps_scenario_id'))
    )
    op.create_table('payment_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('agreed_on', sa.Date(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('invoice_ids', sa.Text(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_payment_plans_client_id_clients'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_plans'))
    )
    op.create_table('contact_logs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=True),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('person', sa.String(length=200), nullable=False),
    sa.Column('outcome', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_contact_logs_client_id_clients'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_contact_logs_invoice_id_invoices'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_logs'))
    )
    with op.batch_alter_table('contact_logs', schema=None) as batch_op:
        batch_op.create_index('ix_contact_logs_client', ['client_id'], unique=False)

    op.create_table('disputes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.String(length=10), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("outcome IS NULL OR outcome IN ('resolved','rejected')", name=op.f('ck_disputes_outcome')),
    sa.CheckConstraint("reason IN ('not_received','price','quantity','quality','delivery','already_paid','other')", name=op.f('ck_disputes_reason')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_disputes_invoice_id_invoices'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disputes'))
    )
    with op.batch_alter_table('disputes', schema=None) as batch_op:
        batch_op.create_index('ix_disputes_invoice', ['invoice_id'], unique=False)

    op.create_table('dunning_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('offset_days', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('tracking_number', sa.String(length=50), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('done','skipped')", name=op.f('ck_dunning_records_status')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_dunning_records_client_id_clients'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_dunning_records_invoice_id_invoices'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dunning_records'))
    )
    with op.batch_alter_table('dunning_records', schema=None) as batch_op:
        batch_op.create_index('ix_dunning_records_invoice', ['invoice_id'], unique=False)

    op.create_table('invoice_holds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('since', sa.Date(), nullable=False),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('amount', sa.Integer(), nullable=True),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('postpone','promise','agency','legal')", name=op.f('ck_invoice_holds_kind')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_invoice_holds_client_id_clients'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_invoice_holds_invoice_id_invoices'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_holds'))
    )
    with op.batch_alter_table('invoice_holds', schema=None) as batch_op:
        batch_op.create_index('ix_invoice_holds_invoice', ['invoice_id'], unique=False)

    op.create_table('plan_instalments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_plan_instalments_amount_positive')),
    sa.ForeignKeyConstraint(['plan_id'], ['payment_plans.id'], name=op.f('fk_plan_instalments_plan_id_payment_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_instalments'))
    )
    # Added in place (ALTER TABLE ADD COLUMN): a batch copy of ``clients`` would have to
    # drop a table that invoices and payments still refer to.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE clients ADD COLUMN scenario_id INTEGER "
                   "REFERENCES dunning_scenarios (id) ON DELETE SET NULL")
    else:
        op.add_column('clients', sa.Column('scenario_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_clients_scenario_id_dunning_scenarios'), 'clients',
                              'dunning_scenarios', ['scenario_id'], ['id'], ondelete='SET NULL')
    op.add_column('clients', sa.Column('collective_procedure_on', sa.Date(), nullable=True))
    op.add_column('clients', sa.Column('insurer', sa.String(length=100), nullable=False,
                                       server_default=''))
    op.add_column('clients', sa.Column('insurance_days', sa.Integer(), nullable=True))


def downgrade() -> None:
    for column in ('insurance_days', 'insurer', 'collective_procedure_on'):
        op.drop_column('clients', column)
    if op.get_bind().dialect.name != "sqlite":  # SQLite cannot drop a column with a reference
        op.drop_constraint(op.f('fk_clients_scenario_id_dunning_scenarios'), 'clients', type_='foreignkey')
        op.drop_column('clients', 'scenario_id')

    op.drop_table('plan_instalments')
    with op.batch_alter_table('invoice_holds', schema=None) as batch_op:
        batch_op.drop_index('ix_invoice_holds_invoice')

    op.drop_table('invoice_holds')
    with op.batch_alter_table('dunning_records', schema=None) as batch_op:
        batch_op.drop_index('ix_dunning_records_invoice')

    op.drop_table('dunning_records')
    with op.batch_alter_table('disputes', schema=None) as batch_op:
        batch_op.drop_index('ix_disputes_invoice')

    op.drop_table('disputes')
    with op.batch_alter_table('contact_logs', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_logs_client')

    op.drop_table('contact_logs')
    op.drop_table('payment_plans')
    op.drop_table('dunning_steps')
    op.drop_table('dunning_scenarios')
    op.drop_table('alert_snoozes')
