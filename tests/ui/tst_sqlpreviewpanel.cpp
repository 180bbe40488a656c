// SPDX-License-Identifier: GPL-3.0-or-later
// SqlPreviewPanel on the demo project: the SQL shown is what retort-cli prints, warnings
// are listed and lead to their file:line, the script can be saved, stale results are dropped.
#include "editor/codeeditor.h"
#include "bridge/interpreterchoice.h"
#include "editor/sqlpreviewpanel.h"
#include "projectloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QToolButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

const QString cliPath = QStringLiteral(RETORT_BINARY_DIR "/bin/retort-cli");
const QString demoPath = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo");

QString cliOutput(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(cliPath);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QStringLiteral("<retort-cli failed: %1>")
            .arg(QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput());
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestSqlPreviewPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dialectDefaultsToTheProjectsUrl();
    void rangeShowsTheSameSqlAsTheCommandLine_data();
    void rangeShowsTheSameSqlAsTheCommandLine();
    void dropColumnMigrationListsWarnings();
    void warningLeadsToItsFileAndLine();
    void changingTheDialectRendersAgain();
    void staleResultsAreDropped();
    void saveAsSqlWritesTheFile();
    void unrenderableMigrationSaysWhereAndWhy();
    void alembicRendersWhatRetortCannot();
    void alembicRenderingFailureLeadsToTheMigration();

private:
    // Opens a bridge test project with /usr/bin/python3 (python3-alembic) as its remembered
    // interpreter; false when that Python has no Alembic.
    bool openBridgeProject(const QString &name, LoadedProject *project);

    LoadedProject m_demo;
    QTemporaryDir m_settings;
};

void TestSqlPreviewPanel::initTestCase()
{
    QVERIFY2(QFileInfo::exists(cliPath), qPrintable(cliPath));
    m_demo = ProjectLoader::loadNow(demoPath);
    QVERIFY(m_demo.isOpen());
}

void TestSqlPreviewPanel::dialectDefaultsToTheProjectsUrl()
{
    SqlPreviewPanel panel;
    panel.setDialect(SqlDialect::MySql);
    panel.setProject(m_demo); // sqlalchemy.url = sqlite:///...
    QCOMPARE(panel.dialect(), SqlDialect::Sqlite);
    // The connection's dialect wins from then on.
    QVERIFY(panel.setDefaultDialectFromUrl(QStringLiteral("postgresql+psycopg2://u@h/db")));
    QCOMPARE(panel.dialect(), SqlDialect::PostgreSql);
    panel.setProject(m_demo);
    QCOMPARE(panel.dialect(), SqlDialect::PostgreSql);
    QVERIFY(!panel.setDefaultDialectFromUrl(QStringLiteral("oracle://u@h/db")));
    QCOMPARE(panel.dialect(), SqlDialect::PostgreSql);
}

void TestSqlPreviewPanel::rangeShowsTheSameSqlAsTheCommandLine_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("dialectName");
    QTest::addColumn<QString>("header");
    QTest::newRow("through the merge, sqlite")
        << "69e8a4e93b9f" << "8d937c7f0087" << int(SqlDialect::Sqlite) << "sqlite"
        << QStringLiteral("upgrade 5 migrations: c98ba20b48db → 679e969ce03d → ca4659ad9d88 → "
                          "4c5f2939fc95 → 8d937c7f0087");
    QTest::newRow("long range is shortened, mysql")
        << "base" << "ac7c02654fe7" << int(SqlDialect::MySql) << "mysql"
        << QStringLiteral("upgrade 9 migrations: 88653130d564 → 466dded3ff0f → … → "
                          "8d937c7f0087 → ac7c02654fe7");
    QTest::newRow("whole shop branch, postgresql")
        << "base" << "ac7c02654fe7" << int(SqlDialect::PostgreSql) << "postgresql" << QString();
}

