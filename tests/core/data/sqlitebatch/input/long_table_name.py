"""long table name

Revision ID: 00000000b04e
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b04e'
down_revision = None
branch_labels = None
depends_on = None

t = sa.Table(
    'a_very_long_table_name_that_goes_beyond_fifty_characters_x',
    sa.MetaData(),
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('v', sa.Integer(), nullable=True),
)


def upgrade():
    with op.batch_alter_table('a_very_long_table_name_that_goes_beyond_fifty_characters_x', copy_from=t) as batch_op:
        batch_op.drop_column('v')


def downgrade():
    pass
