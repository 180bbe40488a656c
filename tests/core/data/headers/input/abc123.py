"""legacy script: the id comes from the hex file name"""
down_revision = None
