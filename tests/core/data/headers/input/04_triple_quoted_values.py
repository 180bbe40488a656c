'''Triple-quoted values'''
revision = '''55af2cb1c267'''
down_revision = """27c6a30d7c24"""
branch_labels = None
depends_on = None
