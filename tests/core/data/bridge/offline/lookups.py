# SPDX-License-Identifier: GPL-3.0-or-later
"""Application code the migration imports: only Python can read it."""

LOOKUP_TABLES = ("order_kinds", "payment_kinds")