void TestSqlPreviewPanel::rangeShowsTheSameSqlAsTheCommandLine()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, dialect);
    QFETCH(QString, dialectName);
    QFETCH(QString, header);

    SqlPreviewPanel panel;
    panel.setProject(m_demo);
    panel.setDefaultDialect(SqlDialect(dialect));
    QSignalSpy finished(&panel, &SqlPreviewPanel::previewFinished);
    panel.showRange(from == QLatin1String("base") ? QStringList() : QStringList{from}, to,
                    MigrationStep::Direction::Upgrade);
    QTRY_COMPARE(finished.count(), 1);
    const QString expected =
        cliOutput({QStringLiteral("--project"), demoPath, QStringLiteral("upgrade"),
                   from + QLatin1Char(':') + to, QStringLiteral("--sql"), QStringLiteral("--dialect"),
                   dialectName});
    QVERIFY2(panel.result().ok, qPrintable(panel.result().errorString));
    QCOMPARE(panel.sql(), expected);
    QCOMPARE(panel.sqlView()->toPlainText(), expected);
    QVERIFY(panel.sqlView()->isReadOnly());
    QCOMPARE(panel.sqlView()->language(), CodeEditor::Language::Sql);
    if (!header.isEmpty())
        QCOMPARE(panel.headerText(), header);
    else
        QVERIFY(panel.headerText().startsWith(QLatin1String("upgrade ")));
}

void TestSqlPreviewPanel::dropColumnMigrationListsWarnings()
{
    SqlPreviewPanel panel;
    panel.setProject(m_demo);
    panel.setDefaultDialect(SqlDialect::PostgreSql);
    QSignalSpy finished(&panel, &SqlPreviewPanel::previewFinished);
    panel.showMigration(QStringLiteral("d82ef0e653bb"), MigrationStep::Direction::Downgrade);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(panel.headerText(), QStringLiteral("downgrade 1 migration: d82ef0e653bb"));
    QListWidget *warnings = panel.warningList();
    QCOMPARE(warnings->count(), 2);
    QVERIFY(!warnings->isHidden());
    QStringList texts;
    for (int i = 0; i < warnings->count(); ++i)
        texts << warnings->item(i)->text();
    QVERIFY2(texts.join(QLatin1Char('\n')).contains(QLatin1String("drops column audit_log.retain_days")),
             qPrintable(texts.join(QLatin1Char('\n'))));
    QVERIFY(texts.first().contains(QLatin1String("drops table audit_retention_policies")));
    QVERIFY(panel.sql().contains(QLatin1String("DROP TABLE audit_retention_policies;")));
}

