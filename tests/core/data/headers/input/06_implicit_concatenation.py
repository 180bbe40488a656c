"""implicit concatenation"""
revision = '3cac' "04ae8714"
down_revision = ('4dc4e4b4'  # first half
                 'c1b9')      # second half
branch_labels = None
depends_on = None
