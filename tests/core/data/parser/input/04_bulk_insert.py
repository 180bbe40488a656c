"""seed currencies

Revision ID: 4c9d0e1f2a3b
Revises: 3b8c2d1e4f5a
Create Date: 2024-03-04 08:30:00

"""
from decimal import Decimal
import datetime

from alembic import op
import sqlalchemy as sa
from sqlalchemy.sql import table, column

revision = '4c9d0e1f2a3b'
down_revision = '3b8c2d1e4f5a'
branch_labels = None
depends_on = None

currency = sa.table(
    'currency',
    sa.column('code', sa.String),
    sa.column('name', sa.String),
    sa.column('rate', sa.Numeric),
    sa.column('active', sa.Boolean),
    sa.column('added', sa.Date),
)


def upgrade():
    op.create_table(
        'currency',
        sa.Column('code', sa.CHAR(3), primary_key=True),
        sa.Column('name', sa.String(64), nullable=False),
        sa.Column('rate', sa.Numeric(12, 6), nullable=False, server_default='1'),
        sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column('added', sa.Date(), nullable=True),
    )
    op.bulk_insert(
        currency,
        [
            {'code': 'EUR', 'name': 'Euro', 'rate': Decimal('1.000000'), 'active': True,
             'added': datetime.date(2024, 1, 1)},
            {'code': 'USD', 'name': 'US Dollar', 'rate': Decimal("1.08"), 'active': True, 'added': None},
            {'code': 'XTS', 'name': "Test \"code\"", 'rate': Decimal('0'), 'active': False, 'added': None},
        ],
        multiinsert=False,
    )


def downgrade():
    op.execute(currency.delete().where(currency.c.code.in_(['EUR', 'USD', 'XTS'])))
    op.drop_table('currency')
