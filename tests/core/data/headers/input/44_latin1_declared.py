# -*- coding: latin-1 -*-
"""café declared as Latin-1"""
revision = 'aaaa00000044'
down_revision = None
