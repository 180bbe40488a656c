"""type constraints and functional indexes"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "flags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("b", sa.Boolean(create_constraint=True)),
        sa.Column("b2", sa.Boolean(create_constraint=True, name="ck_b2")),
        sa.Column("e", sa.Enum("a", "b", name="flag_e", create_constraint=True)),
        sa.Column("e2", sa.Enum("a", "b", name="flag_e2", native_enum=False, create_constraint=True)),
        sa.CheckConstraint("id > 0", name="ck_id"),
    )
    op.create_index("ix_fn", "flags", [sa.func.lower(sa.column("e")), sa.text("id DESC")])


def downgrade():
    op.drop_table("flags")
