"""merge heads

Revision ID: 0c5d6e7f8a9b
Revises: 9b4c5d6e7f8a, 1d6e7f8a9b0c
Create Date: 2024-03-10 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0c5d6e7f8a9b'
down_revision = ('9b4c5d6e7f8a', '1d6e7f8a9b0c')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
