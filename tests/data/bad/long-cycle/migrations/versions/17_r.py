"""rev 17

Revision ID: 0000000017
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000017'
down_revision = '0000000016'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
