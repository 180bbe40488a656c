"""alter column"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("account", "name", existing_type=sa.String(50), nullable=True)
    op.alter_column("account", "name", existing_type=sa.String(50), type_=sa.String(100), existing_nullable=False)
    op.alter_column("account", "name", existing_type=sa.String(50), new_column_name="full_name", existing_nullable=False, existing_server_default=sa.text("'x'"))
    op.alter_column("account", "qty", existing_type=sa.Integer(), server_default=sa.text("0"))
    op.alter_column("account", "qty", existing_type=sa.Integer(), server_default=None, existing_nullable=True)
    op.alter_column("account", "qty", existing_type=sa.Integer(), server_default="7", nullable=False, comment="quantity")
    op.alter_column("account", "note", existing_type=sa.Text(), comment=None, existing_comment="old")
    op.alter_column("account", "ts", existing_type=sa.DateTime(), type_=sa.DateTime(timezone=True), existing_nullable=True, existing_comment="when")


def downgrade():
    op.alter_column("account", "qty", type_=sa.BigInteger())
