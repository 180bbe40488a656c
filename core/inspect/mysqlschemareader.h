// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/canonicalschema.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace Retort {

// LiveSchemaReader's MySQL/MariaDB part: information_schema (TABLES, COLUMNS,
// TABLE_CONSTRAINTS, KEY_COLUMN_USAGE, REFERENTIAL_CONSTRAINTS, CHECK_CONSTRAINTS,
// STATISTICS) for one database. Unique constraints are unique indexes in MySQL and are
// reported as such. Reads only; same thread as the connection.
class MySqlSchemaReader
{
public:
    MySqlSchemaReader(const QSqlDatabase &database, const QString &schema, const QStringList &skippedTables);
    Result<CanonicalSchema> read() const;

private:
    Result<bool> readTable(CanonicalSchema &schema, const QString &schemaName, const QString &table,
                           const QString &comment) const;

    QSqlDatabase m_database;
    QString m_schema;
    QStringList m_skipped;
};

} // namespace Retort
