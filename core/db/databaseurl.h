// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sql/sqldialect.h"
#include "util/result.h"

#include <QDir>
#include <QList>
#include <QString>

#include <utility>

namespace Retort {

// A SQLAlchemy database URL, `dialect[+driver]://user:password@host:port/database?key=value`,
// split into its parts the way SQLAlchemy's make_url() splits it, so that Retort reaches the
// same database Alembic reaches with the same text:
// - user name, password and query values are percent-decoded; the database part is taken
//   as written (SQLAlchemy 1.4 and 2.0 do not decode it either: `sqlite:///a%20b.db` is the
//   file `a%20b.db`);
// - `[::1]` is an IPv6 host (stored without the brackets);
// - `sqlite://`, `sqlite:///` and `sqlite:///:memory:` are an in-memory database,
//   `sqlite:///rel.db` is relative to the current directory, `sqlite:////abs.db` absolute.
// parse() also checks what create_engine() would refuse: unknown dialects and drivers (with
// SQLAlchemy's "Can't load plugin" wording), a port that is not a number, an option given
// twice, and the options Retort cannot honour.
//
// Value type, immutable, safe to copy between threads. The password is kept (the connector
// needs it) but never shown: use toDisplayString() in every message and log.
class DatabaseUrl
{
public:
    using QueryItem = std::pair<QString, QString>;

    static Result<DatabaseUrl> parse(const QString &text);
    // A SQLite database file (absolute or relative to the current directory).
    static DatabaseUrl sqliteFile(const QString &path);
    static DatabaseUrl sqliteMemory();

    SqlDialect dialect() const { return m_dialect; }
    // The dialect as written: "sqlite", "postgresql", "mysql" or "mariadb".
    QString dialectName() const { return m_dialectName; }
    // The DBAPI driver as written after '+' ("psycopg2", "pymysql"); empty when not given.
    QString driver() const { return m_driver; }
    // "dialect" or "dialect+driver", as SQLAlchemy's URL.drivername.
    QString driverName() const;

    QString userName() const { return m_userName; }
    QString password() const { return m_password; }
    bool hasPassword() const { return m_hasPassword; }
    QString host() const { return m_host; }
    // -1 when the URL names no port (the driver's default applies).
    int port() const { return m_port; }
    QString database() const { return m_database; }
    bool hasDatabase() const { return m_hasDatabase; }

    // The query options in URL order, decoded.
    const QList<QueryItem> &query() const { return m_query; }
    bool hasQueryItem(const QString &key) const;
    QString queryItemValue(const QString &key) const;

    // SQLite only: an in-memory database (no file).
    bool isSqliteMemory() const;
    // SQLite only: the database file, made absolute against `base` (SQLAlchemy resolves a
    // relative file against the process's current directory). Empty for memory databases.
    QString sqliteFilePath(const QDir &base = QDir::current()) const;

    // The Qt SQL driver that talks to this dialect: QSQLITE, QPSQL or QMYSQL.
    QString qtDriverName() const;

    // The same URL naming another database (tests and scratch databases).
    DatabaseUrl withDatabase(const QString &database) const;

    // The URL with the password, for handing to Alembic in a subprocess. Never log it.
    QString toString() const;
    // The URL with the password replaced by ***, as SQLAlchemy's repr(url) shows it.
    QString toDisplayString() const;

    // Best effort for text that did not parse: the part between "user:" and "@" masked.
    static QString maskPassword(const QString &text);

private:
    QString render(bool hidePassword) const;

    SqlDialect m_dialect = SqlDialect::Sqlite;
    QString m_dialectName = QStringLiteral("sqlite");
    QString m_driver;
    QString m_userName;
    QString m_password;
    bool m_hasPassword = false;
    QString m_host;
    bool m_ipv6Host = false;
    int m_port = -1;
    QString m_database;
    bool m_hasDatabase = false;
    QList<QueryItem> m_query;
};

} // namespace Retort
