"""rev 21

Revision ID: 0000000021
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000021'
down_revision = '0000000020'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
