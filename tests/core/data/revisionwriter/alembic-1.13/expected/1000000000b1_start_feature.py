"""start feature

Revision ID: 1000000000b1
Revises: 
Create Date: <normalised>

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '1000000000b1'
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = ('feature_a',)
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
