"""num"""
revision = 2
down_revision = '1a00000001'
