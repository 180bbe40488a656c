"""rev 2

Revision ID: 0000000002
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000002'
down_revision = '0000000001'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
