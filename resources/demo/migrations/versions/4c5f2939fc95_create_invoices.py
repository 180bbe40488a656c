# SPDX-License-Identifier: GPL-3.0-or-later
"""create invoices

Revision ID: 4c5f2939fc95
Revises: ca4659ad9d88
Create Date: 2024-03-01 10:51:37.402291

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4c5f2939fc95'
down_revision = 'ca4659ad9d88'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'invoices',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('number', sa.String(length=20), nullable=False, unique=True),
        sa.Column('order_id', sa.Integer(), sa.ForeignKey('orders.id', name='fk_invoices_order_id_orders'),
                  nullable=False),
        sa.Column('issued_on', sa.Date(), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('total', sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column('tax_rate', sa.Numeric(precision=5, scale=4), server_default='0.2000', nullable=False),
        sa.CheckConstraint('due_on >= issued_on', name='ck_invoices_due_after_issue'),
    )
    op.add_column('payments', sa.Column('invoice_id', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('payments') as batch_op:
        batch_op.drop_column('invoice_id')
    op.drop_table('invoices')
