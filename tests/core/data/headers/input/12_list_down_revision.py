"""list down_revision (accepted by Alembic)"""
from typing import Sequence, Union
revision: str = "aaaa00000012"
down_revision: Union[str, Sequence[str], None] = ["aaaa00000001"]
branch_labels: Union[str, Sequence[str], None] = ["x", "y",]
depends_on: Union[str, Sequence[str], None] = []
