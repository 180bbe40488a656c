"""rev 15

Revision ID: 0000000015
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000015'
down_revision = '0000000014'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
