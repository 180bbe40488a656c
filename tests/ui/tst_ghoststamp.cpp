// SPDX-License-Identifier: GPL-3.0-or-later
// The guided fix of a "ghost" — a version-table row naming a revision no script defines —
// end to end on a real SQLite database: the banner and the context menu offer it, the
// dialog finds a trace of the missing script, suggests its parent, shows the SQL the
// runner then executes (and that retort-cli stamp --sql prints for the same rows),
// runs nothing before the confirmation, and the stamp moves the graph's markers.
#include "editor/codeeditor.h"
#include "graph/revisiongraphmodel.h"
#include "graph/revisiongraphview.h"
#include "learn/guidedtour.h"
#include "mainwindow.h"
#include "projectloader.h"
#include "revision/ghoststampplan.h"
#include "revision/stampghostdialog.h"
#include "run/runconfirmationdialog.h"
#include "run/runcontroller.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFrame>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace Retort;

namespace {

const QString cliPath = QStringLiteral(RETORT_BINARY_DIR "/bin/retort-cli");
const QString ghost = QStringLiteral("deadbeef0001");
const QString parentOfGhost = QStringLiteral("466dded3ff0f");

// Runs sql statements on the SQLite file at path; empty string when all succeeded.
QString execSqlite(const QString &path, const QStringList &statements, QStringList *rows = nullptr)
{
    const QString name = QUuid::createUuid().toString();
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            for (const QString &statement : statements) {
                QSqlQuery query(db);
                if (!query.exec(statement)) {
                    error = query.lastError().text();
                    break;
                }
                while (rows && query.next())
                    rows->append(query.value(0).toString());
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

QStringList versionRows(const QString &path)
{
    QStringList rows;
    const QString error = execSqlite(path, {QStringLiteral("SELECT version_num FROM alembic_version")}, &rows);
    if (!error.isEmpty())
        return {QStringLiteral("<error: %1>").arg(error)};
    rows.sort();
    return rows;
}

// A copy of the demo whose database says it is at a revision no script defines (with
// `extraRows` beside it), and whose versions folder keeps the missing script renamed
// to .py.bak when `withTrace`.
bool makeGhostProject(const QTemporaryDir &dir, const QStringList &extraRows, bool withTrace)
{
    QString error;
    if (!dir.isValid() || !GuidedTour::copyDemo(dir.path(), &error))
        return false;
    QStringList statements{QStringLiteral("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                                          "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"),
                           QStringLiteral("INSERT INTO alembic_version VALUES ('%1')").arg(ghost)};
    for (const QString &row : extraRows)
        statements << QStringLiteral("INSERT INTO alembic_version VALUES ('%1')").arg(row);
    if (!execSqlite(dir.filePath(QStringLiteral("demo.db")), statements).isEmpty())
        return false;
    if (!withTrace)
        return true;
    QFile trace(dir.filePath(QStringLiteral("migrations/versions/deadbeef0001_add_wishlists.py.bak")));
    return trace.open(QIODevice::WriteOnly) &&
           trace.write("\"\"\"add wishlists\n\nRevision ID: deadbeef0001\nRevises: 466dded3ff0f\n\"\"\"\n"
                       "revision = 'deadbeef0001'\ndown_revision = '466dded3ff0f'\nbranch_labels = None\n"
                       "depends_on = None\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n") > 0;
}

bool openAndSettle(MainWindow &window, const QString &path)
{
    QSignalSpy database(&window, &MainWindow::databaseStatusChanged);
    QSignalSpy loaded(&window, &MainWindow::projectLoaded);
    window.openProject(path);
    if (!loaded.wait(30000))
        return false;
    return !database.isEmpty() || database.wait(30000);
}

StampGhostDialog::Connection sqliteConnection(const QTemporaryDir &dir)
{
    StampGhostDialog::Connection connection;
    connection.url = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("demo.db"));
    connection.displayUrl = connection.url;
    return connection;
}

} // namespace

class TestGhostStamp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statementsAreWhatStampSqlPrints_data();
    void statementsAreWhatStampSqlPrints();
    void dialogExplainsAndSuggestsTheParent();
    void nothingRunsWithoutConfirmation();
    void stampRunsWhatWasShown();
    void otherRowsAreKept();
    void bannerAndMenuLeadToTheFix();
};

void TestGhostStamp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ghoststamp"));
    QSettings().clear();
    qunsetenv("DATABASE_URL");
}

void TestGhostStamp::statementsAreWhatStampSqlPrints_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<int>("dialectValue");
    QTest::newRow("sqlite") << QStringLiteral("sqlite") << int(SqlDialect::Sqlite);
    QTest::newRow("postgresql") << QStringLiteral("postgresql") << int(SqlDialect::PostgreSql);
    QTest::newRow("mysql") << QStringLiteral("mysql") << int(SqlDialect::MySql);
}

