"""prefixes"""
revision = r'4dc4e4b4c1b9'
down_revision = u"55af2cb1c267"
branch_labels = R'raw_label'
depends_on = U'1975ea83b712'
