"""call"""
import os
revision = '2b00000002'
down_revision = os.environ.get("PARENT")
