"""a tuple without parentheses"""
revision = 'aaaa00000010'
down_revision = 'aaaa00000001', 'aaaa00000002'
branch_labels = 'one',
depends_on = None
