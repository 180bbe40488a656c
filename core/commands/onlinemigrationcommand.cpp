// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/onlinemigrationcommand.h"

#include "db/databaseurlresolver.h"
#include "revision/migrationplanner.h"
#include "run/migrationrunner.h"
#include "sql/sqldialect.h"

namespace Retort {

namespace {

struct LiveSink
{
    OnlineMigrationCommand::LiveOutput output;
    bool terminal = false;
};

LiveSink &liveSink()
{
    static LiveSink sink;
    return sink;
}

QString alembicInfo(const QString &text)
{
    return QStringLiteral("INFO  [alembic.runtime.migration] ") + text + QLatin1Char('\n');
}

QString progressBar(int done, int count)
{
    constexpr int width = 30;
    const int filled = count > 0 ? done * width / count : width;
    return QLatin1Char('[') + QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.')) +
           QLatin1Char(']');
}

} // namespace

void OnlineMigrationCommand::setLiveOutput(LiveOutput output, bool terminal)
{
    liveSink() = {std::move(output), terminal};
}

bool OnlineMigrationCommand::handles(const CliArguments &arguments)
{
    return !arguments.sql && (arguments.command == QLatin1String("upgrade") ||
                              arguments.command == QLatin1String("downgrade") ||
                              arguments.command == QLatin1String("stamp"));
}

std::optional<CommandOutput> OnlineMigrationCommand::checkArguments(const CliArguments &arguments)
{
    if (arguments.command == QLatin1String("stamp"))
        return std::nullopt;
    const auto direction = arguments.command == QLatin1String("downgrade")
                               ? MigrationStep::Direction::Downgrade
                               : MigrationStep::Direction::Upgrade;
    const RevisionResult<MigrationPlanner::Range> range =
        MigrationPlanner::parseRange(direction, arguments.revision(), false);
    if (!range)
        return CommandOutput::failure(range.errorString());
    return std::nullopt;
}

Result<QString> OnlineMigrationCommand::databaseUrl(const CommandContext &context,
                                                    const CliArguments &arguments)
{
    DatabaseUrlResolver resolver(context.layout());
    if (!arguments.url.isEmpty())
        resolver.setExplicitUrl(arguments.url);
    const Result<DatabaseUrlResolver::Resolved> resolved = resolver.resolve();
    if (!resolved)
        return Result<QString>::failure(resolved.error());
    return resolved->url;
}

CommandOutput OnlineMigrationCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    if (const std::optional<CommandOutput> invalid = checkArguments(arguments))
        return *invalid;
    const Result<QString> url = databaseUrl(context, arguments);
    if (!url)
        return CommandOutput::failure(url.error());

    RunRequest request;
    request.url = url.value();
    request.kind = arguments.command == QLatin1String("upgrade")     ? RunRequest::Kind::Upgrade
                   : arguments.command == QLatin1String("downgrade") ? RunRequest::Kind::Downgrade
                                                                     : RunRequest::Kind::Stamp;
    request.targets = arguments.revisions;
    request.purge = arguments.purge;
    if (arguments.transactionPerMigration)
        request.transactionMode = RunRequest::TransactionMode::PerMigration;
    if (!arguments.lockTimeout.isEmpty()) {
        bool ok = false;
        const double seconds = arguments.lockTimeout.toDouble(&ok);
        if (!ok || seconds < 0)
            return CommandOutput::failure(
                QStringLiteral("--lock-timeout wants a number of seconds, not '%1'").arg(arguments.lockTimeout));
        request.lockTimeoutMs = int(seconds * 1000);
    }
    request.map = context.map();
    request.versionTable = DatabaseUrlResolver(context.layout()).versionTable();

    const LiveSink &sink = liveSink();
    CommandOutput output;
    auto err = [&](const QString &text) {
        if (sink.output)
            sink.output(text);
        else
            output.standardError += text;
    };

    const std::optional<SqlDialect> dialect =
        sqlDialectFromName(request.url.section(QStringLiteral("://"), 0, 0));
    MigrationPlan plan;
    MigrationRunner runner;
    QObject::connect(&runner, &MigrationRunner::waitingForLock, [&](const QString &message) {
        err(message + QLatin1Char('\n'));
    });
    QObject::connect(&runner, &MigrationRunner::started, [&](const MigrationPlan &planned) {
        plan = planned;
        if (dialect == SqlDialect::PostgreSql) {
            err(alembicInfo(QStringLiteral("Context impl PostgresqlImpl.")));
            err(alembicInfo(QStringLiteral("Will assume transactional DDL.")));
        } else {
            err(alembicInfo(dialect == SqlDialect::MySql ? QStringLiteral("Context impl MySQLImpl.")
                                                         : QStringLiteral("Context impl SQLiteImpl.")));
            err(alembicInfo(QStringLiteral("Will assume non-transactional DDL.")));
        }
        for (const QString &warning : planned.warnings)
            err(QStringLiteral("UserWarning: ") + warning + QLatin1Char('\n'));
    });
    QObject::connect(&runner, &MigrationRunner::migrationStarted, [&](int index, int, const QString &) {
        const MigrationStep &step = plan.steps.at(index);
        QString text = step.description();
        if (!step.stamp)
            if (const Revision *revision = context.map().revision(step.revision))
                text += QLatin1String(", ") + revision->doc();
        err(alembicInfo(QStringLiteral("Running ") + text));
    });
    QObject::connect(&runner, &MigrationRunner::migrationFinished,
                     [&](int index, int count, const QString &revision, qint64 ms) {
                         QString line = QStringLiteral("[%1/%2] %3 done in %4 ms")
                                            .arg(index + 1)
                                            .arg(count)
                                            .arg(revision)
                                            .arg(ms);
                         if (sink.terminal)
                             err(QLatin1Char('\r') + progressBar(index + 1, count) + QLatin1Char(' ') +
                                 line + (index + 1 == count ? QStringLiteral("\n") : QStringLiteral("\x1b[K\n")));
                         else
                             err(line + QLatin1Char('\n'));
                     });
    bool ok = false;
    RunError failure;
    QObject::connect(&runner, &MigrationRunner::finished, [&](const RunSummary &summary) {
        ok = true;
        if (!summary.migrations.isEmpty())
            err(QStringLiteral("%1 migration(s) in %2 ms; %3 now holds: %4\n")
                    .arg(summary.migrations.size())
                    .arg(summary.milliseconds)
                    .arg(request.versionTable.name,
                         summary.versionRows.isEmpty() ? QStringLiteral("(no rows)")
                                                       : summary.versionRows.join(QLatin1String(", "))));
    });
    QObject::connect(&runner, &MigrationRunner::failed, [&](const RunError &error) { failure = error; });
    runner.run(request);
    if (ok)
        return output;
    CommandOutput failed = CommandOutput::failure(failure.message);
    failed.standardError = output.standardError;
    // Alembic's CommandError (bad target, unknown revision) exits 255; a database
    // error is an exception there: status 1.
    if (failure.kind != RunError::Kind::BadInput)
        failed.exitCode = 1;
    return failed;
}

} // namespace Retort
