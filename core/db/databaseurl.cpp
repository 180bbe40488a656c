// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/databaseurl.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <algorithm>

namespace Retort {

namespace {

const QString maskedPassword = QStringLiteral("***");

QString parseError(const QString &text, const QString &detail)
{
    QString message = QStringLiteral("Could not parse SQLAlchemy URL from string '%1'")
                          .arg(DatabaseUrl::maskPassword(text));
    if (!detail.isEmpty())
        message += QStringLiteral(": ") + detail;
    return message;
}

// The shape SQLAlchemy's make_url() accepts. Like Python's re.match() it is anchored at the
// start only: whatever follows a complete match is ignored, as SQLAlchemy ignores it.
const QRegularExpression &urlPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?<name>[\w+]+)://)"
                       R"((?:(?<username>[^:/]*)(?::(?<password>[^@]*))?@)?)"
                       R"((?:(?:\[(?<ipv6host>[^/?]+)\]|(?<ipv4host>[^/:?]+))?(?::(?<port>[^/?]*))?)?)"
                       R"((?:/(?<database>[^?]*))?)"
                       R"((?:\?(?<query>.*))?)"),
        QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

// Python's unquote(): each valid %XX escape is a byte (runs of them decoded as UTF-8,
// invalid sequences replaced); a '%' not followed by two hex digits stays as written, so
// `pass%zz` is the password "pass%zz", as SQLAlchemy reads it.
QString percentDecoded(const QString &text)
{
    if (!text.contains(QLatin1Char('%')))
        return text;
    const auto hexValue = [](QChar c) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            return int(u - u'0');
        if (u >= u'a' && u <= u'f')
            return int(u - u'a' + 10);
        if (u >= u'A' && u <= u'F')
            return int(u - u'A' + 10);
        return -1;
    };
    QString out;
    out.reserve(text.size());
    QByteArray bytes;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('%') && i + 2 < text.size()) {
            const int high = hexValue(text.at(i + 1));
            const int low = hexValue(text.at(i + 2));
            if (high >= 0 && low >= 0) {
                bytes.append(char(high * 16 + low));
                i += 2;
                continue;
            }
        }
        if (!bytes.isEmpty()) {
            out += QString::fromUtf8(bytes);
            bytes.clear();
        }
        out += text.at(i);
    }
    out += QString::fromUtf8(bytes);
    return out;
}

// Python's unquote_plus(): '+' is a space, then percent-decoding.
QString plusDecoded(QString text)
{
    text.replace(QLatin1Char('+'), QLatin1Char(' '));
    return percentDecoded(text);
}

// Python's quote_plus() with its default safe characters.
QString plusEncoded(const QString &text)
{
    QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(text, QByteArrayLiteral(" ")));
    encoded.replace(QLatin1Char(' '), QLatin1Char('+'));
    return encoded;
}

// How SQLAlchemy writes user names and passwords back: only ':', '@' and '/' escaped.
QString userInfoEncoded(const QString &text)
{
    QString encoded;
    for (const QChar c : text) {
        if (c == QLatin1Char(':') || c == QLatin1Char('@') || c == QLatin1Char('/'))
            encoded += QLatin1Char('%') + QString::number(c.unicode(), 16).toUpper();
        else
            encoded += c;
    }
    return encoded;
}

// Python's parse_qsl() with its defaults: '&'-separated, items without a value dropped.
QList<DatabaseUrl::QueryItem> parseQuery(const QString &query)
{
    QList<DatabaseUrl::QueryItem> items;
    const QStringList parts = query.split(QLatin1Char('&'));
    for (const QString &part : parts) {
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        if (equals < 0)
            continue;
        const QString value = part.mid(equals + 1);
        if (value.isEmpty())
            continue;
        items.append({plusDecoded(part.left(equals)), plusDecoded(value)});
    }
    return items;
}

struct DialectInfo
{
    SqlDialect dialect;
    QStringList drivers;
};

