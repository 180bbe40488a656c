# SPDX-License-Identifier: GPL-3.0-or-later
"""add audit retention

Each audit entry says how long it must be kept; old entries are purged by a job.

Revision ID: d82ef0e653bb
Revises: 35cdf5e0e560
Create Date: 2024-03-20 08:05:33.871206

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'd82ef0e653bb'
down_revision: Union[str, None] = '35cdf5e0e560'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('audit_log', sa.Column('retain_days', sa.Integer(), server_default=sa.text('365'),
                                         nullable=False))
    op.create_table(
        'audit_retention_policies',
        sa.Column('entity', sa.String(length=50), primary_key=True),
        sa.Column('retain_days', sa.Integer(), nullable=False),
        sa.CheckConstraint('retain_days > 0', name='ck_audit_retention_policies_days_positive'),
    )
    op.bulk_insert(
        sa.table('audit_retention_policies', sa.column('entity', sa.String), sa.column('retain_days', sa.Integer)),
        [
            {'entity': 'orders', 'retain_days': 3650},
            {'entity': 'payments', 'retain_days': 3650},
            {'entity': 'users', 'retain_days': 730},
        ],
    )


def downgrade() -> None:
    op.drop_table('audit_retention_policies')
    with op.batch_alter_table('audit_log') as batch_op:
        batch_op.drop_column('retain_days')
