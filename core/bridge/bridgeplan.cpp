// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/bridgeplan.h"

#include "ops/interpreter.h"
#include "python/pythonast.h"
#include "schema/migrationmodulecache.h"

namespace Retort {

QStringList BridgePlan::nonNativeRevisions(const RevisionMap &map, const MigrationPlan &plan,
                                           const QString &dialect)
{
    QStringList revisions;
    MigrationModuleCache modules;
    for (const MigrationStep &step : plan.steps) {
        if (step.stamp)
            continue;
        const Revision *revision = map.revision(step.revision);
        if (!revision || revision->path.isEmpty())
            continue;
        Diagnostic error;
        const PythonModule *module = modules.module(revision->path, &error);
        // A script that does not parse fails in Alembic too; the native run reports it.
        if (!module)
            continue;
        const QString function = step.isUpgrade() ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
        if (!Interpreter(*module).interpret(function, dialect).renderable() &&
            !revisions.contains(step.revision))
            revisions.append(step.revision);
    }
    return revisions;
}

} // namespace Retort
