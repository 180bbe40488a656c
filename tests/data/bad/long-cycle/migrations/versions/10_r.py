"""rev 10

Revision ID: 0000000010
"""
from alembic import op
import sqlalchemy as sa

revision = '0000000010'
down_revision = '0000000009'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
