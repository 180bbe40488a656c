// SPDX-License-Identifier: GPL-3.0-or-later
// `retort-cli current [-v]` and `history -i` / `-r current:` against real Alembic
// (/usr/bin/python3 -m alembic) on the same databases: a copy of the demo project is moved
// through several states with `alembic upgrade/downgrade`, and at each state both programs
// must print the same stdout. Alembic prints several current heads, and the children in
// "Branches into:", in Python set order: those are compared as sets.
#include "db/databaseconnector.h"

#include "testservers.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

const QString cliPath = QStringLiteral(RETORT_BINARY_DIR "/bin/retort-cli");
const QString python = QStringLiteral("/usr/bin/python3");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProgram(const QString &program, const QStringList &arguments, const QString &directory, const QString &url)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setWorkingDirectory(directory);
    process.setStandardInputFile(QProcess::nullDevice());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("ALEMBIC_CONFIG"));
    environment.remove(QStringLiteral("DATABASE_URL"));
    if (!url.isEmpty())
        environment.insert(QStringLiteral("DATABASE_URL"), url);
    process.setProcessEnvironment(environment);
    process.start();
    Run run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

Run alembic(const QStringList &arguments, const QString &directory, const QString &url)
{
    return runProgram(python, QStringList{QStringLiteral("-m"), QStringLiteral("alembic")} + arguments, directory, url);
}

Run retort(const QStringList &arguments, const QString &directory, const QString &url)
{
    return runProgram(cliPath, arguments, directory, url);
}

bool alembicAvailable()
{
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import alembic, sqlalchemy")});
    return probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        if (source.contains(QLatin1String("__pycache__")) || source.endsWith(QLatin1String(".db")))
            continue;
        const QString target = to + source.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            return false;
    }
    return true;
}

// Alembic's set-ordered parts made comparable: the items of "Branches into:" sorted; for
// `current`, the entries (lines, or verbose blocks) sorted after the -v header. 1.8.1 masks
// passwords as XXXXX, current Alembic (and Retort) as ***.
QString normalised(QString text, bool currentCommand)
{
    text.replace(QLatin1String(":XXXXX@"), QLatin1String(":***@"));
    static const QRegularExpression branchesInto(QStringLiteral("^(Branches into: )(.*)$"),
                                                 QRegularExpression::MultilineOption);
    QString result;
    qsizetype last = 0;
    for (QRegularExpressionMatchIterator it = branchesInto.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QStringList items = match.captured(2).split(QStringLiteral(", "));
        items.sort();
        result += text.mid(last, match.capturedStart() - last) + match.captured(1) + items.join(QStringLiteral(", "));
        last = match.capturedEnd();
    }
    result += text.mid(last);
    if (!currentCommand)
        return result;
    QString header;
    if (result.startsWith(QLatin1String("Current revision(s) for "))) {
        const qsizetype end = result.indexOf(QLatin1Char('\n')) + 1;
        header = result.left(end);
        result = result.mid(end);
    }
    QStringList entries = result.startsWith(QLatin1String("Rev: "))
                              ? result.split(QRegularExpression(QStringLiteral("\n(?=Rev: )")))
                              : result.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &entry : entries)
        entry = entry.trimmed();
    entries.sort();
    return header + entries.join(QStringLiteral("\n----\n"));
}

// A database of its own on a test server, dropped at the end.
class ScratchDatabase
{
public:
    ScratchDatabase(const QString &serverUrl)
    {
        const Result<DatabaseConnection> admin = DatabaseConnector::open(serverUrl);
        if (!admin) {
            m_error = admin.error();
            return;
        }
        m_admin = admin.value();
        m_name = TestServers::scratchName();
        QSqlQuery query(m_admin.database());
        if (!query.exec(QStringLiteral("CREATE DATABASE ") + m_name)) {
            m_error = query.lastError().text();
            return;
        }
        m_url = DatabaseUrl::parse(serverUrl).value().withDatabase(m_name).toString();
    }
    ~ScratchDatabase()
    {
        if (m_url.isEmpty())
            return;
        QSqlQuery query(m_admin.database());
        query.exec(QStringLiteral("DROP DATABASE ") + m_name);
    }
    QString url() const { return m_url; }
    QString error() const { return m_error; }

private:
    DatabaseConnection m_admin;
    QString m_name;
    QString m_url;
    QString m_error;
};

} // namespace

