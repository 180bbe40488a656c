"""quoting names"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "Order",
        sa.Column("ID", sa.Integer(), primary_key=True),
        sa.Column("group", sa.String(10)),
        sa.Column("straße", sa.String(10)),
        sa.Column("1st", sa.Integer()),
        sa.Column("key", sa.Integer()),
        sa.UniqueConstraint("group", name="Uq_Group"),
    )
    op.create_index("ix_Order_group", "Order", ["group", "key"])
    op.rename_table("Order", "order")


def downgrade():
    op.drop_index("ix_Order_group", table_name="Order")
    op.drop_table("order")
