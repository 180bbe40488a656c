"""int"""
revision = '2b00000002'
down_revision = 1
