"""drop column no copy from

Revision ID: 00000000b02c
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b02c'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('account') as batch_op:
        batch_op.drop_column('notes')


def downgrade():
    pass
