#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the references of tst_revisionwriter with real Alembic: 1.8 (the host's
# /usr/bin/python3) into alembic-1.8/ and 1.13 (the Debian 13 root of ../shared/oracle)
# into alembic-1.13/. Review the diff before committing.
#
#   tests/core/data/revisionwriter/regenerate.sh [DEBIAN13_ROOT]   (default /var/tmp/retort-trixie)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=${1:-/var/tmp/retort-trixie}
oracle=$(cd "$here/../../../../../shared/oracle" && pwd)
LC_ALL=C.UTF-8 /usr/bin/python3 "$here/regenerate.py" "$here/alembic-1.8"
LC_ALL=C.UTF-8 "$oracle/debian13-root.sh" "$root" run python3 "$here/regenerate.py" "$here/alembic-1.13"
