"""rev 24

Revision ID: 0000000024
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000024'
down_revision = '0000000023'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
