# SPDX-License-Identifier: GPL-3.0-or-later
"""create audit log

The audit branch has its own base so that it can be deployed (or left out)
independently of the shop schema.

Revision ID: 42468521ca40
Revises:
Create Date: 2024-02-26 15:02:44.731950

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '42468521ca40'
down_revision = None
branch_labels = ('audit',)
depends_on = None


def upgrade():
    op.create_table(
        'audit_log',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), primary_key=True),
        sa.Column('occurred_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'),
                  nullable=False),
        sa.Column('actor', sa.String(length=255), nullable=True),
        sa.Column('action', sa.String(length=50), nullable=False),
        sa.Column('entity', sa.String(length=50), nullable=False),
        sa.Column('entity_id', sa.String(length=64), nullable=True),
        sa.Column('details', sa.JSON(), nullable=True),
    )
    op.create_index('ix_audit_log_entity', 'audit_log', ['entity', 'entity_id'])
    op.create_index('ix_audit_log_occurred_at', 'audit_log', ['occurred_at'])


def downgrade():
    op.drop_index('ix_audit_log_occurred_at', table_name='audit_log')
    op.drop_index('ix_audit_log_entity', table_name='audit_log')
    op.drop_table('audit_log')
