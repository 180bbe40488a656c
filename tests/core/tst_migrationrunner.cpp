// SPDX-License-Identifier: GPL-3.0-or-later
// The online runner against real databases: SQLite always, PostgreSQL and MariaDB through
// the throw-away servers (tests/servers), and interop with the host's Alembic 1.8.
#include "commands/cliarguments.h"
#include "commands/clirunner.h"
#include "commands/commandcontext.h"
#include "commands/migrationsqlsource.h"
#include "db/databaseconnector.h"
#include "revision/migrationplanner.h"
#include "revision/versiontablesteps.h"
#include "run/migrationrunner.h"
#include "run/runcontroller.h"
#include "run/stairway.h"
#include "run/stepstatementsource.h"

#include "testservers.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

// A scratch database on one backend: a SQLite file, or a database created on the test
// server and dropped again by the destructor.
class ScratchDatabase
{
public:
    ScratchDatabase(const QString &backend, const QString &directory)
        : m_backend(backend)
    {
        if (backend == QLatin1String("sqlite")) {
            m_url = QStringLiteral("sqlite:///") + directory + QStringLiteral("/scratch.db");
            return;
        }
        m_serverUrl = backend == QLatin1String("postgresql") ? TestServers::postgresqlUrl()
                                                             : TestServers::mariadbUrl();
        if (m_serverUrl.isEmpty())
            return;
        m_name = TestServers::scratchName();
        const Result<DatabaseConnection> admin = DatabaseConnector::open(m_serverUrl);
        if (!admin)
            return;
        QSqlQuery query(admin->database());
        if (!query.exec(QStringLiteral("CREATE DATABASE ") + m_name))
            return;
        m_url = m_serverUrl.left(m_serverUrl.lastIndexOf(QLatin1Char('/')) + 1) + m_name;
    }
    ~ScratchDatabase()
    {
        if (m_name.isEmpty())
            return;
        const Result<DatabaseConnection> admin = DatabaseConnector::open(m_serverUrl);
        if (!admin)
            return;
        QSqlQuery query(admin->database());
        query.exec(QStringLiteral("DROP DATABASE ") + m_name +
                   (m_backend == QLatin1String("postgresql") ? QStringLiteral(" WITH (FORCE)") : QString()));
    }

    QString url() const { return m_url; }
    QString serverUrl() const { return m_serverUrl; }
    // SQLAlchemy needs the driver named for MySQL (pymysql is what the host has).
    QString alembicUrl() const
    {
        QString url = m_url;
        if (url.startsWith(QLatin1String("mysql://")))
            url.replace(0, 5, QStringLiteral("mysql+pymysql"));
        return url;
    }

private:
    QString m_backend;
    QString m_serverUrl;
    QString m_name;
    QString m_url;
};

QStringList tables(const QString &url)
{
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
    if (!connection)
        return {QStringLiteral("<cannot connect: ") + connection.error() + QLatin1Char('>')};
    QStringList names = connection->database().tables(QSql::Tables);
    names.sort();
    return names;
}

QStringList versionRows(const QString &url)
{
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
    if (!connection)
        return {QStringLiteral("<cannot connect>")};
    QSqlQuery query(connection->database());
    if (!query.exec(QStringLiteral("SELECT version_num FROM alembic_version")))
        return {QStringLiteral("<no table>")};
    QStringList rows;
    while (query.next())
        rows << query.value(0).toString();
    rows.sort();
    return rows;
}

QString revisionId(int n)
{
    return QStringLiteral("a%1").arg(n, 11, 10, QLatin1Char('0'));
}

// A linear project of `count` migrations; migration i creates table t<i>, `extra` adds
// statements to chosen migrations' upgrade().
QString writeLinearProject(const QString &directory, int count, const QHash<int, QString> &extra = {},
                           const QHash<int, QString> &downgrades = {})
{
    const QString versions = directory + QStringLiteral("/versions");
    QDir().mkpath(versions);
    for (int i = 1; i <= count; ++i) {
        QFile file(versions + QStringLiteral("/%1_step.py").arg(revisionId(i)));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        QString text = QStringLiteral(
                           "\"\"\"step %1\n\nRevision ID: %2\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\n"
                           "revision = '%2'\ndown_revision = %3\nbranch_labels = None\ndepends_on = None\n\n\n"
                           "def upgrade():\n    op.create_table('t%1', sa.Column('id', sa.Integer(), primary_key=True))\n")
                           .arg(i)
                           .arg(revisionId(i), i == 1 ? QStringLiteral("None")
                                                      : QLatin1Char('\'') + revisionId(i - 1) + QLatin1Char('\''));
        if (extra.contains(i))
            text += QStringLiteral("    ") + extra.value(i) + QLatin1Char('\n');
        text += QStringLiteral("\n\ndef downgrade():\n    %1\n")
                    .arg(downgrades.value(i, QStringLiteral("op.drop_table('t%1')").arg(i)));
        file.write(text.toUtf8());
    }
    return versions;
}

