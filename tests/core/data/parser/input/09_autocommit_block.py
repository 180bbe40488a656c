"""add enum value outside the transaction

Revision ID: 9b4c5d6e7f8a
Revises: 8a3b4c5d6e7f
Create Date: 2024-03-09 13:00:00

"""
from alembic import op

revision = '9b4c5d6e7f8a'
down_revision = '8a3b4c5d6e7f'
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE ticket_state ADD VALUE IF NOT EXISTS 'escalated'")
    op.create_index(
        'ix_ticket_state', 'ticket', ['state'],
        postgresql_concurrently=True,
    )


def downgrade():
    # PostgreSQL cannot drop enum values; leave the type alone.
    op.drop_index('ix_ticket_state', table_name='ticket', postgresql_concurrently=True)
