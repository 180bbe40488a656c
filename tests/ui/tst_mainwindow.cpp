// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "revisionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using Retort::MainWindow;
using Retort::RevisionListModel;

namespace {

const QString demoProject = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo");

// Loads path in window and waits for the worker thread to answer.
bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy loaded(&window, &MainWindow::projectLoaded);
    window.openProject(path);
    return loaded.wait(30000);
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

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsDemoRevisionsInHistoryOrder();
    void marksDemoRevisions_data();
    void marksDemoRevisions();
    void showsProjectAndCountsInStatusBar();
    void modelIsConsistent();
    void reportsBrokenScriptWithPosition();
    void reportsMissingProject();
    void answersOnlyTheNewestRequest();
};

void TestMainWindow::listsDemoRevisionsInHistoryOrder()
{
    MainWindow window;
    QVERIFY(openAndWait(window, demoProject));
    QVERIFY(window.project().isOpen());

    // `alembic history` on resources/demo (Alembic 1.8.1 and 1.13 agree).
    const QStringList expected = {
        QStringLiteral("ac7c02654fe7"), QStringLiteral("8d937c7f0087"),
        QStringLiteral("4c5f2939fc95"), QStringLiteral("ca4659ad9d88"),
        QStringLiteral("d82ef0e653bb"), QStringLiteral("35cdf5e0e560"),
        QStringLiteral("42468521ca40"), QStringLiteral("679e969ce03d"),
        QStringLiteral("c98ba20b48db"), QStringLiteral("69e8a4e93b9f"),
        QStringLiteral("466dded3ff0f"), QStringLiteral("88653130d564"),
    };
    const RevisionListModel *model = window.revisionModel();
    QStringList shown;
    for (int row = 0; row < model->rowCount(); ++row)
        shown << model->index(row, RevisionListModel::IdColumn).data().toString();
    QCOMPARE(shown, expected);
    QCOMPARE(window.revisionView()->model(), model);
}

void TestMainWindow::marksDemoRevisions_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("markers");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("parents");
    QTest::addColumn<QString>("dependsOn");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<QString>("message");

    QTest::newRow("shop head") << "ac7c02654fe7" << int(RevisionListModel::Head) << "head"
                               << "8d937c7f0087"
                               << ""
                               << "shop"
                               << "add user roles and last login";
    QTest::newRow("audit head") << "d82ef0e653bb" << int(RevisionListModel::Head) << "head"
                                << "35cdf5e0e560"
                                << ""
                                << "audit"
                                << "add audit retention";
    QTest::newRow("merge point") << "8d937c7f0087" << int(RevisionListModel::MergePoint)
                                 << "merge point"
                                 << "4c5f2939fc95, 679e969ce03d"
                                 << ""
                                 << "shop"
                                 << "merge billing and fulfilment";
    QTest::newRow("branch point") << "69e8a4e93b9f" << int(RevisionListModel::BranchPoint)
                                  << "branch point"
                                  << "466dded3ff0f"
                                  << ""
                                  << "shop"
                                  << "create orders and order_items";
    QTest::newRow("shop base") << "88653130d564" << int(RevisionListModel::Base) << "base"
                               << "<base>"
                               << ""
                               << "shop"
                               << "create users table";
    QTest::newRow("audit base") << "42468521ca40" << int(RevisionListModel::Base) << "base"
                                << "<base>"
                                << ""
                                << "audit"
                                << "create audit log";
    QTest::newRow("depends on") << "35cdf5e0e560" << int(RevisionListModel::NoMarker) << ""
                                << "42468521ca40"
                                << "69e8a4e93b9f"
                                << "audit"
                                << "track order status changes";
    QTest::newRow("plain") << "466dded3ff0f" << int(RevisionListModel::NoMarker) << ""
                           << "88653130d564"
                           << ""
                           << "shop"
                           << "create products table";
}

