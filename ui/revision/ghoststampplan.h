// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/revisionmap.h"
#include "revision/versiontablesql.h"
#include "sql/sqldialect.h"
#include "util/result.h"

#include <QStringList>

namespace Retort {

// The statements that repair a version table naming a revision no script defines:
// `alembic stamp --purge TARGET...` (Alembic cannot plan a plain stamp from an unknown
// revision). Computed with the core code the online runner executes — MigrationPlanner's
// stamp plan, VersionTableSteps and StepStatementSource's version-table statements — so
// the SQL shown is the SQL that runs (the runner wraps it in its transaction). Pure;
// any thread.
class GhostStampPlan
{
public:
    // targets: revision ids or identifiers; empty means base (the table is emptied).
    static Result<QStringList> statements(const RevisionMap &map, const VersionTableSql::Table &table,
                                          SqlDialect dialect, const QStringList &targets);
    // The rows alembic_version holds after the stamp.
    static Result<QStringList> rowsAfter(const RevisionMap &map, const QStringList &targets);
};

} // namespace Retort
