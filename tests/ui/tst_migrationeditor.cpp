// SPDX-License-Identifier: GPL-3.0-or-later
// MigrationEditor: open, edit, save atomically, notice changes on disk, and fail clearly.
#include "editor/codeeditor.h"
#include "editor/migrationeditor.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

const QByteArray script = "revision = 'aaaa'\ndown_revision = 'bbbb'\n\n\ndef upgrade():\n    pass\n";

} // namespace

class TestMigrationEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void opensEditsAndSavesTheFile();
    void ctrlSSaves();
    void externalChangeShowsTheReloadBar();
    void keepingMyVersionSavesOverTheOtherChange();
    void ownSaveIsNoExternalChange();
    void deletedFileIsReported();
    void missingFileIsAClearError();
    void failedSaveKeepsTheTextAndSaysWhy();
    void lineEndsAndByteOrderMarkSurvive();
    void invalidUtf8IsRefused();
    void revisionLinksAreForwarded();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestMigrationEditor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("aaaa_add.py"));
    QVERIFY(writeFile(m_path, script));
}

void TestMigrationEditor::opensEditsAndSavesTheFile()
{
    MigrationEditor editor;
    QSignalSpy opened(&editor, &MigrationEditor::fileOpened);
    QSignalSpy saved(&editor, &MigrationEditor::saved);
    QVERIFY2(editor.openFile(m_path), qPrintable(editor.errorString()));
    QSignalSpy modified(&editor, &MigrationEditor::modificationChanged);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(editor.filePath(), m_path);
    QCOMPARE(editor.editor()->toPlainText().toUtf8(), script);
    QCOMPARE(editor.editor()->language(), CodeEditor::Language::Python);
    QVERIFY(!editor.isModified());
    QVERIFY(!editor.saveAction()->isEnabled());

    QTextCursor cursor(editor.editor()->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QStringLiteral("# edited\n"));
    QVERIFY(editor.isModified());
    QCOMPARE(modified.count(), 1);
    QVERIFY(editor.saveAction()->isEnabled());

    QVERIFY2(editor.save(), qPrintable(editor.errorString()));
    QCOMPARE(readFile(m_path), script + "# edited\n");
    QVERIFY(!editor.isModified());
    QCOMPARE(saved.count(), 1);
    // Nothing but the file itself: QSaveFile removed its temporary file.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{QStringLiteral("aaaa_add.py")});
}

