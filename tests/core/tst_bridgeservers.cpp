// SPDX-License-Identifier: GPL-3.0-or-later
// A data migration that loops over op.get_bind().execute(...) results (beyond the native
// interpreter) runs through the bridge's `alembic upgrade` on the throw-away PostgreSQL
// server, with Debian's python3-alembic and psycopg2 as the user's Python.
#include "testfiles.h"
#include "bridge/alembicinvocation.h"
#include "bridge/alembicprocess.h"
#include "bridge/bridgerunner.h"
#include "bridge/pythoninterpreterfinder.h"
#include "config/projectlocator.h"
#include "run/databaselock.h"
#include "run/runconnection.h"
#include "testservers.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Retort;

namespace {

using TestFiles::copyTree;

QSqlDatabase openPostgresql(const QUrl &url, const QString &database, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(database);
    db.open();
    return db;
}

} // namespace

class TestBridgeServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dataMigrationRunsThroughAlembicOnPostgresql();
    void bridgeRunWaitsForRetortsLock();
};

void TestBridgeServers::dataMigrationRunsThroughAlembicOnPostgresql()
{
    const QString serverUrl = TestServers::postgresqlUrl();
    RETORT_REQUIRE_SERVER(serverUrl);
    const Result<PythonInterpreter> python =
        PythonInterpreterFinder().use(QStringLiteral("/usr/bin/python3"), QStringLiteral("test"));
    QVERIFY2(python, qPrintable(python.error()));

    const QUrl url(serverUrl);
    const QString scratch = TestServers::scratchName();
    {
        QSqlDatabase admin = openPostgresql(url, url.path().mid(1), QStringLiteral("admin"));
        QVERIFY2(admin.isOpen(), qPrintable(admin.lastError().text()));
        QSqlQuery create(admin);
        QVERIFY2(create.exec(QStringLiteral("CREATE DATABASE ") + scratch), qPrintable(create.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("admin"));
    QUrl scratchUrl = url;
    scratchUrl.setPath(QLatin1Char('/') + scratch);

    QTemporaryDir dir;
    QVERIFY(copyTree(QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/bridge/dataloop"), dir.path()));
    const Result<ProjectLayout> layout = ProjectLocator::locate(dir.path());
    QVERIFY2(layout, qPrintable(layout.error()));
    const AlembicResult result = AlembicProcess::run(AlembicInvocation::forProject(
        layout.value(), python->path, {QStringLiteral("upgrade"), QStringLiteral("head")},
        scratchUrl.toString()));
    QStringList slugs;
    QString version;
    {
        QSqlDatabase db = openPostgresql(url, scratch, QStringLiteral("scratch"));
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("SELECT slug FROM items ORDER BY id"))) {
            while (query.next())
                slugs << query.value(0).toString();
        }
        if (query.exec(QStringLiteral("SELECT version_num FROM alembic_version")) && query.next())
            version = query.value(0).toString();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("scratch"));
    {
        QSqlDatabase admin = openPostgresql(url, url.path().mid(1), QStringLiteral("admin"));
        QSqlQuery(admin).exec(QStringLiteral("DROP DATABASE IF EXISTS ") + scratch);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("admin"));

    QVERIFY2(result.ok(), qPrintable(result.errorString + result.standardError.join(QLatin1Char('\n'))));
    QCOMPARE(result.migrations.size(), 2);
    QCOMPARE(result.migrations.at(1).to, QStringLiteral("b2c3d4e5f6a7"));
    QCOMPARE(slugs, (QStringList{QStringLiteral("green-tea"), QStringLiteral("black-coffee"),
                                 QStringLiteral("hot-chocolate")}));
    QCOMPARE(version, QStringLiteral("b2c3d4e5f6a7"));
}

void TestBridgeServers::bridgeRunWaitsForRetortsLock()
{
    const QString serverUrl = TestServers::postgresqlUrl();
    RETORT_REQUIRE_SERVER(serverUrl);
    QTemporaryDir dir;
    QVERIFY(copyTree(QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/bridge/dataloop"), dir.path()));
    const Result<ProjectLayout> layout = ProjectLocator::locate(dir.path());
    QVERIFY2(layout, qPrintable(layout.error()));

    // Another run holds the migration lock of this database.
    RunConnection other;
    QVERIFY2(other.open(serverUrl, 10), qPrintable(other.errorString()));
    DatabaseLock lock(other.database(), other.dialect(), QStringLiteral("alembic_version"));
    const std::atomic_bool notCancelled{false};
    QVERIFY2(lock.acquire(5000, notCancelled, {}), qPrintable(lock.errorString()));

    BridgeRunRequest request;
    request.url = serverUrl;
    request.dialect = SqlDialect::PostgreSql;
    request.lockTimeoutMs = 1500;
    request.revisions = {QStringLiteral("a1b2c3d4e5f6"), QStringLiteral("b2c3d4e5f6a7")};
    request.invocation = AlembicInvocation::forProject(layout.value(), QStringLiteral("/usr/bin/python3"),
                                                       {QStringLiteral("upgrade"), QStringLiteral("head")},
                                                       serverUrl);
    BridgeRunner runner;
    QSignalSpy waiting(&runner, &BridgeRunner::waitingForLock);
    QSignalSpy started(&runner, &BridgeRunner::processStarted);
    QSignalSpy finished(&runner, &BridgeRunner::finished);
    QVERIFY(runner.start(request));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    const AlembicResult refused = finished.first().first().value<AlembicResult>();
    QCOMPARE(refused.status, AlembicResult::Status::Failed);
    QVERIFY2(refused.errorString.startsWith(QLatin1String("Could not take the database's migration lock: ")),
             qPrintable(refused.errorString));
    QVERIFY(refused.errorString.endsWith(QLatin1String("Nothing was run.")));
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(started.size(), 0); // Alembic never started

    // Once the lock is free the same run goes ahead, holding the lock while Alembic runs.
    lock.release();
    const QString scratch = TestServers::scratchName();
    {
        QSqlDatabase admin = openPostgresql(QUrl(serverUrl), QUrl(serverUrl).path().mid(1), QStringLiteral("admin2"));
        QVERIFY(QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE ") + scratch));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("admin2"));
    QUrl scratchUrl(serverUrl);
    scratchUrl.setPath(QLatin1Char('/') + scratch);
    request.url = scratchUrl.toString();
    request.invocation.databaseUrl = scratchUrl.toString();
    QSignalSpy progress(&runner, &BridgeRunner::migrationStarted);
    QVERIFY(runner.start(request));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
    const AlembicResult ran = finished.at(1).first().value<AlembicResult>();
    {
        QSqlDatabase admin = openPostgresql(QUrl(serverUrl), QUrl(serverUrl).path().mid(1), QStringLiteral("admin2"));
        QSqlQuery(admin).exec(QStringLiteral("DROP DATABASE IF EXISTS ") + scratch);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("admin2"));
    QVERIFY2(ran.ok(), qPrintable(ran.errorString + ran.standardError.join(QLatin1Char('\n'))));
    QCOMPARE(progress.size(), 2);
    QCOMPARE(progress.at(1).at(0).toInt(), 1);
    QCOMPARE(progress.at(1).at(1).toInt(), 2);
    QCOMPARE(progress.at(1).at(2).toString(), QStringLiteral("b2c3d4e5f6a7"));
    QCOMPARE(progress.at(1).at(3).toString(), QStringLiteral("fill slugs"));
}

QTEST_GUILESS_MAIN(TestBridgeServers)
#include "tst_bridgeservers.moc"
