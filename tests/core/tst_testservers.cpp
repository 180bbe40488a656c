// SPDX-License-Identifier: GPL-3.0-or-later
// Smoke test of the throw-away servers (tests/servers): both accept the `retort` user over
// TCP through Qt's own drivers, reject a wrong password, and the unix sockets that
// servers.env names work. Deliberately independent of core/db, so that a failure here points
// at the fixture and not at Retort's URL handling.
#include "testservers.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace Retort;

namespace {

struct ServerLogin
{
    QString driver;
    QString host;
    int port = -1;
    QString user;
    QString password;
    QString database;
    QString options;
};

ServerLogin loginFromUrl(const QString &text, const QString &driver)
{
    const QUrl url(text);
    ServerLogin login;
    login.driver = driver;
    login.host = url.host();
    login.port = url.port();
    login.user = url.userName();
    login.password = url.password();
    login.database = url.path().mid(1);
    return login;
}

// Opens a connection, runs SELECT 1 and returns the error text (empty on success).
QString selectOne(const ServerLogin &login)
{
    const QString name = TestServers::scratchName(QStringLiteral("smoke_"));
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(login.driver, name);
        db.setHostName(login.host);
        if (login.port > 0)
            db.setPort(login.port);
        db.setUserName(login.user);
        db.setPassword(login.password);
        db.setDatabaseName(login.database);
        db.setConnectOptions(login.options);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("SELECT 1")) || !query.next())
                error = query.lastError().text();
            else if (query.value(0).toInt() != 1)
                error = QStringLiteral("SELECT 1 returned %1").arg(query.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace

class TestTestServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void selectOneOverTcp_data();
    void selectOneOverTcp();
    void wrongPasswordIsRejected_data();
    void wrongPasswordIsRejected();
    void postgresqlUnixSocket();
    void mariadbUnixSocket();
};

void TestTestServers::initTestCase()
{
    for (const char *driver : {"QPSQL", "QMYSQL"}) {
        if (!QSqlDatabase::isDriverAvailable(QLatin1String(driver)))
            QFAIL(QByteArray(QByteArray("Qt SQL driver ") + driver + " is not installed "
                             "(Debian packages libqt6sql6-psql / libqt6sql6-mysql)").constData());
    }
}

void TestTestServers::selectOneOverTcp_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("driver");
    QTest::newRow("postgresql") << TestServers::postgresqlUrl() << QStringLiteral("QPSQL");
    QTest::newRow("mariadb") << TestServers::mariadbUrl() << QStringLiteral("QMYSQL");
}

void TestTestServers::selectOneOverTcp()
{
    QFETCH(QString, url);
    QFETCH(QString, driver);
    RETORT_REQUIRE_SERVER(url);
    const ServerLogin login = loginFromUrl(url, driver);
    QCOMPARE(login.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(login.user, QStringLiteral("retort"));
    QCOMPARE(login.database, QStringLiteral("retort"));
    QVERIFY(login.port > 0);
    const QString error = selectOne(login);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestTestServers::wrongPasswordIsRejected_data()
{
    selectOneOverTcp_data();
}

void TestTestServers::wrongPasswordIsRejected()
{
    QFETCH(QString, url);
    QFETCH(QString, driver);
    RETORT_REQUIRE_SERVER(url);
    ServerLogin login = loginFromUrl(url, driver);
    login.password = QStringLiteral("not-the-password");
    const QString error = selectOne(login);
    QVERIFY2(!error.isEmpty(), "a wrong password was accepted: the server does not check passwords");
}

void TestTestServers::postgresqlUnixSocket()
{
    const QString url = TestServers::postgresqlUrl();
    RETORT_REQUIRE_SERVER(url);
    ServerLogin login = loginFromUrl(url, QStringLiteral("QPSQL"));
    login.host = TestServers::postgresqlSocketDirectory();
    QVERIFY(!login.host.isEmpty());
    const QString error = selectOne(login);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestTestServers::mariadbUnixSocket()
{
    const QString url = TestServers::mariadbUrl();
    RETORT_REQUIRE_SERVER(url);
    ServerLogin login = loginFromUrl(url, QStringLiteral("QMYSQL"));
    const QString socket = TestServers::mariadbSocket();
    QVERIFY(!socket.isEmpty());
    login.host.clear();
    login.port = -1;
    login.options = QStringLiteral("UNIX_SOCKET=") + socket;
    const QString error = selectOne(login);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTestServers)
#include "tst_testservers.moc"
