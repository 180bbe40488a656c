// SPDX-License-Identifier: GPL-3.0-or-later
// The run panel drives a real run on a SQLite file through RunController; cancelling it
// mid-way rolls the whole run back and the panel says so. A plan with a migration Retort
// cannot run natively goes through the project's Python + Alembic (python3-alembic), with
// progress and a traceback location to click.
#include "testfiles.h"
#include "bridge/interpreterchoice.h"
#include "commands/commandcontext.h"
#include "config/projectlocator.h"
#include "loadedproject.h"
#include "run/runcontroller.h"
#include "run/runpanel.h"

#include <QDir>
#include <QDirIterator>
#include <QSettings>
#include <QStandardPaths>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Retort;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

QByteArray migration(const char *revision, const char *down, const QByteArray &body)
{
    return QByteArray("\"\"\"step\n\nRevision ID: ") + revision +
           "\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = '" + revision +
           "'\ndown_revision = " + (down ? QByteArray("'") + down + "'" : QByteArray("None")) +
           "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n" + body +
           "\n\ndef downgrade():\n    pass\n";
}

LoadedProject loadProject(const QString &path)
{
    LoadedProject project;
    const Result<ProjectLayout> layout = ProjectLocator::locate(path);
    if (!layout)
        return project;
    const Result<CommandContext> context = CommandContext::fromLayout(layout.value());
    if (!context)
        return project;
    project.layout = layout.value();
    project.map = context->map();
    return project;
}

using TestFiles::copyTree;

QStringList column(const QString &dbPath, const QString &sql)
{
    QStringList values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("column"));
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql)) {
                while (query.next())
                    values << query.value(0).toString();
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("column"));
    return values;
}

} // namespace

class TestRunPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cancelledRunIsRolledBackAndShown();
    void dataMigrationRunsThroughAlembic();
    void alembicFailureLeadsToTheMigrationLine();

private:
    // The dataloop bridge project copied into dir, with /usr/bin/python3 remembered for it.
    bool prepareDataLoop(const QTemporaryDir &dir, LoadedProject *project);

    QTemporaryDir m_settings;
    bool m_haveAlembic = false;
};

void TestRunPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    m_haveAlembic = InterpreterChoice::probe(QStringLiteral("/usr/bin/python3")).ok;
}

