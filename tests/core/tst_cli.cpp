// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end tests of the retort-cli executable: small projects written here, the
// program run with QProcess (stdin closed), stdout/stderr/exit status checked.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString cliPath = QStringLiteral(RETORT_BINARY_DIR "/bin/retort-cli");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray script(const char *id, const char *down, const char *message)
{
    return QByteArray("\"\"\"") + message + "\n\nRevision ID: " + id +
           "\nRevises:\nCreate Date: 2024-01-01 00:00:00\n\n\"\"\"\nfrom alembic import op\n"
           "import sqlalchemy as sa\n\n# revision identifiers, used by Alembic.\nrevision = '" +
           id + "'\ndown_revision = " + (down ? QByteArray("'") + down + "'" : QByteArray("None")) +
           "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n\n\n"
           "def downgrade():\n    pass\n";
}

Run runCli(const QStringList &arguments, const QString &workingDirectory = QString(),
           const QStringList &extraEnvironment = {})
{
    QProcess process;
    process.setProgram(cliPath);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    QStringList environment = QProcess::systemEnvironment();
    environment.removeIf(
        [](const QString &v) { return v.startsWith(QLatin1String("ALEMBIC_CONFIG=")); });
    environment += extraEnvironment;
    process.setEnvironment(environment);
    process.start();
    Run run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listings_data();
    void listings();
    void alembicErrors_data();
    void alembicErrors();
    void onlineCommandsReportAnUnreachableDatabase_data();
    void onlineCommandsReportAnUnreachableDatabase();
    void usageErrorsGoToStderrWithStatus2_data();
    void usageErrorsGoToStderrWithStatus2();
    void helpAndVersion();
    void offlineUpgradeWritesTheRunningLines();
    void offlineDialectComesFromTheIni();
    void bareFolderNeedsADialect();
    void defaultConfigIsAlembicIniInTheWorkingDirectory();
    void missingConfigFile();
    void outputIsUtf8WhateverTheLocale();
    void brokenScriptNamesTheFile();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestCli::initTestCase()
{
    QVERIFY(QFileInfo::exists(cliPath));
    QVERIFY(m_dir.isValid());
    m_project = QFileInfo(m_dir.path()).canonicalFilePath() + QStringLiteral("/linear");
    QVERIFY(writeFile(m_project + QStringLiteral("/alembic.ini"),
                      "[alembic]\nscript_location = %(here)s/migrations\n"
                      "sqlalchemy.url = postgresql://u@h/db\n"));
    QVERIFY(writeFile(m_project + QStringLiteral("/migrations/env.py"), "# env\n"));
    const QString v = m_project + QStringLiteral("/migrations/versions/");
    QVERIFY(writeFile(v + QStringLiteral("1975ea83b712_create.py"),
                      script("1975ea83b712", nullptr, "create account table")));
    QVERIFY(writeFile(v + QStringLiteral("ae1027a6acf0_add.py"),
                      script("ae1027a6acf0", "1975ea83b712", "add a column")));
    QVERIFY(writeFile(v + QStringLiteral("27c6a30d7c24_another.py"),
                      script("27c6a30d7c24", "ae1027a6acf0", "add another column")));
    QVERIFY(writeFile(v + QStringLiteral("__init__.py"), ""));
    QVERIFY(writeFile(v + QStringLiteral("README"), "not a script\n"));
}

void TestCli::listings_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");

    QTest::newRow("heads") << QStringList{QStringLiteral("heads")}
                           << QStringLiteral("27c6a30d7c24 (head)\n");
    QTest::newRow("bases") << QStringList{QStringLiteral("bases")}
                           << QStringLiteral("1975ea83b712\n");
    QTest::newRow("branches: none") << QStringList{QStringLiteral("branches")} << QString();
    QTest::newRow("history") << QStringList{QStringLiteral("history")}
                             << QStringLiteral(
                                    "ae1027a6acf0 -> 27c6a30d7c24 (head), add another column\n"
                                    "1975ea83b712 -> ae1027a6acf0, add a column\n"
                                    "<base> -> 1975ea83b712, create account table\n");
    QTest::newRow("history --rev-range=-1:")
        << QStringList{QStringLiteral("history"), QStringLiteral("--rev-range=-1:")}
        << QStringLiteral("ae1027a6acf0 -> 27c6a30d7c24 (head), add another column\n"
                          "1975ea83b712 -> ae1027a6acf0, add a column\n");
    QTest::newRow("history -r 1975:+1")
        << QStringList{QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("1975:+1")}
        << QStringLiteral("1975ea83b712 -> ae1027a6acf0, add a column\n"
                          "<base> -> 1975ea83b712, create account table\n");
    QTest::newRow("show by one-character prefix")
        << QStringList{QStringLiteral("show"), QStringLiteral("2")}
        << QStringLiteral("Rev: 27c6a30d7c24 (head)\nParent: ae1027a6acf0\nPath: %1\n\n"
                          "    add another column\n    \n    Revision ID: 27c6a30d7c24\n"
                          "    Revises:\n    Create Date: 2024-01-01 00:00:00\n\n");
    QTest::newRow("show base prints nothing")
        << QStringList{QStringLiteral("show"), QStringLiteral("base")} << QString();
}

