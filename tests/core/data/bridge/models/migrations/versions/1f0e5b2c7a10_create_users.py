"""create users

Revision ID: 1f0e5b2c7a10
Revises:
Create Date: 2026-11-23 10:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "1f0e5b2c7a10"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("users")
