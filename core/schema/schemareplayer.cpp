// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/schemareplayer.h"

#include "ops/interpreter.h"
#include "revision/migrationplanner.h"
#include "revision/revisionmap.h"
#include "schema/schemaapplier.h"

#include <QSet>

namespace Retort {

SchemaReplayer::SchemaReplayer(const RevisionMap &map, const QString &dialect, MigrationModuleCache &cache)
    : m_map(map)
    , m_dialect(dialect)
    , m_cache(cache)
{
}

Result<QStringList> SchemaReplayer::upgradeOrder(const QString &target) const
{
    const RevisionResult<MigrationPlan> plan = MigrationPlanner(m_map).upgrade({}, target);
    if (!plan)
        return Result<QStringList>::failure(plan.errorString());
    QStringList order;
    for (const MigrationStep &step : plan->steps) {
        if (!step.stamp)
            order << step.revision;
    }
    return order;
}

Result<SchemaReplay> SchemaReplayer::replay(const QString &target) const
{
    const Result<QStringList> order = upgradeOrder(target);
    if (!order)
        return Result<SchemaReplay>::failure(order.error());
    SchemaReplay result;
    result.revisions = order.value();
    for (const QString &revision : result.revisions)
        result.diagnostics += apply(result.schema, revision, QStringLiteral("upgrade"));
    return result;
}

Result<SchemaReplay> SchemaReplayer::replayAt(const QStringList &revisions) const
{
    SchemaReplay result;
    if (revisions.isEmpty())
        return result;
    const Result<QStringList> order = upgradeOrder(QStringLiteral("heads"));
    if (!order)
        return Result<SchemaReplay>::failure(order.error());
    const QStringList upTo = m_map.ancestors(revisions);
    const QSet<QString> applied(upTo.cbegin(), upTo.cend());
    for (const QString &revision : order.value()) {
        if (!applied.contains(revision))
            continue;
        result.revisions << revision;
        result.diagnostics += apply(result.schema, revision, QStringLiteral("upgrade"));
    }
    return result;
}

SchemaReplayer::Interpreted SchemaReplayer::interpret(const QString &revision, const QString &function) const
{
    Interpreted out;
    const Revision *rev = m_map.revision(revision);
    if (!rev) {
        Diagnostic d;
        d.message = QStringLiteral("Can't locate revision identified by '%1'").arg(revision);
        out.diagnostics << d;
        return out;
    }
    out.path = rev->path;
    Diagnostic parseError;
    const PythonModule *module = m_cache.module(rev->path, &parseError);
    if (!module) {
        out.diagnostics << parseError;
        return out;
    }
    InterpretedFunction interpreted = Interpreter(*module).interpret(function, m_dialect);
    if (!interpreted.renderable()) {
        out.diagnostics = interpreted.diagnostics;
        for (Diagnostic &d : out.diagnostics) {
            if (d.file.isEmpty())
                d.file = rev->path;
        }
        return out;
    }
    out.operations = std::move(interpreted.operations);
    return out;
}

Diagnostics SchemaReplayer::apply(SchemaModel &model, const QString &revision, const QString &function) const
{
    const Interpreted interpreted = interpret(revision, function);
    if (!interpreted.diagnostics.isEmpty())
        return interpreted.diagnostics;
    SchemaApplier applier(model, interpreted.path);
    applier.apply(interpreted.operations);
    return applier.diagnostics();
}

} // namespace Retort
