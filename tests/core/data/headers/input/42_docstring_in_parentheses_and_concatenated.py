(
    "message in "
    'two parts'
)
revision = 'aaaa00000042'
down_revision = None
