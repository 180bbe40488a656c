"""rename things

Revision ID: 4a9b0c1d2e3f
Revises: 3f8a9b0c1d2e
Create Date: 2024-03-13 10:10:10

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mysql

revision = '4a9b0c1d2e3f'
down_revision = '3f8a9b0c1d2e'
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table('ticket', 'support_ticket')
    op.alter_column('support_ticket', 'title', new_column_name='subject',
                    existing_type=mysql.VARCHAR(charset='utf8mb4', collation='utf8mb4_unicode_ci', length=200),
                    existing_nullable=False, comment='what the ticket is about',
                    existing_comment=None)
    op.alter_column('account', 'description', type_=sa.UnicodeText(), existing_type=sa.Unicode(200),
                    server_default=None, existing_server_default=sa.text("''"))
    op.alter_column('order', 'total', type_=sa.Numeric(14, 4), postgresql_using='total::numeric(14,4)')


def downgrade():
    op.alter_column('order', 'total', type_=sa.Numeric(10, 2))
    op.alter_column('account', 'description', type_=sa.Unicode(200), existing_type=sa.UnicodeText())
    op.alter_column('support_ticket', 'subject', new_column_name='title',
                    existing_type=mysql.VARCHAR(length=200), existing_nullable=False)
    op.rename_table('support_ticket', 'ticket')