void TestCli::listings()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const Run run = runCli(QStringList{QStringLiteral("--project"), m_project} + args);
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
             expected.contains(QLatin1String("%1"))
                 ? expected.arg(m_project +
                                QStringLiteral("/migrations/versions/27c6a30d7c24_another.py"))
                 : expected);
}

void TestCli::alembicErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");

    QTest::newRow("history range without colon")
        << QStringList{QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("27c6")}
        << QStringLiteral("History range requires [start]:[end], [start]:, or :[end]");
    QTest::newRow("unknown id") << QStringList{QStringLiteral("show"), QStringLiteral("zz")}
                                << QStringLiteral("Can't locate revision identified by 'zz'");
    QTest::newRow("range without --sql")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("base:heads")}
        << QStringLiteral("Range revision not allowed");
    QTest::newRow("offline downgrade without range")
        << QStringList{QStringLiteral("downgrade"), QStringLiteral("base"), QStringLiteral("--sql")}
        << QStringLiteral("downgrade with --sql requires <fromrev>:<torev>");
    QTest::newRow("relative overwalk")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("base:+4"),
                       QStringLiteral("--sql")}
        << QStringLiteral("Relative revision +4 didn't produce 4 migrations");
    QTest::newRow("stamp --purge --sql")
        << QStringList{QStringLiteral("stamp"), QStringLiteral("heads"), QStringLiteral("--sql"),
                       QStringLiteral("--purge")}
        << QStringLiteral("Can't use --purge with --sql mode");
    QTest::newRow("unknown section")
        << QStringList{QStringLiteral("-n"), QStringLiteral("nosuch"), QStringLiteral("heads")}
        << QString();
}

void TestCli::alembicErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run run = runCli(QStringList{QStringLiteral("--project"), m_project} + args);
    QCOMPARE(run.exitCode, 255);
    QVERIFY2(run.out.startsWith(QLatin1String("FAILED: ")), qPrintable(run.out));
    QVERIFY(run.out.endsWith(QLatin1Char('\n')));
    QCOMPARE(run.out.count(QLatin1Char('\n')), 1);
    if (!message.isEmpty())
        QCOMPARE(run.out, QStringLiteral("FAILED: ") + message + QLatin1Char('\n'));
}

void TestCli::onlineCommandsReportAnUnreachableDatabase_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("upgrade") << QStringList{QStringLiteral("upgrade"), QStringLiteral("heads")};
    QTest::newRow("downgrade") << QStringList{QStringLiteral("downgrade"), QStringLiteral("base")};
    QTest::newRow("stamp") << QStringList{QStringLiteral("stamp"), QStringLiteral("heads")};
    QTest::newRow("current") << QStringList{QStringLiteral("current")};
    QTest::newRow("history -i") << QStringList{QStringLiteral("history"), QStringLiteral("-i")};
    QTest::newRow("show current") << QStringList{QStringLiteral("show"), QStringLiteral("current")};
}

