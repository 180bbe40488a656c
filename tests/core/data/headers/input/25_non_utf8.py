"""café is Latin-1 here"""
revision = 'aaaa00000025'
down_revision = None
