"""rev 6

Revision ID: 0000000006
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000006'
down_revision = '0000000005'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
