"""This is a rather long message that should be truncated at forty characters

Revision ID: 1000000000a1
Revises: 1000000000b1
Create Date: <normalised>

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1000000000a1'
down_revision = '1000000000b1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
