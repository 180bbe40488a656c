"""y

Revision ID: 4d00000004
"""
from alembic import op
import sqlalchemy as sa

revision = '4d00000004'
down_revision = '3c00000003'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
