"""data fix with raw SQL

Revision ID: 2e7f8a9b0c1d
Revises: 0c5d6e7f8a9b
Create Date: 2024-03-11 17:30:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy import text

revision = '2e7f8a9b0c1d'
down_revision = '0c5d6e7f8a9b'
branch_labels = None
depends_on = None

UPDATE_SQL = """
UPDATE account
   SET name = lower(name)
 WHERE name <> lower(name)
"""


def upgrade():
    op.execute(UPDATE_SQL)
    op.execute(text("UPDATE \"order\" SET status = :s WHERE status IS NULL").bindparams(s="new"))
    op.execute(
        "INSERT INTO currency (code, name, rate, active) "
        "VALUES ('GBP', 'Pound', 0.86, true)"
    )
    op.execute(r"UPDATE account SET description = replace(description, '\n', ' ')")


def downgrade():
    op.execute("DELETE FROM currency WHERE code = 'GBP'")
