"""python around op calls (multidb template style)

Revision ID: 6f708192a3b4
Revises: 5e6f708192a3
Create Date: 2024-01-06 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.sql import table, column

revision: str = '6f708192a3b4'
down_revision: Union[str, None] = '5e6f708192a3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

COLUMNS = {'created_at': sa.DateTime, 'updated_at': sa.DateTime}
roles = table('roles', column('id', sa.Integer), column('name', sa.String(20)), schema='auth')


def _timestamps(table_name, *, nullable=True, **kw):
    for name, type_ in COLUMNS.items():
        op.add_column(table_name, sa.Column(name, type_(timezone=True), nullable=nullable, **kw))


def upgrade(engine_name: str = '') -> None:
    globals()['upgrade_%s' % engine_name]() if engine_name else None


def upgrade_engine1() -> None:
    _timestamps('users', nullable=False, server_default=sa.func.current_timestamp())
    op.bulk_insert(roles, [{'id': i + 1, 'name': n} for i, n in enumerate(['admin', 'staff', 'guest'])],
                   multiinsert=False)
    op.execute(roles.insert().values(id=4, name='auditor'))
    op.execute(
        roles.update().where(roles.c.name.is_(None)).where(roles.c.id > 10).values(name=op.inline_literal('unknown')),
        execution_options={'autocommit': True},
    )
    index_name, columns = 'ix_users_ts', ['created_at', 'updated_at']
    op.create_index(index_name, 'users', columns, if_not_exists=True)


def downgrade_engine1() -> None:
    op.drop_index('ix_users_ts', table_name='users', if_exists=True)
    op.execute(roles.delete().where(sa.and_(roles.c.id >= 1, roles.c.id <= 4)))
    for name in sorted(COLUMNS, reverse=False):
        op.drop_column('users', name)
