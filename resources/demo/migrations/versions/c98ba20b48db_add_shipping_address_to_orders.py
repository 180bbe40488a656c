# SPDX-License-Identifier: GPL-3.0-or-later
"""add shipping address to orders

Revision ID: c98ba20b48db
Revises: 69e8a4e93b9f
Create Date: 2024-02-21 08:37:15.660413

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "c98ba20b48db"
down_revision = "69e8a4e93b9f"
branch_labels = None
depends_on = None


def upgrade():
    # SQLite cannot alter columns in place: batch mode rebuilds the table when needed.
    with op.batch_alter_table("orders") as batch_op:
        batch_op.add_column(sa.Column("ship_name", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("ship_street", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("ship_city", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("ship_postcode", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("ship_country", sa.String(length=2), server_default="DE", nullable=False))
        batch_op.create_index("ix_orders_ship_country", ["ship_country"])


def downgrade():
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_index("ix_orders_ship_country")
        batch_op.drop_column("ship_country")
        batch_op.drop_column("ship_postcode")
        batch_op.drop_column("ship_city")
        batch_op.drop_column("ship_street")
        batch_op.drop_column("ship_name")
