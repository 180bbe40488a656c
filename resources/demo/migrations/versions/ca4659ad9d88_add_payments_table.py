# SPDX-License-Identifier: GPL-3.0-or-later
"""add payments table

Starts the billing side of the shop: everything about money hangs off this revision.

Revision ID: ca4659ad9d88
Revises: 69e8a4e93b9f
Create Date: 2024-02-19 14:22:08.935176

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ca4659ad9d88'
down_revision = '69e8a4e93b9f'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'payments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('amount', sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column('currency', sa.String(length=3), server_default='EUR', nullable=False),
        sa.Column('method', sa.String(length=20), nullable=False),
        sa.Column('paid_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name='fk_payments_order_id_orders'),
        sa.PrimaryKeyConstraint('id', name='pk_payments'),
        sa.CheckConstraint('amount > 0', name='ck_payments_amount_positive'),
    )
    op.create_index('ix_payments_order_id', 'payments', ['order_id'])


def downgrade():
    # The index goes with its table. Dropping it first would fail on MySQL/MariaDB, where
    # fk_payments_order_id_orders needs an index on order_id (error 1553).
    op.drop_table('payments')