class TestCliCurrent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameAsAlembic_data();
    void sameAsAlembic();
    void unknownRowIsReportedWithStampHint();
    void currentNeverCreatesTheVersionTable();
    void badUrlIsAFailure();

private:
    void compareAll(const QString &directory, const QString &url, const QString &state);
    bool m_haveAlembic = false;
};

void TestCliCurrent::initTestCase()
{
    QVERIFY2(QFile::exists(cliPath), qPrintable(cliPath));
    m_haveAlembic = alembicAvailable();
}

void TestCliCurrent::sameAsAlembic_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("driver");
    QTest::newRow("sqlite") << QString() << QString();
    QTest::newRow("postgresql") << TestServers::postgresqlUrl() << QStringLiteral("postgresql+psycopg2");
    QTest::newRow("mariadb") << TestServers::mariadbUrl() << QStringLiteral("mysql+pymysql");
}

void TestCliCurrent::compareAll(const QString &directory, const QString &url, const QString &state)
{
    const QList<QStringList> commands = {
        {QStringLiteral("current")},
        {QStringLiteral("current"), QStringLiteral("-v")},
        {QStringLiteral("history"), QStringLiteral("-i")},
        {QStringLiteral("history"), QStringLiteral("--indicate-current"), QStringLiteral("-v")},
        {QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("current:")},
        {QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral(":current")},
    };
    for (const QStringList &command : commands) {
        const Run expected = alembic(command, directory, url);
        const Run actual = retort(command, directory, url);
        const QString what = state + QStringLiteral(": ") + command.join(QLatin1Char(' '));
        QVERIFY2(expected.exitCode == 0, qPrintable(what + QStringLiteral("\nalembic failed: ") + expected.err));
        QVERIFY2(actual.exitCode == 0, qPrintable(what + QStringLiteral("\nretort-cli failed: ") + actual.out + actual.err));
        const bool current = command.first() == QLatin1String("current");
        const QString want = normalised(expected.out, current);
        const QString got = normalised(actual.out, current);
        if (want != got)
            qWarning("%s\n--- alembic\n%s\n--- retort-cli\n%s", qPrintable(what), qPrintable(want), qPrintable(got));
        QVERIFY2(want == got, qPrintable(what));
    }
}

void TestCliCurrent::sameAsAlembic()
{
    QFETCH(QString, server);
    QFETCH(QString, driver);
    if (!m_haveAlembic) {
        const char *message = "*** ALEMBIC MISSING *** /usr/bin/python3 cannot import alembic and sqlalchemy "
                              "(Debian packages python3-alembic python3-sqlalchemy): comparison skipped";
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL(message);
        QSKIP(message);
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), dir.path()));

    QString url;
    std::optional<ScratchDatabase> scratch;
    if (qstrcmp(QTest::currentDataTag(), "sqlite") == 0) {
        url = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("shop.db"));
    } else {
        RETORT_REQUIRE_SERVER(server);
        scratch.emplace(server);
        QVERIFY2(!scratch->url().isEmpty(), qPrintable(scratch->error()));
        url = scratch->url();
        url.replace(0, url.indexOf(QLatin1String("://")), driver);
    }

    compareAll(dir.path(), url, QStringLiteral("no version table"));
    if (QTest::currentTestFailed())
        return;
    const QStringList targets = {QStringLiteral("35cdf5e0e560"), QStringLiteral("ca4659ad9d88"), QStringLiteral("heads")};
    for (const QString &target : targets) {
        const Run upgrade = alembic({QStringLiteral("upgrade"), target}, dir.path(), url);
        QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.err));
        compareAll(dir.path(), url, QStringLiteral("upgraded to ") + target);
        if (QTest::currentTestFailed())
            return;
    }
    const Run downgrade = alembic({QStringLiteral("downgrade"), QStringLiteral("base")}, dir.path(), url);
    QVERIFY2(downgrade.exitCode == 0, qPrintable(downgrade.err));
    compareAll(dir.path(), url, QStringLiteral("downgraded to base"));
}

