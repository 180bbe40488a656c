// SPDX-License-Identifier: GPL-3.0-or-later
// The Python bridge with Debian's python3-alembic as the user's Python: interpreter
// discovery, Alembic's output read back (log lines, tracebacks), autogenerate after a
// model change, a data migration the native interpreter cannot follow run through
// `alembic upgrade`, and the error paths (no Python, no Alembic, env.py raising, a hung
// process cancelled or timed out).
#include "testfiles.h"
#include "bridge/alembicinvocation.h"
#include "bridge/alembiclogline.h"
#include "bridge/alembicprocess.h"
#include "bridge/pythoninterpreterfinder.h"
#include "bridge/pythontraceback.h"
#include "commands/clirunner.h"
#include "config/projectlocator.h"
#include "ops/interpreter.h"
#include "ops/operations.h"
#include "python/pythonast.h"
#include "schema/migrationmodulecache.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

const QString systemPython = QStringLiteral("/usr/bin/python3");

QString dataDir(const QString &project)
{
    return QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/bridge/") + project;
}

using TestFiles::copyTree;

bool writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(content);
    file.close();
    if (executable)
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return true;
}

ProjectLayout locate(const QString &folder)
{
    const Result<ProjectLayout> layout = ProjectLocator::locate(folder);
    return layout ? layout.value() : ProjectLayout();
}

} // namespace

class TestBridge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void logLineIsClassified_data();
    void logLineIsClassified();
    void tracebackPointsAtTheUsersFile();
    void syntaxErrorTracebackHasItsLine();
    void alembicVersionsCompare_data();
    void alembicVersionsCompare();

    void virtualEnvironmentsAreFoundAboveTheProject();
    void virtualEnvIsTriedFirst();
    void systemPythonHasAlembic();
    void missingPythonIsAClearError();
    void emptyPathFindsNoPython();
    void pythonWithoutAlembicIsAClearError();
    void alembicModuleMissingAtRunTimeIsAClearError();

    void urlGoesWhereEnvPyReadsIt();
    void envPyRaisingPointsAtEnvPy();
    void hungProcessIsCancelled();
    void hungProcessTimesOut();
    void checkNeedsAlembic19();

    void dataMigrationRunsThroughAlembicOnSqlite();
    void autogenerateWritesTheModelChanges();
    void cliAutogeneratesThroughTheBridge();
    void cliReportsAMissingPython();

private:
    PythonInterpreter m_python;
};

void TestBridge::initTestCase()
{
    // Alembic runs in the source tree's test projects: no __pycache__ there.
    qputenv("PYTHONDONTWRITEBYTECODE", "1");
    const Result<PythonInterpreter> python =
        PythonInterpreterFinder().use(systemPython, QStringLiteral("test"));
    if (!python) {
        const QByteArray message = "Debian's python3 with python3-alembic is needed: " +
                                   python.error().toUtf8();
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL(message.constData());
        QSKIP(message.constData());
    }
    m_python = python.value();
}

void TestBridge::logLineIsClassified_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("message");

    const int migration = int(AlembicLogLine::Kind::Migration);
    QTest::newRow("upgrade from base")
        << QStringLiteral("INFO  [alembic.runtime.migration] Running upgrade  -> a1b2c3d4e5f6, create items")
        << migration << QString() << QStringLiteral("a1b2c3d4e5f6") << QStringLiteral("create items");
    QTest::newRow("upgrade")
        << QStringLiteral("INFO  [alembic.runtime.migration] Running upgrade a1 -> b2, fill slugs, then more")
        << migration << QStringLiteral("a1") << QStringLiteral("b2") << QStringLiteral("fill slugs, then more");
    QTest::newRow("downgrade to base")
        << QStringLiteral("INFO  [alembic.runtime.migration] Running downgrade b2 -> , fill slugs")
        << migration << QStringLiteral("b2") << QString() << QStringLiteral("fill slugs");
    QTest::newRow("merge")
        << QStringLiteral("INFO  [alembic.runtime.migration] Running upgrade a1, c3 -> d4, merge")
        << migration << QStringLiteral("a1, c3") << QStringLiteral("d4") << QStringLiteral("merge");
    QTest::newRow("context line")
        << QStringLiteral("INFO  [alembic.runtime.migration] Context impl SQLiteImpl.")
        << int(AlembicLogLine::Kind::Log) << QString() << QString() << QString();
    QTest::newRow("detected")
        << QStringLiteral("INFO  [alembic.autogenerate.compare] Detected added table 'posts'")
        << int(AlembicLogLine::Kind::Detected) << QString() << QString() << QString();
    QTest::newRow("generating")
        << QStringLiteral("Generating /p/versions/ab_add.py ...  done")
        << int(AlembicLogLine::Kind::Generating) << QString() << QString() << QString();
    QTest::newRow("failed")
        << QStringLiteral("FAILED: Target database is not up to date.")
        << int(AlembicLogLine::Kind::Failed) << QString() << QString() << QString();
    QTest::newRow("other") << QStringLiteral("  File \"x.py\", line 3, in <module>")
                           << int(AlembicLogLine::Kind::Other) << QString() << QString() << QString();
}

