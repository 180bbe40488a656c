"""rename and comments"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table("account", "accounts")
    op.rename_table("user", "Users")
    op.create_table_comment("accounts", "it's a table")
    op.drop_table_comment("accounts", existing_comment="x")


def downgrade():
    op.rename_table("accounts", "account")
