"""rev 18

Revision ID: 0000000018
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000018'
down_revision = '0000000017'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