void TestBridge::logLineIsClassified()
{
    QFETCH(QString, line);
    QFETCH(int, kind);
    const AlembicLogLine parsed = AlembicLogLine::parse(line);
    QCOMPARE(int(parsed.kind), kind);
    if (parsed.kind == AlembicLogLine::Kind::Migration) {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);
        QCOMPARE(parsed.from, from);
        QCOMPARE(parsed.to, to);
        QCOMPARE(parsed.message, message);
    }
    if (parsed.kind == AlembicLogLine::Kind::Generating)
        QCOMPARE(parsed.path, QStringLiteral("/p/versions/ab_add.py"));
    if (parsed.kind == AlembicLogLine::Kind::Failed)
        QCOMPARE(parsed.text, QStringLiteral("Target database is not up to date."));
}

void TestBridge::tracebackPointsAtTheUsersFile()
{
    const QStringList lines{
        QStringLiteral("Traceback (most recent call last):"),
        QStringLiteral("  File \"/usr/lib/python3/dist-packages/alembic/config.py\", line 588, in main"),
        QStringLiteral("    CommandLine(prog=prog).main(argv=argv)"),
        QStringLiteral("  File \"/proj/migrations/env.py\", line 19, in <module>"),
        QStringLiteral("    settings_url = os.environ[\"BRIDGE_TEST_URL\"]"),
        QStringLiteral("                   ~~~~~~~~~~^^^^^^^^^^^^^^^^^^^"),
        QStringLiteral("  File \"<frozen os>\", line 679, in __getitem__"),
        QStringLiteral("KeyError: 'BRIDGE_TEST_URL'"),
    };
    const std::optional<PythonTraceback> tb = PythonTraceback::parse(lines);
    QVERIFY(tb);
    QCOMPARE(tb->frames.size(), 3);
    QCOMPARE(tb->exceptionType, QStringLiteral("KeyError"));
    QCOMPARE(tb->summary(), QStringLiteral("KeyError: 'BRIDGE_TEST_URL'"));
    QCOMPARE(tb->frames.at(1).code, QStringLiteral("settings_url = os.environ[\"BRIDGE_TEST_URL\"]"));
    const Diagnostic d = tb->diagnostic(QStringLiteral("/proj"));
    QCOMPARE(d.file, QStringLiteral("/proj/migrations/env.py"));
    QCOMPARE(d.line, 19);
    // Outside any project: the innermost frame.
    QCOMPARE(tb->diagnostic(QStringLiteral("/elsewhere")).line, 679);
}

void TestBridge::syntaxErrorTracebackHasItsLine()
{
    const QStringList lines{
        QStringLiteral("INFO  [alembic.runtime.migration] Will assume transactional DDL."),
        QStringLiteral("Traceback (most recent call last):"),
        QStringLiteral("  File \"/proj/versions/a.py\", line 7"),
        QStringLiteral("    def upgrade("),
        QStringLiteral("               ^"),
        QStringLiteral("SyntaxError: '(' was never closed"),
    };
    const std::optional<PythonTraceback> tb = PythonTraceback::parse(lines);
    QVERIFY(tb);
    QCOMPARE(tb->frames.size(), 1);
    QCOMPARE(tb->frames.first().line, 7);
    QCOMPARE(tb->frames.first().function, QString());
    QCOMPARE(tb->exceptionType, QStringLiteral("SyntaxError"));
    QVERIFY(!PythonTraceback::parse({QStringLiteral("INFO  [alembic] nothing wrong")}));
}

