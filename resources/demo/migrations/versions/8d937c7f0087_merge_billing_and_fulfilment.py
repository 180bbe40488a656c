# SPDX-License-Identifier: GPL-3.0-or-later
"""merge billing and fulfilment

Revision ID: 8d937c7f0087
Revises: 4c5f2939fc95, 679e969ce03d
Create Date: 2024-03-11 09:30:00.000412

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "8d937c7f0087"
down_revision: Union[str, Sequence[str], None] = ("4c5f2939fc95", "679e969ce03d")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
