// SPDX-License-Identifier: GPL-3.0-or-later
// The New Revision and Merge dialogs: the files they write are byte for byte what
// retort-cli revision/merge write for the same options (run here on a second copy of
// the demo project), their checks say what is wrong as the user types, a failed write
// keeps the dialog open, and the main window selects and opens the new revision.
#include "editor/migrationeditor.h"
#include "graph/revisiongraphview.h"
#include "learn/guidedtour.h"
#include "mainwindow.h"
#include "projectloader.h"
#include "revision/mergedialog.h"
#include "revision/newrevisiondialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Retort;

namespace {

const QString cliPath = QStringLiteral(RETORT_BINARY_DIR "/bin/retort-cli");

// A fresh copy of the demo project in dir.
bool copyDemo(const QTemporaryDir &dir)
{
    QString error;
    return dir.isValid() && GuidedTour::copyDemo(dir.path(), &error);
}

// Runs retort-cli in project; returns its stdout+stderr and sets *ok to its success.
QString runCli(const QString &project, const QStringList &arguments, bool *ok)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(cliPath, QStringList{QStringLiteral("--project"), project} + arguments);
    *ok = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit &&
          process.exitCode() == 0;
    return QString::fromUtf8(process.readAll());
}

// The revision files of a project folder, relative to it.
QStringList revisionFiles(const QString &project)
{
    QStringList files = QDir(project + QStringLiteral("/migrations/versions"))
                            .entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    return files;
}

// The "Create Date:" line holds the time of writing: the only line two runs may differ in.
QByteArray withoutCreateDate(QByteArray bytes)
{
    static const QRegularExpression line(QStringLiteral("Create Date: [^\n]*"));
    return QString::fromUtf8(bytes).replace(line, QStringLiteral("Create Date: <date>")).toUtf8();
}

// Types text as the user would (QTest::keyClicks only knows Latin-1 key codes).
void typeInto(QLineEdit *field, const QString &text)
{
    field->setFocus();
    field->insert(text);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

QString newFile(const QStringList &before, const QStringList &after)
{
    for (const QString &file : after) {
        if (!before.contains(file))
            return file;
    }
    return QString();
}

} // namespace

class TestRevisionDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void newRevisionWritesWhatRetortCliWrites_data();
    void newRevisionWritesWhatRetortCliWrites();
    void mergeWritesWhatRetortCliWrites_data();
    void mergeWritesWhatRetortCliWrites();
    void newRevisionDefaultsToTheSelectedHead();
    void newRevisionExplainsWhatIsWrong_data();
    void newRevisionExplainsWhatIsWrong();
    void mergeNeedsTwoHeads();
    void existingFileIsRefused();
    void failedWriteKeepsTheDialogOpen();
    void mainWindowSelectsAndOpensTheNewRevision();
};

void TestRevisionDialogs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_revisiondialogs"));
    QSettings().clear();
    qunsetenv("DATABASE_URL");
    QVERIFY2(QFile::exists(cliPath), "retort-cli is built with this test (add_dependencies)");
}

void TestRevisionDialogs::newRevisionWritesWhatRetortCliWrites_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("parent"); // --head; empty: the dialog's default
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("dependsOn");
    QTest::addColumn<QStringList>("cliOptions");

    QTest::newRow("on the shop head")
        << QStringLiteral("add coupons") << QStringLiteral("ac7c02654fe7") << QString() << QString()
        << QStringList{QStringLiteral("--head"), QStringLiteral("ac7c02654fe7")};
    QTest::newRow("on the audit head, with depends_on")
        << QStringLiteral("audit: keep ip addresses") << QStringLiteral("d82ef0e653bb") << QString()
        << QStringLiteral("466dded3ff0f")
        << QStringList{QStringLiteral("--head"), QStringLiteral("d82ef0e653bb"), QStringLiteral("--depends-on"),
                       QStringLiteral("466dded3ff0f")};
    QTest::newRow("new base with a label")
        << QStringLiteral("reporting schema") << QStringLiteral("base") << QStringLiteral("reports") << QString()
        << QStringList{QStringLiteral("--head"), QStringLiteral("base"), QStringLiteral("--branch-label"),
                       QStringLiteral("reports")};
    QTest::newRow("branch from a revision that is not a head")
        << QStringLiteral("legacy export tables") << QStringLiteral("69e8a4e93b9f") << QStringLiteral("legacy")
        << QStringLiteral("88653130d564, shop")
        << QStringList{QStringLiteral("--head"), QStringLiteral("69e8a4e93b9f"), QStringLiteral("--splice"),
                       QStringLiteral("--branch-label"), QStringLiteral("legacy"), QStringLiteral("--depends-on"),
                       QStringLiteral("88653130d564"), QStringLiteral("--depends-on"), QStringLiteral("shop")};
    QTest::newRow("quotes and accents in the message")
        << QStringLiteral("Add \"café\" table — it's v2") << QStringLiteral("ac7c02654fe7") << QString()
        << QString() << QStringList{QStringLiteral("--head"), QStringLiteral("ac7c02654fe7")};
}

