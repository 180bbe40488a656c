// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The throw-away database servers of the tests (tests/servers/servers.sh, ctest fixture
// retort_db_servers). Tests registered with retort_add_test(... SERVERS ...) get
// RETORT_TEST_SERVERS_ENV pointing at the servers.env that servers.sh writes; these helpers
// read it. Header-only so that test executables need no extra library.
//
//     const QString url = Retort::TestServers::postgresqlUrl();
//     RETORT_REQUIRE_SERVER(url);   // loud QSKIP locally, QFAIL when $CI is set
//
// Tests create their own scratch databases (Retort::TestServers::scratchName()) so that tests
// running in parallel against the same servers do not collide, and drop them at the end.

#include <QtCore/QByteArray>
#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtCore/QRandomGenerator>
#include <QtCore/QString>
#include <QtCore/QtGlobal>
#include <QtTest/QTest>

namespace Retort::TestServers {

// KEY=VALUE lines of servers.env, or an empty hash when there is none.
inline QHash<QString, QString> environment()
{
    QHash<QString, QString> values;
    const QString path = qEnvironmentVariable("RETORT_TEST_SERVERS_ENV");
    if (path.isEmpty())
        return values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return values;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0)
            values.insert(line.left(equals), line.mid(equals + 1));
    }
    return values;
}

inline QString value(const QString &key)
{
    return environment().value(key);
}

// postgresql://retort:retort@127.0.0.1:PORT/retort, or empty when the server is not running.
inline QString postgresqlUrl()
{
    return value(QStringLiteral("RETORT_TEST_POSTGRESQL_URL"));
}

// mysql://retort:retort@127.0.0.1:PORT/retort, or empty when the server is not running.
inline QString mariadbUrl()
{
    return value(QStringLiteral("RETORT_TEST_MARIADB_URL"));
}

// The directory of PostgreSQL's unix socket, for URLs with ?host=/dir.
inline QString postgresqlSocketDirectory()
{
    return value(QStringLiteral("RETORT_TEST_POSTGRESQL_SOCKET_DIR"));
}

// The path of MariaDB's unix socket, for URLs with ?unix_socket=/path.
inline QString mariadbSocket()
{
    return value(QStringLiteral("RETORT_TEST_MARIADB_SOCKET"));
}

// A database or schema name no other test run uses at the same time: prefix + random hex.
inline QString scratchName(const QString &prefix = QStringLiteral("t_"))
{
    return prefix
        + QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, QLatin1Char('0'));
}

// Why a server URL is missing, for the skip/fail message.
inline QByteArray missingServerMessage(const char *expression)
{
    const QString path = qEnvironmentVariable("RETORT_TEST_SERVERS_ENV");
    QString reason;
    if (path.isEmpty())
        reason = QStringLiteral("RETORT_TEST_SERVERS_ENV is not set: run the test through ctest "
                                "(fixture retort_db_servers), or start the servers with "
                                "tests/servers/servers.sh start DIR and set "
                                "RETORT_TEST_SERVERS_ENV=DIR/servers.env");
    else if (!QFile::exists(path))
        reason = QStringLiteral("%1 does not exist: the servers_start test failed or did not run").arg(path);
    else
        reason = QStringLiteral("%1 has no entry for this server: its Debian package is not installed "
                                "(see the output of the servers_start test)").arg(path);
    return QByteArrayLiteral("*** DATABASE SERVER MISSING *** ") + expression + QByteArrayLiteral(" is empty; ")
        + reason.toUtf8();
}

} // namespace Retort::TestServers

// Skips the current test function (or fails it when the environment variable CI is set, so
// that CI never passes without the servers) when `url` is empty.
#define RETORT_REQUIRE_SERVER(url)                                                                 \
    do {                                                                                           \
        if ((url).isEmpty()) {                                                                     \
            const QByteArray retortMissingMessage = Retort::TestServers::missingServerMessage(#url); \
            if (qEnvironmentVariableIsSet("CI"))                                                   \
                QFAIL(retortMissingMessage.constData());                                           \
            QSKIP(retortMissingMessage.constData());                                               \
        }                                                                                          \
    } while (false)
