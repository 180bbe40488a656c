"""characters Alembic rejects"""
revision = 'aa@b+b-c'
down_revision = None
