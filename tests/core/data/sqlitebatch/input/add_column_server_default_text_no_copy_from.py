"""add column server default text no copy from

Revision ID: 00000000b00c
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b00c'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('account') as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=10), server_default=sa.text("'n/a'"), nullable=False))


def downgrade():
    pass