RevisionMap loadMap(const QString &project)
{
    CliArguments arguments;
    arguments.project = project;
    const Result<CommandContext> context = CommandContext::load(arguments);
    if (!context)
        qWarning() << "cannot load" << project << context.error();
    return context ? context->map() : RevisionMap();
}

RunRequest request(const QString &url, const RevisionMap &map, RunRequest::Kind kind, const QString &target)
{
    RunRequest r;
    r.url = url;
    r.map = map;
    r.kind = kind;
    r.targets = {target};
    r.lockTimeoutMs = 2000;
    return r;
}

// Runs synchronously in this thread; returns the error (kind/message) or nullopt.
struct Outcome
{
    bool ok = false;
    RunSummary summary;
    RunError error;
};

Outcome runNow(const RunRequest &r)
{
    MigrationRunner runner;
    Outcome outcome;
    QObject::connect(&runner, &MigrationRunner::finished, [&](const RunSummary &s) {
        outcome.ok = true;
        outcome.summary = s;
    });
    QObject::connect(&runner, &MigrationRunner::failed, [&](const RunError &e) { outcome.error = e; });
    runner.run(r);
    return outcome;
}

QString demoCopy(const QString &directory)
{
    const QString source = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo");
    QDir().mkpath(directory + QStringLiteral("/migrations/versions"));
    QFile::copy(source + QStringLiteral("/alembic.ini"), directory + QStringLiteral("/alembic.ini"));
    QFile::copy(source + QStringLiteral("/migrations/env.py"), directory + QStringLiteral("/migrations/env.py"));
    QFile::copy(source + QStringLiteral("/migrations/script.py.mako"),
                directory + QStringLiteral("/migrations/script.py.mako"));
    const QDir versions(source + QStringLiteral("/migrations/versions"));
    for (const QString &name : versions.entryList({QStringLiteral("*.py")}, QDir::Files))
        QFile::copy(versions.filePath(name), directory + QStringLiteral("/migrations/versions/") + name);
    return directory;
}

// `python3 -m alembic ARGS` in the project; returns stdout, or "<exit N: stderr>".
QString alembic(const QString &project, const QString &url, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(project);
    process.start(QStringLiteral("/usr/bin/python3"),
                  QStringList{QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-x"),
                              QStringLiteral("url=") + url} +
                      arguments);
    if (!process.waitForFinished(120000))
        return QStringLiteral("<timeout>");
    if (process.exitCode() != 0)
        return QStringLiteral("<exit %1: %2>")
            .arg(process.exitCode())
            .arg(QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput());
}

QStringList alembicCurrent(const QString &project, const QString &url)
{
    QStringList rows;
    const QString out = alembic(project, url, {QStringLiteral("current")});
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        rows << line.section(QLatin1Char(' '), 0, 0);
    rows.sort();
    return rows;
}

} // namespace

class TestMigrationRunner : public QObject
{
    Q_OBJECT

private:
    void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
        QTest::newRow("mariadb") << QStringLiteral("mariadb");
    }
    void requireBackend(const QString &backend)
    {
        if (backend == QLatin1String("postgresql")) {
            const QString url = TestServers::postgresqlUrl();
            RETORT_REQUIRE_SERVER(url);
        } else if (backend == QLatin1String("mariadb")) {
            const QString url = TestServers::mariadbUrl();
            RETORT_REQUIRE_SERVER(url);
        }
    }

