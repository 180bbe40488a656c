"""rev 19

Revision ID: 0000000019
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000019'
down_revision = '0000000018'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
