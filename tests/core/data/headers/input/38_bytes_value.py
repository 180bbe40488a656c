"""bytes are not strings"""
revision = b'aaaa00000038'
down_revision = None
