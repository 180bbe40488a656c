"""merge feature

Revision ID: 3cac04ae8714
Revises: 1000000000a1, c508424516c3
Create Date: <normalised>

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '3cac04ae8714'
down_revision: Union[str, None] = ('1000000000a1', 'c508424516c3')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
