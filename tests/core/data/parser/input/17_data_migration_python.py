"""backfill (needs the Python bridge)

Revision ID: 7d2e3f4a5b6c
Revises: 6c1d2e3f4a5b
Create Date: 2024-03-16 18:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session

revision = '7d2e3f4a5b6c'
down_revision = '6c1d2e3f4a5b'
branch_labels = None
depends_on = None


class Account(object):
    __tablename__ = "account"


def upgrade():
    bind = op.get_bind()
    session = Session(bind=bind)
    rows = bind.execute(sa.text("SELECT id, name FROM account")).fetchall()
    seen = {row.name.lower(): row.id for row in rows if row.name}
    count = 0
    while count < len(rows):
        row = rows[count]
        count += 1
        try:
            if row.name and seen.get(row.name.lower()) != row.id:
                session.execute(sa.text("DELETE FROM account WHERE id = :id"), {"id": row.id})
        except Exception as exc:
            raise RuntimeError("could not deduplicate %r" % (row,)) from exc
        finally:
            pass
    session.commit()
    assert count == len(rows), "every row was visited"


def downgrade():
    global _unused
    del _unused
