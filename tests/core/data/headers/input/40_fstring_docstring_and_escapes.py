f"""an f-string is not a docstring"""
revision = 'aaaa\x30\u00300000040'
down_revision = None