// The INSERT after the purge is the statement `stamp TARGET --sql` prints from base:
// both come from the same core bookkeeping, per dialect.
void TestGhostStamp::statementsAreWhatStampSqlPrints()
{
    QFETCH(QString, dialect);
    QFETCH(int, dialectValue);
    const LoadedProject project = ProjectLoader::loadNow(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"));
    QVERIFY(project.isOpen());
    const Result<QStringList> statements =
        GhostStampPlan::statements(project.map, project.versionTable, SqlDialect(dialectValue), {parentOfGhost});
    QVERIFY2(statements, qPrintable(statements.error()));
    QCOMPARE(statements->size(), 2);
    QVERIFY2(statements->first().startsWith(QLatin1String("DELETE FROM alembic_version")),
             qPrintable(statements->first()));
    QVERIFY(!statements->first().contains(QLatin1String("WHERE")));

    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(cliPath, {QStringLiteral("--project"), QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"),
                        QStringLiteral("stamp"), parentOfGhost, QStringLiteral("--sql"), QStringLiteral("--dialect"),
                        dialect});
    QVERIFY(cli.waitForFinished(60000));
    const QString output = QString::fromUtf8(cli.readAll());
    QCOMPARE(cli.exitCode(), 0);
    const QString insert = statements->at(1);
    QVERIFY2(output.contains(insert + QLatin1Char(';')), qPrintable(insert + QLatin1String("\n---\n") + output));
}

void TestGhostStamp::dialogExplainsAndSuggestsTheParent()
{
    QTemporaryDir dir;
    QVERIFY(makeGhostProject(dir, {}, true));
    const LoadedProject project = ProjectLoader::loadNow(dir.path());
    StampGhostDialog dialog(project, {ghost}, ghost, sqliteConnection(dir));
    QVERIFY(dialog.clue().has_value());
    QCOMPARE(dialog.clue()->parents, QStringList{parentOfGhost});
    QVERIFY(dialog.clue()->path.endsWith(QLatin1String(".py.bak")));
    QCOMPARE(dialog.targets(), QStringList{parentOfGhost});
    const QLabel *explanation = dialog.findChild<QLabel *>(QStringLiteral("explanation"));
    QVERIFY(explanation);
    QVERIFY(explanation->text().contains(ghost));
    QVERIFY(explanation->text().contains(QLatin1String("deleted or renamed")));
    QVERIFY(explanation->text().contains(QLatin1String("deadbeef0001_add_wishlists.py.bak")));
    // The heads and base are offered too.
    QVERIFY(dialog.targetBox()->findData(QStringLiteral("ac7c02654fe7")) >= 0);
    QVERIFY(dialog.targetBox()->findData(QStringLiteral("d82ef0e653bb")) >= 0);
    QVERIFY(dialog.targetBox()->findData(QStringLiteral("base")) >= 0);
    QVERIFY(!dialog.keepBox()->isVisibleTo(&dialog));
    QCOMPARE(dialog.statements(),
             (QStringList{QStringLiteral("DELETE FROM alembic_version"),
                          QStringLiteral("INSERT INTO alembic_version (version_num) VALUES ('466dded3ff0f') "
                                         "RETURNING version_num")}));
    QVERIFY(dialog.sqlView()->toPlainText().contains(QLatin1String("DELETE FROM alembic_version;\n")));

    // Base empties the table; a prefix is resolved; nonsense is refused with Alembic's words.
    dialog.setTarget(QStringLiteral("base"));
    QCOMPARE(dialog.statements(), QStringList{QStringLiteral("DELETE FROM alembic_version")});
    dialog.setTarget(QStringLiteral("ac7c02"));
    QCOMPARE(dialog.targets(), QStringList{QStringLiteral("ac7c02654fe7")});
    dialog.setTarget(QStringLiteral("nosuchrev"));
    QVERIFY(!dialog.problem().isEmpty());
    QVERIFY(!dialog.stampButton()->isEnabled());
    QVERIFY(dialog.statusLabel()->text().contains(QLatin1String("nosuchrev")));

    // Without a trace and with two heads, the user must choose.
    QTemporaryDir bare;
    QVERIFY(makeGhostProject(bare, {}, false));
    StampGhostDialog unknown(ProjectLoader::loadNow(bare.path()), {ghost}, ghost, sqliteConnection(bare));
    QVERIFY(!unknown.clue().has_value());
    QVERIFY(!unknown.problem().isEmpty());
    QVERIFY(!unknown.stampButton()->isEnabled());
}

void TestGhostStamp::nothingRunsWithoutConfirmation()
{
    QTemporaryDir dir;
    QVERIFY(makeGhostProject(dir, {}, true));
    StampGhostDialog dialog(ProjectLoader::loadNow(dir.path()), {ghost}, ghost, sqliteConnection(dir));
    bool confirmationShown = false;
    QTimer::singleShot(0, this, [&confirmationShown] {
        auto *confirmation = qobject_cast<RunConfirmationDialog *>(QApplication::activeModalWidget());
        confirmationShown = confirmation != nullptr;
        if (confirmation)
            confirmation->reject();
    });
    QVERIFY(dialog.stampButton()->isEnabled());
    dialog.stampButton()->click();
    QVERIFY(confirmationShown);
    QVERIFY(!dialog.isRunning());
    QCOMPARE(versionRows(dir.filePath(QStringLiteral("demo.db"))), QStringList{ghost});
}

void TestGhostStamp::stampRunsWhatWasShown()
{
    QTemporaryDir dir;
    QVERIFY(makeGhostProject(dir, {}, true));
    StampGhostDialog dialog(ProjectLoader::loadNow(dir.path()), {ghost}, ghost, sqliteConnection(dir));
    QSignalSpy executed(dialog.controller(), &RunController::statementFinished);
    QSignalSpy stamped(&dialog, &StampGhostDialog::stamped);
    QSignalSpy failed(dialog.controller(), &RunController::failed);
    QVERIFY(dialog.startStamp());
    QTRY_VERIFY_WITH_TIMEOUT(!stamped.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.constFirst().constFirst().value<RunError>().message));
    QStringList ran;
    for (const QList<QVariant> &arguments : std::as_const(executed))
        ran << arguments.constFirst().toString();
    QCOMPARE(ran, dialog.statements());
    QCOMPARE(stamped.constFirst().constFirst().toStringList(), QStringList{parentOfGhost});
    QCOMPARE(versionRows(dir.filePath(QStringLiteral("demo.db"))), QStringList{parentOfGhost});
    QVERIFY(!dialog.stampButton()->isEnabled()); // done: once
    QVERIFY(dialog.statusLabel()->text().contains(QLatin1String("Done")));
}

