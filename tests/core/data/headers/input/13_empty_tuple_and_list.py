"""empty sequences make a base"""
revision = 'aaaa00000013'
down_revision = ()
branch_labels = []
depends_on = ( )
