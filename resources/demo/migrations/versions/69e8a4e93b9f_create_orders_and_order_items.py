# SPDX-License-Identifier: GPL-3.0-or-later
"""create orders and order_items

An order belongs to a user and has one line per product. Billing and
fulfilment grow from here on two separate branches.

Revision ID: 69e8a4e93b9f
Revises: 466dded3ff0f
Create Date: 2024-02-12 11:03:51.774019

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "69e8a4e93b9f"
down_revision: Union[str, None] = "466dded3ff0f"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", name="fk_orders_user_id_users"), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="pending", nullable=False),
        sa.Column("placed_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'paid', 'shipped', 'cancelled')", name="ck_orders_status_known"
        ),
    )
    op.create_index("ix_orders_user_id", "orders", ["user_id"])
    op.create_table(
        "order_items",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name="fk_order_items_order_id_orders", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name="fk_order_items_product_id_products"),
        sa.PrimaryKeyConstraint("order_id", "product_id", name="pk_order_items"),
        sa.CheckConstraint("quantity > 0", name="ck_order_items_quantity_positive"),
    )


def downgrade() -> None:
    op.drop_table("order_items")
    # No drop_index first: ix_orders_user_id goes with its table, and on MySQL/MariaDB the
    # foreign key on user_id needs that index, so dropping it alone is refused (error 1553).
    op.drop_table("orders")
