"""rev 5

Revision ID: 0000000005
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000005'
down_revision = '0000000004'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
