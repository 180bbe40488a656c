"""single element tuple with a trailing comma"""
revision = 'aaaa00000011'
down_revision = ('aaaa00000001',)
branch_labels = ('billing',)
depends_on = None
