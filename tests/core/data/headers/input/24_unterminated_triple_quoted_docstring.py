"""the docstring is never closed

revision = 'aaaa00000024'
down_revision = None
