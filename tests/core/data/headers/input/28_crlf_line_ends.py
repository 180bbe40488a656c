"""Windows line ends

second paragraph
"""
revision = 'aaaa00000028'
down_revision = (
    'aaaa00000001',
    'aaaa00000002',
)
branch_labels = None
depends_on = None