// The dialects Retort connects to, with the DBAPI drivers SQLAlchemy knows for each: the
// driver does not matter to Retort (Qt talks to the server), but a name SQLAlchemy would
// refuse is refused here too.
std::optional<DialectInfo> dialectInfo(const QString &name)
{
    static const QStringList mysqlDrivers = {
        QStringLiteral("mysqldb"),      QStringLiteral("pymysql"),  QStringLiteral("mysqlconnector"),
        QStringLiteral("mariadbconnector"), QStringLiteral("asyncmy"), QStringLiteral("aiomysql"),
        QStringLiteral("cymysql"),      QStringLiteral("pyodbc")};
    if (name == QLatin1String("sqlite"))
        return DialectInfo{SqlDialect::Sqlite, {QStringLiteral("pysqlite"), QStringLiteral("aiosqlite")}};
    if (name == QLatin1String("postgresql"))
        return DialectInfo{SqlDialect::PostgreSql,
                           {QStringLiteral("psycopg2"), QStringLiteral("psycopg"),
                            QStringLiteral("psycopg_async"), QStringLiteral("psycopg2cffi"),
                            QStringLiteral("pg8000"), QStringLiteral("asyncpg"),
                            QStringLiteral("pygresql")}};
    if (name == QLatin1String("mysql") || name == QLatin1String("mariadb"))
        return DialectInfo{SqlDialect::MySql, mysqlDrivers};
    return std::nullopt;
}

QString unknownDialectMessage(const QString &display, const QString &dialect)
{
    static const QSet<QString> otherSqlAlchemyDialects = {
        QStringLiteral("mssql"), QStringLiteral("oracle"), QStringLiteral("firebird"),
        QStringLiteral("sybase"), QStringLiteral("cockroachdb"), QStringLiteral("snowflake"),
        QStringLiteral("redshift"), QStringLiteral("duckdb")};
    if (dialect == QLatin1String("postgres"))
        return QStringLiteral("Can't load plugin: sqlalchemy.dialects:postgres (in URL '%1'): "
                              "SQLAlchemy 1.4 and later no longer accept 'postgres://'; "
                              "write 'postgresql://'")
            .arg(display);
    if (otherSqlAlchemyDialects.contains(dialect))
        return QStringLiteral("Retort cannot connect to %1 databases (URL '%2'); it connects to "
                              "sqlite, postgresql, mysql and mariadb")
            .arg(dialect, display);
    return QStringLiteral("Can't load plugin: sqlalchemy.dialects:%1 (in URL '%2'): unknown "
                          "dialect; Retort connects to sqlite, postgresql, mysql and mariadb")
        .arg(dialect, display);
}

