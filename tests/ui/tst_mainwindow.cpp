// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/migrationeditor.h"
#include "editor/sqlpreviewpanel.h"
#include "graph/revisiongraphmodel.h"
#include "graph/revisiongraphview.h"
#include "learn/guidedtour.h"
#include "learn/learnpanel.h"
#include "learn/panehighlighter.h"
#include "mainwindow.h"
#include "recentprojects.h"
#include "revision/migrationplanner.h"
#include "run/runconfirmationdialog.h"
#include "run/runcontroller.h"
#include "run/runpanel.h"
#include "schema/schemabrowser.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using Retort::MainWindow;
using Retort::RevisionGraphModel;

namespace {

const QString demoProject = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo");

// Loads path in window and waits for the worker thread to answer.
bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy loaded(&window, &MainWindow::projectLoaded);
    window.openProject(path);
    return loaded.wait(30000);
}

// Loads and also waits for the database's revision to be read.
bool openAndSettle(MainWindow &window, const QString &path)
{
    QSignalSpy database(&window, &MainWindow::databaseStatusChanged);
    if (!openAndWait(window, path))
        return false;
    return !database.isEmpty() || database.wait(30000);
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

QStringList statusTexts(MainWindow &window)
{
    QStringList texts;
    const QList<QLabel *> labels = window.statusBar()->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        texts << label->text();
    return texts;
}

QStringList logTexts(MainWindow &window)
{
    QStringList texts;
    for (int row = 0; row < window.logView()->count(); ++row)
        texts << window.logView()->item(row)->text();
    return texts;
}

QString revisionPath(const MainWindow &window, const QString &id)
{
    const Retort::Revision *revision = window.project().map.revision(id);
    return revision ? revision->path : QString();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void showsDemoRevisionsInTheGraph();
    void graphModelIsConsistent();
    void selectingARevisionShowsItsFileAndSql();
    void targetHighlightsThePlannersPath_data();
    void targetHighlightsThePlannersPath();
    void twoSelectedRevisionsCompareSchemasAndSql();
    void showsProjectConnectionAndRevisionInStatusBar();
    void remembersRecentProjects();
    void dropsMissingRecentProjectsWithAMessage();
    void restoresTheDockLayout();
    void reloadsWhenAScriptIsAddedKeepingTheSelection();
    void opensADroppedFolder();
    void reportsBrokenScriptWithPositionInTheLog();
    void reportsMissingProject();
    void answersOnlyTheNewestRequest();
    void upgradeThroughTheRunPanelMovesTheCurrentMarker();
    void productionRunsNeedTheDatabaseName();
    void guidedTourOpensACopyAndPointsAtPanes();

private:
    QTemporaryDir m_settings;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settings.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    // The demo's env.py reads DATABASE_URL first: the tests use its alembic.ini default.
    qunsetenv("DATABASE_URL");
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::showsDemoRevisionsInTheGraph()
{
    MainWindow window;
    QVERIFY(openAndWait(window, demoProject));
    QVERIFY(window.project().isOpen());
    const RevisionGraphModel *model = window.graphView()->model();
    QCOMPARE(model->rowCount(), 12);
    QStringList shown;
    for (int row = 0; row < model->rowCount(); ++row)
        shown << model->revisionId(row);
    QStringList expected = window.project().map.ids();
    shown.sort();
    expected.sort();
    QCOMPARE(shown, expected);
    // Newest first: the first row is a head, selected, with its file and SQL shown.
    QVERIFY(window.project().map.isHead(model->revisionId(0)));
    QCOMPARE(window.graphView()->selectedRevision(), model->revisionId(0));
    QCOMPARE(window.editor()->filePath(), revisionPath(window, model->revisionId(0)));
    QTRY_VERIFY_WITH_TIMEOUT(window.isSettled() && !window.sqlPreview()->sql().isEmpty(), 30000);
    QVERIFY(window.findChildren<QMessageBox *>().isEmpty());
}

void TestMainWindow::graphModelIsConsistent()
{
    MainWindow window;
    QAbstractItemModelTester tester(window.graphView()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openAndSettle(window, demoProject));
    window.chooseTarget(QStringLiteral("ac7c02654fe7"), Retort::MigrationStep::Direction::Upgrade);
    QVERIFY(!window.highlightedPath().isEmpty());
}

void TestMainWindow::selectingARevisionShowsItsFileAndSql()
{
    MainWindow window;
    QVERIFY(openAndSettle(window, demoProject));
    const QString id = QStringLiteral("466dded3ff0f");
    QVERIFY(window.graphView()->selectRevision(id));
    QCOMPARE(window.graphView()->selectedRevision(), id);
    QCOMPARE(window.editor()->filePath(), revisionPath(window, id));
    QVERIFY(!window.editor()->isModified());
    QTRY_VERIFY_WITH_TIMEOUT(!window.sqlPreview()->isBusy() && !window.sqlPreview()->sql().isEmpty(), 30000);
    QVERIFY2(window.sqlPreview()->sql().contains(QLatin1String("CREATE TABLE products")),
             qPrintable(window.sqlPreview()->sql()));
    QCOMPARE(window.learnPanel()->lastCommand(),
             QStringLiteral("alembic upgrade 88653130d564:466dded3ff0f --sql"));
    QTRY_COMPARE_WITH_TIMEOUT(window.schemaBrowser()->snapshot().revision, id, 30000);
}

void TestMainWindow::twoSelectedRevisionsCompareSchemasAndSql()
{
    MainWindow window;
    QVERIFY(openAndSettle(window, demoProject));
    const QString older = QStringLiteral("88653130d564");
    const QString newer = QStringLiteral("69e8a4e93b9f");
    QVERIFY(window.graphView()->selectRevision(newer));
    QVERIFY(!window.compareSchemasAction()->isEnabled());
    QVERIFY(!window.sqlBetweenAction()->isEnabled());

    window.graphView()->selectRevisions({newer, older});
    QCOMPARE(window.selectedPair(), (QStringList{older, newer})); // older first
    QVERIFY(window.compareSchemasAction()->isEnabled());
    QVERIFY(window.sqlBetweenAction()->isEnabled());

    window.sqlBetweenAction()->trigger();
    QCOMPARE(window.highlightedPath(), (QStringList{QStringLiteral("466dded3ff0f"), newer}));
    QTRY_VERIFY_WITH_TIMEOUT(!window.sqlPreview()->isBusy() && !window.sqlPreview()->sql().isEmpty(), 30000);
    QVERIFY2(window.sqlPreview()->sql().contains(QLatin1String("CREATE TABLE products")),
             qPrintable(window.sqlPreview()->sql()));
    QVERIFY(!window.sqlPreview()->sql().contains(QLatin1String("CREATE TABLE users")));
    QCOMPARE(window.learnPanel()->lastCommand(), QStringLiteral("alembic upgrade %1:%2 --sql").arg(older, newer));

    window.graphView()->selectRevisions({newer, older});
    window.compareSchemasAction()->trigger();
    QCOMPARE(window.schemaBrowser()->comparedRevision(), older);
    QTRY_COMPARE_WITH_TIMEOUT(window.schemaBrowser()->snapshot().revision, newer, 30000);

    // One, or three, selected: nothing to compare.
    window.graphView()->selectRevisions({newer, older, QStringLiteral("ac7c02654fe7")});
    QVERIFY(!window.compareSchemasAction()->isEnabled());
    QVERIFY(!window.sqlBetweenAction()->isEnabled());
    window.graphView()->selectRevisions({older});
    QVERIFY(!window.compareSchemasAction()->isEnabled());
}

void TestMainWindow::targetHighlightsThePlannersPath_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("upgrade");
    QTest::newRow("shop head") << "ac7c02654fe7" << true;
    QTest::newRow("audit head") << "d82ef0e653bb" << true;
    QTest::newRow("branch point") << "69e8a4e93b9f" << true;
}

void TestMainWindow::targetHighlightsThePlannersPath()
{
    QFETCH(QString, target);
    QFETCH(bool, upgrade);
    MainWindow window;
    QVERIFY(openAndSettle(window, demoProject));
    const auto direction =
        upgrade ? Retort::MigrationStep::Direction::Upgrade : Retort::MigrationStep::Direction::Downgrade;
    window.chooseTarget(target, direction);

    const Retort::MigrationPlanner planner(window.project().map);
    const auto plan = upgrade ? planner.upgrade(window.currentRevisions(), target)
                              : planner.downgrade(window.currentRevisions(), target);
    QVERIFY(plan);
    QStringList expected;
    for (const Retort::MigrationStep &step : plan->steps)
        expected << step.revision;
    QVERIFY(!expected.isEmpty());
    QCOMPARE(window.highlightedPath(), expected);
    QCOMPARE(window.graphView()->model()->highlightedPath(), expected);

    const RevisionGraphModel *model = window.graphView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString id = model->revisionId(row);
        QCOMPARE(model->index(row, 0).data(RevisionGraphModel::IsHighlightedRole).toBool(), expected.contains(id));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!window.sqlPreview()->isBusy() && window.sqlPreview()->result().ok, 30000);
    QCOMPARE(window.sqlPreview()->result().scriptRevisions(), expected);
    QVERIFY2(window.learnPanel()->lastCommand().startsWith(QStringLiteral("alembic upgrade base:%1 --sql").arg(target)),
             qPrintable(window.learnPanel()->lastCommand()));
}