void TestRevisionDialogs::newRevisionWritesWhatRetortCliWrites()
{
    QFETCH(QString, message);
    QFETCH(QString, parent);
    QFETCH(QString, label);
    QFETCH(QString, dependsOn);
    QFETCH(QStringList, cliOptions);
    const QString id = QStringLiteral("0a1b2c3d4e5f");

    QTemporaryDir cliDir;
    QTemporaryDir guiDir;
    QVERIFY(copyDemo(cliDir));
    QVERIFY(copyDemo(guiDir));

    const QStringList cliBefore = revisionFiles(cliDir.path());
    bool ok = false;
    const QString output = runCli(cliDir.path(),
                                  QStringList{QStringLiteral("revision"), QStringLiteral("-m"), message,
                                              QStringLiteral("--rev-id"), id} + cliOptions,
                                  &ok);
    QVERIFY2(ok, qPrintable(output));
    const QString cliFile = newFile(cliBefore, revisionFiles(cliDir.path()));
    QVERIFY2(!cliFile.isEmpty(), qPrintable(output));

    const LoadedProject project = ProjectLoader::loadNow(guiDir.path());
    QVERIFY(project.isOpen());
    // A revision that is not a head is offered when it is the one selected in the graph.
    NewRevisionDialog dialog(project, parent);
    typeInto(dialog.messageField(), message);
    QVERIFY2(dialog.setParentArgument(parent) || (parent == QLatin1String("ac7c02654fe7") &&
                                                  dialog.setParentArgument(QStringLiteral("head"))),
             qPrintable(parent));
    if (parent != QLatin1String("base") && !project.map.isHead(parent))
        QCOMPARE(dialog.parentArgument(), parent);
    QTest::keyClicks(dialog.branchLabelField(), label);
    QTest::keyClicks(dialog.dependsOnField(), dependsOn);
    QTest::keyClicks(dialog.revisionIdField(), id);
    QVERIFY2(dialog.isValid(), qPrintable(dialog.problem()));
    QCOMPARE(QFileInfo(dialog.plannedPath()).fileName(), cliFile);

    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.writtenFile().has_value());
    QCOMPARE(dialog.writtenFile()->id, id);
    QCOMPARE(QFileInfo(dialog.writtenFile()->path).fileName(), cliFile);
    const QByteArray cliBytes = readAll(cliDir.filePath(QStringLiteral("migrations/versions/") + cliFile));
    const QByteArray guiBytes = readAll(dialog.writtenFile()->path);
    QVERIFY(cliBytes.contains("Create Date: "));
    QCOMPARE(withoutCreateDate(guiBytes), withoutCreateDate(cliBytes));
    // The project still loads, with the new revision where it was meant to go.
    const LoadedProject after = ProjectLoader::loadNow(guiDir.path());
    QVERIFY2(after.isOpen() && after.map.contains(id), qPrintable(after.errorString));
}

void TestRevisionDialogs::mergeWritesWhatRetortCliWrites_data()
{
    QTest::addColumn<QStringList>("selected");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QStringList>("cliRevisions");
    QTest::newRow("all heads") << QStringList() << QString() << QStringList{QStringLiteral("heads")};
    QTest::newRow("all heads with a label")
        << QStringList{QStringLiteral("ac7c02654fe7"), QStringLiteral("d82ef0e653bb")} << QStringLiteral("combined")
        << QStringList{QStringLiteral("--branch-label"), QStringLiteral("combined"), QStringLiteral("heads")};
}

