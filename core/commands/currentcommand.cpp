// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/currentcommand.h"

#include "db/databaseconnector.h"
#include "db/databaseurlresolver.h"
#include "db/versiontablereader.h"
#include "revision/revisionformatter.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Retort {

namespace {

// CREATE TABLE alembic_version as Alembic issues it before running env.py's migrations,
// committed on its own (SQLite and MySQL do not roll DDL back anyway).
std::optional<QString> createVersionTable(const DatabaseConnection &connection, const VersionTableSql::Table &table)
{
    QSqlDatabase db = connection.database();
    const VersionTableSql sql(VersionTableReader::versionTableDialect(connection.dialect()), table);
    const bool transaction = db.transaction();
    QSqlQuery query(db);
    if (!query.exec(sql.createTable())) {
        const QString error = query.lastError().text().simplified();
        if (transaction)
            db.rollback();
        return QStringLiteral("Could not create the version table %1 in %2: %3")
            .arg(table.name, connection.url().toDisplayString(), error);
    }
    if (transaction && !db.commit())
        return QStringLiteral("Could not create the version table %1 in %2: %3")
            .arg(table.name, connection.url().toDisplayString(), db.lastError().text().simplified());
    return std::nullopt;
}

} // namespace

Result<CurrentCommand::DatabaseRevisions>
CurrentCommand::readDatabaseRevisions(const CommandContext &context, const CliArguments &arguments,
                                      bool ensureVersionTable, QString *hint)
{
    using R = Result<DatabaseRevisions>;
    DatabaseUrlResolver resolver(context.layout());
    if (!arguments.url.isEmpty())
        resolver.setExplicitUrl(arguments.url);
    const Result<DatabaseUrl> url = resolver.resolveDatabaseUrl();
    if (!url)
        return R::failure(url.error());
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url.value());
    if (!connection)
        return R::failure(connection.error());

    const VersionTableSql::Table table = resolver.versionTable();
    if (ensureVersionTable) {
        const Result<bool> exists = VersionTableReader::exists(connection.value(), table);
        if (!exists)
            return R::failure(exists.error());
        if (!exists.value()) {
            if (const std::optional<QString> problem = createVersionTable(connection.value(), table))
                return R::failure(*problem);
        }
    }
    const Result<QStringList> rows = VersionTableReader::read(connection.value(), table);
    if (!rows)
        return R::failure(rows.error());
    const QString unknown = VersionTableReader::firstUnknownRevision(rows.value(), context.map());
    if (!unknown.isEmpty() && hint)
        *hint = VersionTableReader::unknownRevisionHint(unknown, table);
    return DatabaseRevisions{rows.value(), url->toDisplayString()};
}

CommandOutput CurrentCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    QString hint;
    const Result<DatabaseRevisions> database = readDatabaseRevisions(context, arguments, false, &hint);
    if (!database)
        return CommandOutput::databaseFailure(database.error());
    const RevisionResult<QStringList> current = context.map().allCurrent(database->rows);
    if (!current) {
        CommandOutput failure = CommandOutput::failure(current.errorString());
        if (!hint.isEmpty())
            failure.standardError = hint + QLatin1Char('\n');
        return failure;
    }

    const RevisionFormatter formatter(context.map());
    QString out;
    if (arguments.verbose)
        out += QStringLiteral("Current revision(s) for %1:\n").arg(database->displayUrl);
    for (const QString &id : current.value())
        out += (arguments.verbose ? formatter.verbose(id) : formatter.oneLine(id, RevisionFormatter::LineOptions()))
            + QLatin1Char('\n');
    return CommandOutput::success(out);
}

} // namespace Retort
