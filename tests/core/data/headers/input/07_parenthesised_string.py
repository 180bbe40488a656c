"""a parenthesised string is a string, not a tuple"""
revision = ('3782d9986ced')
down_revision = ((('3cac04ae8714')))
branch_labels = None
depends_on = None
