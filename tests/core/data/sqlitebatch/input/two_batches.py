"""two batches

Revision ID: 00000000b053
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b053'
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

item = sa.Table(
    'item',
    sa.MetaData(),
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('label', sa.String(length=20), nullable=True),
    sa.Column('qty', sa.SmallInteger(), nullable=False),
    sa.Column('price', sa.Numeric(10, 2), nullable=True),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.CheckConstraint('qty > 0'),
)


def upgrade():
    with op.batch_alter_table('account', copy_from=account) as batch_op:
        batch_op.drop_column('notes')
    with op.batch_alter_table('item', copy_from=item) as batch_op:
        batch_op.add_column(sa.Column('sku', sa.String(8), nullable=True))


def downgrade():
    pass
