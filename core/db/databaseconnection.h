// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/databaseurl.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Retort {

// An open QSqlDatabase connection, made by DatabaseConnector, that is closed and removed from
// Qt's connection registry (QSqlDatabase::removeDatabase) when the last copy of this handle
// goes away or reset() is called.
//
// Threading: a Qt SQL connection belongs to the thread that opened it. Use, copy and destroy
// the handle in that thread only (the runner opens its own in its worker thread). Do not keep
// the QSqlDatabase returned by database() beyond the handle's life: Qt would warn that the
// connection is still in use when it is removed.
class DatabaseConnection
{
public:
    DatabaseConnection() = default;

    bool isValid() const { return m_state != nullptr; }
    // The open connection; an invalid QSqlDatabase for a default-constructed handle.
    QSqlDatabase database() const;
    // The unique name under which Qt registers the connection ("retort-db-N").
    QString connectionName() const;
    // The URL the connection was opened for (toDisplayString() for messages).
    const DatabaseUrl &url() const;
    SqlDialect dialect() const { return url().dialect(); }
    // The server's version string as it reports it: "15.4 (Debian 15.4-1)" (PostgreSQL
    // `SHOW server_version`), "10.11.6-MariaDB-0+deb12u1" (MySQL/MariaDB `SELECT VERSION()`),
    // "3.40.1" (SQLite `sqlite_version()`).
    QString serverVersion() const;
    // A MySQL-dialect connection whose server is MariaDB (whatever the URL's scheme said).
    bool isMariaDb() const;

    // Closes and removes the connection now (if this is the last copy).
    void reset() { m_state.reset(); }

private:
    friend class DatabaseConnector;
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace Retort
