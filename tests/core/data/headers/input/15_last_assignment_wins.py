"""the last assignment wins"""
revision = 'first'
down_revision = 'parent_one'
revision = 'aaaa00000015'
down_revision = None
branch_labels = None
depends_on = None
