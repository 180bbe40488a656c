"""compact style

Revision ID: 9f4a5b6c7d8e
Revises: 8e3f4a5b6c7d
Create Date: 2024-03-18 19:19:19

"""
from alembic import op; import sqlalchemy as sa
revision = '9f4a5b6c7d8e'; down_revision = '8e3f4a5b6c7d'
branch_labels = depends_on = None


def upgrade(): op.add_column('account', sa.Column('x', sa.Integer)); op.add_column('account', sa.Column('y', sa.Integer));


def downgrade():
    op.drop_column('account', 'y'); op.drop_column('account', 'x')
    if False: pass
    else: pass
