"""f"""
N = 2
revision = f"2b0000000{N}"
down_revision = '1a00000001'