void TestCliCurrent::unknownRowIsReportedWithStampHint()
{
    QTemporaryDir dir;
    QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), dir.path()));
    const QString url = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("shop.db"));
    {
        const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
        QVERIFY(connection.ok());
        QSqlQuery query(connection->database());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO alembic_version VALUES ('zzzzzzzz')")));
    }
    // current and a `current` range fail with Alembic's words on stdout, what to do on stderr.
    for (const QStringList &command : {QStringList{QStringLiteral("current")},
                                       QStringList{QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("current:")}}) {
        const Run run = retort(command, dir.path(), url);
        QCOMPARE(run.exitCode, 255);
        QCOMPARE(run.out, QStringLiteral("FAILED: Can't locate revision identified by 'zzzzzzzz'\n"));
        QVERIFY2(run.err.contains(QLatin1String("stamp")), qPrintable(run.err));
        if (m_haveAlembic) {
            const Run expected = alembic(command, dir.path(), url);
            QCOMPARE(run.out, expected.out);
        }
    }
    // history -i lists without (current) marks, as Alembic does, and warns on stderr.
    const Run history = retort({QStringLiteral("history"), QStringLiteral("-i")}, dir.path(), url);
    QCOMPARE(history.exitCode, 0);
    QVERIFY(!history.out.contains(QLatin1String("(current)")));
    QVERIFY2(history.err.contains(QLatin1String("'zzzzzzzz'")), qPrintable(history.err));
    if (m_haveAlembic) {
        const Run expected = alembic({QStringLiteral("history"), QStringLiteral("-i")}, dir.path(), url);
        QCOMPARE(history.out, expected.out);
    }
}

void TestCliCurrent::currentNeverCreatesTheVersionTable()
{
    QTemporaryDir dir;
    QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), dir.path()));
    const QString url = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("shop.db"));
    const Run current = retort({QStringLiteral("current"), QStringLiteral("-v")}, dir.path(), url);
    QCOMPARE(current.exitCode, 0);
    QCOMPARE(current.out, QStringLiteral("Current revision(s) for %1:\n").arg(url));
    {
        const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
        QVERIFY(connection.ok());
        QSqlQuery query(connection->database());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }
    // history -i creates it, as Alembic does.
    const Run history = retort({QStringLiteral("history"), QStringLiteral("-i")}, dir.path(), url);
    QCOMPARE(history.exitCode, 0);
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
    QSqlQuery query(connection->database());
    QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("alembic_version"));
}

void TestCliCurrent::badUrlIsAFailure()
{
    QTemporaryDir dir;
    QVERIFY(copyTree(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"), dir.path()));
    const Run run = retort({QStringLiteral("--url"), QStringLiteral("postgresql://u:hunter2@127.0.0.1:1/d"),
                            QStringLiteral("current")},
                           dir.path(), QString());
    // Status 1, as Alembic ends when the driver raises (not CommandError's 255).
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.startsWith(QLatin1String("FAILED: Could not connect to postgresql://u:***@127.0.0.1:1/d")),
             qPrintable(run.out));
    QVERIFY(!run.out.contains(QLatin1String("hunter2")));
}

QTEST_GUILESS_MAIN(TestCliCurrent)
#include "tst_clicurrent.moc"
