// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/migrationcommand.h"

#include "commands/migrationsqlsource.h"
#include "commands/offlinescriptwriter.h"
#include "revision/migrationplanner.h"
#include "revision/versiontablesql.h"

namespace Retort {

namespace {

bool isStamp(const CliArguments &arguments)
{
    return arguments.command == QLatin1String("stamp");
}

MigrationStep::Direction direction(const CliArguments &arguments)
{
    return arguments.command == QLatin1String("downgrade") ? MigrationStep::Direction::Downgrade
                                                           : MigrationStep::Direction::Upgrade;
}

} // namespace

std::optional<CommandOutput> MigrationCommand::checkArguments(const CliArguments &arguments)
{
    if (!isStamp(arguments)) {
        const RevisionResult<MigrationPlanner::Range> range =
            MigrationPlanner::parseRange(direction(arguments), arguments.revision(), arguments.sql);
        if (!range)
            return CommandOutput::failure(range.errorString());
    }
    return std::nullopt;
}

CommandOutput MigrationCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    if (const std::optional<CommandOutput> invalid = checkArguments(arguments))
        return *invalid;

    // env.py configures the dialect before Alembic plans anything.
    const Result<QString> dialectName = context.offlineDialect(arguments);
    if (!dialectName)
        return CommandOutput::failure(dialectName.error());
    const std::optional<VersionTableSql::Dialect> dialect =
        VersionTableSql::dialectFromName(dialectName.value());
    if (!dialect)
        return CommandOutput::failure(
            QStringLiteral("Can't load plugin: sqlalchemy.dialects:%1").arg(dialectName.value()));

    const MigrationPlanner planner(context.map());
    const RevisionResult<MigrationPlan> plan =
        isStamp(arguments) ? planner.offlineStamp(arguments.revisions, arguments.purge)
                           : planner.offline(direction(arguments), arguments.revision());
    if (!plan)
        return CommandOutput::failure(plan.errorString());

    OfflineScriptWriter writer(context.map(), VersionTableSql(*dialect));
    // The bodies of the migrations, rendered natively for dialects Retort knows.
    std::optional<MigrationSqlSource> bodies;
    if (const std::optional<SqlDialect> sqlDialect = sqlDialectFromName(dialectName.value())) {
        bodies.emplace(context.map(), *sqlDialect);
        bodies->prepare(plan->steps); // in parallel; the writer then reads them in plan order
        writer.setStepStatements(bodies->hook());
    }
    const Result<QString> script = writer.write(plan.value());
    if (!script)
        return CommandOutput::failure(script.error());
    return CommandOutput::success(script.value());
}

} // namespace Retort
