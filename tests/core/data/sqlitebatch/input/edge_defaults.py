"""edge defaults

Revision ID: 00000000b03a
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b03a'
down_revision = None
branch_labels = None
depends_on = None

t = sa.Table(
    'ev',
    sa.MetaData(),
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('at', sa.DateTime(), nullable=True),
    sa.Column('n', sa.Integer(), nullable=True),
    sa.Column('s', sa.String(10), server_default='x', nullable=True),
    sa.Column('total', sa.Integer(), sa.Computed('n * 2')),
)


def upgrade():
    with op.batch_alter_table('ev', copy_from=t) as batch_op:
        batch_op.alter_column('at', server_default=sa.text('CURRENT_TIMESTAMP'))
        batch_op.alter_column('n', server_default=sa.text('1 + 1'), nullable=False)
        batch_op.alter_column('s', server_default=sa.text("'y'"))


def downgrade():
    pass
