// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/liveschemareader.h"

#include "inspect/mysqlschemareader.h"
#include "inspect/postgresqlschemareader.h"
#include "inspect/sqliteschemareader.h"

namespace Retort {

LiveSchemaReader::LiveSchemaReader(const QSqlDatabase &database)
    : m_database(database)
{ }

QString LiveSchemaReader::dialectOf(const QSqlDatabase &database)
{
    const QString driver = database.driverName();
    if (driver.startsWith(QLatin1String("QSQLITE")))
        return QStringLiteral("sqlite");
    if (driver == QLatin1String("QPSQL"))
        return QStringLiteral("postgresql");
    if (driver == QLatin1String("QMYSQL") || driver == QLatin1String("QMARIADB"))
        return QStringLiteral("mysql");
    return QString();
}

Result<CanonicalSchema> LiveSchemaReader::read() const
{
    if (!m_database.isOpen())
        return Result<CanonicalSchema>::failure(
            QStringLiteral("cannot read the schema: the database connection is not open"));
    const QString dialect = dialectOf(m_database);
    if (dialect == QLatin1String("sqlite"))
        return SqliteSchemaReader(m_database, m_skipped).read();
    if (dialect == QLatin1String("postgresql"))
        return PostgreSqlSchemaReader(m_database, m_schema, m_skipped).read();
    if (dialect == QLatin1String("mysql"))
        return MySqlSchemaReader(m_database, m_schema, m_skipped).read();
    return Result<CanonicalSchema>::failure(
        QStringLiteral("cannot read the schema of a %1 connection: Retort reads SQLite, "
                       "PostgreSQL and MySQL/MariaDB databases")
            .arg(m_database.driverName()));
}

} // namespace Retort
