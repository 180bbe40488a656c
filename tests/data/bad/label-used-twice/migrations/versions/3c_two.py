"""two

Revision ID: 3c00000003
"""
from alembic import op
import sqlalchemy as sa

revision = '3c00000003'
down_revision = '1a00000001'
branch_labels = ('feature',)
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
