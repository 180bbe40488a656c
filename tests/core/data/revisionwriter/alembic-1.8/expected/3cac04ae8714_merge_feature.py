"""merge feature

Revision ID: 3cac04ae8714
Revises: 1000000000a1, c508424516c3
Create Date: <normalised>

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3cac04ae8714'
down_revision = ('1000000000a1', 'c508424516c3')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
