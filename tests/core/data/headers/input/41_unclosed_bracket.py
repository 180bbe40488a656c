"""a bracket that is never closed"""
revision = 'aaaa00000041'
down_revision = ('aaaa00000001',
branch_labels = None
