"""computed values cannot be read"""
PREFIX = 'aaaa'
revision = PREFIX + '00000020'
down_revision = make_parent()
branch_labels = f"{PREFIX}_label"
depends_on = ('aaaa00000001', other)
