"""head

Revision ID: 0000000031
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000031'
down_revision = '0000000000'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
