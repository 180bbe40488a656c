"""op"""
from alembic import op
revision = '2b00000002'
down_revision = '1a00000001'


def upgrade():
    op.frobnicate_table("account")


def downgrade():
    pass
