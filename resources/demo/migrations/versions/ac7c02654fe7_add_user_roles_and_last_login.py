# SPDX-License-Identifier: GPL-3.0-or-later
"""add user roles and last login

Revision ID: ac7c02654fe7
Revises: 8d937c7f0087
Create Date: 2024-03-18 13:45:21.090337

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "ac7c02654fe7"
down_revision: Union[str, None] = "8d937c7f0087"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "roles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=32), nullable=False, unique=True),
    )
    op.create_table(
        "user_roles",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("role_id", sa.Integer(), sa.ForeignKey("roles.id", ondelete="CASCADE"), primary_key=True),
    )
    op.bulk_insert(
        sa.table("roles", sa.column("id", sa.Integer), sa.column("name", sa.String)),
        [
            {"id": 1, "name": "customer"},
            {"id": 2, "name": "support"},
            {"id": 3, "name": "admin"},
        ],
    )
    op.add_column("users", sa.Column("last_login_at", sa.DateTime(), nullable=True))
    op.create_index("ix_users_last_login_at", "users", ["last_login_at"])


def downgrade() -> None:
    op.drop_index("ix_users_last_login_at", table_name="users")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("last_login_at")
    op.drop_table("user_roles")
    op.drop_table("roles")