void TestGhostStamp::otherRowsAreKept()
{
    QTemporaryDir dir;
    const QString auditHead = QStringLiteral("d82ef0e653bb");
    QVERIFY(makeGhostProject(dir, {auditHead}, true));
    StampGhostDialog dialog(ProjectLoader::loadNow(dir.path()), {ghost, auditHead}, ghost, sqliteConnection(dir));
    QVERIFY(dialog.keepBox()->isVisibleTo(&dialog));
    QVERIFY(dialog.keepBox()->isChecked());
    QCOMPARE(dialog.targets(), (QStringList{parentOfGhost, auditHead}));
    QSignalSpy stamped(&dialog, &StampGhostDialog::stamped);
    QSignalSpy failed(dialog.controller(), &RunController::failed);
    QVERIFY(dialog.startStamp());
    QTRY_VERIFY_WITH_TIMEOUT(!stamped.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.constFirst().constFirst().value<RunError>().message));
    QCOMPARE(versionRows(dir.filePath(QStringLiteral("demo.db"))), (QStringList{parentOfGhost, auditHead}));

    dialog.setKeepOtherRows(false); // after a run the dialog is done: the choice no longer runs
    QVERIFY(!dialog.startStamp());
}

void TestGhostStamp::bannerAndMenuLeadToTheFix()
{
    QTemporaryDir dir;
    QVERIFY(makeGhostProject(dir, {}, true));
    MainWindow window;
    window.show();
    QVERIFY(openAndSettle(window, dir.path()));
    QCOMPARE(window.currentRevisions(), QStringList{ghost});
    RevisionGraphModel *model = window.graphView()->model();
    QCOMPARE(model->ghostCount(), 1);
    QVERIFY(window.graphView()->ghostBanner()->isVisible());

    // The ghost row's context menu offers the fix.
    QStringList menuTexts;
    QTimer::singleShot(0, this, [&menuTexts] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        for (const QAction *action : menu->actions())
            menuTexts << action->text();
        menu->close();
    });
    Q_EMIT window.graphView()->contextMenuRequestedFor(ghost, window.graphView()->mapToGlobal(QPoint(20, 40)));
    QVERIFY2(menuTexts.contains(QStringLiteral("&Fix by Stamping…")), qPrintable(menuTexts.join(QLatin1Char('|'))));

    // The banner's button opens the dialog for the ghost; the stamp runs and the markers move.
    QString dialogGhostTitle;
    QTimer::singleShot(0, this, [&dialogGhostTitle] {
        auto *dialog = qobject_cast<StampGhostDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialogGhostTitle = dialog->windowTitle();
        QSignalSpy stamped(dialog, &StampGhostDialog::stamped);
        QVERIFY(dialog->startStamp());
        QTRY_VERIFY_WITH_TIMEOUT(!stamped.isEmpty(), 30000);
        dialog->reject();
    });
    QSignalSpy database(&window, &MainWindow::databaseStatusChanged);
    window.graphView()->ghostFixButton()->click();
    QCOMPARE(dialogGhostTitle, QStringLiteral("Fix an Unknown Revision"));
    QCOMPARE(window.currentRevisions(), QStringList{parentOfGhost});
    QCOMPARE(model->ghostCount(), 0);
    QVERIFY(model->index(model->rowOf(parentOfGhost), 0).data(RevisionGraphModel::IsCurrentRole).toBool());
    QVERIFY(!window.graphView()->ghostBanner()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window.isSettled(), 30000);
    QCOMPARE(window.currentRevisions(), QStringList{parentOfGhost}); // read back from the database
}

QTEST_MAIN(TestGhostStamp)
#include "tst_ghoststamp.moc"
