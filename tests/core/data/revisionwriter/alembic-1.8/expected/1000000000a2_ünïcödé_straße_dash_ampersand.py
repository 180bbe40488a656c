"""Ünïcödé straße — dash & ampersand

Revision ID: 1000000000a2
Revises: 3cac04ae8714
Create Date: <normalised>

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1000000000a2'
down_revision = '3cac04ae8714'
branch_labels = None
depends_on = ['1000000000b1', 'feature_a']


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
