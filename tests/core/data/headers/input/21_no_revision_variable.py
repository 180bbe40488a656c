"""no revision and not a hex file name"""
down_revision = None
branch_labels = None
depends_on = None
