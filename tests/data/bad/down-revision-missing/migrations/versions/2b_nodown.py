"""no down"""
revision = '2b00000002'
