# SPDX-License-Identifier: GPL-3.0-or-later
"""track order status changes

Needs the orders table of the shop branch, hence depends_on.

Revision ID: 35cdf5e0e560
Revises: 42468521ca40
Create Date: 2024-03-06 11:18:09.554120

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '35cdf5e0e560'
down_revision = '42468521ca40'
branch_labels = None
depends_on = '69e8a4e93b9f'


def upgrade():
    op.create_table(
        'order_status_history',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('old_status', sa.String(length=16), nullable=True),
        sa.Column('new_status', sa.String(length=16), nullable=False),
        sa.Column('changed_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name='fk_order_status_history_order_id_orders',
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_order_status_history'),
    )
    op.create_index(op.f('ix_order_status_history_order_id'), 'order_status_history', ['order_id'])


def downgrade():
    # The index goes with its table: MySQL/MariaDB refuse to drop it on its own while
    # fk_order_status_history_order_id_orders needs it (error 1553).
    op.drop_table('order_status_history')
