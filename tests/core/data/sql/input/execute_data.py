"""execute and data"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


import datetime
from decimal import Decimal


def upgrade():
    op.execute("UPDATE account SET description = 'n/a' WHERE description IS NULL")
    op.execute("SELECT ':foo', a::int, '100%' FROM t WHERE x = 'a\\:b';")
    t = sa.table("account", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("ok", sa.Boolean), sa.column("amount", sa.Numeric), sa.column("day", sa.Date), sa.column("at", sa.DateTime), sa.column("f", sa.Float))
    op.bulk_insert(t, [
        {"name": "O'Reilly\\x", "id": 1, "ok": True, "amount": Decimal("1.50"), "day": datetime.date(2024, 1, 2), "at": datetime.datetime(2024, 1, 2, 3, 4, 5), "f": 1.5},
        {"id": 2, "name": None, "ok": False},
    ])
    op.execute(t.update().where(t.c.name == op.inline_literal("x")).values({"name": op.inline_literal("y"), "ok": op.inline_literal(True)}))


def downgrade():
    op.execute("DELETE FROM account")
