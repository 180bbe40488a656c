"""several batch blocks

Revision ID: 0a5b6c7d8e9f
Revises: 9f4a5b6c7d8e
Create Date: 2024-03-19 20:20:20

"""
from alembic import op
import sqlalchemy as sa

revision = '0a5b6c7d8e9f'
down_revision = '9f4a5b6c7d8e'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('account') as account_op, op.batch_alter_table('order') as order_op:
        account_op.add_column(sa.Column('flags', sa.Integer(), nullable=False, server_default='0'))
        order_op.drop_column('meta')
    with (
        op.batch_alter_table('currency', table_args=(sa.CheckConstraint('rate > 0', name='ck_rate'),)) as b1,
        op.batch_alter_table('event_log') as b2,
    ):
        b1.create_check_constraint('ck_rate_max', 'rate < 1000000')
        b2.drop_column('note')


def downgrade():
    with op.batch_alter_table('event_log') as batch_op:
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=True))
    with op.batch_alter_table('currency') as batch_op:
        batch_op.drop_constraint('ck_rate_max', type_='check')
    with op.batch_alter_table('order') as batch_op:
        batch_op.add_column(sa.Column('meta', sa.JSON(), nullable=True))
    with op.batch_alter_table('account') as batch_op:
        batch_op.drop_column('flags')
