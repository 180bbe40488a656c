"""rev 22

Revision ID: 0000000022
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000022'
down_revision = '0000000021'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
