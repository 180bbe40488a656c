"""double quoted header"""
revision = "27c6a30d7c24"
down_revision = "ae1027a6acf0"
branch_labels = None
depends_on = None
