// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/canonicalschema.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace Retort {

// LiveSchemaReader's PostgreSQL part: pg_catalog for one schema (format_type() for
// types, pg_get_expr() for defaults and partial-index predicates, pg_get_constraintdef()
// for CHECKs, pg_enum for enum types). Reads only; same thread as the connection.
class PostgreSqlSchemaReader
{
public:
    PostgreSqlSchemaReader(const QSqlDatabase &database, const QString &schema, const QStringList &skippedTables);
    Result<CanonicalSchema> read() const;

private:
    Result<bool> readTable(CanonicalSchema &schema, const QString &schemaName, const QString &oid,
                           const QString &table, const QString &comment) const;

    QSqlDatabase m_database;
    QString m_schema;
    QStringList m_skipped;
};

} // namespace Retort
