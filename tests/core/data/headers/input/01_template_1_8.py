"""create users table

Revision ID: 1975ea83b712
Revises: 
Create Date: 2026-11-23 07:10:21.863826

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1975ea83b712'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('users', sa.Column('id', sa.Integer, primary_key=True))


def downgrade():
    op.drop_table('users')
