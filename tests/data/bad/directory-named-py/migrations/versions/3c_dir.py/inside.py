revision = "3c00000003"
down_revision = "1a00000001"