void TestMainWindow::showsProjectConnectionAndRevisionInStatusBar()
{
    MainWindow window;
    QVERIFY(statusTexts(window).contains(QLatin1String("No project open")));
    QVERIFY(openAndSettle(window, demoProject));
    const QStringList texts = statusTexts(window);
    const QString all = texts.join(QLatin1String(" | "));
    QVERIFY2(texts.contains(QStringLiteral("demo — 12 revisions, 2 heads")), qPrintable(all));
    // The demo's URL comes from alembic.ini; its SQLite file is not created by looking.
    QVERIFY2(all.contains(QStringLiteral("demo.db — from alembic.ini")), qPrintable(all));
    QVERIFY2(texts.contains(QLatin1String("No database file yet")), qPrintable(all));
    QVERIFY(!QFile::exists(demoProject + QLatin1String("/demo.db")));
}

void TestMainWindow::remembersRecentProjects()
{
    {
        MainWindow window;
        QVERIFY(openAndWait(window, demoProject));
    }
    QCOMPARE(Retort::RecentProjects::paths().value(0), QDir::cleanPath(demoProject));

    for (int i = 0; i < Retort::RecentProjects::MaxCount + 3; ++i)
        Retort::RecentProjects::add(QStringLiteral("/tmp/project-%1").arg(i));
    QCOMPARE(Retort::RecentProjects::paths().size(), Retort::RecentProjects::MaxCount);
    QCOMPARE(Retort::RecentProjects::paths().constFirst(),
             QStringLiteral("/tmp/project-%1").arg(Retort::RecentProjects::MaxCount + 2));
    // Opening again moves it to the top, once.
    Retort::RecentProjects::add(demoProject);
    QCOMPARE(Retort::RecentProjects::paths().constFirst(), QDir::cleanPath(demoProject));
    QCOMPARE(Retort::RecentProjects::paths().count(QDir::cleanPath(demoProject)), 1);
}

