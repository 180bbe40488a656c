"""start feature

Revision ID: 1000000000b1
Revises: 
Create Date: <normalised>

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1000000000b1'
down_revision = None
branch_labels = ('feature_a',)
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
