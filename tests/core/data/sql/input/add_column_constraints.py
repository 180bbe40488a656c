"""add column with constraints"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("account", sa.Column("kind_id", sa.Integer(), sa.ForeignKey("kinds.id", ondelete="SET NULL")))
    op.add_column("account", sa.Column("slug", sa.String(40), index=True))
    op.add_column("account", sa.Column("id2", sa.Integer(), primary_key=True))
    op.add_column("account", sa.Column("ts", sa.DateTime(), server_default=sa.func.now(), nullable=False))


def downgrade():
    op.drop_column("account", "ts")
