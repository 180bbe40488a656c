// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/databaseconnection.h"
#include "sql/sqldialect.h"

#include <QSqlDatabase>
#include <QString>

namespace Retort {

// The runner's own database connection, opened through DatabaseConnector in the calling
// thread (Qt connections belong to the thread that created them) and closed by the
// destructor. Not copyable; use it in one thread only. Errors: open() returns false and
// errorString() says what failed (URL password masked).
//
// Beyond DatabaseConnector: a SQLite URL with the query `mode=ro` (SQLAlchemy's URI form)
// opens the file read-only (PRAGMA query_only), so that every write is refused.
class RunConnection
{
public:
    RunConnection() = default;
    ~RunConnection();
    RunConnection(const RunConnection &) = delete;
    RunConnection &operator=(const RunConnection &) = delete;

    bool open(const QString &url, int connectTimeoutSeconds);
    QSqlDatabase &database() { return m_database; }
    SqlDialect dialect() const { return m_dialect; }
    QString errorString() const { return m_error; }

private:
    DatabaseConnection m_connection;
    QSqlDatabase m_database; // a copy of m_connection's, released first
    SqlDialect m_dialect = SqlDialect::Sqlite;
    QString m_error;
};

} // namespace Retort
