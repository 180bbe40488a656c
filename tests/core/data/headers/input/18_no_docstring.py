# A migration without a docstring.
revision = 'aaaa00000018'
down_revision = None
branch_labels = None
depends_on = None