void TestRevisionDialogs::mergeWritesWhatRetortCliWrites()
{
    QFETCH(QStringList, selected);
    QFETCH(QString, label);
    QFETCH(QStringList, cliRevisions);
    const QString id = QStringLiteral("fedcba987654");
    const QString message = QStringLiteral("merge shop and audit");

    QTemporaryDir cliDir;
    QTemporaryDir guiDir;
    QVERIFY(copyDemo(cliDir));
    QVERIFY(copyDemo(guiDir));
    const QStringList cliBefore = revisionFiles(cliDir.path());
    bool ok = false;
    const QString output = runCli(cliDir.path(),
                                  QStringList{QStringLiteral("merge"), QStringLiteral("-m"), message,
                                              QStringLiteral("--rev-id"), id} + cliRevisions,
                                  &ok);
    QVERIFY2(ok, qPrintable(output));
    const QString cliFile = newFile(cliBefore, revisionFiles(cliDir.path()));
    QVERIFY(!cliFile.isEmpty());

    const LoadedProject project = ProjectLoader::loadNow(guiDir.path());
    MergeDialog dialog(project, selected);
    QCOMPARE(dialog.checkedHeads().size(), 2);
    QTest::keyClicks(dialog.messageField(), message);
    QTest::keyClicks(dialog.branchLabelField(), label);
    QTest::keyClicks(dialog.revisionIdField(), id);
    QVERIFY2(dialog.isValid(), qPrintable(dialog.problem()));
    QVERIFY(dialog.alembicCommand().endsWith(QLatin1String(" heads")));
    dialog.accept();
    QVERIFY(dialog.writtenFile().has_value());
    QCOMPARE(QFileInfo(dialog.writtenFile()->path).fileName(), cliFile);
    QCOMPARE(withoutCreateDate(readAll(dialog.writtenFile()->path)),
             withoutCreateDate(readAll(cliDir.filePath(QStringLiteral("migrations/versions/") + cliFile))));
    const LoadedProject after = ProjectLoader::loadNow(guiDir.path());
    QVERIFY(after.isOpen());
    QCOMPARE(after.map.heads(), QStringList{id});
}

