"""lookup tables

Revision ID: d4e5f6a7b8c9
Revises:
Create Date: 2026-11-23 10:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "d4e5f6a7b8c9"
down_revision = None
branch_labels = None
depends_on = None

# The table names come from the application: only Python can read them.
from lookups import LOOKUP_TABLES


def upgrade():
    for name in LOOKUP_TABLES:
        op.create_table(
            name,
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("label", sa.String(length=40), nullable=False),
        )


def downgrade():
    for name in reversed(LOOKUP_TABLES):
        op.drop_table(name)
