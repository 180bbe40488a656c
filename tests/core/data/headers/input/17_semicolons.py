"""several statements on a line"""
import sqlalchemy as sa; revision = 'aaaa00000017'; down_revision = None
branch_labels = None; depends_on = None;
