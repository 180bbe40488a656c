"""generated columns"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "gen",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("a", sa.Integer(), nullable=False),
        sa.Column("b", sa.Integer(), sa.Computed("a * 2", persisted=True)),
        sa.Column("c", sa.Integer(), sa.Computed("a + 1")),
        sa.Column("created", sa.TIMESTAMP(), nullable=True),
        sa.Column("kind_id", sa.Integer(), sa.ForeignKey("kinds.id"), nullable=False, unique=True),
        sa.Column("code", sa.String(8), index=True, unique=True),
        sa.Index("ix_gen_a_b", "a", "b"),
        sa.Index("ab_first", "c", unique=True),
    )


def downgrade():
    op.drop_table("gen")
