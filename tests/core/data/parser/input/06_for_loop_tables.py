"""timestamps on every table

Revision ID: 6e1f2a3b4c5d
Revises: 5d0e1f2a3b4c
Create Date: 2024-03-06 16:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '6e1f2a3b4c5d'
down_revision = '5d0e1f2a3b4c'
branch_labels = None
depends_on = None

TABLES = ("account", "order", "currency")


def upgrade():
    for name in ("account", "order"):
        op.add_column(name, sa.Column("updated_at", sa.DateTime(), nullable=True))
        op.create_index(op.f(f"ix_{name}_updated_at"), name, ["updated_at"])
    for table_name, column_name in [("currency", "added"), ("account", "created_at")]:
        op.alter_column(table_name, column_name, nullable=True)
    else:
        pass


def downgrade():
    for name in reversed(TABLES[:2]):
        op.drop_index(op.f("ix_%s_updated_at" % name), table_name=name)
        op.drop_column(name, "updated_at")