private Q_SLOTS:
    void demoUpgradeAndDowngradeKeepVersionRowsAsPredicted_data() { backends(); }
    void demoUpgradeAndDowngradeKeepVersionRowsAsPredicted()
    {
        QFETCH(QString, backend);
        requireBackend(backend);
        QTemporaryDir dir;
        ScratchDatabase db(backend, dir.path());
        QVERIFY(!db.url().isEmpty());
        const RevisionMap map = loadMap(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"));
        QVERIFY(!map.isEmpty());

        for (const auto &[kind, target] :
             {std::pair{RunRequest::Kind::Upgrade, QStringLiteral("heads")},
              std::pair{RunRequest::Kind::Downgrade, QStringLiteral("base")}}) {
            RunRequest r = request(db.url(), map, kind, target);
            r.transactionMode = RunRequest::TransactionMode::PerMigration;
            MigrationRunner runner;
            std::optional<VersionTableSteps> predicted;
            MigrationPlan plan;
            QStringList mismatches;
            QObject::connect(&runner, &MigrationRunner::started, [&](const MigrationPlan &planned) {
                predicted.emplace(map, planned.startHeads);
                plan = planned;
            });
            QObject::connect(&runner, &MigrationRunner::migrationFinished, [&](int index, int, const QString &, qint64) {
                const auto changes = predicted->apply(plan.steps.at(index));
                QStringList expected = predicted->heads();
                expected.sort();
                const QStringList actual = versionRows(db.url());
                if (!changes || expected != actual)
                    mismatches << QStringLiteral("%1: expected %2, table has %3")
                                      .arg(plan.steps.at(index).description(), expected.join(QLatin1Char(',')),
                                           actual.join(QLatin1Char(',')));
            });
            QSignalSpy statements(&runner, &MigrationRunner::statementFinished);
            QSignalSpy finished(&runner, &MigrationRunner::finished);
            QSignalSpy failed(&runner, &MigrationRunner::failed);
            runner.run(r);
            QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().value<RunError>().message));
            QCOMPARE(finished.size(), 1);
            QVERIFY(plan.steps.size() >= 10);
            QVERIFY(statements.size() > plan.steps.size());
            QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        }
        // Online the table stays, empty (versioning.md §2.2).
        QCOMPARE(tables(db.url()), QStringList{QStringLiteral("alembic_version")});
        QCOMPARE(versionRows(db.url()), QStringList());
    }

    void failureInMigrationThreeOfFive_data() { backends(); }
    void failureInMigrationThreeOfFive()
    {
        QFETCH(QString, backend);
        requireBackend(backend);
        QTemporaryDir dir;
        ScratchDatabase db(backend, dir.path());
        QVERIFY(!db.url().isEmpty());
        const QString project =
            writeLinearProject(dir.path() + QStringLiteral("/p"), 5,
                               {{3, QStringLiteral("op.execute(\"INSERT INTO no_such_table (x) VALUES (1)\")")}});
        const RevisionMap map = loadMap(project);
        const Outcome outcome = runNow(request(db.url(), map, RunRequest::Kind::Upgrade, QStringLiteral("head")));
        QVERIFY(!outcome.ok);
        const RunError &error = outcome.error;
        QCOMPARE(error.kind, RunError::Kind::Statement);
        QVERIFY2(error.migration.contains(revisionId(3)), qPrintable(error.migration));
        QCOMPARE(error.statement, QStringLiteral("INSERT INTO no_such_table (x) VALUES (1)"));
        QVERIFY2(error.location.endsWith(QStringLiteral("_step.py:16")), qPrintable(error.location));
        QVERIFY(!error.serverMessage.isEmpty());
        QVERIFY2(error.message.contains(error.location) && error.message.contains(error.serverMessage),
                 qPrintable(error.message));
        if (backend == QLatin1String("mariadb")) {
            // DDL commits implicitly: the report says what stays.
            QVERIFY(!error.rolledBack);
            QCOMPARE(error.committedMigrations.size(), 2);
            QCOMPARE(error.appliedStatements.size(), 1);
            QVERIFY(error.appliedStatements.first().startsWith(QStringLiteral("CREATE TABLE t3")));
            QVERIFY(error.versionRowsKnown);
            QCOMPARE(error.versionRows, QStringList{revisionId(2)});
            QCOMPARE(versionRows(db.url()), QStringList{revisionId(2)});
            QVERIFY2(error.message.contains(QStringLiteral("now holds: ") + revisionId(2)), qPrintable(error.message));
        } else {
            QVERIFY(error.rolledBack);
            QVERIFY(error.committedMigrations.isEmpty());
            QCOMPARE(tables(db.url()), QStringList());
            QVERIFY2(error.message.contains(QStringLiteral("Rolled back")), qPrintable(error.message));
        }
    }

    // A full disk, simulated where SQLite allows it: migration 3 caps the database file at
    // the pages it has (PRAGMA max_page_count) and then needs many more, so SQLite answers
    // SQLITE_FULL ("database or disk is full") exactly as on a full file system.
    void fullDiskRollsBackTheWholeRun()
    {
        QTemporaryDir dir;
        ScratchDatabase db(QStringLiteral("sqlite"), dir.path());
        const QString fill = QStringLiteral(
            "op.execute(\"PRAGMA max_page_count = 1\")\n"
            "    op.execute(\"CREATE TABLE filler AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
            "SELECT i + 1 FROM n WHERE i < 20000) SELECT i, hex(randomblob(200)) AS pad FROM n\")");
        const QString project = writeLinearProject(dir.path() + QStringLiteral("/p"), 5, {{3, fill}});
        const Outcome outcome =
            runNow(request(db.url(), loadMap(project), RunRequest::Kind::Upgrade, QStringLiteral("head")));
        QVERIFY(!outcome.ok);
        const RunError &error = outcome.error;
        QCOMPARE(error.kind, RunError::Kind::Statement);
        QVERIFY2(error.migration.contains(revisionId(3)), qPrintable(error.migration));
        QVERIFY2(error.serverMessage.contains(QStringLiteral("full"), Qt::CaseInsensitive),
                 qPrintable(error.serverMessage));
        QVERIFY(error.rolledBack);
        QVERIFY(error.committedMigrations.isEmpty());
        QCOMPARE(tables(db.url()), QStringList());
    }

    void perMigrationFailureKeepsEarlierMigrations()
    {
        QTemporaryDir dir;
        ScratchDatabase db(QStringLiteral("sqlite"), dir.path());
        const QString project =
            writeLinearProject(dir.path() + QStringLiteral("/p"), 5,
                               {{3, QStringLiteral("op.execute(\"INSERT INTO no_such_table (x) VALUES (1)\")")}});
        RunRequest r = request(db.url(), loadMap(project), RunRequest::Kind::Upgrade, QStringLiteral("head"));
        r.transactionMode = RunRequest::TransactionMode::PerMigration;
        const Outcome outcome = runNow(r);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.committedMigrations.size(), 2);
        QCOMPARE(versionRows(db.url()), QStringList{revisionId(2)});
        QCOMPARE(tables(db.url()),
                 (QStringList{QStringLiteral("alembic_version"), QStringLiteral("t1"), QStringLiteral("t2")}));
    }

    void badInputWritesNothing_data()
    {
        QTest::addColumn<QStringList>("rows");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown revision in table")
            << QStringList{QStringLiteral("zzzzzzzz")} << int(RunRequest::Kind::Upgrade) << QStringLiteral("head")
            << QStringLiteral("Can't locate revision identified by 'zzzzzzzz'");
        QTest::newRow("row and its ancestor") << QStringList{revisionId(1), revisionId(3)}
                                              << int(RunRequest::Kind::Upgrade) << QStringLiteral("head")
                                              << QStringLiteral("descendant");
        QTest::newRow("unknown target") << QStringList{revisionId(1)} << int(RunRequest::Kind::Upgrade)
                                        << QStringLiteral("nosuch")
                                        << QStringLiteral("Can't locate revision identified by 'nosuch'");
        QTest::newRow("downgrade below base") << QStringList{revisionId(1)} << int(RunRequest::Kind::Downgrade)
                                              << QStringLiteral("-2")
                                              << QStringLiteral("Relative revision -2 didn't produce 2 migrations");
    }
    void badInputWritesNothing()
    {
        QFETCH(QStringList, rows);
        QFETCH(int, kind);
        QFETCH(QString, target);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        ScratchDatabase db(QStringLiteral("sqlite"), dir.path());
        {
            const Result<DatabaseConnection> c = DatabaseConnector::open(db.url());
            QVERIFY(c);
            QSqlQuery q(c->database());
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")));
            for (const QString &row : rows)
                QVERIFY(q.exec(QStringLiteral("INSERT INTO alembic_version VALUES ('%1')").arg(row)));
        }
        const QString project = writeLinearProject(dir.path() + QStringLiteral("/p"), 5);
        const Outcome outcome = runNow(request(db.url(), loadMap(project), RunRequest::Kind(kind), target));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.kind, RunError::Kind::BadInput);
        QVERIFY2(outcome.error.message.contains(expected), qPrintable(outcome.error.message));
        if (rows.first() == QLatin1String("zzzzzzzz"))
            QVERIFY(outcome.error.message.contains(QStringLiteral("stamp")));
        QStringList sorted = rows;
        sorted.sort();
        QCOMPARE(versionRows(db.url()), sorted);
        QCOMPARE(tables(db.url()), QStringList{QStringLiteral("alembic_version")});
    }

    void stampWritesOnlyVersionRows()
    {
        QTemporaryDir dir;
        ScratchDatabase db(QStringLiteral("sqlite"), dir.path());
        const QString project = writeLinearProject(dir.path() + QStringLiteral("/p"), 5);
        const RevisionMap map = loadMap(project);
        QVERIFY(runNow(request(db.url(), map, RunRequest::Kind::Stamp, revisionId(3))).ok);
        QCOMPARE(versionRows(db.url()), QStringList{revisionId(3)});
        QCOMPARE(tables(db.url()), QStringList{QStringLiteral("alembic_version")});
        RunRequest purge = request(db.url(), map, RunRequest::Kind::Stamp, revisionId(1));
        purge.purge = true;
        QVERIFY(runNow(purge).ok);
        QCOMPARE(versionRows(db.url()), QStringList{revisionId(1)});
    }

    void cancellationRollsBack()
    {
        QTemporaryDir dir;
        ScratchDatabase db(QStringLiteral("sqlite"), dir.path());
        const QString project = writeLinearProject(dir.path() + QStringLiteral("/p"), 5);
        MigrationRunner runner;
        QObject::connect(&runner, &MigrationRunner::migrationStarted, [&](int index, int, const QString &) {
            if (index == 2)
                runner.cancel();
        });
        QSignalSpy failed(&runner, &MigrationRunner::failed);
        QSignalSpy migrationFinished(&runner, &MigrationRunner::migrationFinished);
        runner.run(request(db.url(), loadMap(project), RunRequest::Kind::Upgrade, QStringLiteral("head")));
        QCOMPARE(failed.size(), 1);
        const RunError error = failed.first().first().value<RunError>();
        QCOMPARE(error.kind, RunError::Kind::Cancelled);
        QVERIFY(error.rolledBack);
        QCOMPARE(migrationFinished.size(), 2);
        QCOMPARE(tables(db.url()), QStringList());
    }

    void controllerRunsInWorkerThreadAndSecondRunWaitsForLock()
    {
        QTemporaryDir dir;
        ScratchDatabase db(QStringLiteral("sqlite"), dir.path());
        const QString project = writeLinearProject(dir.path() + QStringLiteral("/p"), 3);
        // Another writer holds the database.
        const Result<DatabaseConnection> blocker = DatabaseConnector::open(db.url());
        QVERIFY(blocker);
        QSqlQuery hold(blocker->database());
        QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));

        RunController controller;
        QSignalSpy waiting(&controller, &RunController::waitingForLock);
        QSignalSpy started(&controller, &RunController::started);
        QSignalSpy migrationStarted(&controller, &RunController::migrationStarted);
        QSignalSpy statementFinished(&controller, &RunController::statementFinished);
        QSignalSpy finished(&controller, &RunController::finished);
        QSignalSpy failed(&controller, &RunController::failed);
        RunRequest r = request(db.url(), loadMap(project), RunRequest::Kind::Upgrade, QStringLiteral("head"));
        r.lockTimeoutMs = 20000;
        QVERIFY(controller.start(r));
        QVERIFY(!controller.start(r)); // one at a time
        QTRY_COMPARE(waiting.size(), 1);
        QCOMPARE(started.size(), 0);
        QVERIFY(hold.exec(QStringLiteral("COMMIT")));
        QTRY_COMPARE(finished.size() + failed.size(), 1);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(started.size(), 1);
        QCOMPARE(migrationStarted.size(), 3);
        QCOMPARE(migrationStarted.at(2).at(1).toInt(), 3);
        QVERIFY(statementFinished.size() >= 6);
        const RunSummary summary = finished.first().first().value<RunSummary>();
        QCOMPARE(summary.versionRows, QStringList{revisionId(3)});
        QCOMPARE(summary.migrations.size(), 3);
    }

    void lockTimeoutFailsClearly_data() { backends(); }
    void lockTimeoutFailsClearly()
    {
        QFETCH(QString, backend);
        requireBackend(backend);
        QTemporaryDir dir;
        ScratchDatabase db(backend, dir.path());
        QVERIFY(!db.url().isEmpty());
        const QString project = writeLinearProject(dir.path() + QStringLiteral("/p"), 2);
        const RevisionMap map = loadMap(project);
        // A first runner holds the lock: block it inside its first migration.
        RunRequest r = request(db.url(), map, RunRequest::Kind::Upgrade, QStringLiteral("head"));
        r.lockTimeoutMs = 500;
        MigrationRunner first;
        Outcome second;
        QSignalSpy waiting(&first, &MigrationRunner::waitingForLock);
        QObject::connect(&first, &MigrationRunner::migrationStarted, [&](int index, int, const QString &) {
            if (index != 0)
                return;
            // Runs inside the first run: a second run in another thread must time out.
            QThread *thread = QThread::create([&] { second = runNow(r); });
            thread->start();
            thread->wait();
            delete thread;
        });
        QSignalSpy finished(&first, &MigrationRunner::finished);
        first.run(r);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!second.ok);
        QCOMPARE(second.error.kind, RunError::Kind::Lock);
        QVERIFY2(second.error.message.contains(QStringLiteral("still holds the lock")), qPrintable(second.error.message));
        QCOMPARE(versionRows(db.url()), QStringList{revisionId(2)});
    }

    void readOnlySqliteFileIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/ro.db");
        {
            const Result<DatabaseConnection> c = DatabaseConnector::open(QStringLiteral("sqlite:///") + path);
            QVERIFY(c);
            QSqlQuery q(c->database());
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE keep (id INTEGER)")));
        }
        const QString project = writeLinearProject(dir.path() + QStringLiteral("/p"), 2);
        const Outcome outcome = runNow(request(QStringLiteral("sqlite:///") + path + QStringLiteral("?mode=ro"),
                                               loadMap(project), RunRequest::Kind::Upgrade, QStringLiteral("head")));
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.message.contains(QStringLiteral("readonly"), Qt::CaseInsensitive) ||
                     outcome.error.message.contains(QStringLiteral("read-only"), Qt::CaseInsensitive),
                 qPrintable(outcome.error.message));
        QCOMPARE(tables(QStringLiteral("sqlite:///") + path), QStringList{QStringLiteral("keep")});
    }

    void killedConnectionIsReported_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
        QTest::newRow("mariadb") << QStringLiteral("mariadb");
    }
    void killedConnectionIsReported()
    {
        QFETCH(QString, backend);
        requireBackend(backend);
        QTemporaryDir dir;
        ScratchDatabase db(backend, dir.path());
        QVERIFY(!db.url().isEmpty());
        const bool pg = backend == QLatin1String("postgresql");
        const QString project = writeLinearProject(
            dir.path() + QStringLiteral("/p"), 3,
            {{2, pg ? QStringLiteral("op.execute(\"SELECT pg_sleep(30)\")") : QStringLiteral("op.execute(\"SELECT SLEEP(30)\")")}});
        RunController controller;
        QSignalSpy migrationStarted(&controller, &RunController::migrationStarted);
        QSignalSpy failed(&controller, &RunController::failed);
        QSignalSpy finished(&controller, &RunController::finished);
        QVERIFY(controller.start(request(db.url(), loadMap(project), RunRequest::Kind::Upgrade, QStringLiteral("head"))));
        QTRY_COMPARE(migrationStarted.size(), 2);
        const Result<DatabaseConnection> killer = DatabaseConnector::open(db.serverUrl());
        QVERIFY(killer);
        QSqlQuery q(killer->database());
        const QString find = pg ? QStringLiteral("SELECT pid FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'")
                                : QStringLiteral("SELECT id FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP%'");
        QTRY_VERIFY(q.exec(find) && q.next());
        const QString id = q.value(0).toString();
        QVERIFY2(q.exec(pg ? QStringLiteral("SELECT pg_terminate_backend(%1)").arg(id) : QStringLiteral("KILL %1").arg(id)),
                 qPrintable(q.lastError().text()));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        QCOMPARE(finished.size(), 0);
        const RunError error = failed.first().first().value<RunError>();
        QVERIFY2(error.connectionLost, qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("connection")), qPrintable(error.message));
        if (pg) {
            QVERIFY(error.committedMigrations.isEmpty());
            QCOMPARE(tables(db.url()), QStringList());
        } else {
            QCOMPARE(error.committedMigrations.size(), 1);
            QCOMPARE(versionRows(db.url()), QStringList{revisionId(1)});
        }
    }

    void alembicAgreesWithRetort_data() { backends(); }
    void alembicAgreesWithRetort()
    {
        QFETCH(QString, backend);
        requireBackend(backend);
        QTemporaryDir dir;
        ScratchDatabase db(backend, dir.path());
        QVERIFY(!db.url().isEmpty());
        const QString project = demoCopy(dir.path() + QStringLiteral("/demo"));
        const RevisionMap map = loadMap(project);
        const QString url = db.alembicUrl();

        // Half with Alembic, the rest with Retort.
        QCOMPARE(alembic(project, url, {QStringLiteral("upgrade"), QStringLiteral("69e8a4e93b9f")}), QString());
        QCOMPARE(alembicCurrent(project, url), QStringList{QStringLiteral("69e8a4e93b9f")});
        const Outcome up = runNow(request(db.url(), map, RunRequest::Kind::Upgrade, QStringLiteral("heads")));
        QVERIFY2(up.ok, qPrintable(up.error.message));
        QStringList heads = map.heads();
        heads.sort();
        QCOMPARE(alembicCurrent(project, url), heads);
        // Nothing left for Alembic to do: it prints no "Running upgrade" line.
        QProcess check;
        check.setWorkingDirectory(project);
        check.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-x"),
                                                          QStringLiteral("url=") + url, QStringLiteral("upgrade"), QStringLiteral("heads")});
        QVERIFY(check.waitForFinished(120000));
        QCOMPARE(check.exitCode(), 0);
        QVERIFY2(!check.readAllStandardError().contains("Running upgrade"), "alembic upgrade heads had work left");

        // Down to base with Retort; Alembic agrees there is nothing.
        const Outcome down = runNow(request(db.url(), map, RunRequest::Kind::Downgrade, QStringLiteral("base")));
        QVERIFY2(down.ok, qPrintable(down.error.message));
        QCOMPARE(alembicCurrent(project, url), QStringList());
        QCOMPARE(tables(db.url()), QStringList{QStringLiteral("alembic_version")});
    }

    void stairwayPassesOnTheDemoProject()
    {
        const Stairway stairway(loadMap(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo")));
        const Result<Stairway::Report> report = stairway.run();
        QVERIFY2(report, qPrintable(report.error()));
        QStringList failures;
        for (const Stairway::StepResult &step : report->steps)
            if (!step.passed)
                failures << step.description + QStringLiteral(": ") + step.failure + QLatin1Char('\n') +
                                step.differences.join(QLatin1Char('\n'));
        QVERIFY2(report->passed, qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(report->steps.size(), 12);
    }

    void stairwayReportsFirstIrreversibleDowngrade_data() { backends(); }
    void stairwayReportsFirstIrreversibleDowngrade()
    {
        QFETCH(QString, backend);
        requireBackend(backend);
        QTemporaryDir dir;
        ScratchDatabase db(backend, dir.path());
        QVERIFY(!db.url().isEmpty());
        const QString project = writeLinearProject(dir.path() + QStringLiteral("/p"), 4, {},
                                                   {{3, QStringLiteral("pass")}});
        Stairway stairway(loadMap(project));
        int progressCalls = 0;
        stairway.setProgress([&](const Stairway::StepResult &, int, int count) {
            ++progressCalls;
            QCOMPARE(count, 4);
        });
        const Result<Stairway::Report> report = stairway.run(db.url());
        QVERIFY2(report, qPrintable(report.error()));
        QVERIFY(!report->passed);
        QCOMPARE(report->steps.size(), 3);
        QCOMPARE(progressCalls, 3);
        QVERIFY(report->steps.at(1).passed);
        const Stairway::StepResult &broken = report->steps.at(2);
        QCOMPARE(broken.revision, revisionId(3));
        QVERIFY(!broken.differences.isEmpty());
        QVERIFY2(broken.differences.join(QLatin1Char('\n')).contains(QStringLiteral("t3")),
                 qPrintable(broken.differences.join(QLatin1Char('\n'))));

        // The database is not empty any more: a second walk refuses it.
        const Result<Stairway::Report> again = stairway.run(db.url());
        QVERIFY(!again);
        QVERIFY2(again.error().contains(QStringLiteral("empty")), qPrintable(again.error()));
    }

    void cliRunsOnline()
    {
        QTemporaryDir dir;
        const QString project =
            writeLinearProject(dir.path() + QStringLiteral("/p"), 5,
                               {{3, QStringLiteral("op.execute(\"INSERT INTO no_such_table (x) VALUES (1)\")")}});
        const QString good = writeLinearProject(dir.path() + QStringLiteral("/good"), 2);
        QString url = QStringLiteral("sqlite:///") + dir.path() + QStringLiteral("/cli.db");
        auto cli = [&](const QString &projectPath, const QStringList &arguments) {
            return CliRunner::run(QStringList{QStringLiteral("--project"), projectPath, QStringLiteral("--url"), url} +
                                  arguments);
        };

        CommandOutput out = cli(good, {QStringLiteral("upgrade"), QStringLiteral("head")});
        QCOMPARE(out.exitCode, 0);
        QCOMPARE(out.standardOutput, QString());
        QVERIFY2(out.standardError.contains(QStringLiteral("INFO  [alembic.runtime.migration] Context impl SQLiteImpl.\n"
                                                           "INFO  [alembic.runtime.migration] Will assume non-transactional DDL.\n"
                                                           "INFO  [alembic.runtime.migration] Running upgrade  -> ") +
                                            revisionId(1) + QStringLiteral(", step 1\n")),
                 qPrintable(out.standardError));
        QVERIFY2(out.standardError.contains(QStringLiteral("[2/2] ") + revisionId(2) + QStringLiteral(" done in ")),
                 qPrintable(out.standardError));

        out = cli(good, {QStringLiteral("stamp"), QStringLiteral("--purge"), revisionId(1)});
        QCOMPARE(out.exitCode, 0);
        QVERIFY2(out.standardError.contains(QStringLiteral("Running stamp_revision  -> ") + revisionId(1)),
                 qPrintable(out.standardError));
        QCOMPARE(versionRows(url), QStringList{revisionId(1)});

        out = cli(good, {QStringLiteral("downgrade"), QStringLiteral("base")});
        QCOMPARE(out.exitCode, 0);
        QVERIFY2(out.standardError.contains(QStringLiteral("Running downgrade ") + revisionId(1) + QStringLiteral(" -> , step 1")),
                 qPrintable(out.standardError));
        // stamp --purge left t2 behind: only a1's downgrade ran.
        QCOMPARE(tables(url), (QStringList{QStringLiteral("alembic_version"), QStringLiteral("t2")}));

        out = cli(good, {QStringLiteral("upgrade"), QStringLiteral("nosuch")});
        QCOMPARE(out.exitCode, 255);
        QCOMPARE(out.standardOutput, QStringLiteral("FAILED: Can't locate revision identified by 'nosuch'\n"));

        out = cli(good, {QStringLiteral("upgrade"), revisionId(1) + QLatin1Char(':') + revisionId(2)});
        QCOMPARE(out.exitCode, 255);
        QCOMPARE(out.standardOutput, QStringLiteral("FAILED: Range revision not allowed\n"));

        url = QStringLiteral("sqlite:///") + dir.path() + QStringLiteral("/failing.db");
        out = cli(project, {QStringLiteral("upgrade"), QStringLiteral("head")});
        QCOMPARE(out.exitCode, 1);
        QVERIFY2(out.standardOutput.startsWith(QStringLiteral("FAILED: Migration \"upgrade ") + revisionId(2)),
                 qPrintable(out.standardOutput));
        QVERIFY(out.standardOutput.contains(QStringLiteral("no such table: no_such_table")));
        QCOMPARE(tables(url), QStringList());

        out = cli(good, {QStringLiteral("upgrade"), QStringLiteral("head"), QStringLiteral("--lock-timeout"), QStringLiteral("soon")});
        QCOMPARE(out.standardOutput, QStringLiteral("FAILED: --lock-timeout wants a number of seconds, not 'soon'\n"));

        out = CliRunner::run({QStringLiteral("--project"), good, QStringLiteral("stairway")});
        QCOMPARE(out.exitCode, 0);
        QVERIFY2(out.standardOutput.contains(QStringLiteral("Stairway passed: 2 migration(s)")), qPrintable(out.standardOutput));
    }

    // What runs is what the SQL preview shows: the same renderer, statement for statement.
    void runStatementsAreThePreviewStatements_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("sqlite") << int(SqlDialect::Sqlite);
        QTest::newRow("postgresql") << int(SqlDialect::PostgreSql);
        QTest::newRow("mysql") << int(SqlDialect::MySql);
    }
    void runStatementsAreThePreviewStatements()
    {
        QFETCH(int, dialect);
        const RevisionMap map = loadMap(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"));
        const RevisionResult<MigrationPlan> plan = MigrationPlanner(map).upgrade({}, QStringLiteral("heads"));
        QVERIFY(plan);
        const MigrationSqlSource preview(map, SqlDialect(dialect));
        StepStatementSource source(map, SqlDialect(dialect), VersionTableSql(VersionTableSql::Dialect::Sqlite));
        for (const MigrationStep &step : plan->steps) {
            const Result<QStringList> shown = preview.statements(step);
            const Result<RunStatements> run = source.bodyStatements(step);
            QVERIFY2(shown && run, qPrintable(step.description()));
            QStringList sql;
            for (const RunStatement &statement : run.value()) {
                sql << statement.sql;
                QVERIFY(statement.line > 0);
                QCOMPARE(statement.file, map.revision(step.revision)->path);
            }
            QCOMPARE(sql, shown.value());
        }
    }

    void connectionErrorsWriteNothing_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a URL") << QStringLiteral("no url at all") << QStringLiteral("no url at all");
        QTest::newRow("unknown dialect") << QStringLiteral("oracle://u:p@h/db") << QStringLiteral("oracle");
        QTest::newRow("nobody listening") << QStringLiteral("postgresql://u:s3cr3tpw@127.0.0.1:1/db")
                                          << QStringLiteral("127.0.0.1");
    }
    void connectionErrorsWriteNothing()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString project = writeLinearProject(dir.path() + QStringLiteral("/p"), 1);
        MigrationRunner runner;
        QSignalSpy started(&runner, &MigrationRunner::started);
        QSignalSpy failed(&runner, &MigrationRunner::failed);
        runner.run(request(url, loadMap(project), RunRequest::Kind::Upgrade, QStringLiteral("head")));
        QCOMPARE(started.size(), 0);
        QCOMPARE(failed.size(), 1);
        const RunError error = failed.first().first().value<RunError>();
        QCOMPARE(error.kind, RunError::Kind::Connection);
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));
        QVERIFY2(!error.message.contains(QStringLiteral("s3cr3tpw")), qPrintable(error.message));
    }

    void cancelFromAnotherThreadStopsBeforeTheNextStatement_data() { killedConnectionIsReported_data(); }
    void cancelFromAnotherThreadStopsBeforeTheNextStatement()
    {
        QFETCH(QString, backend);
        requireBackend(backend);
        QTemporaryDir dir;
        ScratchDatabase db(backend, dir.path());
        QVERIFY(!db.url().isEmpty());
        const bool pg = backend == QLatin1String("postgresql");
        const QString project = writeLinearProject(
            dir.path() + QStringLiteral("/p"), 3,
            {{2, pg ? QStringLiteral("op.execute(\"SELECT pg_sleep(3)\")") : QStringLiteral("op.execute(\"SELECT SLEEP(3)\")")}});
        RunController controller;
        QSignalSpy migrationStarted(&controller, &RunController::migrationStarted);
        QSignalSpy failed(&controller, &RunController::failed);
        QSignalSpy finished(&controller, &RunController::finished);
        QVERIFY(controller.start(request(db.url(), loadMap(project), RunRequest::Kind::Upgrade, QStringLiteral("head"))));
        QTRY_COMPARE(migrationStarted.size(), 2);
        controller.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size() + finished.size(), 1, 20000);
        QCOMPARE(failed.size(), 1);
        const RunError error = failed.first().first().value<RunError>();
        QCOMPARE(error.kind, RunError::Kind::Cancelled);
        QVERIFY(!controller.isRunning());
        if (pg) {
            QVERIFY(error.rolledBack);
            QCOMPARE(tables(db.url()), QStringList());
        } else {
            QCOMPARE(error.committedMigrations.size(), 1);
            QCOMPARE(versionRows(db.url()), QStringList{revisionId(1)});
            QVERIFY2(error.message.contains(QStringLiteral("now holds: ") + revisionId(1)), qPrintable(error.message));
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
