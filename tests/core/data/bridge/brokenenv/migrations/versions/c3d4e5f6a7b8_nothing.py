"""nothing

Revision ID: c3d4e5f6a7b8
Revises:
Create Date: 2026-11-23 10:00:00

"""
revision = "c3d4e5f6a7b8"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