void TestBridge::alembicVersionsCompare_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("check");
    QTest::newRow("debian 12") << QStringLiteral("1.8.1") << false;
    QTest::newRow("first with check") << QStringLiteral("1.9.0") << true;
    QTest::newRow("debian 13") << QStringLiteral("1.13.0") << true;
    QTest::newRow("release candidate") << QStringLiteral("1.10rc1") << true;
    QTest::newRow("two") << QStringLiteral("2.0.0") << true;
    QTest::newRow("missing") << QString() << false;
}

void TestBridge::alembicVersionsCompare()
{
    QFETCH(QString, version);
    QFETCH(bool, check);
    PythonInterpreter python;
    python.alembicVersion = version;
    QCOMPARE(python.supportsCheck(), check);
}

void TestBridge::virtualEnvironmentsAreFoundAboveTheProject()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QVERIFY(QDir().mkpath(root + QStringLiteral("/.venv/bin")));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/app/db/env/bin")));
    QVERIFY(QFile::link(systemPython, root + QStringLiteral("/.venv/bin/python3")));
    QVERIFY(QFile::link(systemPython, root + QStringLiteral("/app/db/env/bin/python")));

    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin"));
    const QList<PythonInterpreterFinder::Candidate> candidates =
        PythonInterpreterFinder(environment).candidates(root + QStringLiteral("/app/db"));
    QVERIFY(candidates.size() >= 3);
    // Nearest first: env/ in the project, then .venv two folders up, then PATH.
    QCOMPARE(candidates.at(0).path, root + QStringLiteral("/app/db/env/bin/python"));
    QCOMPARE(candidates.at(0).origin, QStringLiteral("env in %1/app/db").arg(root));
    QCOMPARE(candidates.at(1).path, root + QStringLiteral("/.venv/bin/python3"));
    QCOMPARE(candidates.at(2).path, systemPython);
    QCOMPARE(candidates.at(2).origin, QStringLiteral("PATH"));

    const Result<PythonInterpreter> found =
        PythonInterpreterFinder(environment).find(root + QStringLiteral("/app/db"));
    QVERIFY2(found, qPrintable(found.error()));
    QCOMPARE(found->path, root + QStringLiteral("/app/db/env/bin/python"));
    QCOMPARE(found->alembicVersion, m_python.alembicVersion);
}

void TestBridge::virtualEnvIsTriedFirst()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/active/bin")));
    QVERIFY(QFile::link(systemPython, dir.path() + QStringLiteral("/active/bin/python")));
    QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/project/.venv/bin")));
    QVERIFY(QFile::link(systemPython, dir.path() + QStringLiteral("/project/.venv/bin/python3")));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("VIRTUAL_ENV"), dir.path() + QStringLiteral("/active"));
    const QList<PythonInterpreterFinder::Candidate> candidates =
        PythonInterpreterFinder(environment).candidates(dir.path() + QStringLiteral("/project"));
    QCOMPARE(candidates.size(), 2);
    QCOMPARE(candidates.at(0).origin, QStringLiteral("$VIRTUAL_ENV"));
    QCOMPARE(candidates.at(1).origin, QStringLiteral(".venv in %1/project").arg(dir.path()));
}

void TestBridge::systemPythonHasAlembic()
{
    QVERIFY(m_python.hasAlembic());
    QVERIFY(!m_python.pythonVersion.isEmpty());
    QVERIFY2(m_python.alembicAtLeast(1, 8), qPrintable(m_python.alembicVersion));
}

