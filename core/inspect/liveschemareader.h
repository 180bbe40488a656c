// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/canonicalschema.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Retort {

// Reads the schema of a live database through QtSql into a CanonicalSchema: tables,
// columns (type as the database reports it, normalised by DialectSpelling; nullability;
// server default; autoincrement/identity; comment; position), primary key, foreign keys,
// unique and check constraints, indexes (columns or expressions, unique, partial WHERE)
// and table comments; PostgreSQL enum types as items of their own.
// - SQLite: sqlite_master + PRAGMA table_info / index_list / index_info /
//   foreign_key_list, and the CREATE TABLE text for what the PRAGMAs do not tell
//   (constraint names, CHECKs, AUTOINCREMENT). SQLite keeps no comments.
// - PostgreSQL: pg_catalog, one schema (default: current_schema()).
// - MySQL/MariaDB: information_schema, one database (default: DATABASE()). A UNIQUE
//   constraint *is* a unique index there: both are reported as `index ... unique=yes`.
//
// The caller opens the connection and owns it; read() runs on the calling thread (which
// must be the connection's) and only reads. Failures carry the catalog query and the
// server's message.
class LiveSchemaReader
{
public:
    explicit LiveSchemaReader(const QSqlDatabase &database);

    // PostgreSQL schema / MySQL database to read; "" = the connection's current one.
    void setSchema(const QString &schema) { m_schema = schema; }
    // Tables to leave out, e.g. the version table ("alembic_version").
    void setSkippedTables(const QStringList &tables) { m_skipped = tables; }

    // "sqlite", "postgresql" or "mysql" from the connection's Qt driver, "" if unknown.
    static QString dialectOf(const QSqlDatabase &database);

    Result<CanonicalSchema> read() const;

private:
    QSqlDatabase m_database;
    QString m_schema;
    QStringList m_skipped;
};

} // namespace Retort
