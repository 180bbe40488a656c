"""c

Revision ID: 3c00000003
"""
from alembic import op
import sqlalchemy as sa

revision = '3c00000003'
down_revision = '2b00000002'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
