"""the header comes before the error"""
revision = 'aaaa00000023'
down_revision = 'aaaa00000001'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE t SET x = 1)


def downgrade():
    pass
