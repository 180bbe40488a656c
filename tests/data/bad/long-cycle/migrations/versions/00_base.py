"""base

Revision ID: 0000000000
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000000'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
