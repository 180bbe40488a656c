"""first line of the message
continues on a second line
   
second paragraph

Revision ID: aaaa00000037
Create Date: 2026-11-23 09:00:00.000000+01:00
"""
revision = 'aaaa00000037'
down_revision = None
