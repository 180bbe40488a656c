// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/checkdriftcommand.h"

#include "db/databaseconnector.h"
#include "db/databaseurlresolver.h"
#include "db/versiontablereader.h"
#include "inspect/liveschemareader.h"
#include "inspect/schemacomparison.h"
#include "inspect/schemamodelcanonicalizer.h"
#include "schema/migrationmodulecache.h"
#include "schema/schemareplayer.h"

namespace Retort {

CommandOutput CheckDriftCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    DatabaseUrlResolver resolver(context.layout());
    if (!arguments.url.isEmpty())
        resolver.setExplicitUrl(arguments.url);
    const Result<DatabaseUrlResolver::Resolved> resolved = resolver.resolve();
    if (!resolved)
        return CommandOutput::failure(resolved.error());
    const Result<DatabaseConnection> connection = DatabaseConnector::open(resolved->url);
    if (!connection)
        return CommandOutput::failure(connection.error());
    const VersionTableSql::Table versionTable = resolver.versionTable();
    const QString tableName =
        versionTable.schema.isEmpty() ? versionTable.name : versionTable.schema + QLatin1Char('.') + versionTable.name;

    const Result<bool> exists = VersionTableReader::exists(connection.value(), versionTable);
    if (!exists)
        return CommandOutput::failure(exists.error());
    if (!exists.value())
        return CommandOutput::failure(
            QStringLiteral("%1 has no version table (%2): it is not managed by these migrations yet, so there "
                           "is no revision to compare with. Run `upgrade` to build it, or `stamp REVISION` to "
                           "record the revision it already matches.")
                .arg(connection->url().toDisplayString(), tableName));
    const Result<QStringList> rows = VersionTableReader::read(connection.value(), versionTable);
    if (!rows)
        return CommandOutput::failure(rows.error());
    const QString unknown = VersionTableReader::firstUnknownRevision(rows.value(), context.map());
    if (!unknown.isEmpty()) {
        CommandOutput out =
            CommandOutput::failure(QStringLiteral("Can't locate revision identified by '%1'").arg(unknown));
        out.standardError = VersionTableReader::unknownRevisionHint(unknown, versionTable) + QLatin1Char('\n');
        return out;
    }

    const SqlDialect dialect = connection->dialect();
    MigrationModuleCache cache;
    const SchemaReplayer replayer(context.map(), sqlDialectName(dialect), cache);
    const Result<SchemaReplay> replay = replayer.replayAt(rows.value());
    if (!replay)
        return CommandOutput::failure(replay.error());

    LiveSchemaReader reader(connection->database());
    reader.setSkippedTables({versionTable.name});
    const Result<CanonicalSchema> live = reader.read();
    if (!live)
        return CommandOutput::failure(live.error());
    const CanonicalSchema expected = SchemaModelCanonicalizer(dialect).canonicalize(replay->schema);
    const QStringList differences =
        SchemaComparison(QStringLiteral("the migrations"), QStringLiteral("the database")).lines(expected, live.value());

    const QString at = rows->isEmpty() ? QStringLiteral("base") : rows->join(QStringLiteral(", "));
    CommandOutput out;
    for (const Diagnostic &d : replay->diagnostics)
        out.standardError += QStringLiteral("warning: ") + d.toString() + QLatin1Char('\n');
    if (!replay->isComplete())
        out.standardError += QStringLiteral("warning: the migrations above could not be replayed natively; "
                                            "differences they explain are expected\n");
    if (differences.isEmpty()) {
        out.standardOutput = QStringLiteral("No drift: the database matches the migrations at %1.\n").arg(at);
        return out;
    }
    out.standardOutput = QStringLiteral("Drift: the database differs from the migrations at %1 (%2 difference%3):\n")
                             .arg(at)
                             .arg(differences.size())
                             .arg(differences.size() == 1 ? QString() : QStringLiteral("s"));
    for (const QString &line : differences)
        out.standardOutput += QStringLiteral("  ") + line + QLatin1Char('\n');
    out.exitCode = 1;
    return out;
}

} // namespace Retort
