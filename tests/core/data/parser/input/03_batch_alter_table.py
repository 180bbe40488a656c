"""make email unique (sqlite friendly)

Revision ID: 3b8c2d1e4f5a
Revises: ae1027a6acf4
Create Date: 2024-03-03 12:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "3b8c2d1e4f5a"
down_revision = "ae1027a6acf4"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(length=120), nullable=True))
        batch_op.alter_column("name",
               existing_type=sa.VARCHAR(length=50),
               type_=sa.String(length=100),
               existing_nullable=False)
        batch_op.create_unique_constraint("uq_account_email", ["email"])
        batch_op.create_index(batch_op.f("ix_account_email"), ["email"], unique=True)


def downgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_email"))
        batch_op.drop_constraint("uq_account_email", type_="unique")
        batch_op.alter_column("name",
               existing_type=sa.String(length=100),
               type_=sa.VARCHAR(length=50),
               existing_nullable=False)
        batch_op.drop_column("email")
