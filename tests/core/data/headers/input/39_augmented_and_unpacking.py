"""other assignment forms"""
revision = 'aaaa00000039'
revision += '_x'
down_revision, branch_labels = None, None
