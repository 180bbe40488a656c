"""chained assignment"""
revision = 'aaaa00000035'
down_revision = branch_labels = depends_on = None
