"""index ops no copy from

Revision ID: 00000000b04d
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b04d'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('account') as batch_op:
        batch_op.create_index(batch_op.f('ix_account_parent_id'), ['parent_id', 'name'], unique=True)
        batch_op.drop_index('ix_account_score')


def downgrade():
    pass
