"""tabs"""
revision = '2b00000002'
down_revision = '1a00000001'


def upgrade():
        x = 1
	y = 2


def downgrade():
    pass
