"""data fixes with dialect guards

Revision ID: 3c4d5e6f7081
Revises: 2b3c4d5e6f70
Create Date: 2024-01-03 10:00:00.000000

"""
import datetime
from decimal import Decimal

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '3c4d5e6f7081'
down_revision = '2b3c4d5e6f70'
branch_labels = None
depends_on = None

STATUSES = ('draft', 'sent', 'paid')
status_enum = sa.Enum(*STATUSES, name='invoice_status')

rates = sa.table(
    'exchange_rates',
    sa.column('code', sa.String),
    sa.column('rate', sa.Numeric(10, 4)),
    sa.column('valid_from', sa.Date),
    sa.column('active', sa.Boolean),
)


def _add_flag(table, column, default='0'):
    op.add_column(table, sa.Column(column, sa.Boolean(), server_default=sa.text(default), nullable=False))


def upgrade():
    if op.get_context().dialect.name == 'postgresql':
        op.execute('CREATE EXTENSION IF NOT EXISTS pgcrypto')
        status_enum.create(op.get_bind(), checkfirst=False)
    op.add_column('invoices', sa.Column('status', status_enum, nullable=True))
    op.add_column('invoices', sa.Column('meta', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True))
    for table in ['invoices', 'payments']:
        _add_flag(table, 'archived')
    op.bulk_insert(rates, [
        {'code': 'EUR', 'rate': Decimal('1.0000'), 'valid_from': datetime.date(2024, 1, 1), 'active': True},
        {'code': 'USD', 'rate': Decimal('1.0850'), 'valid_from': datetime.date(2024, 1, 1), 'active': False},
    ])
    op.execute(
        rates.update()
        .where(rates.c.code == op.inline_literal('USD'))
        .values({'rate': op.inline_literal(Decimal('1.09'))})
    )
    op.execute(sa.text("UPDATE invoices SET status = 'draft' WHERE status IS NULL"))
    op.execute("""
        UPDATE payments
        SET archived = false
    """)
    with op.get_context().autocommit_block():
        op.execute("VACUUM")


def downgrade():
    op.execute(rates.delete().where(rates.c.code.in_(['EUR', 'USD'])))
    op.drop_column('payments', 'archived')
    op.drop_column('invoices', 'archived')
    op.drop_column('invoices', 'meta')
    op.drop_column('invoices', 'status')
    if op.get_bind().dialect.name == 'postgresql':
        sa.Enum(name='invoice_status').drop(op.get_bind(), checkfirst=False)
