"""edge text index

Revision ID: 00000000b048
Revises:
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '00000000b048'
down_revision = None
branch_labels = None
depends_on = None

t = sa.Table(
    'person',
    sa.MetaData(),
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('email', sa.String(100), nullable=True),
    sa.Column('old', sa.Integer(), nullable=True),
    sa.Index('ix_person_lower_email', sa.text('lower(email)')),
    sa.Index('ix_person_old', 'old'),
)


def upgrade():
    with op.batch_alter_table('person', copy_from=t) as batch_op:
        batch_op.drop_column('old')


def downgrade():
    pass