void TestBridge::missingPythonIsAClearError()
{
    const Result<PythonInterpreter> result =
        PythonInterpreterFinder().use(QStringLiteral("/nonexistent/bin/python3"), QStringLiteral("--python"));
    QVERIFY(!result);
    QVERIFY2(result.error().contains(QLatin1String("/nonexistent/bin/python3 (--python) does not exist")),
             qPrintable(result.error()));

    // Running a missing interpreter ends in finished() with the reason, not a hang.
    AlembicInvocation invocation =
        AlembicInvocation::forProject(locate(dataDir(QStringLiteral("dataloop"))),
                                      QStringLiteral("/nonexistent/bin/python3"), {QStringLiteral("heads")});
    const AlembicResult run = AlembicProcess::run(invocation);
    QCOMPARE(run.status, AlembicResult::Status::FailedToStart);
    QVERIFY2(run.errorString.contains(QLatin1String("Could not start the Python interpreter "
                                                    "/nonexistent/bin/python3")),
             qPrintable(run.errorString));
}

void TestBridge::emptyPathFindsNoPython()
{
    QTemporaryDir dir;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), dir.path());
    const Result<PythonInterpreter> result = PythonInterpreterFinder(environment).find(dir.path());
    QVERIFY(!result);
    QVERIFY2(result.error().startsWith(QLatin1String("No Python interpreter found: looked at $VIRTUAL_ENV")),
             qPrintable(result.error()));
    QVERIFY(result.error().contains(QLatin1String("--python PATH")));
}

void TestBridge::pythonWithoutAlembicIsAClearError()
{
    // A real Python that does not see the system's site-packages, as a fresh venv would.
    QTemporaryDir dir;
    const QString fake = dir.filePath(QStringLiteral("python3"));
    QVERIFY(writeFile(fake, "#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n", true));

    const Result<PythonInterpreter> used = PythonInterpreterFinder().use(fake, QStringLiteral("--python"));
    QVERIFY(!used);
    QVERIFY2(used.error().contains(QLatin1String("cannot import Alembic (ModuleNotFoundError: No module "
                                                 "named 'alembic')")),
             qPrintable(used.error()));
    QVERIFY(used.error().contains(QLatin1String("pip install alembic")));

    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), dir.path());
    const Result<PythonInterpreter> found = PythonInterpreterFinder(environment).find(dir.path());
    QVERIFY(!found);
    QVERIFY2(found.error().startsWith(QLatin1String("No Python interpreter with Alembic found. Tried:")),
             qPrintable(found.error()));
    QVERIFY(found.error().contains(fake + QStringLiteral(" (PATH): Python ")));
}

void TestBridge::alembicModuleMissingAtRunTimeIsAClearError()
{
    QTemporaryDir dir;
    const QString fake = dir.filePath(QStringLiteral("python3"));
    QVERIFY(writeFile(fake, "#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n", true));
    const AlembicInvocation invocation = AlembicInvocation::forProject(
        locate(dataDir(QStringLiteral("dataloop"))), fake, {QStringLiteral("heads")});
    const AlembicResult run = AlembicProcess::run(invocation);
    QCOMPARE(run.status, AlembicResult::Status::Failed);
    QVERIFY2(run.errorString.contains(QLatin1String("cannot import Alembic")), qPrintable(run.errorString));
}

void TestBridge::urlGoesWhereEnvPyReadsIt()
{
    const ProjectLayout layout = locate(dataDir(QStringLiteral("dataloop")));
    const AlembicInvocation invocation = AlembicInvocation::forProject(
        layout, systemPython, {QStringLiteral("upgrade"), QStringLiteral("head")},
        QStringLiteral("sqlite:////tmp/x.db"));
    QCOMPARE(invocation.urlVariables, QStringList{QStringLiteral("DATABASE_URL")});
    QCOMPARE(invocation.processEnvironment().value(QStringLiteral("DATABASE_URL")),
             QStringLiteral("sqlite:////tmp/x.db"));
    QCOMPARE(invocation.workingDirectory, dataDir(QStringLiteral("dataloop")));
    QCOMPARE(invocation.programArguments(),
             (QStringList{QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"),
                          layout.iniPath, QStringLiteral("upgrade"), QStringLiteral("head")}));
    QVERIFY(!invocation.displayCommand().contains(QLatin1String("/tmp/x.db")));
}

