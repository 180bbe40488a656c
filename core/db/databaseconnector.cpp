// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/databaseconnector.h"

#include "db/databaseconnectionstate.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Retort {

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("retort-db-") + QString::number(++counter);
}

// A value for a libpq conninfo string: quoted when it has to be, with \ and ' escaped.
QString libpqValue(const QString &value)
{
    if (!value.isEmpty() && !value.contains(QLatin1Char(' ')) && !value.contains(QLatin1Char('\''))
        && !value.contains(QLatin1Char('\\')))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// Qt's drivers take their options as "KEY=value;KEY=value" and QPSQL turns every ';' into a
// space, so a value with ';' cannot be passed on faithfully.
std::optional<QString> checkOptionValue(const DatabaseUrl &url, const QString &key, const QString &value)
{
    if (value.contains(QLatin1Char(';')))
        return QStringLiteral("Could not connect to %1: the option %2 contains ';', which Qt's SQL "
                              "drivers cannot pass on")
            .arg(url.toDisplayString(), key);
    return std::nullopt;
}

Result<QString> postgresqlOptions(const DatabaseUrl &url, const DatabaseConnector::Options &options)
{
    QStringList items;
    for (const auto &[key, value] : url.query()) {
        // host/port from the query replace the URL's (libpq reads them; psycopg2 does so too).
        if (key == QLatin1String("host") || key == QLatin1String("port"))
            continue;
        if (const std::optional<QString> problem = checkOptionValue(url, key, value))
            return Result<QString>::failure(*problem);
        items.append(key + QLatin1Char('=') + libpqValue(value));
    }
    if (!url.hasQueryItem(QStringLiteral("connect_timeout")) && options.connectTimeoutSeconds > 0)
        items.append(QStringLiteral("connect_timeout=") + QString::number(options.connectTimeoutSeconds));
    return items.join(QLatin1Char(';'));
}

Result<QString> mysqlOptions(const DatabaseUrl &url, const DatabaseConnector::Options &options)
{
    static const QList<std::pair<QString, QString>> names = {
        {QStringLiteral("unix_socket"), QStringLiteral("UNIX_SOCKET")},
        {QStringLiteral("connect_timeout"), QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT")},
        {QStringLiteral("read_timeout"), QStringLiteral("MYSQL_OPT_READ_TIMEOUT")},
        {QStringLiteral("write_timeout"), QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT")},
        {QStringLiteral("ssl_ca"), QStringLiteral("SSL_CA")},
        {QStringLiteral("ssl_cert"), QStringLiteral("SSL_CERT")},
        {QStringLiteral("ssl_key"), QStringLiteral("SSL_KEY")},
        {QStringLiteral("ssl_capath"), QStringLiteral("SSL_CAPATH")},
        {QStringLiteral("ssl_cipher"), QStringLiteral("SSL_CIPHER")},
    };
    QStringList items;
    for (const auto &[key, qtName] : names) {
        if (!url.hasQueryItem(key))
            continue;
        const QString value = url.queryItemValue(key);
        if (const std::optional<QString> problem = checkOptionValue(url, key, value))
            return Result<QString>::failure(*problem);
        items.append(qtName + QLatin1Char('=') + value);
    }
    if (!url.hasQueryItem(QStringLiteral("connect_timeout")) && options.connectTimeoutSeconds > 0)
        items.append(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=") + QString::number(options.connectTimeoutSeconds));
    return items.join(QLatin1Char(';'));
}

QString sqliteOptions(const DatabaseUrl &url)
{
    // pysqlite waits 5 seconds for a locked database unless ?timeout= says otherwise.
    double seconds = 5.0;
    if (url.hasQueryItem(QStringLiteral("timeout")))
        seconds = url.queryItemValue(QStringLiteral("timeout")).toDouble();
    return QStringLiteral("QSQLITE_BUSY_TIMEOUT=") + QString::number(qRound(seconds * 1000));
}

// What went wrong, in words a user can act on, from the driver's error.
QString connectFailureHint(const DatabaseUrl &url, const QSqlError &error, int timeoutSeconds)
{
    const QString text = error.text();
    const QString code = error.nativeErrorCode();
    const auto has = [&text](const char *needle) {
        return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
    };
    const QString database = url.database().isEmpty() ? url.userName() : url.database();
    if (has("password authentication failed") || code == QLatin1String("1045") || has("Access denied for user"))
        return QStringLiteral("wrong user name or password (check the URL, or the environment "
                              "variable or ini option it comes from)");
    if ((has("database") && has("does not exist")) || code == QLatin1String("1049") || has("Unknown database"))
        return QStringLiteral("the database '%1' does not exist on the server (create it first, "
                              "e.g. CREATE DATABASE %1)")
            .arg(database);
    if (has("timeout expired") || has("timed out") || (has("Can't connect to server") && has("(110)")))
        return QStringLiteral("no answer from the server within %1 seconds (is the host "
                              "reachable, and the port right?)")
            .arg(timeoutSeconds);
    if (has("Connection refused") || code == QLatin1String("2002") || code == QLatin1String("2003"))
        return QStringLiteral("the server refused the connection or is not running (check host "
                              "and port, and that the server accepts TCP connections)");
    if (has("could not translate host name") || has("Unknown server host") || code == QLatin1String("2005"))
        return QStringLiteral("unknown host '%1'").arg(url.host());
    return QStringLiteral("the connection failed");
}

QString queryServerVersion(QSqlDatabase &db, SqlDialect dialect)
{
    QString sql;
    switch (dialect) {
    case SqlDialect::PostgreSql:
        sql = QStringLiteral("SHOW server_version");
        break;
    case SqlDialect::MySql:
        sql = QStringLiteral("SELECT VERSION()");
        break;
    case SqlDialect::Sqlite:
        sql = QStringLiteral("SELECT sqlite_version()");
        break;
    }
    QSqlQuery query(db);
    if (query.exec(sql) && query.next())
        return query.value(0).toString();
    return QString();
}

} // namespace

QString DatabaseConnector::debianPackageForQtDriver(const QString &qtDriver)
{
    if (qtDriver == QLatin1String("QSQLITE"))
        return QStringLiteral("libqt6sql6-sqlite");
    if (qtDriver == QLatin1String("QPSQL"))
        return QStringLiteral("libqt6sql6-psql");
    if (qtDriver == QLatin1String("QMYSQL") || qtDriver == QLatin1String("QMARIADB"))
        return QStringLiteral("libqt6sql6-mysql");
    if (qtDriver == QLatin1String("QODBC"))
        return QStringLiteral("libqt6sql6-odbc");
    if (qtDriver == QLatin1String("QIBASE"))
        return QStringLiteral("libqt6sql6-ibase");
    return QString();
}

Result<DatabaseConnection> DatabaseConnector::open(const DatabaseUrl &url)
{
    return open(url, Options());
}

Result<DatabaseConnection> DatabaseConnector::open(const QString &url)
{
    return open(url, Options());
}

Result<DatabaseConnection> DatabaseConnector::open(const QString &url, const Options &options)
{
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return Result<DatabaseConnection>::failure(parsed.error());
    return open(parsed.value(), options);
}

Result<DatabaseConnection> DatabaseConnector::open(const DatabaseUrl &url, const Options &options)
{
    using R = Result<DatabaseConnection>;
    const QString display = url.toDisplayString();
    const QString qtDriver = options.qtDriverOverride.isEmpty() ? url.qtDriverName() : options.qtDriverOverride;
    if (!QSqlDatabase::isDriverAvailable(qtDriver)) {
        const QString package = debianPackageForQtDriver(qtDriver);
        QString message = QStringLiteral("Cannot connect to %1: the Qt SQL driver plugin %2 is not "
                                         "installed")
                              .arg(display, qtDriver);
        if (!package.isEmpty())
            message += QStringLiteral(" (install the Debian package %1)").arg(package);
        message += QStringLiteral("; available drivers: %1")
                       .arg(QSqlDatabase::drivers().isEmpty() ? QStringLiteral("none")
                                                              : QSqlDatabase::drivers().join(QStringLiteral(", ")));
        return R::failure(message);
    }

    QString connectOptions;
    switch (url.dialect()) {
    case SqlDialect::PostgreSql: {
        const Result<QString> built = postgresqlOptions(url, options);
        if (!built)
            return R::failure(built.error());
        connectOptions = built.value();
        break;
    }
    case SqlDialect::MySql: {
        const Result<QString> built = mysqlOptions(url, options);
        if (!built)
            return R::failure(built.error());
        connectOptions = built.value();
        break;
    }
    case SqlDialect::Sqlite:
        connectOptions = sqliteOptions(url);
        break;
    }

    const QString sqliteFile = url.sqliteFilePath(options.sqliteBaseDirectory.isEmpty()
                                                      ? QDir::current()
                                                      : QDir(options.sqliteBaseDirectory));
    const QString name = uniqueConnectionName();
    QString failure;
    QString serverVersion;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(qtDriver, name);
        if (!db.isValid()) {
            failure = QStringLiteral("Cannot connect to %1: the Qt SQL driver plugin %2 could not be "
                                     "loaded: %3")
                          .arg(display, qtDriver, db.lastError().text());
        } else {
            if (url.dialect() == SqlDialect::Sqlite) {
                db.setDatabaseName(url.isSqliteMemory() ? QStringLiteral(":memory:") : sqliteFile);
            } else {
                const QString queryHost = url.queryItemValue(QStringLiteral("host"));
                db.setHostName(url.dialect() == SqlDialect::PostgreSql && !queryHost.isEmpty() ? queryHost
                                                                                               : url.host());
                const QString queryPort = url.queryItemValue(QStringLiteral("port"));
                if (url.dialect() == SqlDialect::PostgreSql && !queryPort.isEmpty())
                    db.setPort(queryPort.toInt());
                else if (url.port() >= 0)
                    db.setPort(url.port());
                db.setUserName(url.userName());
                db.setPassword(url.password());
                db.setDatabaseName(url.database());
            }
            db.setConnectOptions(connectOptions);
            if (url.dialect() == SqlDialect::Sqlite && !url.isSqliteMemory()) {
                const QFileInfo file(sqliteFile);
                if (!file.absoluteDir().exists())
                    failure = QStringLiteral("Cannot open the SQLite database %1: the folder %2 does "
                                             "not exist (create it first)")
                                  .arg(file.filePath(), file.absolutePath());
            }
            if (failure.isEmpty() && !db.open()) {
                const QSqlError error = db.lastError();
                if (url.dialect() == SqlDialect::Sqlite)
                    failure = QStringLiteral("Cannot open the SQLite database %1: %2 (is the file a "
                                             "SQLite database, and readable and writable?)")
                                  .arg(sqliteFile, error.text());
                else
                    failure = QStringLiteral("Could not connect to %1: %2. The server said: %3")
                                  .arg(display,
                                       connectFailureHint(url, error, options.connectTimeoutSeconds),
                                       error.text().simplified());
            }
            // SQLite opens any file lazily: read the schema once so that a file that is not a
            // database fails here, not in the middle of a migration.
            if (failure.isEmpty() && url.dialect() == SqlDialect::Sqlite) {
                QSqlQuery probe(db);
                if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
                    failure = QStringLiteral("Cannot open the SQLite database %1: %2")
                                  .arg(url.isSqliteMemory() ? QStringLiteral(":memory:") : sqliteFile,
                                       probe.lastError().text());
            }
            if (failure.isEmpty())
                serverVersion = queryServerVersion(db, url.dialect());
        }
    }
    if (!failure.isEmpty()) {
        QSqlDatabase::removeDatabase(name);
        return R::failure(failure);
    }
    DatabaseConnection connection;
    connection.m_state = std::make_shared<DatabaseConnection::State>(name, url);
    connection.m_state->serverVersion = serverVersion;
    return connection;
}

} // namespace Retort