bool TestRunPanel::prepareDataLoop(const QTemporaryDir &dir, LoadedProject *project)
{
    if (!copyTree(QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/bridge/dataloop"), dir.path()))
        return false;
    *project = loadProject(dir.path());
    if (!project->isOpen())
        return false;
    InterpreterChoice::remember(project->layout->projectPath, QStringLiteral("/usr/bin/python3"));
    return true;
}

void TestRunPanel::dataMigrationRunsThroughAlembic()
{
    if (!m_haveAlembic) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("/usr/bin/python3 with python3-alembic is needed");
        QSKIP("/usr/bin/python3 with python3-alembic is needed");
    }
    QTemporaryDir dir;
    LoadedProject project;
    QVERIFY(prepareDataLoop(dir, &project));
    const QString dbPath = dir.filePath(QStringLiteral("loop.db"));
    RunPanel panel;
    panel.setProject(project);
    panel.setConnection(QStringLiteral("sqlite:///") + dbPath, dbPath, QStringLiteral("test"), false);
    panel.setCurrentRevisions({});
    QCOMPARE(panel.nonNativeMigrations(RunRequest::Kind::Upgrade, QStringLiteral("head")),
             QStringList{QStringLiteral("b2c3d4e5f6a7")});
    QVERIFY(panel.nonNativeMigrations(RunRequest::Kind::Upgrade, QStringLiteral("a1b2c3d4e5f6")).isEmpty());

    QSignalSpy finished(&panel, &RunPanel::runFinished);
    QVERIFY(panel.startRun(RunRequest::Kind::Upgrade, QStringLiteral("head")));
    QVERIFY(panel.isBridgeRun());
    QVERIFY(panel.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(panel.statusLabel()->text()));
    QCOMPARE(panel.progressBar()->format(), QStringLiteral("Done"));
    QVERIFY(panel.statusLabel()->text().startsWith(QLatin1String("Done through Alembic: 2 migration")));
    // The command, then one log entry per migration, from Alembic's "Running upgrade" lines.
    QCOMPARE(panel.statementLog()->topLevelItemCount(), 3);
    QVERIFY(panel.statementLog()->topLevelItem(0)->text(0).startsWith(QLatin1String("$ python3 -m alembic -c ")));
    QVERIFY(panel.statementLog()->topLevelItem(0)->text(0).endsWith(QLatin1String(" upgrade head")));
    QCOMPARE(panel.statementLog()->topLevelItem(1)->text(0), QStringLiteral("a1b2c3d4e5f6 — create items (through Alembic)"));
    QCOMPARE(panel.statementLog()->topLevelItem(2)->text(0), QStringLiteral("b2c3d4e5f6a7 — fill slugs (through Alembic)"));
    QCOMPARE(column(dbPath, QStringLiteral("SELECT slug FROM items ORDER BY id")),
             (QStringList{QStringLiteral("green-tea"), QStringLiteral("black-coffee"), QStringLiteral("hot-chocolate")}));
    QCOMPARE(column(dbPath, QStringLiteral("SELECT version_num FROM alembic_version")),
             QStringList{QStringLiteral("b2c3d4e5f6a7")});
}

void TestRunPanel::alembicFailureLeadsToTheMigrationLine()
{
    if (!m_haveAlembic) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("/usr/bin/python3 with python3-alembic is needed");
        QSKIP("/usr/bin/python3 with python3-alembic is needed");
    }
    QTemporaryDir dir;
    LoadedProject project;
    QVERIFY(prepareDataLoop(dir, &project));
    // The version table says a1b2c3d4e5f6, but its table is missing: the loop's query fails.
    const QString dbPath = dir.filePath(QStringLiteral("broken.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
        db.setDatabaseName(dbPath);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO alembic_version VALUES ('a1b2c3d4e5f6')")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("setup"));

    RunPanel panel;
    panel.setProject(project);
    panel.setConnection(QStringLiteral("sqlite:///") + dbPath, dbPath, QStringLiteral("test"), false);
    panel.setCurrentRevisions({QStringLiteral("a1b2c3d4e5f6")});
    QSignalSpy finished(&panel, &RunPanel::runFinished);
    QSignalSpy location(&panel, &RunPanel::locationActivated);
    QVERIFY(panel.startRun(RunRequest::Kind::Upgrade, QStringLiteral("head")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(panel.progressBar()->format(), QStringLiteral("Failed"));
    QVERIFY2(panel.statusLabel()->text().contains(QLatin1String("no such table: items")),
             qPrintable(panel.statusLabel()->text()));
    // The failure's entry holds the traceback's place in the migration; activating it asks to open it.
    QTreeWidgetItem *failure = panel.statementLog()->topLevelItem(panel.statementLog()->topLevelItemCount() - 1);
    QCOMPARE(failure->childCount(), 1);
    Q_EMIT panel.statementLog()->itemActivated(failure->child(0), 0);
    QCOMPARE(location.size(), 1);
    QCOMPARE(QFileInfo(location.first().at(0).toString()).fileName(), QStringLiteral("b2c3d4e5f6a7_fill_slugs.py"));
    QCOMPARE(location.first().at(1).toInt(), 20);
    QCOMPARE(column(dbPath, QStringLiteral("SELECT version_num FROM alembic_version")),
             QStringList{QStringLiteral("a1b2c3d4e5f6")});
}

void TestRunPanel::cancelledRunIsRolledBackAndShown()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("alembic.ini")),
                      "[alembic]\nscript_location = %(here)s/migrations\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/env.py")), "pass\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/versions/aaaa00000001_numbers.py")),
                      migration("aaaa00000001", nullptr,
                                "    op.create_table('numbers', sa.Column('n', sa.Integer()))\n")));
    // A long second migration: many slow statements, so that the cancel arrives while it runs
    // (a run stops between statements).
    QByteArray slow;
    for (int i = 0; i < 200; ++i)
        slow += "    op.execute(\"INSERT INTO numbers (n) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                "SELECT x + 1 FROM c WHERE x < 100000) SELECT x FROM c\")\n";
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/versions/aaaa00000002_fill.py")),
                      migration("aaaa00000002", "aaaa00000001", slow)));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/versions/aaaa00000003_more.py")),
                      migration("aaaa00000003", "aaaa00000002",
                                "    op.create_table('more', sa.Column('n', sa.Integer()))\n")));

    const LoadedProject project = loadProject(dir.path());
    QVERIFY(project.isOpen());

    const QString dbPath = dir.filePath(QStringLiteral("run.db"));
    RunPanel panel;
    panel.setProject(project);
    panel.setConnection(QStringLiteral("sqlite:///") + dbPath, dbPath, QStringLiteral("test"), false);
    panel.setCurrentRevisions({});
    panel.setSelectedRevision(QStringLiteral("aaaa00000003"));
    panel.show();

    QSignalSpy finished(&panel, &RunPanel::runFinished);
    // Cancel as soon as the slow migration has started.
    connect(panel.controller(), &RunController::migrationStarted, &panel,
            [&panel](int, int, const QString &revision) {
                if (revision == QLatin1String("aaaa00000002"))
                    panel.cancel();
            });
    QVERIFY(panel.startRun(RunRequest::Kind::Upgrade, QStringLiteral("aaaa00000003")));
    QVERIFY(panel.isRunning());
    QVERIFY(panel.cancelAction()->isEnabled());
    QVERIFY(!panel.upgradeAction()->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!panel.isRunning());
    QCOMPARE(panel.progressBar()->format(), QStringLiteral("Cancelled"));
    QVERIFY2(panel.statusLabel()->text().contains(QLatin1String("<b>Cancelled.</b>")),
             qPrintable(panel.statusLabel()->text()));
    QVERIFY(panel.statusLabel()->text().contains(QLatin1String("Nothing was changed (rolled back).")));
    QVERIFY(panel.upgradeAction()->isEnabled());
    QVERIFY(!panel.cancelAction()->isEnabled());

    // One transaction for the whole run: not even the first migration's table remains.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(dbPath);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")));
        QStringList tables;
        while (query.next())
            tables << query.value(0).toString();
        QVERIFY2(!tables.contains(QStringLiteral("numbers")), qPrintable(tables.join(QLatin1Char(','))));
        QVERIFY(!tables.contains(QStringLiteral("more")));
        if (tables.contains(QStringLiteral("alembic_version"))) {
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM alembic_version")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 0);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

QTEST_MAIN(TestRunPanel)
#include "tst_runpanel.moc"
