# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the migrations against $DATABASE_URL (a SQLite file beside alembic.ini by default)."""
import os
import sys
from logging.config import fileConfig

import sqlalchemy as sa
from alembic import context

config = context.config
if config.config_file_name:
    fileConfig(config.config_file_name)

# The models live beside alembic.ini, as an application package would.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import models  # noqa: E402

target_metadata = models.metadata
database_url = os.environ.get("DATABASE_URL", "sqlite:///bridge.db")


def run_offline():
    context.configure(url=database_url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online():
    engine = sa.create_engine(database_url, poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
