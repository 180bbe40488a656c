'''   Indented docstring

    Body lines are indented;
	Python 3.13 removes the common indentation.
    Create Date: 2026-01-02 03:04:05
'''
revision = 'aaaa00000019'
down_revision = None
branch_labels = None
depends_on = None