// The query options Retort can pass on, per dialect. PostgreSQL's go to libpq as they are
// (psycopg does the same), so libpq itself judges them.
std::optional<QString> checkQuery(const DatabaseUrl &url)
{
    QSet<QString> seen;
    for (const auto &[key, value] : url.query()) {
        if (seen.contains(key))
            return QStringLiteral("the option '%1' is given twice").arg(key);
        seen.insert(key);
    }
    const QString display = url.toDisplayString();
    switch (url.dialect()) {
    case SqlDialect::PostgreSql:
        return std::nullopt;
    case SqlDialect::Sqlite: {
        static const QSet<QString> known = {QStringLiteral("timeout"), QStringLiteral("check_same_thread")};
        for (const auto &[key, value] : url.query()) {
            if (!known.contains(key))
                return QStringLiteral("Retort does not support the SQLite option '%1' in '%2' "
                                      "(supported: timeout)")
                    .arg(key, display);
            if (key == QLatin1String("timeout")) {
                bool ok = false;
                const double seconds = value.toDouble(&ok);
                if (!ok || seconds < 0)
                    return QStringLiteral("the SQLite option timeout=%1 in '%2' is not a number "
                                          "of seconds")
                        .arg(value, display);
            }
        }
        return std::nullopt;
    }
    case SqlDialect::MySql: {
        static const QSet<QString> known = {
            QStringLiteral("charset"),     QStringLiteral("unix_socket"), QStringLiteral("connect_timeout"),
            QStringLiteral("read_timeout"), QStringLiteral("write_timeout"), QStringLiteral("ssl_ca"),
            QStringLiteral("ssl_cert"),    QStringLiteral("ssl_key"),     QStringLiteral("ssl_capath"),
            QStringLiteral("ssl_cipher")};
        static const QSet<QString> timeouts = {QStringLiteral("connect_timeout"),
                                               QStringLiteral("read_timeout"),
                                               QStringLiteral("write_timeout")};
        for (const auto &[key, value] : url.query()) {
            if (!known.contains(key))
                return QStringLiteral("Retort does not support the MySQL option '%1' in '%2' "
                                      "(supported: %3)")
                    .arg(key, display,
                         QStringLiteral("charset, unix_socket, connect_timeout, read_timeout, "
                                        "write_timeout, ssl_ca, ssl_cert, ssl_key, ssl_capath, "
                                        "ssl_cipher"));
            if (timeouts.contains(key)) {
                bool ok = false;
                const int seconds = value.toInt(&ok);
                if (!ok || seconds < 0)
                    return QStringLiteral("the MySQL option %1=%2 in '%3' is not a whole number "
                                          "of seconds")
                        .arg(key, value, display);
            }
            // Qt's MySQL driver always talks UTF-8 (utf8mb4) to the server; another client
            // character set would garble every non-ASCII name and value.
            if (key == QLatin1String("charset")) {
                static const QSet<QString> utf8 = {QStringLiteral("utf8mb4"), QStringLiteral("utf8"),
                                                   QStringLiteral("utf8mb3")};
                if (!utf8.contains(value.toLower()))
                    return QStringLiteral("charset=%1 in '%2' is not supported: Retort talks to "
                                          "MySQL and MariaDB in utf8mb4 (use charset=utf8mb4 or "
                                          "leave the option out)")
                        .arg(value, display);
            }
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Result<DatabaseUrl>::failure(
            parseError(text, QStringLiteral("no database URL was given (expected "
                                            "dialect[+driver]://user:password@host:port/database, "
                                            "e.g. postgresql://user:secret@localhost/mydb or "
                                            "sqlite:///file.db)")));
    const QRegularExpressionMatch match = urlPattern().match(text);
    if (!match.hasMatch())
        return Result<DatabaseUrl>::failure(
            parseError(text, QStringLiteral("expected dialect[+driver]://user:password@host:port/"
                                            "database, e.g. postgresql://user:secret@localhost/mydb "
                                            "or sqlite:///file.db")));

    DatabaseUrl url;
    const QString name = match.captured(QStringLiteral("name"));
    const qsizetype plus = name.indexOf(QLatin1Char('+'));
    url.m_dialectName = plus < 0 ? name : name.left(plus);
    url.m_driver = plus < 0 ? QString() : name.mid(plus + 1);

    if (match.hasCaptured(QStringLiteral("username"))) {
        url.m_userName = percentDecoded(match.captured(QStringLiteral("username")));
        if (match.hasCaptured(QStringLiteral("password"))) {
            url.m_password = percentDecoded(match.captured(QStringLiteral("password")));
            url.m_hasPassword = true;
        }
    }
    if (match.hasCaptured(QStringLiteral("ipv6host"))) {
        url.m_host = match.captured(QStringLiteral("ipv6host"));
        url.m_ipv6Host = true;
    } else {
        url.m_host = match.captured(QStringLiteral("ipv4host"));
    }
    if (match.hasCaptured(QStringLiteral("port"))) {
        const QString port = match.captured(QStringLiteral("port"));
        bool ok = false;
        const int number = port.trimmed().toInt(&ok);
        if (!ok)
            return Result<DatabaseUrl>::failure(parseError(
                text, QStringLiteral("the port '%1' is not a number (write a ':' or '@' inside "
                                     "the user name or password as %3A or %40)")
                          .arg(port)));
        if (number < 0 || number > 65535)
            return Result<DatabaseUrl>::failure(
                parseError(text, QStringLiteral("the port %1 is out of range (0 to 65535)").arg(number)));
        url.m_port = number;
    }
    if (url.m_host.contains(QLatin1Char('@')))
        return Result<DatabaseUrl>::failure(parseError(
            text, QStringLiteral("the host '%1' contains '@': write a '@' inside the user name or "
                                 "password as %40")
                      .arg(url.m_host.section(QLatin1Char('@'), -1))));
    if (match.hasCaptured(QStringLiteral("database"))) {
        url.m_database = match.captured(QStringLiteral("database"));
        url.m_hasDatabase = true;
    }
    if (match.hasCaptured(QStringLiteral("query")))
        url.m_query = parseQuery(match.captured(QStringLiteral("query")));

    const std::optional<DialectInfo> info = dialectInfo(url.m_dialectName);
    if (!info)
        return Result<DatabaseUrl>::failure(unknownDialectMessage(url.toDisplayString(), url.m_dialectName));
    url.m_dialect = info->dialect;
    if (!url.m_driver.isEmpty() && !info->drivers.contains(url.m_driver))
        return Result<DatabaseUrl>::failure(
            QStringLiteral("Can't load plugin: sqlalchemy.dialects:%1.%2 (in URL '%3'): unknown "
                           "driver for %1; SQLAlchemy knows %4")
                .arg(url.m_dialectName, url.m_driver, url.toDisplayString(),
                     info->drivers.join(QStringLiteral(", "))));
    if (const std::optional<QString> problem = checkQuery(url))
        return Result<DatabaseUrl>::failure(*problem);
    return url;
}

DatabaseUrl DatabaseUrl::sqliteFile(const QString &path)
{
    DatabaseUrl url;
    url.m_database = path;
    url.m_hasDatabase = true;
    return url;
}

DatabaseUrl DatabaseUrl::sqliteMemory()
{
    return DatabaseUrl();
}

QString DatabaseUrl::driverName() const
{
    return m_driver.isEmpty() ? m_dialectName : m_dialectName + QLatin1Char('+') + m_driver;
}

bool DatabaseUrl::hasQueryItem(const QString &key) const
{
    return std::any_of(m_query.cbegin(), m_query.cend(),
                       [&key](const QueryItem &item) { return item.first == key; });
}

QString DatabaseUrl::queryItemValue(const QString &key) const
{
    for (const QueryItem &item : m_query) {
        if (item.first == key)
            return item.second;
    }
    return QString();
}

bool DatabaseUrl::isSqliteMemory() const
{
    return m_dialect == SqlDialect::Sqlite
        && (m_database.isEmpty() || m_database == QLatin1String(":memory:"));
}

QString DatabaseUrl::sqliteFilePath(const QDir &base) const
{
    if (m_dialect != SqlDialect::Sqlite || isSqliteMemory())
        return QString();
    return QDir::cleanPath(base.absoluteFilePath(m_database));
}

QString DatabaseUrl::qtDriverName() const
{
    switch (m_dialect) {
    case SqlDialect::PostgreSql:
        return QStringLiteral("QPSQL");
    case SqlDialect::MySql:
        return QStringLiteral("QMYSQL");
    case SqlDialect::Sqlite:
        break;
    }
    return QStringLiteral("QSQLITE");
}

DatabaseUrl DatabaseUrl::withDatabase(const QString &database) const
{
    DatabaseUrl url = *this;
    url.m_database = database;
    url.m_hasDatabase = true;
    return url;
}

QString DatabaseUrl::toString() const
{
    return render(false);
}

QString DatabaseUrl::toDisplayString() const
{
    return render(true);
}

QString DatabaseUrl::render(bool hidePassword) const
{
    QString text = driverName() + QStringLiteral("://");
    if (!m_userName.isEmpty() || m_hasPassword) {
        text += userInfoEncoded(m_userName);
        if (m_hasPassword)
            text += QLatin1Char(':') + (hidePassword ? maskedPassword : userInfoEncoded(m_password));
        text += QLatin1Char('@');
    }
    if (m_ipv6Host || m_host.contains(QLatin1Char(':')))
        text += QLatin1Char('[') + m_host + QLatin1Char(']');
    else
        text += m_host;
    if (m_port >= 0)
        text += QLatin1Char(':') + QString::number(m_port);
    if (m_hasDatabase)
        text += QLatin1Char('/') + m_database;
    if (!m_query.isEmpty()) {
        QList<QueryItem> sorted = m_query;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const QueryItem &a, const QueryItem &b) { return a.first < b.first; });
        QStringList items;
        for (const auto &[key, value] : sorted)
            items.append(plusEncoded(key) + QLatin1Char('=') + plusEncoded(value));
        text += QLatin1Char('?') + items.join(QLatin1Char('&'));
    }
    return text;
}

QString DatabaseUrl::maskPassword(const QString &text)
{
    const qsizetype scheme = text.indexOf(QLatin1String("://"));
    const qsizetype start = scheme < 0 ? 0 : scheme + 3;
    qsizetype end = text.indexOf(QLatin1Char('?'), start);
    if (end < 0)
        end = text.size();
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'), end - 1);
    if (at < start)
        return text;
    const qsizetype colon = text.indexOf(QLatin1Char(':'), start);
    if (colon < 0 || colon > at)
        return text;
    return text.left(colon + 1) + maskedPassword + text.mid(at);
}

} // namespace Retort
