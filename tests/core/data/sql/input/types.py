"""types"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql

revision = "aaaaaaaaaaaa"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "typed",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("a", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")),
        sa.Column("b", sa.String(20).with_variant(mysql.VARCHAR(20, charset="utf8mb4"), "mysql")),
        sa.Column("c", sa.Text().with_variant(mysql.LONGTEXT(), "mysql")),
        sa.Column("d", sa.Integer().with_variant(mysql.INTEGER(display_width=11, unsigned=True), "mysql")),
        sa.Column("e", sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql")),
        sa.Column("f", sa.Boolean().with_variant(mysql.TINYINT(1), "mysql")),
        sa.Column("g", sa.Unicode(30)),
        sa.Column("h", sa.UnicodeText()),
        sa.Column("i", sa.Float(precision=53)),
        sa.Column("j", sa.Numeric(10)),
        sa.Column("k", sa.TIMESTAMP(timezone=True)),
        sa.Column("l", sa.Time(timezone=True)),
        sa.Column("m", sa.LargeBinary(100)),
        sa.Column("n", sa.Enum("x", "y'z", name="weird_enum", native_enum=False, length=20)),
        sa.Column("o", sa.NCHAR(4)),
        sa.Column("p", sa.DECIMAL(8, 3)),
        sa.Column("q", sa.REAL()),
        sa.Column("r", sa.SmallInteger(), server_default=sa.text("-1")),
        sa.Column("s", sa.String(10), server_default=sa.text("'a' || 'b'")),
        sa.Column("t", sa.Date(), server_default=sa.func.current_date()),
        sa.Column("u", sa.Boolean(), server_default=sa.true()),
        mysql_engine="InnoDB",
        mysql_charset="utf8mb4",
        mysql_collate="utf8mb4_unicode_ci",
    )


def downgrade():
    op.drop_table("typed")
