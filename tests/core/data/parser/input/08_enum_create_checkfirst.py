"""postgres enum type

Revision ID: 8a3b4c5d6e7f
Revises: 7f2a3b4c5d6e
Create Date: 2024-03-08 11:11:11

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '8a3b4c5d6e7f'
down_revision = '7f2a3b4c5d6e'
branch_labels = None
depends_on = None

priority = postgresql.ENUM('low', 'normal', 'high', name='ticket_priority', create_type=False)


def upgrade():
    sa.Enum('open', 'closed', 'waiting', name='ticket_state').create(op.get_bind(), checkfirst=True)
    priority.create(op.get_bind(), checkfirst=True)
    op.create_table(
        'ticket',
        sa.Column('id', sa.Integer, primary_key=True),
        sa.Column('state', sa.Enum('open', 'closed', 'waiting', name='ticket_state', create_type=False),
                  nullable=False, server_default='open'),
        sa.Column('priority', priority, nullable=False),
        sa.Column('title', sa.Text, nullable=False, comment='short summary'),
    )


def downgrade():
    op.drop_table('ticket')
    priority.drop(op.get_bind(), checkfirst=True)
    sa.Enum(name='ticket_state').drop(op.get_bind(), checkfirst=True)
