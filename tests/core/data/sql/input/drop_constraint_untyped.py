"""drop constraint without type"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint("uq_a_email", "account")


def downgrade():
    pass
