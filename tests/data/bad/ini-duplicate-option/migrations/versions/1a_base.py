"""base

Revision ID: 1a00000001
"""
from alembic import op
import sqlalchemy as sa

revision = '1a00000001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
