"""mysql specific types

Revision ID: 5b0c1d2e3f4a
Revises: 4a9b0c1d2e3f
Create Date: 2024-03-14 15:15:15

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.dialects.postgresql import UUID, ARRAY, INET

revision = '5b0c1d2e3f4a'
down_revision = '4a9b0c1d2e3f'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('event_log',
    sa.Column('id', mysql.INTEGER(display_width=11), autoincrement=True, nullable=False),
    sa.Column('payload', mysql.LONGTEXT(), nullable=True),
    sa.Column('flag', mysql.TINYINT(display_width=1), server_default=sa.text('0'), nullable=False),
    sa.Column('at', mysql.DATETIME(fsp=6), nullable=False),
    sa.Column('note', mysql.MEDIUMTEXT(collation='utf8mb4_bin'), nullable=True),
    sa.Column('tags', sa.ARRAY(sa.String()).with_variant(sa.JSON(), 'mysql', 'sqlite'), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    mysql_collate='utf8mb4_0900_ai_ci',
    mysql_default_charset='utf8mb4',
    mysql_engine='InnoDB'
    )


def downgrade():
    op.drop_table('event_log')
