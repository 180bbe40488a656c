"""constraints"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key("fk_a_b", "account", "bank", ["bank_id"], ["id"], ondelete="CASCADE", onupdate="RESTRICT")
    op.create_foreign_key(None, "account", "bank", ["bank_id", "x"], ["id", "y"], deferrable=True, initially="IMMEDIATE")
    op.create_unique_constraint("uq_a_email", "account", ["email"])
    op.create_check_constraint("ck_a_qty", "account", "qty > 0")
    op.create_primary_key("pk_account", "account", ["id"])


def downgrade():
    op.drop_constraint("pk_account", "account", type_="primary")
    op.drop_constraint("ck_a_qty", "account", type_="check")
    op.drop_constraint("uq_a_email", "account", type_="unique")
    op.drop_constraint("fk_a_b", "account", type_="foreignkey")
