"""empty message

Revision ID: 9c60d474c6ea
Revises: 1000000000a2
Create Date: <normalised>

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '9c60d474c6ea'
down_revision: Union[str, None] = '1000000000a2'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = 'c508424516c3'


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