void TestMainWindow::marksDemoRevisions()
{
    QFETCH(QString, id);
    QFETCH(int, markers);
    QFETCH(QString, kind);
    QFETCH(QString, parents);
    QFETCH(QString, dependsOn);
    QFETCH(QString, labels);
    QFETCH(QString, message);

    MainWindow window;
    QVERIFY(openAndWait(window, demoProject));
    const RevisionListModel *model = window.revisionModel();
    const int row = model->rowOf(id);
    QVERIFY2(row >= 0, qPrintable(id));

    const auto cell = [&](int column) {
        return model->index(row, column);
    };
    QCOMPARE(cell(0).data(RevisionListModel::MarkersRole).toInt(), markers);
    QCOMPARE(cell(RevisionListModel::MarkersColumn).data().toString(), kind);
    QCOMPARE(cell(RevisionListModel::ParentsColumn).data().toString(), parents);
    QCOMPARE(cell(RevisionListModel::DependsOnColumn).data().toString(), dependsOn);
    QCOMPARE(cell(RevisionListModel::LabelsColumn).data().toString(), labels);
    QCOMPARE(cell(RevisionListModel::MessageColumn).data().toString(), message);
    QVERIFY(cell(0).data(RevisionListModel::PathRole).toString().endsWith(QLatin1String(".py")));
}

void TestMainWindow::showsProjectAndCountsInStatusBar()
{
    MainWindow window;
    QVERIFY(statusTexts(window).contains(QLatin1String("No project open")));
    QVERIFY(openAndWait(window, demoProject));
    const QStringList texts = statusTexts(window);
    QVERIFY2(texts.contains(QDir::toNativeSeparators(QDir::cleanPath(demoProject))),
             qPrintable(texts.join(QLatin1String(" | "))));
    QVERIFY2(texts.contains(QLatin1String("12 revisions, 2 heads")),
             qPrintable(texts.join(QLatin1String(" | "))));
    QVERIFY(window.findChildren<QMessageBox *>().isEmpty());
}

void TestMainWindow::modelIsConsistent()
{
    MainWindow window;
    QAbstractItemModelTester tester(window.revisionModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openAndWait(window, demoProject));
    QCOMPARE(window.revisionModel()->rowCount(), 12);
    window.revisionModel()->clear();
    QCOMPARE(window.revisionModel()->rowCount(), 0);
}

void TestMainWindow::reportsBrokenScriptWithPosition()
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
    QVERIFY(!window.project().diagnostics.isEmpty());
    const Retort::Diagnostic first = window.project().diagnostics.constFirst();
    QVERIFY2(first.file.endsWith(QLatin1String("bbbb_broken.py")), qPrintable(first.toString()));
    QVERIFY2(first.line > 0, qPrintable(first.toString()));

    const QList<QMessageBox *> boxes = window.findChildren<QMessageBox *>();
    QCOMPARE(boxes.size(), 1);
    QTRY_VERIFY(boxes.constFirst()->isVisible());
    const QString expectedPrefix =
        QStringLiteral("migrations/versions/bbbb_broken.py:%1:").arg(first.line);
    QVERIFY2(boxes.constFirst()->detailedText().contains(expectedPrefix),
             qPrintable(boxes.constFirst()->detailedText()));
}

void TestMainWindow::reportsMissingProject()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("no-such-project"));

    MainWindow window;
    QVERIFY(openAndWait(window, missing));
    QVERIFY(!window.project().isOpen());
    QVERIFY(!window.project().errorString.isEmpty());
    QCOMPARE(window.revisionModel()->rowCount(), 0);
    const QList<QMessageBox *> boxes = window.findChildren<QMessageBox *>();
    QCOMPARE(boxes.size(), 1);
    QVERIFY(boxes.constFirst()->detailedText().contains(window.project().errorString));
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
    QCOMPARE(window.revisionModel()->rowCount(), 12);
    // The first request's answer is never shown.
    QTest::qWait(200);
    QCOMPARE(loaded.size(), 1);
    QVERIFY(window.findChildren<QMessageBox *>().isEmpty());
    QCOMPARE(QApplication::overrideCursor(), nullptr);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
