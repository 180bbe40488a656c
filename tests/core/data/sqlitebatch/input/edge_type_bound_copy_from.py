"""edge type bound copy from

Revision ID: 00000000b049
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b049'
down_revision = None
branch_labels = None
depends_on = None

t = sa.Table(
    'tb',
    sa.MetaData(),
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('flag', sa.Boolean(create_constraint=True, name='ck_tb_flag'), nullable=True),
    sa.Column('kind', sa.Enum('x', 'y', create_constraint=True), nullable=True),
    sa.Column('v', sa.Integer(), nullable=True),
    sa.CheckConstraint('v > 0', name='ck_tb_v'),
    sa.UniqueConstraint('v'),
)


def upgrade():
    with op.batch_alter_table('tb', copy_from=t) as batch_op:
        batch_op.drop_column('v')


def downgrade():
    pass
