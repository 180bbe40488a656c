// SPDX-License-Identifier: GPL-3.0-or-later
#include "preview/sqlpreview.h"

#include "commands/migrationsqlsource.h"
#include "commands/offlinescriptwriter.h"
#include "ops/interpreter.h"
#include "preview/sqlriskanalyzer.h"
#include "python/pythonast.h"
#include "revision/migrationplanner.h"
#include "revision/versiontablesql.h"
#include "schema/migrationmodulecache.h"

namespace Retort {

SqlPreviewRequest SqlPreviewRequest::migration(const RevisionMap &map, const QString &revision,
                                               MigrationStep::Direction direction,
                                               SqlDialect dialect)
{
    SqlPreviewRequest request;
    request.map = map;
    request.kind = Kind::Migration;
    request.revision = revision;
    request.direction = direction;
    request.dialect = dialect;
    return request;
}

SqlPreviewRequest SqlPreviewRequest::range(const RevisionMap &map, const QStringList &current,
                                           const QString &target,
                                           MigrationStep::Direction direction, SqlDialect dialect)
{
    SqlPreviewRequest request;
    request.map = map;
    request.kind = Kind::Range;
    request.current = current;
    request.target = target;
    request.direction = direction;
    request.dialect = dialect;
    return request;
}

QStringList SqlPreviewResult::scriptRevisions() const
{
    QStringList revisions;
    for (const MigrationStep &step : plan.steps) {
        if (!step.stamp)
            revisions << step.revision;
    }
    return revisions;
}

MigrationPlan SqlPreview::singleMigrationPlan(const RevisionMap &map, const QString &revision,
                                              MigrationStep::Direction direction)
{
    MigrationStep step;
    step.direction = direction;
    step.revision = revision;
    MigrationPlan plan;
    // The log line names versioned parents only; the version table also holds the
    // dependencies that are not reached through a parent.
    if (direction == MigrationStep::Direction::Upgrade) {
        step.fromRevisions = map.parents(revision);
        step.toRevisions = {revision};
        plan.startHeads = map.normalizedDownRevisions(revision);
    } else {
        step.fromRevisions = {revision};
        step.toRevisions = map.parents(revision);
        plan.startHeads = {revision};
    }
    plan.steps = {step};
    return plan;
}

namespace {

// Interprets every script step once more, for its risks and, where it cannot be
// rendered natively, the interpreter's diagnostics (MigrationSqlSource only reports
// them as text).
void analyze(const SqlPreviewRequest &request, SqlPreviewResult *result)
{
    MigrationModuleCache modules;
    const QString dialectName = sqlDialectName(request.dialect);
    for (const MigrationStep &step : std::as_const(result->plan.steps)) {
        if (step.stamp)
            continue;
        const Revision *revision = request.map.revision(step.revision);
        if (!revision)
            continue;
        Diagnostic error;
        const PythonModule *module = modules.module(revision->path, &error);
        if (!module) {
            result->diagnostics.append(error);
            continue;
        }
        const InterpretedFunction function =
            Interpreter(*module).interpret(step.name(), dialectName);
        if (!function.renderable()) {
            result->diagnostics += function.diagnostics;
            continue;
        }
        result->risks += SqlRiskAnalyzer::analyze(
            function.operations, request.dialect, {step.revision, step.direction, revision->path});
    }
}

} // namespace

SqlPreviewResult SqlPreview::render(const SqlPreviewRequest &request)
{
    SqlPreviewResult result;
    result.generation = request.generation;
    result.dialect = request.dialect;

    if (request.kind == SqlPreviewRequest::Kind::Migration) {
        if (!request.map.revision(request.revision)) {
            result.errorString =
                QStringLiteral("Can't locate revision identified by '%1'").arg(request.revision);
            return result;
        }
        result.plan = singleMigrationPlan(request.map, request.revision, request.direction);
    } else {
        const MigrationPlanner planner(request.map);
        const RevisionResult<MigrationPlan> plan =
            request.direction == MigrationStep::Direction::Upgrade
                ? planner.upgrade(request.current, request.target)
                : planner.downgrade(request.current, request.target);
        if (!plan) {
            result.errorString = plan.errorString();
            return result;
        }
        result.plan = plan.value();
    }

    analyze(request, &result);

    // The same path as `retort-cli upgrade/downgrade --sql` (MigrationCommand), so the
    // preview is byte for byte what the command line prints.
    const std::optional<VersionTableSql::Dialect> versionDialect =
        VersionTableSql::dialectFromName(sqlDialectName(request.dialect));
    if (!versionDialect) {
        result.errorString = QStringLiteral("Can't load plugin: sqlalchemy.dialects:%1")
                                 .arg(sqlDialectName(request.dialect));
        return result;
    }
    OfflineScriptWriter writer(request.map, VersionTableSql(*versionDialect));
    const MigrationSqlSource bodies(request.map, request.dialect);
    bodies.prepare(result.plan.steps); // in parallel, as MigrationCommand does
    writer.setStepStatements(bodies.hook());
    const Result<QString> script = writer.write(result.plan);
    if (!script) {
        result.errorString = script.error();
        return result;
    }
    result.sql = script.value();
    result.ok = true;
    return result;
}

} // namespace Retort
