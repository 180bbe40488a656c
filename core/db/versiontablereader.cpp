// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/versiontablereader.h"

#include "revision/revisionmap.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Retort {

namespace {

QString tableDisplayName(const VersionTableSql::Table &table)
{
    return table.schema.isEmpty() ? table.name : table.schema + QLatin1Char('.') + table.name;
}

QString readError(const DatabaseConnection &connection, const VersionTableSql::Table &table,
                  const QString &what, const QSqlError &error)
{
    return QStringLiteral("Could not %1 the version table %2 in %3: %4")
        .arg(what, tableDisplayName(table), connection.url().toDisplayString(), error.text().simplified());
}

// SQLite identifiers inside the query text: double quotes, doubled inside.
QString sqliteQuoted(const QString &identifier)
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Result<bool> runExistsQuery(const DatabaseConnection &connection, const VersionTableSql::Table &table,
                            const QString &sql, const QStringList &values)
{
    QSqlQuery query(connection.database());
    if (!query.prepare(sql))
        return Result<bool>::failure(readError(connection, table, QStringLiteral("look for"), query.lastError()));
    for (const QString &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Result<bool>::failure(readError(connection, table, QStringLiteral("look for"), query.lastError()));
    return query.next();
}

} // namespace

VersionTableSql::Dialect VersionTableReader::versionTableDialect(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::PostgreSql:
        return VersionTableSql::Dialect::Postgresql;
    case SqlDialect::MySql:
        return VersionTableSql::Dialect::Mysql;
    case SqlDialect::Sqlite:
        break;
    }
    return VersionTableSql::Dialect::Sqlite;
}

Result<bool> VersionTableReader::exists(const DatabaseConnection &connection)
{
    return exists(connection, VersionTableSql::Table());
}

Result<bool> VersionTableReader::exists(const DatabaseConnection &connection, const VersionTableSql::Table &table)
{
    if (!connection.isValid())
        return Result<bool>::failure(QStringLiteral("No database connection to read the version table from"));
    switch (connection.dialect()) {
    case SqlDialect::PostgreSql:
        if (table.schema.isEmpty())
            return runExistsQuery(connection, table,
                                  QStringLiteral("SELECT 1 FROM pg_catalog.pg_class c "
                                                 "WHERE c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'f', 'm') "
                                                 "AND pg_catalog.pg_table_is_visible(c.oid)"),
                                  {table.name});
        return runExistsQuery(connection, table,
                              QStringLiteral("SELECT 1 FROM pg_catalog.pg_class c "
                                             "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                             "WHERE c.relname = ? AND n.nspname = ? "
                                             "AND c.relkind IN ('r', 'p', 'v', 'f', 'm')"),
                              {table.name, table.schema});
    case SqlDialect::MySql:
        if (table.schema.isEmpty())
            return runExistsQuery(connection, table,
                                  QStringLiteral("SELECT 1 FROM information_schema.tables "
                                                 "WHERE table_schema = DATABASE() AND table_name = ?"),
                                  {table.name});
        return runExistsQuery(connection, table,
                              QStringLiteral("SELECT 1 FROM information_schema.tables "
                                             "WHERE table_schema = ? AND table_name = ?"),
                              {table.schema, table.name});
    case SqlDialect::Sqlite:
        break;
    }
    // SQLite: a schema is an attached database name; without one Alembic looks in main,
    // then in temp.
    const QString select = QStringLiteral("SELECT 1 FROM %1 WHERE type IN ('table', 'view') AND name = ?");
    if (!table.schema.isEmpty())
        return runExistsQuery(connection, table, select.arg(sqliteQuoted(table.schema) + QStringLiteral(".sqlite_master")),
                              {table.name});
    const Result<bool> inMain = runExistsQuery(connection, table, select.arg(QStringLiteral("main.sqlite_master")),
                                               {table.name});
    if (!inMain || inMain.value())
        return inMain;
    return runExistsQuery(connection, table, select.arg(QStringLiteral("sqlite_temp_master")), {table.name});
}

Result<QStringList> VersionTableReader::read(const DatabaseConnection &connection)
{
    return read(connection, VersionTableSql::Table());
}

Result<QStringList> VersionTableReader::read(const DatabaseConnection &connection, const VersionTableSql::Table &table)
{
    const Result<bool> present = exists(connection, table);
    if (!present)
        return Result<QStringList>::failure(present.error());
    if (!present.value())
        return QStringList();
    const VersionTableSql sql(versionTableDialect(connection.dialect()), table);
    QSqlQuery query(connection.database());
    query.setForwardOnly(true);
    if (!query.exec(sql.selectVersions()))
        return Result<QStringList>::failure(readError(connection, table, QStringLiteral("read"), query.lastError()));
    QStringList rows;
    while (query.next())
        rows.append(query.value(0).toString());
    if (query.lastError().isValid())
        return Result<QStringList>::failure(readError(connection, table, QStringLiteral("read"), query.lastError()));
    return rows;
}

QString VersionTableReader::firstUnknownRevision(const QStringList &rows, const RevisionMap &map)
{
    for (const QString &row : rows) {
        if (!map.contains(row))
            return row;
    }
    return QString();
}

QString VersionTableReader::unknownRevisionHint(const QString &id, const VersionTableSql::Table &table)
{
    return QStringLiteral("The database's version table %1 names revision '%2', which none of the "
                          "project's revision files defines. Check that this is the right project "
                          "and database; if the database really is at one of the project's "
                          "revisions, record that with `stamp REVISION` (or `stamp --purge "
                          "REVISION` to replace every row).")
        .arg(tableDisplayName(table), id);
}

} // namespace Retort
