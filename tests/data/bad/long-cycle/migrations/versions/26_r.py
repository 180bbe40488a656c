"""rev 26

Revision ID: 0000000026
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000026'
down_revision = '0000000025'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