void TestBridge::envPyRaisingPointsAtEnvPy()
{
    AlembicInvocation invocation = AlembicInvocation::forProject(
        locate(dataDir(QStringLiteral("brokenenv"))), systemPython, {QStringLiteral("current")});
    invocation.environment.remove(QStringLiteral("BRIDGE_TEST_URL"));
    const AlembicResult run = AlembicProcess::run(invocation);
    QCOMPARE(run.status, AlembicResult::Status::Failed);
    QVERIFY2(run.errorString.startsWith(QLatin1String("env.py raised KeyError: 'BRIDGE_TEST_URL' at ")),
             qPrintable(run.errorString));
    QCOMPARE(run.diagnostics.size(), 1);
    QCOMPARE(QFileInfo(run.diagnostics.first().file).fileName(), QStringLiteral("env.py"));
    QCOMPARE(run.diagnostics.first().line, 19);
    QVERIFY(run.errorString.contains(QStringLiteral("env.py:19")));
}

void TestBridge::hungProcessIsCancelled()
{
    AlembicInvocation invocation = AlembicInvocation::forProject(
        locate(dataDir(QStringLiteral("brokenenv"))), systemPython, {QStringLiteral("current")});
    invocation.environment.insert(QStringLiteral("BRIDGE_TEST_MODE"), QStringLiteral("hang"));
    AlembicProcess process;
    QSignalSpy finished(&process, &AlembicProcess::finished);
    QVERIFY(process.start(invocation));
    QVERIFY(process.isRunning());
    QVERIFY(!process.start(invocation)); // one at a time
    QTest::qWait(300);
    process.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    const AlembicResult result = finished.first().first().value<AlembicResult>();
    QCOMPARE(result.status, AlembicResult::Status::Cancelled);
    QVERIFY2(result.errorString.endsWith(QLatin1String("was cancelled and stopped.")),
             qPrintable(result.errorString));
    QVERIFY(!process.isRunning());
}

void TestBridge::hungProcessTimesOut()
{
    AlembicInvocation invocation = AlembicInvocation::forProject(
        locate(dataDir(QStringLiteral("brokenenv"))), systemPython, {QStringLiteral("current")});
    invocation.environment.insert(QStringLiteral("BRIDGE_TEST_MODE"), QStringLiteral("hang"));
    invocation.timeoutMs = 1500;
    const AlembicResult result = AlembicProcess::run(invocation);
    QCOMPARE(result.status, AlembicResult::Status::TimedOut);
    QVERIFY2(result.errorString.contains(QLatin1String("did not finish within 1.5 seconds and was stopped")),
             qPrintable(result.errorString));
}

void TestBridge::checkNeedsAlembic19()
{
    QTemporaryDir dir;
    QVERIFY(copyTree(dataDir(QStringLiteral("models")), dir.path()));
    const QString url = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("check.db"));
    const ProjectLayout layout = locate(dir.path());
    const AlembicResult upgraded = AlembicProcess::run(AlembicInvocation::forProject(
        layout, systemPython, {QStringLiteral("upgrade"), QStringLiteral("head")}, url));
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.errorString));

    const AlembicResult check = AlembicProcess::run(
        AlembicInvocation::forProject(layout, systemPython, {QStringLiteral("check")}, url));
    if (m_python.supportsCheck()) {
        QVERIFY2(check.ok(), qPrintable(check.errorString + check.standardError.join(QLatin1Char('\n'))));
        QVERIFY(check.standardOutput.contains(QStringLiteral("No new upgrade operations detected.")));
    } else {
        QCOMPARE(check.status, AlembicResult::Status::Failed);
        QVERIFY2(check.errorString.contains(QLatin1String("`alembic check` needs Alembic 1.9 or newer")),
                 qPrintable(check.errorString));
    }
}

