"""edge column index unique flags

Revision ID: 00000000b039
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b039'
down_revision = None
branch_labels = None
depends_on = None

t = sa.Table(
    'flags',
    sa.MetaData(),
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('a', sa.String(10), index=True),
    sa.Column('b', sa.String(10), unique=True, index=True),
    sa.Column('c', sa.Integer(), sa.ForeignKey('other.id', name='fk_flags_c'), unique=True),
    sa.Column('d', sa.Integer(), sa.ForeignKey('other.id')),
    sa.CheckConstraint('c > 0'),
)


def upgrade():
    with op.batch_alter_table('flags', copy_from=t) as batch_op:
        batch_op.alter_column('a', nullable=False)


def downgrade():
    pass