void TestSqlPreviewPanel::warningLeadsToItsFileAndLine()
{
    SqlPreviewPanel panel;
    panel.setProject(m_demo);
    panel.resize(800, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy finished(&panel, &SqlPreviewPanel::previewFinished);
    panel.showMigration(QStringLiteral("d82ef0e653bb"), MigrationStep::Direction::Downgrade);
    QTRY_COMPARE(finished.count(), 1);
    QSignalSpy activated(&panel, &SqlPreviewPanel::locationActivated);
    QListWidget *warnings = panel.warningList();
    const QRect rect = warnings->visualItemRect(warnings->item(2));
    QTest::mouseClick(warnings->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QCOMPARE(activated.count(), 1);
    QVERIFY(activated.first().at(0).toString().endsWith(QLatin1String("d82ef0e653bb_add_audit_retention.py")));
    QCOMPARE(activated.first().at(1).toInt(), 46); // batch_op.drop_column('retain_days')
}

void TestSqlPreviewPanel::changingTheDialectRendersAgain()
{
    SqlPreviewPanel panel;
    panel.setProject(m_demo);
    QSignalSpy finished(&panel, &SqlPreviewPanel::previewFinished);
    panel.showMigration(QStringLiteral("c98ba20b48db"), MigrationStep::Direction::Upgrade);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!panel.sql().contains(QLatin1String("BEGIN;")));
    panel.setDialect(SqlDialect::PostgreSql);
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(panel.result().dialect, SqlDialect::PostgreSql);
    QVERIFY(panel.sql().startsWith(QLatin1String("BEGIN;")));
}

void TestSqlPreviewPanel::staleResultsAreDropped()
{
    SqlPreviewPanel panel;
    panel.setProject(m_demo);
    QSignalSpy finished(&panel, &SqlPreviewPanel::previewFinished);
    panel.showRange({}, QStringLiteral("ac7c02654fe7"), MigrationStep::Direction::Upgrade);
    panel.showMigration(QStringLiteral("88653130d564"), MigrationStep::Direction::Upgrade);
    QVERIFY(panel.isBusy());
    QTRY_VERIFY(!panel.isBusy());
    QCOMPARE(panel.result().scriptRevisions(), QStringList{QStringLiteral("88653130d564")});
    // Only the newest request is answered.
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(panel.result().scriptRevisions(), QStringList{QStringLiteral("88653130d564")});
}

void TestSqlPreviewPanel::saveAsSqlWritesTheFile()
{
    SqlPreviewPanel panel;
    panel.setProject(m_demo);
    QVERIFY(!panel.saveSql(QStringLiteral("/nonexistent/x.sql"))); // nothing shown yet
    QSignalSpy finished(&panel, &SqlPreviewPanel::previewFinished);
    panel.showMigration(QStringLiteral("466dded3ff0f"), MigrationStep::Direction::Upgrade);
    QTRY_COMPARE(finished.count(), 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("products.sql"));
    QVERIFY2(panel.saveSql(path), qPrintable(panel.errorString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), panel.sql());
    const QString bad = dir.filePath(QStringLiteral("missing/folder/x.sql"));
    QVERIFY(!panel.saveSql(bad));
    QVERIFY2(panel.errorString().contains(QDir::toNativeSeparators(bad)), qPrintable(panel.errorString()));
}

void TestSqlPreviewPanel::unrenderableMigrationSaysWhereAndWhy()
{
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("versions/aaaa_x.py"));
    QVERIFY(writeFile(script, "from alembic import op\nimport sqlalchemy as sa\n"
                              "revision = 'aaaa'\ndown_revision = None\n\n\ndef upgrade():\n"
                              "    op.get_bind().execute(sa.text('SELECT 1'))\n\n\n"
                              "def downgrade():\n    pass\n"));
    const LoadedProject project = ProjectLoader::loadNow(dir.filePath(QStringLiteral("versions")));
    QVERIFY(project.isOpen());
    SqlPreviewPanel panel;
    panel.setProject(project);
    QSignalSpy finished(&panel, &SqlPreviewPanel::previewFinished);
    QSignalSpy activated(&panel, &SqlPreviewPanel::locationActivated);
    panel.showMigration(QStringLiteral("aaaa"), MigrationStep::Direction::Upgrade);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(panel.sql().isEmpty());
    QCOMPARE(panel.warningList()->count(), 1);
    Q_EMIT panel.warningList()->itemActivated(panel.warningList()->item(0));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().at(1).toInt(), 8);
    QVERIFY(!panel.result().diagnostics.isEmpty());
    // The message in place of the SQL names the file and line.
    bool shown = false;
    const QList<QLabel *> labels = panel.findChildren<QLabel *>();
    for (const QLabel *label : labels)
        shown = shown || label->text().contains(QLatin1String("aaaa_x.py:8:"));
    QVERIFY(shown);
}

bool TestSqlPreviewPanel::openBridgeProject(const QString &name, LoadedProject *project)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    // Alembic runs in the source tree's test projects: no __pycache__ there.
    qputenv("PYTHONDONTWRITEBYTECODE", "1");
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    const InterpreterChoice::Lookup python = InterpreterChoice::probe(QStringLiteral("/usr/bin/python3"));
    if (!python.ok)
        return false;
    *project = ProjectLoader::loadNow(QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/bridge/") + name);
    InterpreterChoice::remember(project->layout->projectPath, python.interpreter.path);
    return project->isOpen();
}

