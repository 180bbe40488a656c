// SPDX-License-Identifier: GPL-3.0-or-later
#include "revision/versiontablesql.h"

#include <QRegularExpression>

namespace Retort {

VersionTableSql::VersionTableSql(Dialect dialect)
    : VersionTableSql(dialect, Table())
{ }

VersionTableSql::VersionTableSql(Dialect dialect, Table table)
    : m_dialect(dialect)
    , m_table(std::move(table))
{ }

std::optional<VersionTableSql::Dialect> VersionTableSql::dialectFromName(const QString &name)
{
    // A URL scheme names the driver after '+': only the dialect part matters here.
    const QString dialect = name.section(QLatin1Char('+'), 0, 0).toLower();
    if (dialect == QLatin1String("sqlite"))
        return Dialect::Sqlite;
    if (dialect == QLatin1String("postgresql") || dialect == QLatin1String("postgres"))
        return Dialect::Postgresql;
    if (dialect == QLatin1String("mysql") || dialect == QLatin1String("mariadb"))
        return Dialect::Mysql;
    return std::nullopt;
}

// SQLAlchemy quotes a name only when it must: upper-case letters, or characters that
// are not legal in a plain identifier. (Reserved words are not checked here; the
// default table name never is one.)
QString VersionTableSql::quoted(const QString &identifier) const
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_$]*$"));
    if (plain.match(identifier).hasMatch())
        return identifier;
    if (m_dialect == Dialect::Mysql)
        return QLatin1Char('`') +
               QString(identifier).replace(QLatin1Char('`'), QLatin1String("``")) +
               QLatin1Char('`');
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QLatin1String("\"\"")) +
           QLatin1Char('"');
}

QString VersionTableSql::qualifiedTable() const
{
    if (m_table.schema.isEmpty())
        return quoted(m_table.name);
    return quoted(m_table.schema) + QLatin1Char('.') + quoted(m_table.name);
}

QString VersionTableSql::createTable() const
{
    QString sql = QLatin1String("CREATE TABLE ") + qualifiedTable() +
                  QLatin1String(" (\n\tversion_num VARCHAR(32) NOT NULL");
    if (m_table.primaryKey)
        sql += QLatin1String(", \n\tCONSTRAINT ") + quoted(m_table.name + QLatin1String("_pkc")) +
               QLatin1String(" PRIMARY KEY (version_num)");
    return sql + QLatin1String("\n)");
}

QString VersionTableSql::dropTable() const
{
    return QLatin1String("DROP TABLE ") + qualifiedTable();
}

QString VersionTableSql::selectVersions() const
{
    const QString table = qualifiedTable();
    return QLatin1String("SELECT ") + table + QLatin1String(".version_num \nFROM ") + table;
}

QString VersionTableSql::statement(const VersionRowChange &change) const
{
    const QString table = qualifiedTable();
    const auto literal = [](const QString &revision) -> QString {
        return QLatin1Char('\'') + revision + QLatin1Char('\'');
    };
    switch (change.kind) {
    case VersionRowChange::Kind::Insert: {
        QString sql = QLatin1String("INSERT INTO ") + table +
                      QLatin1String(" (version_num) VALUES (") + literal(change.to) +
                      QLatin1Char(')');
        // SQLAlchemy 2.0 adds implicit RETURNING of the primary key where the dialect
        // supports it; the table has no primary key when version_table_pk is off.
        if (m_table.primaryKey && m_dialect == Dialect::Postgresql)
            sql += QLatin1String(" RETURNING ") + table + QLatin1String(".version_num");
        else if (m_table.primaryKey && m_dialect == Dialect::Sqlite)
            sql += QLatin1String(" RETURNING version_num");
        return sql;
    }
    case VersionRowChange::Kind::Update:
        return QLatin1String("UPDATE ") + table + QLatin1String(" SET version_num=") +
               literal(change.to) + QLatin1String(" WHERE ") + table +
               QLatin1String(".version_num = ") + literal(change.from);
    case VersionRowChange::Kind::Delete:
        return QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE ") + table +
               QLatin1String(".version_num = ") + literal(change.from);
    case VersionRowChange::Kind::DeleteAll:
        return QLatin1String("DELETE FROM ") + table;
    }
    return QString();
}

} // namespace Retort
