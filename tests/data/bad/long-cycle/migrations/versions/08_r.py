"""rev 8

Revision ID: 0000000008
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000008'
down_revision = '0000000007'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
