"""drop constraint primary

Revision ID: 00000000b031
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b031'
down_revision = None
branch_labels = None
depends_on = None

account = sa.Table(
    'account',
    sa.MetaData(),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(50), nullable=False),
    sa.Column('email', sa.String(100), nullable=True, unique=True),
    sa.Column('score', sa.Integer(), server_default=sa.text('0'), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True, comment='free text'),
    sa.PrimaryKeyConstraint('id', name='pk_account'),
    sa.ForeignKeyConstraint(['parent_id'], ['account.id'], name='fk_account_parent', ondelete='SET NULL'),
    sa.CheckConstraint('score >= 0', name='ck_account_score'),
    sa.UniqueConstraint('name', name='uq_account_name'),
    sa.Index('ix_account_score', 'score'),
    sa.Index('ix_account_name_email', 'name', 'email', unique=True),
)


def upgrade():
    with op.batch_alter_table('account', copy_from=account) as batch_op:
        batch_op.drop_constraint('pk_account', type_='primary')


def downgrade():
    pass
