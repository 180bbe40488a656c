"""quoted names

Revision ID: 00000000b050
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b050'
down_revision = None
branch_labels = None
depends_on = None

order = sa.Table(
    'order',
    sa.MetaData(),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('select', sa.String(10), nullable=True),
    sa.Column('CamelCase', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.Index('ix_order_select', 'select'),
)


def upgrade():
    with op.batch_alter_table('order', copy_from=order) as batch_op:
        batch_op.alter_column('select', new_column_name='group', nullable=False)
        batch_op.add_column(sa.Column('From', sa.Integer(), nullable=True))


def downgrade():
    pass