void TestMainWindow::dropsMissingRecentProjectsWithAMessage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("gone"));
    Retort::RecentProjects::add(missing);
    Retort::RecentProjects::add(demoProject);

    MainWindow window;
    Q_EMIT window.recentMenu()->aboutToShow();
    QCOMPARE(Retort::RecentProjects::paths(), QStringList{QDir::cleanPath(demoProject)});
    const QStringList log = logTexts(window);
    QVERIFY2(log.join(QLatin1Char('\n')).contains(QStringLiteral("%1 no longer exists").arg(missing)),
             qPrintable(log.join(QLatin1Char('\n'))));
    QCOMPARE(window.recentMenu()->actions().value(0)->text(),
             QStringLiteral("&1 %1").arg(QDir::toNativeSeparators(QDir::cleanPath(demoProject))));
}

void TestMainWindow::restoresTheDockLayout()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.dock(QStringLiteral("schemaDock"))->hide();
        window.addDockWidget(Qt::LeftDockWidgetArea, window.dock(QStringLiteral("learnDock")));
        window.saveLayout();
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.dock(QStringLiteral("schemaDock"))->isHidden());
    QCOMPARE(window.dockWidgetArea(window.dock(QStringLiteral("learnDock"))), Qt::LeftDockWidgetArea);
    QCOMPARE(window.dockWidgetArea(window.dock(QStringLiteral("editorDock"))), Qt::RightDockWidgetArea);

    window.resetLayout();
    QVERIFY(!window.dock(QStringLiteral("schemaDock"))->isHidden());
    QCOMPARE(window.dockWidgetArea(window.dock(QStringLiteral("learnDock"))), Qt::BottomDockWidgetArea);
}

