"""dialect specific index

Revision ID: 5d0e1f2a3b4c
Revises: 4c9d0e1f2a3b
Create Date: 2024-03-05 14:22:10.000001

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '5d0e1f2a3b4c'
down_revision = '4c9d0e1f2a3b'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_context().dialect.name == "postgresql":
        op.create_index(
            "ix_order_status_partial",
            "order",
            ["status"],
            postgresql_where=sa.text("status <> 'shipped'"),
            postgresql_using="btree",
        )
        op.add_column("order", sa.Column("meta", postgresql.JSONB(astext_type=sa.Text()), nullable=True))
    elif op.get_bind().dialect.name in ("mysql", "mariadb"):
        op.create_index("ix_order_status", "order", ["status"], mysql_length={"status": 10})
        op.add_column("order", sa.Column("meta", sa.JSON(), nullable=True))
    else:
        op.create_index("ix_order_status", "order", ["status"])
        op.add_column("order", sa.Column("meta", sa.JSON(), nullable=True))


def downgrade():
    if op.get_context().dialect.name != "postgresql":
        op.drop_index("ix_order_status", table_name="order")
    else:
        op.drop_index("ix_order_status_partial", table_name="order")
    op.drop_column("order", "meta")