// Nothing listens on port 1: every command that needs the database names it (password
// masked) and ends with status 1, as Alembic does when the driver raises.
void TestCli::onlineCommandsReportAnUnreachableDatabase()
{
    QFETCH(QStringList, args);
    const QString url = QStringLiteral("postgresql://u:secret@127.0.0.1:1/db");
    const Run run = runCli(QStringList{QStringLiteral("--project"), m_project,
                                       QStringLiteral("--url"), url} + args);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.startsWith(QLatin1String("FAILED: Could not connect to postgresql://u:***@127.0.0.1:1/db")),
             qPrintable(run.out));
    QVERIFY2(!run.out.contains(QLatin1String("secret")), qPrintable(run.out));
}

void TestCli::usageErrorsGoToStderrWithStatus2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("lastLine");
    QTest::newRow("no command") << QStringList{}
                                << QStringLiteral("retort-cli: error: too few arguments");
    QTest::newRow("-r -1:")
        << QStringList{QStringLiteral("history"), QStringLiteral("-r"), QStringLiteral("-1:")}
        << QStringLiteral(
               "retort-cli history: error: argument -r/--rev-range: expected one argument");
    QTest::newRow("missing revision")
        << QStringList{QStringLiteral("show")}
        << QStringLiteral("retort-cli show: error: the following arguments are required: rev");
}

void TestCli::usageErrorsGoToStderrWithStatus2()
{
    QFETCH(QStringList, args);
    QFETCH(QString, lastLine);
    const Run run = runCli(QStringList{QStringLiteral("--project"), m_project} + args);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QString());
    QVERIFY(run.err.startsWith(QLatin1String("usage: retort-cli")));
    QCOMPARE(run.err.trimmed().split(QLatin1Char('\n')).last(), lastLine);
}

void TestCli::helpAndVersion()
{
    const Run help = runCli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *command : {"heads", "branches", "history", "show", "bases", "current",
                                "upgrade", "downgrade", "stamp"})
        QVERIFY2(help.out.contains(QLatin1String("\n  ") + QLatin1String(command)), command);
    const Run version = runCli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QLatin1String("retort-cli ")));
    QCOMPARE(version.out.count(QLatin1Char('\n')), 1);
}

void TestCli::offlineUpgradeWritesTheRunningLines()
{
    const Run run = runCli({QStringLiteral("--project"), m_project, QStringLiteral("upgrade"),
                            QStringLiteral("base:heads"), QStringLiteral("--sql"),
                            QStringLiteral("--dialect"), QStringLiteral("sqlite")});
    QCOMPARE(run.exitCode, 0);
    const QString running = QStringLiteral("-- Running upgrade  -> 1975ea83b712\n");
    QVERIFY2(run.out.contains(running), qPrintable(run.out));
    QVERIFY(run.out.indexOf(QLatin1String("-- Running upgrade 1975ea83b712 -> ae1027a6acf0")) >
            run.out.indexOf(running));
    QVERIFY(run.out.contains(
        QLatin1String("INSERT INTO alembic_version (version_num) VALUES ('1975ea83b712')")));
    QVERIFY(!run.out.contains(QLatin1String("BEGIN;"))); // SQLite: no transactional DDL
}

void TestCli::offlineDialectComesFromTheIni()
{
    // sqlalchemy.url is PostgreSQL: transactional DDL, so BEGIN;/COMMIT;.
    const Run run = runCli({QStringLiteral("--project"), m_project, QStringLiteral("upgrade"),
                            QStringLiteral("heads"), QStringLiteral("--sql")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("BEGIN;")), qPrintable(run.out));
    // --url overrides the ini.
    const Run mysql = runCli({QStringLiteral("--project"), m_project, QStringLiteral("--url"),
                              QStringLiteral("mysql+pymysql://u@h/db"), QStringLiteral("upgrade"),
                              QStringLiteral("heads"), QStringLiteral("--sql")});
    QCOMPARE(mysql.exitCode, 0);
    QVERIFY(!mysql.out.contains(QLatin1String("BEGIN;")));
    // So does -x url=..., the convention of generated env.py files.
    const Run x = runCli({QStringLiteral("--project"), m_project, QStringLiteral("-x"),
                          QStringLiteral("url=sqlite://"), QStringLiteral("upgrade"),
                          QStringLiteral("heads"), QStringLiteral("--sql")});
    QCOMPARE(x.exitCode, 0);
    QVERIFY(!x.out.contains(QLatin1String("BEGIN;")));
    // An unknown dialect is an error, with SQLAlchemy's words.
    const Run oracle = runCli({QStringLiteral("--project"), m_project, QStringLiteral("upgrade"),
                               QStringLiteral("heads"), QStringLiteral("--sql"),
                               QStringLiteral("--dialect"), QStringLiteral("oracle")});
    QCOMPARE(oracle.exitCode, 255);
    QVERIFY(oracle.out.startsWith(
        QLatin1String("FAILED: Can't load plugin: sqlalchemy.dialects:oracle")));
}

