"""add payments.reference, check invoices.amount

Revision ID: 2b3c4d5e6f70
Revises: 1a2b3c4d5e6f
Create Date: 2024-01-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "2b3c4d5e6f70"
down_revision = "1a2b3c4d5e6f"
branch_labels = None
depends_on = None

# Complete table definitions for batch "move and copy" on SQLite.
payments_before = sa.Table(
    "payments",
    sa.MetaData(),
    sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
    sa.Column("invoice_id", sa.Integer(), nullable=False),
    sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column("paid_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False),
    sa.Column("raw", sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"], name="fk_payments_invoice_id_invoices", ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name="pk_payments"),
    sa.Index("ix_payments_invoice_id", "invoice_id"),
    sa.Index("ix_payments_paid_at", sa.text("paid_at DESC")),
)


def upgrade() -> None:
    with op.batch_alter_table("payments", schema=None, copy_from=payments_before) as batch_op:
        batch_op.add_column(sa.Column("reference", sa.String(length=40), nullable=True))
        batch_op.alter_column("amount",
               existing_type=sa.Numeric(precision=12, scale=2),
               type_=sa.Numeric(precision=14, scale=4),
               existing_nullable=False)
        batch_op.alter_column("raw", new_column_name="payload", existing_type=sa.LargeBinary(), nullable=False, server_default=None, comment=None)
        batch_op.create_index(batch_op.f("ix_payments_reference"), ["reference"], unique=True)
        batch_op.create_unique_constraint("uq_payments_reference", ["reference"])
        batch_op.create_check_constraint("ck_payments_amount_positive", "amount > 0")
        batch_op.create_foreign_key("fk_payments_ref", "references", ["reference"], ["code"], ondelete="SET NULL", deferrable=True, initially="DEFERRED")
        batch_op.drop_constraint("fk_payments_invoice_id_invoices", type_="foreignkey")
        batch_op.drop_index("ix_payments_paid_at")


def downgrade() -> None:
    with op.batch_alter_table("payments", recreate="always", table_kwargs={"mysql_engine": "InnoDB"}) as batch_op:
        batch_op.drop_column("reference")
        batch_op.create_primary_key("pk_payments", ["id"])
        batch_op.create_table_comment("payments received", existing_comment=None)
        batch_op.drop_table_comment(existing_comment="payments received")
