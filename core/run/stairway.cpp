// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/stairway.h"

#include "db/databaseconnector.h"
#include "db/databaseurl.h"
#include "inspect/liveschemareader.h"
#include "inspect/schemacomparison.h"
#include "revision/migrationplanner.h"
#include "run/migrationrunner.h"

#include <QTemporaryDir>

namespace Retort {

namespace {

struct StepRun
{
    bool ok = false;
    QString error;
    QStringList rows;
};

StepRun runPlan(const QString &url, const RevisionMap &map, const VersionTableSql::Table &table,
                const MigrationPlan &plan)
{
    RunRequest request;
    request.url = url;
    request.map = map;
    request.versionTable = table;
    request.plan = plan;
    MigrationRunner runner;
    StepRun result;
    QObject::connect(&runner, &MigrationRunner::finished, [&](const RunSummary &summary) {
        result.ok = true;
        result.rows = summary.versionRows;
    });
    QObject::connect(&runner, &MigrationRunner::failed, [&](const RunError &error) { result.error = error.message; });
    runner.run(request);
    return result;
}

} // namespace

Stairway::Stairway(RevisionMap map)
    : m_map(std::move(map))
{
}

Result<Stairway::Report> Stairway::run(const QString &url) const
{
    if (!url.isEmpty())
        return walk(url);
    QTemporaryDir directory;
    if (!directory.isValid())
        return Result<Report>::failure(QStringLiteral("Cannot create a temporary directory: ") +
                                       directory.errorString());
    return walk(QStringLiteral("sqlite:///") + directory.filePath(QStringLiteral("stairway.db")));
}

Result<Stairway::Report> Stairway::walk(const QString &url) const
{
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
    if (!connection)
        return Result<Report>::failure(connection.error());
    const QString display = connection->url().toDisplayString();
    const QStringList existing = connection->database().tables(QSql::Tables);
    if (!existing.isEmpty())
        return Result<Report>::failure(
            QStringLiteral("The stairway needs an empty scratch database, but %1 has tables (%2); "
                           "give the URL of an empty database, or none for a temporary SQLite file")
                .arg(display, existing.join(QLatin1String(", "))));

    LiveSchemaReader reader(connection->database());
    reader.setSkippedTables({m_versionTable.name});
    const SchemaComparison comparison(QStringLiteral("before upgrade"), QStringLiteral("after downgrade"));
    const SchemaComparison again(QStringLiteral("first upgrade"), QStringLiteral("second upgrade"));

    const RevisionResult<MigrationPlan> full = MigrationPlanner(m_map).upgrade({}, QStringLiteral("heads"));
    if (!full)
        return Result<Report>::failure(full.errorString());

    Report report;
    report.url = display;
    QStringList heads;
    const int count = int(full->steps.size());
    for (int i = 0; i < count; ++i) {
        const MigrationStep &up = full->steps.at(i);
        StepResult step;
        step.revision = up.revision;
        step.description = up.description();
        if (const Revision *revision = m_map.revision(up.revision))
            step.description += QLatin1String(", ") + revision->doc();
        auto finish = [&](bool passed) {
            step.passed = passed;
            report.steps.append(step);
            if (m_progress)
                m_progress(step, i, count);
        };

        const Result<CanonicalSchema> before = reader.read();
        if (!before)
            return Result<Report>::failure(before.error());
        const StepRun upgraded = runPlan(url, m_map, m_versionTable, {heads, {up}, false, {}});
        if (!upgraded.ok) {
            step.failure = QStringLiteral("upgrade failed: ") + upgraded.error;
            finish(false);
            return report;
        }
        const Result<CanonicalSchema> first = reader.read();
        if (!first)
            return Result<Report>::failure(first.error());

        MigrationStep down;
        down.direction = MigrationStep::Direction::Downgrade;
        down.revision = up.revision;
        down.fromRevisions = {up.revision};
        down.toRevisions = m_map.parents(up.revision);
        const StepRun downgraded = runPlan(url, m_map, m_versionTable, {upgraded.rows, {down}, false, {}});
        if (!downgraded.ok) {
            step.failure = QStringLiteral("downgrade failed: ") + downgraded.error;
            finish(false);
            return report;
        }
        const Result<CanonicalSchema> after = reader.read();
        if (!after)
            return Result<Report>::failure(after.error());
        step.differences = comparison.lines(before.value(), after.value());
        QStringList rowsBefore = heads, rowsAfter = downgraded.rows;
        rowsBefore.sort();
        rowsAfter.sort();
        if (rowsBefore != rowsAfter)
            step.differences << QStringLiteral("%1 holds (%2) after the downgrade, (%3) before the upgrade")
                                    .arg(m_versionTable.name, rowsAfter.join(QLatin1String(", ")),
                                         rowsBefore.join(QLatin1String(", ")));
        if (!step.differences.isEmpty()) {
            step.failure = QStringLiteral("the downgrade does not reverse the upgrade");
            finish(false);
            return report;
        }

        const StepRun reapplied = runPlan(url, m_map, m_versionTable, {downgraded.rows, {up}, false, {}});
        if (!reapplied.ok) {
            step.failure = QStringLiteral("upgrade after downgrade failed: ") + reapplied.error;
            finish(false);
            return report;
        }
        const Result<CanonicalSchema> second = reader.read();
        if (!second)
            return Result<Report>::failure(second.error());
        step.differences = again.lines(first.value(), second.value());
        if (!step.differences.isEmpty()) {
            step.failure = QStringLiteral("the upgrade after the downgrade gives a different schema");
            finish(false);
            return report;
        }
        heads = reapplied.rows;
        finish(true);
    }
    report.passed = true;
    return report;
}

} // namespace Retort
