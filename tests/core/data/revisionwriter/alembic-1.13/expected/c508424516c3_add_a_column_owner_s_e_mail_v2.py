"""Add a column: owner's e-mail!! (v2)

Revision ID: c508424516c3
Revises: 165d856945d3
Create Date: <normalised>

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c508424516c3'
down_revision: Union[str, None] = '165d856945d3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