void TestBridge::dataMigrationRunsThroughAlembicOnSqlite()
{
    QTemporaryDir dir;
    QVERIFY(copyTree(dataDir(QStringLiteral("dataloop")), dir.path()));
    const QString dbPath = dir.filePath(QStringLiteral("loop.db"));
    AlembicProcess process;
    QSignalSpy started(&process, &AlembicProcess::migrationStarted);
    QSignalSpy finished(&process, &AlembicProcess::finished);
    QVERIFY(process.start(AlembicInvocation::forProject(
        locate(dir.path()), systemPython, {QStringLiteral("upgrade"), QStringLiteral("head")},
        QStringLiteral("sqlite:///") + dbPath)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const AlembicResult result = process.result();
    QVERIFY2(result.ok(), qPrintable(result.errorString + result.standardError.join(QLatin1Char('\n'))));
    QCOMPARE(started.size(), 2);
    QCOMPARE(result.migrations.size(), 2);
    QCOMPARE(result.migrations.at(0).to, QStringLiteral("a1b2c3d4e5f6"));
    QCOMPARE(result.migrations.at(1).from, QStringLiteral("a1b2c3d4e5f6"));
    QCOMPARE(result.migrations.at(1).to, QStringLiteral("b2c3d4e5f6a7"));
    QCOMPARE(result.migrations.at(1).message, QStringLiteral("fill slugs"));

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("loop"));
        db.setDatabaseName(dbPath);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT slug FROM items ORDER BY id")));
        QStringList slugs;
        while (query.next())
            slugs << query.value(0).toString();
        QCOMPARE(slugs, (QStringList{QStringLiteral("green-tea"), QStringLiteral("black-coffee"),
                                     QStringLiteral("hot-chocolate")}));
        QVERIFY(query.exec(QStringLiteral("SELECT version_num FROM alembic_version")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("b2c3d4e5f6a7"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("loop"));
}

void TestBridge::autogenerateWritesTheModelChanges()
{
    QTemporaryDir dir;
    QVERIFY(copyTree(dataDir(QStringLiteral("models")), dir.path()));
    const QString url = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("models.db"));
    const ProjectLayout layout = locate(dir.path());
    const AlembicResult upgraded = AlembicProcess::run(AlembicInvocation::forProject(
        layout, systemPython, {QStringLiteral("upgrade"), QStringLiteral("head")}, url));
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.errorString));

    // The application gains a column and a table.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("models.py")),
                      "import sqlalchemy as sa\n"
                      "metadata = sa.MetaData()\n"
                      "users = sa.Table('users', metadata,\n"
                      "    sa.Column('id', sa.Integer, primary_key=True),\n"
                      "    sa.Column('name', sa.String(50), nullable=False),\n"
                      "    sa.Column('email', sa.String(120), nullable=True))\n"
                      "posts = sa.Table('posts', metadata,\n"
                      "    sa.Column('id', sa.Integer, primary_key=True),\n"
                      "    sa.Column('user_id', sa.Integer, sa.ForeignKey('users.id'), nullable=False),\n"
                      "    sa.Column('title', sa.String(200), nullable=False))\n"));

    QStringList streamed;
    const AlembicResult generated = AlembicProcess::run(
        AlembicInvocation::forProject(layout, systemPython,
                                      {QStringLiteral("revision"), QStringLiteral("--autogenerate"),
                                       QStringLiteral("-m"), QStringLiteral("add email and posts")},
                                      url),
        [&streamed](const QString &line, bool) { streamed << line; });
    QVERIFY2(generated.ok(), qPrintable(generated.errorString + generated.standardError.join(QLatin1Char('\n'))));
    QVERIFY(!streamed.isEmpty());
    QCOMPARE(generated.generatedFiles.size(), 1);
    QCOMPARE(generated.detected.size(), 2); // added table 'posts', added column 'users.email'
    const QString path = generated.generatedFiles.first();
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));

    Diagnostic error;
    const std::unique_ptr<PythonModule> module = MigrationModuleCache::load(path, &error);
    QVERIFY2(module, qPrintable(error.toString()));
    const InterpretedFunction upgrade = Interpreter(*module).interpret(QStringLiteral("upgrade"),
                                                                       QStringLiteral("sqlite"));
    QVERIFY(upgrade.renderable());
    QStringList names;
    for (const Operation &operation : upgrade.operations)
        names << operationName(operation);
    QCOMPARE(names, (QStringList{QStringLiteral("create_table"), QStringLiteral("add_column")}));
    QCOMPARE(std::get<CreateTable>(upgrade.operations.at(0)).table.name, QStringLiteral("posts"));
    const AddColumn &added = std::get<AddColumn>(upgrade.operations.at(1));
    QCOMPARE(added.table, QStringLiteral("users"));
    QCOMPARE(added.column.name, QStringLiteral("email"));

    const InterpretedFunction downgrade = Interpreter(*module).interpret(QStringLiteral("downgrade"),
                                                                         QStringLiteral("sqlite"));
    names.clear();
    for (const Operation &operation : downgrade.operations)
        names << operationName(operation);
    QCOMPARE(names, (QStringList{QStringLiteral("drop_column"), QStringLiteral("drop_table")}));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("down_revision = '1f0e5b2c7a10'"));
}

