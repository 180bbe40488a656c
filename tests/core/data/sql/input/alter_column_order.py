"""alter column order"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("account", "qty", existing_type=sa.Integer(), type_=sa.BigInteger(), nullable=False, server_default="1", new_column_name="quantity", postgresql_using="qty::bigint")
    op.alter_column("account", "created", existing_type=sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), existing_nullable=False)
    op.alter_column("account", "created", existing_type=sa.DateTime(), server_default=None, existing_nullable=False)
    op.alter_column("account", "flag", existing_type=sa.Boolean(), existing_server_default=sa.text("false"), nullable=False)


def downgrade():
    op.alter_column("account", "quantity", existing_type=sa.BigInteger(), new_column_name="qty")
