"""syntax error after the header"""
revision = 'aaaa00000034'
down_revision = None
    branch_labels = ('never_read',)
