"""multidb template

Revision ID: 6c1d2e3f4a5b
Revises: 5b0c1d2e3f4a
Create Date: 2024-03-15 12:34:56

"""
from alembic import op
import sqlalchemy as sa

revision = '6c1d2e3f4a5b'
down_revision = '5b0c1d2e3f4a'
branch_labels = None
depends_on = None


def upgrade(engine_name: str) -> None:
    globals()["upgrade_%s" % engine_name]()


def downgrade(engine_name: str) -> None:
    globals()["downgrade_%s" % engine_name]()


def upgrade_engine1() -> None:
    op.add_column('account', sa.Column('region', sa.String(8), server_default='eu'))


def downgrade_engine1() -> None:
    op.drop_column('account', 'region')


def upgrade_engine2() -> None:
    pass


def downgrade_engine2() -> None:
    pass
