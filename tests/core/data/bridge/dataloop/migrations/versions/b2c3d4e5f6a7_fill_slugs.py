"""fill slugs

Revision ID: b2c3d4e5f6a7
Revises: a1b2c3d4e5f6
Create Date: 2026-11-23 10:05:00

"""
from alembic import op
import sqlalchemy as sa

revision = "b2c3d4e5f6a7"
down_revision = "a1b2c3d4e5f6"
branch_labels = None
depends_on = None


def upgrade():
    # A data migration: what it writes depends on the rows it reads.
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, name FROM items ORDER BY id")).fetchall()
    for row in rows:
        slug = row[1].lower().replace(" ", "-")
        bind.execute(
            sa.text("UPDATE items SET slug = :slug WHERE id = :id"),
            {"slug": slug, "id": row[0]},
        )


def downgrade():
    op.execute("UPDATE items SET slug = NULL")