void TestBridge::cliAutogeneratesThroughTheBridge()
{
    QTemporaryDir dir;
    QVERIFY(copyTree(dataDir(QStringLiteral("models")), dir.path()));
    const QString url = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("cli.db"));
    const AlembicResult upgraded = AlembicProcess::run(AlembicInvocation::forProject(
        locate(dir.path()), systemPython, {QStringLiteral("upgrade"), QStringLiteral("head")}, url));
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.errorString));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("models.py")),
                      "import sqlalchemy as sa\n"
                      "metadata = sa.MetaData()\n"
                      "users = sa.Table('users', metadata,\n"
                      "    sa.Column('id', sa.Integer, primary_key=True),\n"
                      "    sa.Column('name', sa.String(50), nullable=False),\n"
                      "    sa.Column('active', sa.Boolean, nullable=True))\n"));
    const CommandOutput out = CliRunner::run(
        {QStringLiteral("--project"), dir.path(), QStringLiteral("--url"), url, QStringLiteral("--python"),
         systemPython, QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"),
         QStringLiteral("add active"), QStringLiteral("--rev-id"), QStringLiteral("cafe00000001")});
    QVERIFY2(out.succeeded(), qPrintable(out.standardOutput + out.standardError));
    const QString expected = dir.filePath(QStringLiteral("migrations/versions/cafe00000001_add_active.py"));
    QCOMPARE(out.standardOutput, QStringLiteral("Generating %1 ...  done\n").arg(expected));
    QVERIFY(out.standardError.contains(QLatin1String("Detected added column 'users.active'")));
    QFile file(expected);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("op.add_column('users', sa.Column('active', sa.Boolean(), nullable=True))"));

    // The database is behind the new revision now: Alembic's own refusal comes through.
    const CommandOutput again = CliRunner::run(
        {QStringLiteral("--project"), dir.path(), QStringLiteral("--url"), url, QStringLiteral("--python"),
         systemPython, QStringLiteral("revision"), QStringLiteral("--autogenerate"), QStringLiteral("-m"),
         QStringLiteral("again")});
    QCOMPARE(again.exitCode, 255);
    QVERIFY2(again.standardOutput.contains(QLatin1String("FAILED: Target database is not up to date.")),
             qPrintable(again.standardOutput));
    QVERIFY(again.standardError.contains(QLatin1String("retort-cli: Alembic failed: Target database is not up to date.")));
}

void TestBridge::cliReportsAMissingPython()
{
    const CommandOutput out = CliRunner::run(
        {QStringLiteral("--project"), dataDir(QStringLiteral("models")), QStringLiteral("--python"),
         QStringLiteral("/nonexistent/python3"), QStringLiteral("revision"), QStringLiteral("--autogenerate"),
         QStringLiteral("-m"), QStringLiteral("x")});
    QCOMPARE(out.exitCode, 255);
    QVERIFY2(out.standardOutput.startsWith(QLatin1String("FAILED: The Python interpreter /nonexistent/python3 "
                                                         "(--python) does not exist.")),
             qPrintable(out.standardOutput));
}

QTEST_GUILESS_MAIN(TestBridge)
#include "tst_bridge.moc"
