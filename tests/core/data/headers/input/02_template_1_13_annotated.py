"""add orders

Revision ID: ae1027a6acf0
Revises: 1975ea83b712
Create Date: 2026-11-23 08:01:02.000001

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'ae1027a6acf0'
down_revision: Union[str, None] = '1975ea83b712'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('orders', sa.Column('id', sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table('orders')
