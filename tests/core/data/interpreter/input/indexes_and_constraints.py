"""indexes and constraints

Revision ID: 5e6f708192a3
Revises: 4d5e6f708192
Create Date: 2024-01-05 10:00:00.000000

"""
from alembic import op, context
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '5e6f708192a3'
down_revision = '4d5e6f708192'
branch_labels = None
depends_on = None

TABLES = ['orders', 'invoices']
mood = postgresql.ENUM('happy', 'sad', name='mood')


def is_postgresql():
    return context.get_context().dialect.name == 'postgresql'


def upgrade():
    op.create_index('ix_users_lower_email', 'users', [sa.text('lower(email)')], unique=True,
                    postgresql_using='btree', postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_index('ix_users_name', 'users', ['last_name', 'first_name'], mysql_length={'last_name': 10})
    if is_postgresql():
        with op.get_context().autocommit_block():
            op.create_index('ix_users_created', 'users', ['created_at'], postgresql_concurrently=True)
        mood.create(op.get_bind(), checkfirst=True)
    for name in TABLES:
        op.create_foreign_key(op.f('fk_%s_user_id_users' % name),
                              name, 'users', ['user_id'], ['id'], ondelete='CASCADE', onupdate='CASCADE',
                              deferrable=True, initially='DEFERRED', referent_schema='auth')
    op.create_primary_key('pk_sessions', 'sessions', ['user_id', 'token'])
    op.create_unique_constraint('uq_users_email', 'users', ['email'], schema='auth')
    op.create_check_constraint('ck_orders_total', 'orders', sa.column('total') >= 0)
    op.rename_table('people', 'persons')
    op.create_table_comment('users', 'people who log in', existing_comment=None)
    op.alter_column('users', 'email', existing_type=sa.String(200), type_=sa.String(320),
                    nullable=False, existing_nullable=True, server_default=sa.text("''"),
                    existing_server_default=None, comment='login', existing_comment='mail',
                    postgresql_using='email::varchar(320)')


def downgrade():
    op.alter_column('users', 'email', existing_type=sa.String(320), type_=sa.String(200),
                    nullable=True, server_default=None, comment=None, new_column_name='mail')
    op.drop_table_comment('users', existing_comment='people who log in')
    op.rename_table('persons', 'people')
    op.drop_constraint('ck_orders_total', 'orders', type_='check')
    op.drop_constraint('uq_users_email', 'users', type_='unique', schema='auth')
    op.drop_constraint('pk_sessions', 'sessions', type_='primary')
    for name in reversed(TABLES):
        op.drop_constraint('fk_{}_user_id_users'.format(name), name, type_='foreignkey')
    if is_postgresql():
        mood.drop(op.get_bind())
        op.drop_index('ix_users_created', table_name='users', postgresql_concurrently=True)
    op.drop_index('ix_users_name', table_name='users')
    op.drop_index('ix_users_lower_email', table_name='users')
