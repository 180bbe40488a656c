"""Ünïcödé straße — dash & ampersand

Revision ID: 1000000000a2
Revises: 3cac04ae8714
Create Date: <normalised>

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '1000000000a2'
down_revision: Union[str, None] = '3cac04ae8714'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = ['1000000000b1', 'feature_a']


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
