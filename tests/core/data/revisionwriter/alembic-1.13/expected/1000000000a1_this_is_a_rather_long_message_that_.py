"""This is a rather long message that should be truncated at forty characters

Revision ID: 1000000000a1
Revises: 1000000000b1
Create Date: <normalised>

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '1000000000a1'
down_revision: Union[str, None] = '1000000000b1'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
