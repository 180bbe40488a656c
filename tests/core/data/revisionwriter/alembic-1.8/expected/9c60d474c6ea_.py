"""empty message

Revision ID: 9c60d474c6ea
Revises: 1000000000a2
Create Date: <normalised>

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9c60d474c6ea'
down_revision = '1000000000a2'
branch_labels = None
depends_on = 'c508424516c3'


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
