# -*- coding: utf-8 -*-
"""Ünïcödé comments — and escapes

Revision ID: 1b6c7d8e9f0a
Revises: 0a5b6c7d8e9f
Create Date: 2024-03-20 21:21:21

"""
from alembic import op
import sqlalchemy as sa

revision = u'1b6c7d8e9f0a'
down_revision = '0a5b6c7d8e9f'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('account', sa.Column('città', sa.String(20), comment='Straße — “quoted”'))
    op.execute('UPDATE account SET "città" = \'Zürich\' WHERE id = 1')
    op.execute(b'SELECT 1'.decode('ascii'))
    op.execute('tab\there\x41\u00e9\u2022')


def downgrade():
    op.drop_column('account', 'città')
