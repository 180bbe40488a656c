"""one

Revision ID: 2b00000002
"""
from alembic import op
import sqlalchemy as sa

revision = '2b00000002'
down_revision = '1a00000001'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