void TestSqlPreviewPanel::alembicRendersWhatRetortCannot()
{
    LoadedProject project;
    if (!openBridgeProject(QStringLiteral("offline"), &project)) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("/usr/bin/python3 with python3-alembic is needed");
        QSKIP("/usr/bin/python3 with python3-alembic is needed");
    }
    SqlPreviewPanel panel;
    panel.setProject(project);
    panel.setDialect(SqlDialect::PostgreSql);
    panel.show();
    QSignalSpy finished(&panel, &SqlPreviewPanel::previewFinished);
    panel.showMigration(QStringLiteral("d4e5f6a7b8c9"), MigrationStep::Direction::Upgrade);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(panel.sql().isEmpty());
    QVERIFY(!panel.result().diagnostics.isEmpty());
    QVERIFY(panel.alembicButton()->isVisible());
    QVERIFY(!panel.isRenderedByAlembic());

    QVERIFY(panel.renderWithAlembic());
    QVERIFY(panel.isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QVERIFY(panel.isRenderedByAlembic());
    QVERIFY2(panel.sql().contains(QLatin1String("CREATE TABLE order_kinds (")), qPrintable(panel.sql()));
    QVERIFY(panel.sql().contains(QLatin1String("CREATE TABLE payment_kinds (")));
    QVERIFY(panel.sql().contains(QLatin1String("INSERT INTO alembic_version (version_num) VALUES ('d4e5f6a7b8c9')")));
    // Alembic's log lines go to stderr, never into the script.
    QVERIFY(!panel.sql().contains(QLatin1String("INFO  [")));
    QVERIFY2(panel.headerText().endsWith(QStringLiteral("— rendered by Alembic")), qPrintable(panel.headerText()));
    QVERIFY(panel.renderedByLabel()->isVisible());
    QVERIFY(panel.renderedByLabel()->text().startsWith(QLatin1String("Rendered by Alembic ")));
    QVERIFY(!panel.alembicButton()->isVisible());

    // A new preview drops the mark.
    panel.showMigration(QStringLiteral("d4e5f6a7b8c9"), MigrationStep::Direction::Downgrade);
    QVERIFY(!panel.isRenderedByAlembic());
    QVERIFY(!panel.renderedByLabel()->isVisible());
    QTRY_COMPARE(finished.count(), 3);
}

void TestSqlPreviewPanel::alembicRenderingFailureLeadsToTheMigration()
{
    LoadedProject project;
    if (!openBridgeProject(QStringLiteral("dataloop"), &project)) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("/usr/bin/python3 with python3-alembic is needed");
        QSKIP("/usr/bin/python3 with python3-alembic is needed");
    }
    SqlPreviewPanel panel;
    panel.setProject(project);
    QSignalSpy finished(&panel, &SqlPreviewPanel::previewFinished);
    QSignalSpy activated(&panel, &SqlPreviewPanel::locationActivated);
    panel.showMigration(QStringLiteral("b2c3d4e5f6a7"), MigrationStep::Direction::Upgrade);
    QTRY_COMPARE(finished.count(), 1);
    // Reading rows needs a database: offline, Alembic fails inside the migration.
    QVERIFY(panel.renderWithAlembic());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QVERIFY(!panel.isRenderedByAlembic());
    QVERIFY(panel.sql().isEmpty());
    QCOMPARE(panel.warningList()->count(), 1);
    Q_EMIT panel.warningList()->itemActivated(panel.warningList()->item(0));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(QFileInfo(activated.first().at(0).toString()).fileName(), QStringLiteral("b2c3d4e5f6a7_fill_slugs.py"));
    QCOMPARE(activated.first().at(1).toInt(), 20);
}

QTEST_MAIN(TestSqlPreviewPanel)
#include "tst_sqlpreviewpanel.moc"
