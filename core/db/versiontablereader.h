// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/databaseconnection.h"
#include "revision/versiontablesql.h"
#include "util/result.h"

#include <QStringList>

namespace Retort {

class RevisionMap;

// Reads the rows of Alembic's version table (alembic_version, or the version_table /
// version_table_schema env.py configures) through an open connection, the way Alembic does:
// `SELECT <table>.version_num FROM <table>` without ORDER BY, so the rows come in the
// database's order (Alembic uses the first row in one place: `downgrade -1` with several
// heads). A missing table means "nothing applied" (no rows), not an error.
//
// The existence check runs before the SELECT, so that reading never fails a statement and
// can be used inside a PostgreSQL transaction without aborting it.
//
// Stateless; use it in the thread that owns the connection. Errors (a table that exists but
// cannot be read, a lost connection) name the table and the URL (password masked).
class VersionTableReader
{
public:
    // VersionTableSql's dialect for a connection's SQL dialect.
    static VersionTableSql::Dialect versionTableDialect(SqlDialect dialect);

    // Whether the table exists (in `table.schema` when set; else where an unqualified name
    // resolves: PostgreSQL's search_path, MySQL's current database, SQLite main then temp).
    static Result<bool> exists(const DatabaseConnection &connection, const VersionTableSql::Table &table);
    static Result<bool> exists(const DatabaseConnection &connection);

    // The revision ids in the table, in the database's order; empty when there is no table.
    static Result<QStringList> read(const DatabaseConnection &connection, const VersionTableSql::Table &table);
    static Result<QStringList> read(const DatabaseConnection &connection);

    // For the command layer: the first row that names no revision of the scripts (empty when
    // all are known). Alembic fails with "Can't locate revision identified by '<id>'".
    static QString firstUnknownRevision(const QStringList &rows, const RevisionMap &map);
    // What to do about such a row (for stderr or a dialog, after Alembic's message).
    static QString unknownRevisionHint(const QString &id, const VersionTableSql::Table &table);
};

} // namespace Retort
