"""no down_revision at all"""
revision = 'aaaa00000030'
branch_labels = None
depends_on = None
