"""rev 29

Revision ID: 0000000029
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000029'
down_revision = '0000000028'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
