// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/nativecheck.h"

#include "revision/migrationplanner.h"
#include "revision/revisionmap.h"
#include "schema/migrationmodulecache.h"
#include "schema/schemaapplier.h"
#include "schema/schemareplayer.h"
#include "sql/sqldialect.h"
#include "sql/sqlrenderer.h"

#include <QMap>

#include <memory>

namespace Retort {

namespace {

// One finding, before the dialects it applies to are merged.
struct Finding
{
    qsizetype revisionIndex = 0;
    int functionOrder = 0; // upgrade first
    Diagnostic diagnostic;
    QString function;
};

using FindingKey = std::tuple<qsizetype, int, int, int, QString, QString>;

} // namespace

NativeCheck::NativeCheck(const RevisionMap &map)
    : m_map(map)
{
}

Result<NativeCheckReport> NativeCheck::check(const QString &range, const QStringList &dialects) const
{
    const MigrationPlanner planner(m_map);
    const RevisionResult<MigrationPlan> plan = planner.offline(MigrationStep::Direction::Upgrade, range);
    if (!plan)
        return Result<NativeCheckReport>::failure(plan.errorString());

    NativeCheckReport report;
    for (const MigrationStep &step : plan->steps) {
        if (!step.stamp)
            report.revisions << step.revision;
    }

    MigrationModuleCache cache;
    QMap<FindingKey, Finding> findings;
    QMap<FindingKey, QStringList> findingDialects;
    const auto record = [&](qsizetype index, const QString &function, const Diagnostics &diagnostics,
                            const QString &dialect) {
        const int order = function == QLatin1String("upgrade") ? 0 : 1;
        for (const Diagnostic &d : diagnostics) {
            const FindingKey key{index, order, d.line, d.column, d.file, d.message};
            findings.insert(key, {index, order, d, function});
            findingDialects[key] << dialect;
        }
    };

    for (const QString &dialectName : dialects) {
        const std::optional<SqlDialect> dialect = sqlDialectFromName(dialectName);
        if (!dialect)
            return Result<NativeCheckReport>::failure(QStringLiteral("unknown dialect '%1'").arg(dialectName));
        const std::unique_ptr<SqlRenderer> renderer = SqlRenderer::create(*dialect);
        const SchemaReplayer replayer(m_map, dialectName, cache);

        SchemaModel schema;
        // The schema the range starts from is not part of the check.
        for (const QString &start : plan->startHeads) {
            const Result<QStringList> order = replayer.upgradeOrder(start);
            if (!order)
                return Result<NativeCheckReport>::failure(order.error());
            for (const QString &revision : order.value())
                replayer.apply(schema, revision, QStringLiteral("upgrade"));
        }

        const auto checkFunction = [&](SchemaModel &model, qsizetype index, const QString &function) {
            const SchemaReplayer::Interpreted interpreted = replayer.interpret(report.revisions.at(index), function);
            if (!interpreted.diagnostics.isEmpty()) {
                record(index, function, interpreted.diagnostics, dialectName);
                return;
            }
            SchemaApplier applier(model, interpreted.path);
            Diagnostics diagnostics;
            for (const Operation &operation : interpreted.operations) {
                const Result<QStringList> sql = renderer->render(operation);
                if (!sql) {
                    const SourceRange where = operationRange(operation);
                    Diagnostic d;
                    d.file = interpreted.path;
                    d.line = where.start.line;
                    d.column = where.start.column;
                    d.message = sql.error();
                    diagnostics << d;
                }
                applier.apply(operation);
            }
            diagnostics += applier.diagnostics();
            record(index, function, diagnostics, dialectName);
        };

        for (qsizetype i = 0; i < report.revisions.size(); ++i) {
            checkFunction(schema, i, QStringLiteral("upgrade"));
            SchemaModel afterUpgrade = schema;
            checkFunction(afterUpgrade, i, QStringLiteral("downgrade"));
        }
    }

    for (auto it = findings.cbegin(); it != findings.cend(); ++it) {
        Diagnostic d = it->diagnostic;
        d.message += QStringLiteral(" (%1: %2)").arg(it->function, findingDialects.value(it.key()).join(QLatin1String(", ")));
        report.diagnostics << d;
        const QString &revision = report.revisions.at(it->revisionIndex);
        if (!report.failing.contains(revision))
            report.failing << revision;
    }
    return report;
}

} // namespace Retort
