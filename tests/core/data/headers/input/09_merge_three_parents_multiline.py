"""merge three branches"""
from alembic import op

revision = "aaaa00000009"
down_revision = (
    "aaaa00000001",  # users branch
    # the orders branch comes next
    "aaaa00000002",
    "aaaa00000003",  # billing
)
branch_labels = None
depends_on = None
