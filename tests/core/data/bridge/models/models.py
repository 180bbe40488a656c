# SPDX-License-Identifier: GPL-3.0-or-later
"""The application's tables, as autogenerate compares them with the database."""
import sqlalchemy as sa

metadata = sa.MetaData()

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(50), nullable=False),
)
