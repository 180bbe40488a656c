"""merge heads

Revision ID: 109ec7d132bf
Revises: 3782d9986ced, 55af2cb1c267
"""
revision = '109ec7d132bf'
down_revision = ('3782d9986ced', '55af2cb1c267')
branch_labels = None
depends_on = None
