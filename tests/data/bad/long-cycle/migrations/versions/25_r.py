"""rev 25

Revision ID: 0000000025
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000025'
down_revision = '0000000024'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
