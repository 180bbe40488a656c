"""rev 20

Revision ID: 0000000020
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000020'
down_revision = '0000000019'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
