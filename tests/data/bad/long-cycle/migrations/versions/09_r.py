"""rev 9

Revision ID: 0000000009
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000009'
down_revision = '0000000008'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
