"""None in a tuple"""
revision = 'aaaa00000043'
down_revision = ('aaaa00000001', None)
depends_on = (('aaaa00000001',),)
