# SPDX-License-Identifier: GPL-3.0-or-later
"""add product categories

Seeds the category list and makes every product carry a SKU.

Revision ID: 679e969ce03d
Revises: c98ba20b48db
Create Date: 2024-03-04 17:09:55.218764

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "679e969ce03d"
down_revision = "c98ba20b48db"
branch_labels = None
depends_on = None

categories = sa.table(
    "categories",
    sa.column("id", sa.Integer),
    sa.column("slug", sa.String),
    sa.column("title", sa.String),
)

# The products table as the previous revisions left it. SQLite rebuilds the table
# for the batch below; with this copy it needs no live database to reflect from,
# so `alembic upgrade --sql` works for SQLite too.
products_before = sa.Table(
    "products",
    sa.MetaData(),
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("sku", sa.String(length=32), nullable=True),
    sa.Column("name", sa.String(length=200), nullable=False),
    sa.Column("description", sa.Text(), nullable=True),
    sa.Column("price", sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column("stock", sa.Integer(), server_default=sa.text("0"), nullable=False),
    sa.CheckConstraint("price >= 0", name="ck_products_price_positive"),
    sa.CheckConstraint("stock >= 0", name="ck_products_stock_positive"),
    sa.Index("ix_products_sku", "sku", unique=True),
    sa.Index("ix_products_name", "name"),
)


def upgrade():
    op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=50), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_categories"),
        sa.UniqueConstraint("slug", name="uq_categories_slug"),
    )
    op.bulk_insert(
        categories,
        [
            {"id": 1, "slug": "books", "title": "Books"},
            {"id": 2, "slug": "kitchen", "title": "Kitchen & Dining"},
            {"id": 3, "slug": "garden", "title": "Garden"},
            {"id": 4, "slug": "toys", "title": "Toys & Games"},
        ],
    )
    with op.batch_alter_table("products", copy_from=products_before) as batch_op:
        batch_op.add_column(sa.Column("category_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_products_category_id_categories", "categories", ["category_id"], ["id"])
        batch_op.alter_column("sku", existing_type=sa.String(length=32), nullable=False)


def downgrade():
    with op.batch_alter_table("products") as batch_op:
        batch_op.alter_column("sku", existing_type=sa.String(length=32), nullable=True)
        batch_op.drop_constraint("fk_products_category_id_categories", type_="foreignkey")
        batch_op.drop_column("category_id")
    op.drop_table("categories")
