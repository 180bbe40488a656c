"""enum and pk variants"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("code", sa.String(10), nullable=False),
        sa.Column("status", sa.Enum("new", "paid", name="order_status"), server_default="new", nullable=False),
        sa.Column("kind", sa.Enum("a", "bcd", name="order_kind", native_enum=False)),
        sa.Column("props", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.PrimaryKeyConstraint("id", "code", name="pk_orders"),
    )
    op.create_table(
        "t2",
        sa.Column("id", sa.SmallInteger(), primary_key=True),
        sa.Column("n", sa.Integer(), sa.Identity(start=5), nullable=False),
        sa.Column("c", sa.Integer(), sa.Computed("n * 2")),
    )
    op.create_table(
        "t3",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("u", sa.Uuid()),
        sa.Column("d", sa.Double()),
        sa.Column("r", sa.REAL()),
        sa.Column("n", sa.Numeric()),
        sa.Column("dd", sa.DECIMAL(8, 3)),
        sa.Column("ts", sa.TIMESTAMP()),
        sa.Column("ch", sa.CHAR(2)),
    )


def downgrade():
    op.drop_table("t3")
    op.drop_table("t2")
    op.drop_table("orders")
    sa.Enum(name="order_status").drop(op.get_bind(), checkfirst=False)
