"""rev 3

Revision ID: 0000000003
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000003'
down_revision = '0000000002'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
