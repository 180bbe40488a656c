"""an annotation alone assigns nothing"""
from typing import Optional
revision: str
down_revision: Optional[str] = None
revision: str = (
    'aaaa00000033'
)
