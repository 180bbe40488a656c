"""rev 7

Revision ID: 0000000007
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000007'
down_revision = '0000000006'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
