"""audit columns via helper

Revision ID: 7f2a3b4c5d6e
Revises: 6e1f2a3b4c5d
Create Date: 2024-03-07 09:45:00

"""
from alembic import op
import sqlalchemy as sa

revision = '7f2a3b4c5d6e'
down_revision = '6e1f2a3b4c5d'
branch_labels = None
depends_on = None


def _audit_columns(prefix="", *, nullable=True):
    return [
        sa.Column(prefix + "created_by", sa.String(40), nullable=nullable),
        sa.Column(prefix + "updated_by", sa.String(40), nullable=nullable),
    ]


def add_audit(table, **kw):
    """Add the audit columns to one table."""
    for column in _audit_columns(**kw):
        op.add_column(table, column)


def drop_audit(table, prefix=""):
    for suffix in ("created_by", "updated_by"):
        op.drop_column(table, prefix + suffix)


def upgrade():
    add_audit("account")
    add_audit("order", prefix="o_", nullable=False)


def downgrade():
    drop_audit("order", prefix="o_")
    drop_audit("account")
