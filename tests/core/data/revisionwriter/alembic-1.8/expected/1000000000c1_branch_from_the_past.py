"""branch from the past

Revision ID: 1000000000c1
Revises: 165d856945d3
Create Date: <normalised>

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1000000000c1'
down_revision = '165d856945d3'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