void TestCli::bareFolderNeedsADialect()
{
    const QString versions = m_project + QStringLiteral("/migrations/versions");
    const Run run = runCli({QStringLiteral("--project"), versions, QStringLiteral("upgrade"),
                            QStringLiteral("heads"), QStringLiteral("--sql")});
    QCOMPARE(run.exitCode, 255);
    QVERIFY(run.out.startsWith(QLatin1String("FAILED: --sql needs to know the SQL dialect")));
    const Run heads = runCli({QStringLiteral("--project"), versions, QStringLiteral("heads")});
    QCOMPARE(heads.out, QStringLiteral("27c6a30d7c24 (head)\n"));
}

void TestCli::defaultConfigIsAlembicIniInTheWorkingDirectory()
{
    const Run run = runCli({QStringLiteral("heads")}, m_project);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("27c6a30d7c24 (head)\n"));
    const Run viaEnv =
        runCli({QStringLiteral("heads")}, m_dir.path(),
               {QStringLiteral("ALEMBIC_CONFIG=") + m_project + QStringLiteral("/alembic.ini")});
    QCOMPARE(viaEnv.out, QStringLiteral("27c6a30d7c24 (head)\n"));
}

void TestCli::missingConfigFile()
{
    const Run run = runCli({QStringLiteral("heads")}, m_dir.path());
    QCOMPARE(run.exitCode, 255);
    QCOMPARE(run.out, QStringLiteral("FAILED: No config file 'alembic.ini' found, or file has no "
                                     "'[alembic]' section\n"));
}

void TestCli::outputIsUtf8WhateverTheLocale()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("v/aaaa_x.py")),
                      script("aaaa00000001", nullptr, "na\xc3\xafve \xe2\x82\xac")));
    const Run run = runCli(
        {QStringLiteral("--project"), dir.filePath(QStringLiteral("v")), QStringLiteral("history")},
        QString(), {QStringLiteral("LC_ALL=C"), QStringLiteral("LANG=C")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
             QString::fromUtf8("<base> -> aaaa00000001 (head), na\xc3\xafve \xe2\x82\xac\n"));
}

void TestCli::brokenScriptNamesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("v/aaaa_x.py")), script("aaaa", nullptr, "ok")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("v/bbbb_x.py")),
                      "revision = 'bbbb'\ndown_revision = 'aaaa'\ndef upgrade(:\n    pass\n"));
    const Run run = runCli(
        {QStringLiteral("--project"), dir.filePath(QStringLiteral("v")), QStringLiteral("heads")});
    QCOMPARE(run.exitCode, 255);
    QVERIFY2(run.out.startsWith(
                 QStringLiteral("FAILED: ") +
                 QFileInfo(dir.filePath(QStringLiteral("v/bbbb_x.py"))).canonicalFilePath() +
                 QStringLiteral(":3:")),
             qPrintable(run.out));

    QVERIFY(writeFile(dir.filePath(QStringLiteral("v/bbbb_x.py")), "down_revision = 'aaaa'\n"));
    const Run noId = runCli(
        {QStringLiteral("--project"), dir.filePath(QStringLiteral("v")), QStringLiteral("heads")});
    QCOMPARE(noId.out, QStringLiteral("FAILED: Could not determine revision id from filename "
                                      "bbbb_x.py. Be sure the 'revision' variable is declared "
                                      "inside the script (please see 'Upgrading from Alembic 0.1 "
                                      "to 0.2' in the documentation).\n"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
