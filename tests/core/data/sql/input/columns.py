"""columns"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("account", sa.Column("email", sa.String(100), nullable=False, server_default="n/a", comment="primary e-mail"))
    op.add_column("account", sa.Column("active", sa.Boolean(), server_default=sa.text("true")))
    op.add_column("account", sa.Column("updated", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False))
    op.add_column("account", sa.Column("select", sa.Integer()))
    op.drop_column("account", "legacy")


def downgrade():
    op.add_column("account", sa.Column("legacy", sa.Text()))
    op.drop_column("account", "select")
    op.drop_column("account", "updated")
    op.drop_column("account", "active")
    op.drop_column("account", "email")
