"""cut"""
revision = '2b00000002'
down_revision = ('1a00000001',
