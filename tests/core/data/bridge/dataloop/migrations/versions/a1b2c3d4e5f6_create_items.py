"""create items

Revision ID: a1b2c3d4e5f6
Revises:
Create Date: 2026-11-23 10:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "a1b2c3d4e5f6"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    items = op.create_table(
        "items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("slug", sa.String(length=50), nullable=True),
    )
    op.bulk_insert(
        items,
        [
            {"id": 1, "name": "Green Tea"},
            {"id": 2, "name": "Black Coffee"},
            {"id": 3, "name": "Hot Chocolate"},
        ],
    )


def downgrade():
    op.drop_table("items")
