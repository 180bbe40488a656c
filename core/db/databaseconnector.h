// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/databaseconnection.h"
#include "db/databaseurl.h"
#include "util/result.h"

#include <QString>

namespace Retort {

// Opens Qt SQL connections for SQLAlchemy URLs: SQLite files and memory databases (QSQLITE),
// PostgreSQL (QPSQL, libpq options from the URL's query) and MySQL/MariaDB (QMYSQL, charset /
// unix_socket / timeouts / ssl_* from the query).
//
// Errors are returned, never printed, and always name the URL with its password masked:
// a missing Qt driver plugin (with the Debian package that provides it), an unreachable host
// (after the connect timeout: never a hang), a wrong user name or password, an unknown
// database, an SQLite file that cannot be opened.
//
// Threading: open() may be called from any thread; the connection belongs to the calling
// thread (see DatabaseConnection). Stateless.
class DatabaseConnector
{
public:
    struct Options
    {
        // Seconds to wait for the server to answer (PostgreSQL connect_timeout, MySQL
        // MYSQL_OPT_CONNECT_TIMEOUT); the URL's own connect_timeout wins. 0 = the driver's
        // default (which can be minutes).
        int connectTimeoutSeconds = 10;
        // The Qt driver to use instead of the dialect's own (tests of the missing-plugin
        // error); empty = QSQLITE / QPSQL / QMYSQL as the dialect needs.
        QString qtDriverOverride;
        // What a relative SQLite file (sqlite:///rel.db) is relative to. Empty = the current
        // directory, as SQLAlchemy; the GUI passes the folder alembic would be run from (the
        // ini's), since its own working directory is arbitrary.
        QString sqliteBaseDirectory;
    };

    static Result<DatabaseConnection> open(const DatabaseUrl &url);
    static Result<DatabaseConnection> open(const DatabaseUrl &url, const Options &options);
    // Parses and opens in one step (parse errors are returned as they are).
    static Result<DatabaseConnection> open(const QString &url);
    static Result<DatabaseConnection> open(const QString &url, const Options &options);

    // The Debian package that provides a Qt SQL driver plugin ("libqt6sql6-psql" for QPSQL);
    // empty when unknown.
    static QString debianPackageForQtDriver(const QString &qtDriver);
};

} // namespace Retort
