"""copy from types

Revision ID: 00000000b01e
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b01e'
down_revision = None
branch_labels = None
depends_on = None

t = sa.Table(
    'typed',
    sa.MetaData(),
    sa.Column('id', sa.BigInteger(), sa.Identity(), primary_key=True),
    sa.Column('flag', sa.Boolean(), server_default=sa.text('1'), nullable=False),
    sa.Column('kind', sa.Enum('a', 'bb', 'ccc', name='kind_enum'), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=True),
    sa.Column('u', sa.Uuid(), nullable=True),
    sa.Column('f', sa.Float(), nullable=True),
    sa.Column('blob', sa.LargeBinary(), nullable=True),
    sa.Column('other_id', sa.Integer(), sa.ForeignKey('other.id', ondelete='CASCADE'), nullable=True),
    sa.UniqueConstraint('kind', 'at'),
)


def upgrade():
    with op.batch_alter_table('typed', copy_from=t) as batch_op:
        batch_op.alter_column('f', nullable=False)


def downgrade():
    pass
