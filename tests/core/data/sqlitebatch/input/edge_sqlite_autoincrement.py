"""edge sqlite autoincrement

Revision ID: 00000000b046
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b046'
down_revision = None
branch_labels = None
depends_on = None

t = sa.Table(
    'auto',
    sa.MetaData(),
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('v', sa.String(10), nullable=True),
    sqlite_autoincrement=True,
)


def upgrade():
    with op.batch_alter_table('auto', copy_from=t) as batch_op:
        batch_op.alter_column('v', nullable=False)


def downgrade():
    pass
