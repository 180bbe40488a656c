"""rev 13

Revision ID: 0000000013
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000013'
down_revision = '0000000012'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