void TestRevisionDialogs::newRevisionDefaultsToTheSelectedHead()
{
    const LoadedProject project = ProjectLoader::loadNow(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"));
    QVERIFY(project.isOpen());
    // Two heads: nothing chosen without a selected head, the selected head otherwise.
    NewRevisionDialog none(project, QString());
    QCOMPARE(none.parentArgument(), QString());
    typeInto(none.messageField(), QStringLiteral("x"));
    QVERIFY(none.problem().contains(QLatin1String("2 heads")));
    NewRevisionDialog onHead(project, QStringLiteral("d82ef0e653bb"));
    QCOMPARE(onHead.parentArgument(), QStringLiteral("d82ef0e653bb"));
    // A revision that is not a head is offered but not chosen by default.
    NewRevisionDialog onOther(project, QStringLiteral("69e8a4e93b9f"));
    QCOMPARE(onOther.parentArgument(), QString());
    QVERIFY(onOther.parentBox()->findData(QStringLiteral("69e8a4e93b9f")) >= 0);
    QVERIFY(!onOther.versionPathBox()); // one version location

    // With one head, "head".
    QTemporaryDir dir;
    QVERIFY(copyDemo(dir));
    MergeDialog merge(ProjectLoader::loadNow(dir.path()), {});
    QTest::keyClicks(merge.messageField(), QStringLiteral("merge"));
    merge.accept();
    QVERIFY(merge.writtenFile().has_value());
    const LoadedProject single = ProjectLoader::loadNow(dir.path());
    NewRevisionDialog onSingle(single, QString());
    QCOMPARE(onSingle.parentArgument(), QStringLiteral("head"));
    QVERIFY(onSingle.parentBox()->currentText().contains(merge.writtenFile()->id.left(12)));
}

void TestRevisionDialogs::newRevisionExplainsWhatIsWrong_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("dependsOn");
    QTest::addColumn<QString>("revisionId");
    QTest::addColumn<QString>("expected");

    const QString head = QStringLiteral("ac7c02654fe7");
    QTest::newRow("no message") << QString() << head << QString() << QString() << QString()
                                << QStringLiteral("Enter a message");
    QTest::newRow("several heads, none chosen")
        << QStringLiteral("x") << QString() << QString() << QString() << QString()
        << QStringLiteral("The project has 2 heads: choose the one the new revision builds on, or merge them first.");
    QTest::newRow("not a head, no label")
        << QStringLiteral("x") << QStringLiteral("69e8a4e93b9f") << QString() << QString() << QString()
        << QStringLiteral("69e8a4e93b9f is not a head, so the new revision starts a second branch from it.");
    QTest::newRow("label in use") << QStringLiteral("x") << head << QStringLiteral("audit") << QString()
                                  << QStringLiteral("aaaabbbbcccc")
                                  << QStringLiteral("Branch name 'audit' in revision aaaabbbbcccc already used by "
                                                    "revision 42468521ca40");
    QTest::newRow("label with a space") << QStringLiteral("x") << head << QStringLiteral("my label") << QString()
                                        << QString() << QStringLiteral("A branch label cannot contain spaces");
    QTest::newRow("id in use") << QStringLiteral("x") << head << QString() << QString()
                               << QStringLiteral("88653130d564")
                               << QStringLiteral("Revision 88653130d564 already exists");
    QTest::newRow("forbidden id character")
        << QStringLiteral("x") << head << QString() << QString() << QStringLiteral("ab@cd")
        << QStringLiteral("Character(s) '@' not allowed in revision identifier 'ab@cd'");
    QTest::newRow("unknown dependency") << QStringLiteral("x") << head << QString() << QStringLiteral("zzzz")
                                        << QString()
                                        << QStringLiteral("Can't locate revision identified by 'zzzz'");
}

void TestRevisionDialogs::newRevisionExplainsWhatIsWrong()
{
    QFETCH(QString, message);
    QFETCH(QString, parent);
    QFETCH(QString, label);
    QFETCH(QString, dependsOn);
    QFETCH(QString, revisionId);
    QFETCH(QString, expected);

    const LoadedProject project = ProjectLoader::loadNow(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"));
    NewRevisionDialog dialog(project, parent);
    dialog.show();
    QTest::keyClicks(dialog.messageField(), message);
    if (!parent.isEmpty())
        QVERIFY(dialog.setParentArgument(parent));
    QTest::keyClicks(dialog.branchLabelField(), label);
    QTest::keyClicks(dialog.dependsOnField(), dependsOn);
    QTest::keyClicks(dialog.revisionIdField(), revisionId);
    QVERIFY(!dialog.isValid());
    QVERIFY2(dialog.problem().contains(expected), qPrintable(dialog.problem()));
    // The message is on screen and the button that would write is disabled.
    const QLabel *shown = dialog.findChild<QLabel *>(QStringLiteral("validationMessage"));
    QVERIFY(shown);
    QCOMPARE(shown->text(), dialog.problem());
    const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
    bool createDisabled = false;
    for (const QPushButton *button : buttons)
        createDisabled |= button->text() == QLatin1String("&Create Revision") && !button->isEnabled();
    QVERIFY(createDisabled);
    // Nothing is written by a refused accept().
    dialog.accept();
    QVERIFY(!dialog.writtenFile().has_value());
}

void TestRevisionDialogs::mergeNeedsTwoHeads()
{
    const LoadedProject project = ProjectLoader::loadNow(QStringLiteral(RETORT_SOURCE_DIR "/resources/demo"));
    MergeDialog dialog(project, {QStringLiteral("ac7c02654fe7")}); // one head: all are pre-checked
    QCOMPARE(dialog.checkedHeads().size(), 2);
    QTest::keyClicks(dialog.messageField(), QStringLiteral("merge"));
    QVERIFY2(dialog.isValid(), qPrintable(dialog.problem()));
    dialog.setCheckedHeads({QStringLiteral("d82ef0e653bb")});
    QVERIFY(!dialog.isValid());
    QCOMPARE(dialog.problem(), QStringLiteral("Check at least two heads to merge."));
    QVERIFY(dialog.alembicCommand().endsWith(QLatin1String("merge -m merge d82ef0e653bb")));
}

void TestRevisionDialogs::existingFileIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(copyDemo(dir));
    const LoadedProject project = ProjectLoader::loadNow(dir.path());
    NewRevisionDialog dialog(project, QStringLiteral("ac7c02654fe7"));
    QTest::keyClicks(dialog.messageField(), QStringLiteral("add coupons"));
    QTest::keyClicks(dialog.revisionIdField(), QStringLiteral("0a1b2c3d4e5f"));
    QVERIFY2(dialog.isValid(), qPrintable(dialog.problem()));
    const QString planned = dialog.plannedPath();
    QFile blocker(planned);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.write("# someone else's file\n");
    blocker.close();
    QVERIFY(!dialog.validate());
    QVERIFY2(dialog.problem().contains(QLatin1String("already exists. Change the message or the revision id.")),
             qPrintable(dialog.problem()));
    dialog.accept();
    QVERIFY(!dialog.writtenFile().has_value());
    QCOMPARE(readAll(planned), QByteArray("# someone else's file\n"));
}

