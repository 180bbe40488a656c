"""file with a UTF-8 byte order mark"""
revision = 'aaaa00000027'
down_revision = None