void TestMainWindow::reloadsWhenAScriptIsAddedKeepingTheSelection()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY2(Retort::GuidedTour::copyDemo(dir.path(), &error), qPrintable(error));

    MainWindow window;
    QVERIFY(openAndWait(window, dir.path()));
    QCOMPARE(window.graphView()->model()->rowCount(), 12);
    const QString selected = QStringLiteral("69e8a4e93b9f");
    QVERIFY(window.graphView()->selectRevision(selected));

    QSignalSpy loaded(&window, &MainWindow::projectLoaded);
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/versions/f00dfeedbeef_add_notes.py")),
                      "\"\"\"add notes\"\"\"\n"
                      "revision = 'f00dfeedbeef'\n"
                      "down_revision = 'd82ef0e653bb'\n"
                      "branch_labels = None\n"
                      "depends_on = None\n\n"
                      "def upgrade():\n    pass\n\n"
                      "def downgrade():\n    pass\n"));
    QTRY_COMPARE_WITH_TIMEOUT(window.graphView()->model()->rowCount(), 13, 20000);
    QVERIFY(window.project().map.contains(QStringLiteral("f00dfeedbeef")));
    QCOMPARE(window.graphView()->selectedRevision(), selected);
    QCOMPARE(window.editor()->filePath(), revisionPath(window, selected));
}

void TestMainWindow::opensADroppedFolder()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(&window, &MainWindow::projectLoaded);
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(demoProject)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(loaded.wait(30000));
    QVERIFY(window.project().isOpen());
}

void TestMainWindow::reportsBrokenScriptWithPositionInTheLog()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("alembic.ini")),
                      "[alembic]\nscript_location = %(here)s/migrations\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/env.py")), "\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/versions/aaaa_first.py")),
                      "revision = 'aaaa'\ndown_revision = None\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("migrations/versions/bbbb_broken.py")),
                      "revision = 'bbbb'\ndown_revision = ('aaaa',\n"));

    MainWindow window;
    QVERIFY(openAndWait(window, dir.path()));
    QVERIFY(window.project().hasErrors());
    const Retort::Diagnostic first = window.project().diagnostics.constFirst();
    QVERIFY2(first.line > 0, qPrintable(first.toString()));

    // Shown without a modal box: in the log, with file:line, which opens the file.
    QVERIFY(window.findChildren<QMessageBox *>().isEmpty());
    const QString expectedPrefix = QStringLiteral("migrations/versions/bbbb_broken.py:%1:").arg(first.line);
    QListWidgetItem *entry = nullptr;
    for (int row = 0; row < window.logView()->count(); ++row) {
        if (window.logView()->item(row)->text().startsWith(expectedPrefix))
            entry = window.logView()->item(row);
    }
    QVERIFY2(entry, qPrintable(logTexts(window).join(QLatin1Char('\n'))));
    Q_EMIT window.logView()->itemActivated(entry);
    QCOMPARE(window.editor()->filePath(), first.file);
}

void TestMainWindow::reportsMissingProject()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    QVERIFY(openAndWait(window, dir.filePath(QStringLiteral("no-such-project"))));
    QVERIFY(!window.project().isOpen());
    QVERIFY(!window.project().errorString.isEmpty());
    QCOMPARE(window.graphView()->model()->rowCount(), 0);
    QVERIFY(logTexts(window).join(QLatin1Char('\n')).contains(window.project().errorString));
    QVERIFY(window.findChildren<QMessageBox *>().isEmpty());
}