void TestRevisionDialogs::failedWriteKeepsTheDialogOpen()
{
    QTemporaryDir dir;
    QVERIFY(copyDemo(dir));
    const LoadedProject project = ProjectLoader::loadNow(dir.path());
    NewRevisionDialog dialog(project, QStringLiteral("ac7c02654fe7"));
    dialog.show();
    QTest::keyClicks(dialog.messageField(), QStringLiteral("add coupons"));
    QVERIFY(dialog.isValid());
    // The versions folder turns into a file behind the dialog's back.
    const QString versions = dir.filePath(QStringLiteral("migrations/versions"));
    QVERIFY(QDir(versions).removeRecursively());
    QFile file(versions);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.writtenFile().has_value());
    QVERIFY2(dialog.problem().contains(QLatin1String("is a file, not a folder")), qPrintable(dialog.problem()));
}

void TestRevisionDialogs::mainWindowSelectsAndOpensTheNewRevision()
{
    QTemporaryDir dir;
    QVERIFY(copyDemo(dir));
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::projectLoaded);
    window.openProject(dir.path());
    QVERIFY(loaded.wait(30000));
    QVERIFY(window.newRevisionAction()->isEnabled());
    QVERIFY(window.mergeAction()->isEnabled()); // two heads
    QCOMPARE(window.newRevisionAction()->shortcut(), QKeySequence(QKeySequence::New));
    QVERIFY(window.graphView()->selectRevision(QStringLiteral("d82ef0e653bb")));

    QString seenParent;
    QTimer::singleShot(0, this, [&seenParent] {
        auto *dialog = qobject_cast<NewRevisionDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seenParent = dialog->parentArgument();
        QTest::keyClicks(dialog->messageField(), QStringLiteral("audit: add actor"));
        QTest::keyClicks(dialog->revisionIdField(), QStringLiteral("abcabcabcabc"));
        dialog->accept();
    });
    QSignalSpy created(&window, &MainWindow::revisionCreated);
    window.newRevisionAction()->trigger();
    QCOMPARE(created.size(), 1);
    QCOMPARE(seenParent, QStringLiteral("d82ef0e653bb")); // the selected head
    loaded.clear();
    QTRY_VERIFY_WITH_TIMEOUT(window.project().map.contains(QStringLiteral("abcabcabcabc")), 30000);
    QTRY_COMPARE(window.graphView()->selectedRevision(), QStringLiteral("abcabcabcabc"));
    QCOMPARE(window.editor()->filePath(), created.constFirst().at(1).toString());
    QCOMPARE(window.project().map.parents(QStringLiteral("abcabcabcabc")), QStringList{QStringLiteral("d82ef0e653bb")});
}

QTEST_MAIN(TestRevisionDialogs)
#include "tst_revisiondialogs.moc"
