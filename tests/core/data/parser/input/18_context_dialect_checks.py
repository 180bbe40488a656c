"""dialect checks through the context

Revision ID: 8e3f4a5b6c7d
Revises: 7d2e3f4a5b6c
Create Date: 2024-03-17 07:07:07

"""
from alembic import context, op
import sqlalchemy as sa

revision = '8e3f4a5b6c7d'
down_revision = '7d2e3f4a5b6c'
branch_labels = None
depends_on = None

is_sqlite = context.get_context().dialect.name == 'sqlite'


def upgrade():
    dialect = op.get_context().dialect.name
    if dialect == 'sqlite':
        with op.batch_alter_table('order', recreate='always') as batch_op:
            batch_op.alter_column('status', server_default='new')
    elif dialect not in ('mysql', 'mariadb') and not is_sqlite:
        op.alter_column('order', 'status', server_default='new')
    if (
        op.get_bind().dialect.name == "postgresql"
        and op.get_context().as_sql is False
    ):
        op.execute("ANALYZE \"order\"")


def downgrade():
    if op.get_context().dialect.name == 'sqlite':
        with op.batch_alter_table('order') as batch_op:
            batch_op.alter_column('status', server_default=None)
    else:
        op.alter_column('order', 'status', server_default=None)
