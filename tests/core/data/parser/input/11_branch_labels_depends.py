"""start the reporting branch

Revision ID: 1d6e7f8a9b0c
Revises:
Create Date: 2024-03-10 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "1d6e7f8a9b0c"
down_revision = None
branch_labels = ("reporting",)
depends_on = ["1975ea83b712"]


def upgrade():
    op.create_table(
        "report",
        sa.Column("id", sa.Integer(), sa.Identity(start=1, cycle=False), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="SET NULL")),
        sa.Column("body", sa.Text(), nullable=False, server_default=""),
        sa.Column("size", sa.Integer(), sa.Computed("length(body)", persisted=True)),
        schema="reports",
    )
    op.create_table_comment("report", "Generated reports", schema="reports")


def downgrade():
    op.drop_table_comment("report", existing_comment="Generated reports", schema="reports")
    op.drop_table("report", schema="reports")
