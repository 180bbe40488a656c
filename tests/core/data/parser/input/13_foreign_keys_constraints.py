"""constraints

Revision ID: 3f8a9b0c1d2e
Revises: 2e7f8a9b0c1d
Create Date: 2024-03-12 08:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '3f8a9b0c1d2e'
down_revision = '2e7f8a9b0c1d'
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key(
        op.f('fk_ticket_account_id_account'), 'ticket', 'account',
        ['account_id'], ['id'], ondelete='CASCADE', onupdate='NO ACTION',
        deferrable=True, initially='DEFERRED',
    )
    op.create_check_constraint('ck_order_total_positive', 'order', sa.column('total') >= 0)
    op.create_check_constraint('ck_order_status', 'order', "status IN ('new', 'paid', 'shipped')")
    op.create_unique_constraint('uq_ticket_title', 'ticket', ['title', 'account_id'])
    op.create_primary_key('pk_currency', 'currency', ['code'])


def downgrade():
    op.drop_constraint('pk_currency', 'currency', type_='primary')
    op.drop_constraint('uq_ticket_title', 'ticket', type_='unique')
    op.drop_constraint('ck_order_status', 'order', type_='check')
    op.drop_constraint('ck_order_total_positive', 'order', type_='check')
    op.drop_constraint(op.f('fk_ticket_account_id_account'), 'ticket', type_='foreignkey')
