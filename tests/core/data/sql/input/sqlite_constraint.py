"""sqlite constraint op"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint("uq_a_email", "account", ["email"])


def downgrade():
    op.drop_constraint("uq_a_email", "account", type_="unique")
