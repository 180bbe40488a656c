"""int"""
from alembic import op
import sqlalchemy as sa
revision = '2b00000002'
down_revision = '1a00000001'


def upgrade():
    op.add_column("account", sa.Column("name", sa.String(1234567890123456789012345678901234567890)))


def downgrade():
    pass