void TestMigrationEditor::ctrlSSaves()
{
    MigrationEditor editor;
    QVERIFY(editor.openFile(m_path));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.editor()->setFocus();
    QTest::keyClicks(editor.editor(), QStringLiteral("x = 1"));
    QTest::keyClick(editor.editor(), Qt::Key_Return);
    QVERIFY(editor.isModified());
    QTest::keyClick(editor.editor(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!editor.isModified());
    QCOMPARE(readFile(m_path), "x = 1\n" + script);
}

void TestMigrationEditor::externalChangeShowsTheReloadBar()
{
    MigrationEditor editor;
    QVERIFY(editor.openFile(m_path));
    QSignalSpy detected(&editor, &MigrationEditor::externalChangeDetected);
    QVERIFY(!editor.isExternalChangePending());
    QVERIFY(writeFile(m_path, "revision = 'aaaa'\n# changed elsewhere\n"));
    QTRY_COMPARE(detected.count(), 1);
    QVERIFY(editor.isExternalChangePending());
    // The text stays as it was until the user answers.
    QCOMPARE(editor.editor()->toPlainText().toUtf8(), script);
    editor.acceptExternalChange();
    QVERIFY(!editor.isExternalChangePending());
    QCOMPARE(editor.editor()->toPlainText(), QStringLiteral("revision = 'aaaa'\n# changed elsewhere\n"));
    QVERIFY(!editor.isModified());
}

void TestMigrationEditor::keepingMyVersionSavesOverTheOtherChange()
{
    MigrationEditor editor;
    QVERIFY(editor.openFile(m_path));
    QTextCursor cursor(editor.editor()->document());
    cursor.insertText(QStringLiteral("# mine\n"));
    QSignalSpy detected(&editor, &MigrationEditor::externalChangeDetected);
    QVERIFY(writeFile(m_path, "# theirs\n"));
    QTRY_COMPARE(detected.count(), 1);
    editor.keepLocalVersion();
    QVERIFY(!editor.isExternalChangePending());
    QVERIFY(editor.isModified());
    QCOMPARE(editor.editor()->toPlainText().toUtf8(), "# mine\n" + script);
    QVERIFY(editor.save());
    QCOMPARE(readFile(m_path), "# mine\n" + script);
}

void TestMigrationEditor::ownSaveIsNoExternalChange()
{
    MigrationEditor editor;
    QVERIFY(editor.openFile(m_path));
    QSignalSpy detected(&editor, &MigrationEditor::externalChangeDetected);
    QTextCursor cursor(editor.editor()->document());
    cursor.insertText(QStringLiteral("# a\n"));
    QVERIFY(editor.save());
    // Give the file watcher time to report the save (it must ignore it).
    QTest::qWait(300);
    QCOMPARE(detected.count(), 0);
    QVERIFY(!editor.isExternalChangePending());
    // The replaced file is still watched: a later outside change is noticed.
    QVERIFY(writeFile(m_path, "# later\n"));
    QTRY_COMPARE(detected.count(), 1);
}

void TestMigrationEditor::deletedFileIsReported()
{
    MigrationEditor editor;
    QVERIFY(editor.openFile(m_path));
    QSignalSpy detected(&editor, &MigrationEditor::externalChangeDetected);
    QVERIFY(QFile::remove(m_path));
    QTRY_COMPARE(detected.count(), 1);
    QVERIFY(editor.isExternalChangePending());
    editor.keepLocalVersion();
    QVERIFY(editor.save());
    QCOMPARE(readFile(m_path), script);
}

void TestMigrationEditor::missingFileIsAClearError()
{
    MigrationEditor editor;
    QSignalSpy errors(&editor, &MigrationEditor::errorOccurred);
    const QString missing = m_dir->filePath(QStringLiteral("nope.py"));
    QVERIFY(!editor.openFile(missing));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(editor.errorString().contains(QDir::toNativeSeparators(missing)),
             qPrintable(editor.errorString()));
    QVERIFY(editor.errorString().contains(QLatin1String("Check that the file exists")));
    QVERIFY(editor.filePath().isEmpty());
}

void TestMigrationEditor::failedSaveKeepsTheTextAndSaysWhy()
{
    const QString folder = m_dir->filePath(QStringLiteral("versions"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/bbbb_x.py");
    QVERIFY(writeFile(path, script));
    MigrationEditor editor;
    QVERIFY(editor.openFile(path));
    QTextCursor cursor(editor.editor()->document());
    cursor.insertText(QStringLiteral("# unsaved\n"));
    // The folder disappears (root ignores permissions, so a missing folder it is).
    QVERIFY(QDir(folder).removeRecursively());
    QVERIFY(!editor.save());
    QVERIFY2(editor.errorString().contains(QDir::toNativeSeparators(path)),
             qPrintable(editor.errorString()));
    QVERIFY(editor.errorString().contains(QLatin1String("save again")));
    QVERIFY(editor.isModified());
    QVERIFY(editor.editor()->toPlainText().startsWith(QLatin1String("# unsaved\n")));
}

void TestMigrationEditor::lineEndsAndByteOrderMarkSurvive()
{
    const QByteArray crlf = "\xEF\xBB\xBFrevision = 'aaaa'\r\ndown_revision = None\r\n";
    QVERIFY(writeFile(m_path, crlf));
    MigrationEditor editor;
    QVERIFY(editor.openFile(m_path));
    QCOMPARE(editor.editor()->toPlainText(), QStringLiteral("revision = 'aaaa'\ndown_revision = None\n"));
    QTextCursor cursor(editor.editor()->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QStringLiteral("x = 1\n"));
    QVERIFY(editor.save());
    QCOMPARE(readFile(m_path), crlf + "x = 1\r\n");
}

void TestMigrationEditor::invalidUtf8IsRefused()
{
    QVERIFY(writeFile(m_path, "revision = '\xff\xfe'\n"));
    MigrationEditor editor;
    QVERIFY(!editor.openFile(m_path));
    QVERIFY2(editor.errorString().contains(QLatin1String("not valid UTF-8")),
             qPrintable(editor.errorString()));
}

void TestMigrationEditor::revisionLinksAreForwarded()
{
    MigrationEditor editor;
    QVERIFY(editor.openFile(m_path));
    QSignalSpy links(&editor, &MigrationEditor::revisionLinkActivated);
    Q_EMIT editor.editor()->revisionLinkActivated(QStringLiteral("bbbb"));
    QCOMPARE(links.count(), 1);
    QCOMPARE(links.first().first().toString(), QStringLiteral("bbbb"));
}

QTEST_MAIN(TestMigrationEditor)
#include "tst_migrationeditor.moc"
