"""create_table"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False, comment="the name"),
        sa.Column("Order", sa.Unicode(200), server_default="x'y"),
        sa.Column("amount", sa.Numeric(12, 2), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
        sa.Column("flag", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("ratio", sa.Float()),
        sa.Column("blob", sa.LargeBinary()),
        sa.Column("data", sa.JSON()),
        sa.Column("day", sa.Date(), index=True),
        sa.Column("at", sa.Time()),
        sa.Column("span", sa.Interval()),
        sa.Column("big", sa.BigInteger(), unique=True),
        sa.Column("small", sa.SmallInteger(), index=True, unique=True),
        sa.Column("body", sa.Text()),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="CASCADE")),
        sa.UniqueConstraint("name", "big", name="uq_account_name_big"),
        sa.CheckConstraint("amount >= 0", name="ck_account_amount"),
        sa.CheckConstraint("small > 0"),
        sa.ForeignKeyConstraint(["parent_id"], ["account.id"], name="fk_parent", onupdate="SET NULL", deferrable=True, initially="DEFERRED"),
        comment="accounts table",
        mysql_engine="InnoDB",
    )


def downgrade():
    op.drop_table("account")
