"""autocommit block"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE mood ADD VALUE 'ok'")
    op.execute("SELECT 1")


def downgrade():
    pass
