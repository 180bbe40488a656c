"""syntax"""
from alembic import op
revision = '2b00000002'
down_revision = '1a00000001'


def upgrade():
    op.execute("SELECT 1"
    op.execute("SELECT 2")


def downgrade():
    pass
