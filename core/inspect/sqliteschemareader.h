// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/canonicalschema.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace Retort {

// LiveSchemaReader's SQLite part: sqlite_master and the PRAGMAs, plus the CREATE TABLE
// and CREATE INDEX text (SqliteTableSql) for names, CHECKs, AUTOINCREMENT and
// expression/partial indexes. Reads only; same thread as the connection.
class SqliteSchemaReader
{
public:
    SqliteSchemaReader(const QSqlDatabase &database, const QStringList &skippedTables);
    Result<CanonicalSchema> read() const;

private:
    Result<bool> readTable(CanonicalSchema &schema, const QString &table, const QString &sql) const;
    QString pragma(const QString &name, const QString &argument) const;

    QSqlDatabase m_database;
    QStringList m_skipped;
};

} // namespace Retort
