// SPDX-License-Identifier: GPL-3.0-or-later
#include "ghoststampplan.h"

#include "db/versiontablereader.h"
#include "revision/migrationplanner.h"
#include "revision/versiontablesteps.h"
#include "run/stepstatementsource.h"

namespace Retort {

Result<QStringList> GhostStampPlan::statements(const RevisionMap &map, const VersionTableSql::Table &table,
                                               SqlDialect dialect, const QStringList &targets)
{
    // --purge: the current rows are not looked at, so the unknown one does no harm.
    const RevisionResult<MigrationPlan> plan = MigrationPlanner(map).stamp({}, targets, true);
    if (!plan)
        return Result<QStringList>::failure(plan.errorString());
    const StepStatementSource source(map, dialect, VersionTableSql(VersionTableReader::versionTableDialect(dialect), table));
    QStringList sql{source.purgeVersionTable().sql};
    VersionTableSteps versions(map, {});
    for (const MigrationStep &step : plan->steps) {
        const RevisionResult<VersionRowChanges> changes = versions.apply(step);
        if (!changes)
            return Result<QStringList>::failure(changes.errorString());
        for (const VersionRowChange &change : changes.value())
            sql << source.versionStatement(change).sql;
    }
    return sql;
}

Result<QStringList> GhostStampPlan::rowsAfter(const RevisionMap &map, const QStringList &targets)
{
    const RevisionResult<MigrationPlan> plan = MigrationPlanner(map).stamp({}, targets, true);
    if (!plan)
        return Result<QStringList>::failure(plan.errorString());
    VersionTableSteps versions(map, {});
    for (const MigrationStep &step : plan->steps) {
        if (const RevisionResult<VersionRowChanges> changes = versions.apply(step); !changes)
            return Result<QStringList>::failure(changes.errorString());
    }
    return versions.heads();
}

} // namespace Retort
