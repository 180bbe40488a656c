"""edge partial reordering

Revision ID: 00000000b042
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b042'
down_revision = None
branch_labels = None
depends_on = None

item = sa.Table(
    'item',
    sa.MetaData(),
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('label', sa.String(length=20), nullable=True),
    sa.Column('qty', sa.SmallInteger(), nullable=False),
    sa.Column('price', sa.Numeric(10, 2), nullable=True),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.CheckConstraint('qty > 0'),
)


def upgrade():
    with op.batch_alter_table('item', copy_from=item, partial_reordering=[('qty', 'label', 'id')]) as batch_op:
        batch_op.alter_column('price', nullable=False)


def downgrade():
    pass