void TestMainWindow::answersOnlyTheNewestRequest()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::projectLoaded);
    window.openProject(dir.filePath(QStringLiteral("no-such-project")));
    window.openProject(demoProject);
    QVERIFY(loaded.wait(30000));
    QVERIFY(window.project().isOpen());
    QCOMPARE(window.graphView()->model()->rowCount(), 12);
    QTest::qWait(200);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(QApplication::overrideCursor(), nullptr);
}

void TestMainWindow::upgradeThroughTheRunPanelMovesTheCurrentMarker()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY2(Retort::GuidedTour::copyDemo(dir.path(), &error), qPrintable(error));

    MainWindow window;
    QVERIFY(openAndSettle(window, dir.path()));
    QVERIFY(window.currentRevisions().isEmpty());
    const QString target = QStringLiteral("466dded3ff0f");
    QCOMPARE(Retort::RunPanel::describePlan(window.project().map, Retort::RunRequest::Kind::Upgrade, {}, target),
             QStringLiteral("2 migrations: 88653130d564 → 466dded3ff0f; version base → 466dded3ff0f"));

    QSignalSpy finished(window.runPanel()->controller(), &Retort::RunController::finished);
    QSignalSpy failed(window.runPanel()->controller(), &Retort::RunController::failed);
    QSignalSpy database(&window, &MainWindow::databaseStatusChanged);
    QVERIFY(window.runPanel()->startRun(Retort::RunRequest::Kind::Upgrade, target));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.constFirst().constFirst().value<Retort::RunError>().message));
    QTRY_VERIFY(!database.isEmpty());
    QCOMPARE(window.currentRevisions(), QStringList{target});
    const RevisionGraphModel *model = window.graphView()->model();
    QVERIFY(model->index(model->rowOf(target), 0).data(RevisionGraphModel::IsCurrentRole).toBool());
    QVERIFY(window.runPanel()->statementLog()->topLevelItemCount() >= 2);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("demo.db"))));
}

void TestMainWindow::productionRunsNeedTheDatabaseName()
{
    Retort::RunConfirmationDialog plain(QStringLiteral("Upgrade"), QStringLiteral("1 migration"), QString(),
                                        QStringLiteral("sqlite:///a.db"), QString());
    QVERIFY(!plain.confirmationField());
    QVERIFY(plain.canRun());

    Retort::RunConfirmationDialog production(QStringLiteral("Upgrade"), QStringLiteral("1 migration"), QString(),
                                             QStringLiteral("postgresql://app@prod/shop"), QStringLiteral("shop"));
    QVERIFY(production.confirmationField());
    QVERIFY(!production.canRun());
    QTest::keyClicks(production.confirmationField(), QStringLiteral("sho"));
    QVERIFY(!production.canRun());
    QTest::keyClicks(production.confirmationField(), QStringLiteral("p"));
    QVERIFY(production.canRun());
}

void TestMainWindow::guidedTourOpensACopyAndPointsAtPanes()
{
    MainWindow window;
    Retort::GuidedTour *tour = window.learnPanel()->tour();
    QSignalSpy loaded(&window, &MainWindow::projectLoaded);
    QVERIFY2(tour->start(), qPrintable(tour->errorString()));
    QVERIFY(loaded.wait(30000));
    QCOMPARE(QFileInfo(window.project().layout->iniPath).canonicalFilePath(),
             QFileInfo(tour->projectPath()).canonicalFilePath());
    QCOMPARE(window.graphView()->model()->rowCount(), 12);

    tour->next(); // the graph
    QCOMPARE(window.graphView()->findChildren<Retort::PaneHighlighter *>().size(), 1);
    tour->next(); // open a migration: the first one
    QCOMPARE(window.graphView()->findChildren<Retort::PaneHighlighter *>().size(), 0);
    QCOMPARE(window.dock(QStringLiteral("editorDock"))->findChildren<Retort::PaneHighlighter *>().size(), 1);
    QCOMPARE(window.graphView()->selectedRevision(), QStringLiteral("88653130d564"));
    QCOMPARE(window.editor()->filePath(), revisionPath(window, QStringLiteral("88653130d564")));
    tour->stop();
    QVERIFY(window.findChildren<Retort::PaneHighlighter *>().isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
