"""every type and column option

Revision ID: 4d5e6f708192
Revises: 3c4d5e6f7081
Create Date: 2024-01-04 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy import Column, Integer, String
from sqlalchemy.dialects import mysql, postgresql, sqlite

revision = '4d5e6f708192'
down_revision = '3c4d5e6f7081'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'everything',
        Column('id', Integer, sa.Identity(start=10, increment=5, always=True), primary_key=True),
        Column('code', String(20, collation='C'), unique=True, index=True),
        sa.Column('small', sa.SmallInteger(), autoincrement=False),
        sa.Column('big', sa.BigInteger(), autoincrement='auto'),
        sa.Column('uni', sa.Unicode(40)),
        sa.Column('utext', sa.UnicodeText()),
        sa.Column('flag', sa.Boolean(create_constraint=True, name='ck_flag'), server_default=sa.false()),
        sa.Column('day', sa.Date()),
        sa.Column('moment', sa.DateTime(timezone=True), server_default=sa.func.now()),
        sa.Column('clock', sa.Time()),
        sa.Column('span', sa.Interval()),
        sa.Column('amount', sa.DECIMAL(10, 2)),
        sa.Column('ratio', sa.Float(precision=53)),
        sa.Column('dbl', sa.Double()),
        sa.Column('real', sa.REAL()),
        sa.Column('blob', sa.LargeBinary(length=1000)),
        sa.Column('state', sa.Enum('a', 'b', name='state_enum', native_enum=False, create_constraint=True, length=10)),
        sa.Column('doc', sa.JSON(none_as_null=True)),
        sa.Column('uid', sa.Uuid(as_uuid=False)),
        sa.Column('tags', sa.ARRAY(sa.String(30), dimensions=1)),
        sa.Column('pg_doc', postgresql.JSONB(astext_type=sa.Text())),
        sa.Column('pg_uid', postgresql.UUID(as_uuid=True), server_default=sa.text('gen_random_uuid()')),
        sa.Column('pg_tags', postgresql.ARRAY(sa.Integer())),
        sa.Column('addr', postgresql.INET()),
        sa.Column('net', postgresql.CIDR()),
        sa.Column('stamp', postgresql.TIMESTAMP(timezone=True, precision=3)),
        sa.Column('bytes', postgresql.BYTEA()),
        sa.Column('search', postgresql.TSVECTOR()),
        sa.Column('mood', postgresql.ENUM('happy', 'sad', name='mood', create_type=False)),
        sa.Column('name', mysql.VARCHAR(length=50, charset='utf8mb4', collation='utf8mb4_bin')),
        sa.Column('body', mysql.LONGTEXT()),
        sa.Column('summary', mysql.MEDIUMTEXT()),
        sa.Column('tiny', mysql.TINYINT(display_width=1, unsigned=True)),
        sa.Column('wide', mysql.INTEGER(display_width=11)),
        sa.Column('precise', mysql.DATETIME(fsp=6)),
        sa.Column('lite', sqlite.DATETIME()),
        sa.Column('total', sa.Integer(), sa.Computed('small + big', persisted=True)),
        sa.Column('owner_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='SET NULL', name='fk_owner'), nullable=True, comment='who'),
        sa.Column('text_default', sa.String(10), server_default='x'),
        schema='app',
        comment='a table with everything',
        postgresql_partition_by='RANGE (day)',
    )


def downgrade():
    op.drop_table('everything', schema='app')
