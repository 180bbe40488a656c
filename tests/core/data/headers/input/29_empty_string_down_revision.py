"""an empty down_revision"""
revision = 'aaaa00000029'
down_revision = ''
branch_labels = None
depends_on = None
