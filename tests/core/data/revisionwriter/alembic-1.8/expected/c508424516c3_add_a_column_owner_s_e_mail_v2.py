"""Add a column: owner's e-mail!! (v2)

Revision ID: c508424516c3
Revises: 165d856945d3
Create Date: <normalised>

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c508424516c3'
down_revision = '165d856945d3'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
