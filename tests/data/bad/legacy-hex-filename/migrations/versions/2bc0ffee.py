"""legacy"""
down_revision = "1a00000001"
