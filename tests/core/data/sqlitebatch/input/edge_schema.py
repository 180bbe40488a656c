"""edge schema

Revision ID: 00000000b044
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b044'
down_revision = None
branch_labels = None
depends_on = None

t = sa.Table(
    'thing',
    sa.MetaData(),
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('v', sa.String(10), nullable=True),
    sa.Index('ix_thing_v', 'v'),
    schema='aux',
)


def upgrade():
    with op.batch_alter_table('thing', schema='aux', copy_from=t) as batch_op:
        batch_op.alter_column('v', type_=sa.Integer())


def downgrade():
    pass
