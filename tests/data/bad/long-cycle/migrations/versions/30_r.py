"""rev 30

Revision ID: 0000000030
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000030'
down_revision = '0000000029'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
