// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/inspectcommand.h"

#include "db/databaseconnector.h"
#include "db/databaseurlresolver.h"
#include "db/versiontablereader.h"
#include "inspect/liveschemareader.h"

#include <algorithm>

namespace Retort {

namespace {

CommandOutput inspect(const QString &url, const VersionTableSql::Table &versionTable)
{
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
    if (!connection)
        return CommandOutput::failure(connection.error());
    LiveSchemaReader reader(connection->database());
    // The version table in another schema is not among the tables read anyway.
    reader.setSkippedTables({versionTable.name});
    const Result<CanonicalSchema> schema = reader.read();
    if (!schema)
        return CommandOutput::failure(schema.error());
    const Result<QStringList> rows = VersionTableReader::read(connection.value(), versionTable);
    if (!rows)
        return CommandOutput::failure(rows.error());
    QString text = schema->toText();
    QStringList versions = rows.value();
    std::sort(versions.begin(), versions.end());
    for (const QString &version : std::as_const(versions))
        text += QStringLiteral("version ") + version + QLatin1Char('\n');
    return CommandOutput::success(text);
}

} // namespace

CommandOutput InspectCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    DatabaseUrlResolver resolver(context.layout());
    if (!arguments.url.isEmpty())
        resolver.setExplicitUrl(arguments.url);
    const Result<DatabaseUrlResolver::Resolved> resolved = resolver.resolve();
    if (!resolved)
        return CommandOutput::failure(resolved.error());
    return inspect(resolved->url, resolver.versionTable());
}

CommandOutput InspectCommand::runWithoutProject(const CliArguments &arguments)
{
    return inspect(arguments.url, VersionTableSql::Table());
}

} // namespace Retort
