"""labels and dependencies"""
revision = 'aaaa00000014'
down_revision = None
branch_labels = ('feature', 'experimental')
depends_on = ['aaaa00000001', 'feature_base']
