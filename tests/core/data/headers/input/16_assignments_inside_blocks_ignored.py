"""only module level counts"""
import typing

revision = 'aaaa00000016'
down_revision = None

if typing.TYPE_CHECKING:
    revision = 'not_this_one'
if False: down_revision = 'nor_this'; depends_on = 'nor_that'


class Helper:
    revision = 'class_attribute'


def upgrade():
    revision = 'local'
    branch_labels = ('local',)


branch_labels = None
depends_on = None
