"""dml"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    t = sa.table("account", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("score", sa.Float), sa.column("active", sa.Boolean))
    op.execute(t.insert().values(name="x", id=3))
    op.execute(t.update().where(t.c.id == 3).values(score=2.5))
    op.execute(t.update().where(sa.and_(t.c.name == "a", t.c.active.is_(None))).values(active=True))
    op.execute(t.delete().where(t.c.id.in_([1, 2])))
    op.execute(t.delete().where(t.c.name.in_(["a", "b"])))
    op.bulk_insert(t, [{"id": 1, "score": 1e-05}, {"id": 2, "score": 10.0, "name": "line\nbreak"}])


def downgrade():
    pass
