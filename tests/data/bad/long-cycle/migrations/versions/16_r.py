"""rev 16

Revision ID: 0000000016
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000016'
down_revision = '0000000015'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
