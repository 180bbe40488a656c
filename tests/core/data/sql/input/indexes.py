"""indexes"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_account_name", "account", ["name"])
    op.create_index(op.f("ix_account_name_email"), "account", ["name", "email"], unique=True)
    op.create_index("ix_lower", "account", [sa.text("lower(name)")])
    op.create_index("ix_pg", "account", ["name"], postgresql_using="gin", postgresql_where=sa.text("active"), postgresql_concurrently=True)
    op.create_index("ix_len", "account", ["name"], mysql_length=10)
    op.create_index("Ix_Mixed", "account", ["Order"])


def downgrade():
    op.drop_index("Ix_Mixed", table_name="account")
    op.drop_index("ix_len", table_name="account")
    op.drop_index("ix_pg", table_name="account", postgresql_concurrently=True)
    op.drop_index("ix_lower", table_name="account")
    op.drop_index(op.f("ix_account_name_email"), table_name="account")
    op.drop_index("ix_account_name")
