"""postgresql types"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    if op.get_context().dialect.name == "postgresql":
        op.create_table(
            "pgtypes",
            sa.Column("id", sa.Integer(), sa.Identity(always=True, start=1, increment=2), primary_key=True),
            sa.Column("tags", postgresql.ARRAY(sa.String(20))),
            sa.Column("grid", sa.ARRAY(sa.Integer(), dimensions=2)),
            sa.Column("ip", postgresql.INET()),
            sa.Column("net", postgresql.CIDR()),
            sa.Column("doc", postgresql.TSVECTOR()),
            sa.Column("raw", postgresql.BYTEA()),
            sa.Column("uid", postgresql.UUID(as_uuid=True)),
            sa.Column("ts", postgresql.TIMESTAMP(timezone=True, precision=3)),
            sa.Column("iv", postgresql.INTERVAL()),
            sa.Column("mood", postgresql.ENUM("happy", "sad", name="mood", create_type=False)),
            sa.Column("kind", sa.Enum("a", "b", name="pg_kind")),
            sa.Column("kind2", sa.Enum("a", "b", name="pg_kind")),
        )
        sa.Enum("p", "q", name="standalone").create(op.get_bind(), checkfirst=False)


def downgrade():
    if op.get_context().dialect.name == "postgresql":
        op.drop_table("pgtypes")
        sa.Enum(name="standalone").drop(op.get_bind(), checkfirst=False)
        sa.Enum(name="pg_kind").drop(op.get_bind(), checkfirst=False)
