"""line continuation"""
revision = \
    'aaaa00000032'
down_revision = 'aaaa0000' \
                '0001'
