// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/revisionfilefinder.h"
#include "script/scriptdirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>


using namespace Retort;

namespace {

QByteArray script(const QString &id, const QString &down = QString(),
                  const QString &message = QStringLiteral("a message"))
{
    const QString downValue =
        down.isEmpty() ? QStringLiteral("None") : QLatin1Char('\'') + down + QLatin1Char('\'');
    return (QStringLiteral("\"\"\"%1\n\nRevision ID: %2\n\"\"\"\nfrom alembic import op\n\n"
                           "revision = '%2'\ndown_revision = %3\nbranch_labels = None\n"
                           "depends_on = None\n\n\ndef upgrade():\n    pass\n")
                .arg(message, id, downValue))
        .toUtf8();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList ids(const ScriptDirectoryContents &contents)
{
    QStringList out;
    for (const Revision &r : contents.revisions)
        out.append(r.id);
    return out;
}

QStringList names(const QStringList &paths, const QString &root)
{
    QStringList out;
    const QDir dir(QFileInfo(root).canonicalFilePath());
    for (const QString &p : paths)
        out.append(dir.relativeFilePath(p));
    return out;
}

} // namespace

class TestScriptDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filesAreSortedByCodePoint();
    void ignoredFileNames_data();
    void ignoredFileNames();
    void recursionVisitsFilesThenSortedSubdirectories();
    void withoutRecursionSubdirectoriesAreIgnored();
    void locationsInConfiguredOrder();
    void fileReachedTwiceIsReadOnce();
    void symlinkedFileUsesRealPath();
    void linkedDirectoriesAreNotFollowed();
    void revisionsCarryHeaderValues();
    void legacyFileNameGivesTheId();
    void duplicateIdIsAnError();
    void badFiles_data();
    void badFiles();
    void layoutOverloadMatchesLocations();
    void tenThousandFilesAreAllRead();
};

void TestScriptDirectory::filesAreSortedByCodePoint()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // U+FF5E sorts before U+1F600 by code point, after it by UTF-16 code unit.
    const QStringList files = {QStringLiteral("b.py"),
                               QStringLiteral("a.py"),
                               QStringLiteral("B.py"),
                               QStringLiteral("_x.py"),
                               QString::fromUtf8("\xef\xbd\x9e.py"),
                               QString::fromUtf8("\xf0\x9f\x98\x80.py"),
                               QString::fromUtf8("\xc3\xa9.py")};
    int n = 0;
    for (const QString &f : files)
        QVERIFY(writeFile(dir.filePath(f), script(QStringLiteral("r%1").arg(n++))));
    const QStringList found = RevisionFileFinder({dir.path()}, false).find();
    QCOMPARE(names(found, dir.path()),
             QStringList({QStringLiteral("B.py"), QStringLiteral("_x.py"), QStringLiteral("a.py"),
                          QStringLiteral("b.py"), QString::fromUtf8("\xc3\xa9.py"),
                          QString::fromUtf8("\xef\xbd\x9e.py"),
                          QString::fromUtf8("\xf0\x9f\x98\x80.py")}));
}

void TestScriptDirectory::ignoredFileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("read");
    QTest::newRow("plain") << QStringLiteral("1975ea83b712_x.py") << true;
    QTest::newRow("__init__.py") << QStringLiteral("__init__.py") << false;
    QTest::newRow("__init__extra.py") << QStringLiteral("__init__extra.py") << false;
    QTest::newRow("emacs lock") << QStringLiteral(".#lock.py") << false;
    QTest::newRow("hidden .py") << QStringLiteral(".hidden.py") << true;
    QTest::newRow("backup") << QStringLiteral("x.py~") << false;
    QTest::newRow("text") << QStringLiteral("notes.txt") << false;
    QTest::newRow("README") << QStringLiteral("README") << false;
    QTest::newRow("bytecode") << QStringLiteral("x.pyc") << false;
}

void TestScriptDirectory::ignoredFileNames()
{
    QFETCH(QString, name);
    QFETCH(bool, read);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(name), script(QStringLiteral("abc"))));
    const ScriptDirectoryContents contents = ScriptDirectory::loadLocations({dir.path()}, false);
    QCOMPARE(contents.files.size(), read ? 1 : 0);
    QCOMPARE(RevisionFileFinder::isRevisionFileName(name), read);
    QVERIFY(!contents.hasErrors());
}

void TestScriptDirectory::recursionVisitsFilesThenSortedSubdirectories()
{
    QTemporaryDir dir;
    const QString v = dir.filePath(QStringLiteral("versions"));
    QVERIFY(writeFile(v + QStringLiteral("/z.py"), script(QStringLiteral("z"))));
    QVERIFY(writeFile(v + QStringLiteral("/a.py"), script(QStringLiteral("a"))));
    QVERIFY(writeFile(v + QStringLiteral("/sub/b.py"), script(QStringLiteral("b"))));
    QVERIFY(writeFile(v + QStringLiteral("/sub/deeper/c.py"), script(QStringLiteral("c"))));
    QVERIFY(writeFile(v + QStringLiteral("/sub/e.py"), script(QStringLiteral("e"))));
    QVERIFY(writeFile(v + QStringLiteral("/asub/d.py"), script(QStringLiteral("d"))));
    QVERIFY(writeFile(v + QStringLiteral("/__pycache__/p.py"), script(QStringLiteral("p"))));
    QVERIFY(writeFile(v + QStringLiteral("/x__pycache__/q.py"), script(QStringLiteral("q"))));
    const ScriptDirectoryContents contents = ScriptDirectory::loadLocations({v}, true);
    QVERIFY(!contents.hasErrors());
    QCOMPARE(ids(contents),
             QStringList({QStringLiteral("a"), QStringLiteral("z"), QStringLiteral("d"),
                          QStringLiteral("b"), QStringLiteral("e"), QStringLiteral("c")}));
}

void TestScriptDirectory::withoutRecursionSubdirectoriesAreIgnored()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a.py")), script(QStringLiteral("a"))));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("sub/b.py")), script(QStringLiteral("b"))));
    QCOMPARE(ids(ScriptDirectory::loadLocations({dir.path()}, false)),
             QStringList({QStringLiteral("a")}));
}

void TestScriptDirectory::locationsInConfiguredOrder()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("one/a.py")), script(QStringLiteral("a"))));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("two/b.py")), script(QStringLiteral("b"))));
    const ScriptDirectoryContents contents = ScriptDirectory::loadLocations(
        {dir.filePath(QStringLiteral("two")), dir.filePath(QStringLiteral("missing")),
         dir.filePath(QStringLiteral("one"))},
        false);
    QVERIFY(contents.diagnostics.isEmpty());
    QCOMPARE(ids(contents), QStringList({QStringLiteral("b"), QStringLiteral("a")}));
}

void TestScriptDirectory::fileReachedTwiceIsReadOnce()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("v/a.py")), script(QStringLiteral("a"))));
    const QString v = dir.filePath(QStringLiteral("v"));
    const ScriptDirectoryContents contents =
        ScriptDirectory::loadLocations({v, v + QStringLiteral("/")}, false);
    QCOMPARE(ids(contents), QStringList({QStringLiteral("a")}));
    QVERIFY(!contents.hasErrors());
    QCOMPARE(contents.diagnostics.size(), 1);
    QCOMPARE(contents.diagnostics.first().severity, Diagnostic::Severity::Warning);
    QVERIFY(contents.diagnostics.first().message.contains(QLatin1String("loaded twice")));
}

void TestScriptDirectory::symlinkedFileUsesRealPath()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("real/a.py")), script(QStringLiteral("a"))));
    QDir().mkpath(dir.filePath(QStringLiteral("v")));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("real/a.py")),
                        dir.filePath(QStringLiteral("v/link.py"))));
    const ScriptDirectoryContents contents = ScriptDirectory::loadLocations(
        {dir.filePath(QStringLiteral("v")), dir.filePath(QStringLiteral("real"))}, false);
    QCOMPARE(ids(contents), QStringList({QStringLiteral("a")}));
    QCOMPARE(contents.revisions.first().path,
             QFileInfo(dir.filePath(QStringLiteral("real/a.py"))).canonicalFilePath());
    QCOMPARE(contents.diagnostics.size(), 1); // the second sighting, through "real"
}

// Python's os.walk does not follow links to directories.
void TestScriptDirectory::linkedDirectoriesAreNotFollowed()
{
    QTemporaryDir dir;
    const QString v = dir.filePath(QStringLiteral("v"));
    QVERIFY(writeFile(v + QStringLiteral("/a.py"), script(QStringLiteral("a"))));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("elsewhere/b.py")), script(QStringLiteral("b"))));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("elsewhere")), v + QStringLiteral("/linked")));
    const ScriptDirectoryContents contents = ScriptDirectory::loadLocations({v}, true);
    QVERIFY(!contents.hasErrors());
    QVERIFY(contents.diagnostics.isEmpty());
    QCOMPARE(ids(contents), QStringList({QStringLiteral("a")}));
}

void TestScriptDirectory::revisionsCarryHeaderValues()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("b.py")),
                      "\"\"\"merge\n\nmore text\n\"\"\"\nrevision: str = \"bbb\"\n"
                      "down_revision: Union[str, None] = ('aaa',\n    'ccc')  # merge\n"
                      "branch_labels = 'lbl'\ndepends_on = ['ddd']\n"));
    const ScriptDirectoryContents contents = ScriptDirectory::loadLocations({dir.path()}, false);
    QVERIFY2(!contents.hasErrors(), qPrintable(contents.diagnostics.value(0).toString()));
    QCOMPARE(contents.revisions.size(), 1);
    const Revision &r = contents.revisions.first();
    QCOMPARE(r.id, QStringLiteral("bbb"));
    QCOMPARE(r.downRevisions, QStringList({QStringLiteral("aaa"), QStringLiteral("ccc")}));
    QCOMPARE(r.branchLabels, QStringList({QStringLiteral("lbl")}));
    QCOMPARE(r.dependsOn, QStringList({QStringLiteral("ddd")}));
    QCOMPARE(r.doc(), QStringLiteral("merge"));
    QCOMPARE(r.path, QFileInfo(dir.filePath(QStringLiteral("b.py"))).canonicalFilePath());
}

void TestScriptDirectory::legacyFileNameGivesTheId()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("abc123.py")), "down_revision = None\n"));
    const ScriptDirectoryContents contents = ScriptDirectory::loadLocations({dir.path()}, false);
    QVERIFY(!contents.hasErrors());
    QCOMPARE(ids(contents), QStringList({QStringLiteral("abc123")}));
}

void TestScriptDirectory::duplicateIdIsAnError()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a_one.py")), script(QStringLiteral("ae10"))));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("b_two.py")), script(QStringLiteral("ae10"))));
    const ScriptDirectoryContents contents = ScriptDirectory::loadLocations({dir.path()}, false);
    QVERIFY(contents.hasErrors());
    const Diagnostic *error = contents.firstError();
    QVERIFY(error->file.endsWith(QLatin1String("b_two.py")));
    QVERIFY(error->message.startsWith(QLatin1String("Revision ae10 is present more than once")));
    QVERIFY(error->message.contains(QLatin1String("a_one.py")));
    QCOMPARE(ids(contents), QStringList({QStringLiteral("ae10")}));
}

void TestScriptDirectory::badFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("messageStart");

    QTest::newRow("syntax error")
        << QStringLiteral("bad.py")
        << QByteArray("revision = 'a'\ndown_revision = None\n\ndef upgrade(:\n    pass\n") << 4
        << QString();
    QTest::newRow("no revision")
        << QStringLiteral("noid_file.py") << QByteArray("down_revision = None\n") << 0
        << QStringLiteral("Could not determine revision id from filename noid_file.py. Be sure "
                          "the 'revision' variable is declared inside the script (please see "
                          "'Upgrading from Alembic 0.1 to 0.2' in the documentation).");
    QTest::newRow("no down_revision")
        << QStringLiteral("nodown.py") << QByteArray("revision = 'dddd'\n") << -1 << QString();
    QTest::newRow("not UTF-8") << QStringLiteral("latin.py")
                               << QByteArray(
                                      "\"\"\"caf\xe9\"\"\"\nrevision = 'a'\ndown_revision = None\n")
                               << 1 << QString();
    QTest::newRow("binary") << QStringLiteral("blob.py")
                            << QByteArray("revision = 'a'\n\0\x01\x02", 17) << 2
                            << QStringLiteral("source code cannot contain null bytes");
    QByteArray big = script(QStringLiteral("big"));
    big.append(QByteArray(10 * 1024 * 1024, '#'));
    QTest::newRow("10 MB") << QStringLiteral("big.py") << big << 0
                           << QStringLiteral("file is too large");
}

void TestScriptDirectory::badFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(QString, messageStart);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("good.py")), script(QStringLiteral("good"))));
    QVERIFY(writeFile(dir.filePath(name), bytes));
    const ScriptDirectoryContents contents = ScriptDirectory::loadLocations({dir.path()}, false);
    QVERIFY(contents.hasErrors());
    const Diagnostic *error = contents.firstError();
    QVERIFY2(error->file.endsWith(name), qPrintable(error->toString()));
    if (line >= 0)
        QCOMPARE(error->line, line);
    if (line > 0)
        QVERIFY(error->column > 0);
    if (!messageStart.isEmpty())
        QVERIFY2(error->message.startsWith(messageStart), qPrintable(error->message));
    QVERIFY(!error->message.isEmpty());
    // The good file is still read.
    QVERIFY(ids(contents).contains(QStringLiteral("good")));
}

void TestScriptDirectory::layoutOverloadMatchesLocations()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("v/a.py")), script(QStringLiteral("a"))));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("v/s/b.py")),
                      script(QStringLiteral("b"), QStringLiteral("a"))));
    ProjectLayout layout;
    layout.kind = ProjectLayout::Kind::VersionsFolder;
    layout.versionLocations = {dir.filePath(QStringLiteral("v"))};
    layout.recursiveVersionLocations = true;
    QCOMPARE(ids(ScriptDirectory::load(layout)),
             QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(ScriptDirectory::files(layout).size(), 2);

    // The per-file pieces the GUI maps over files with QtConcurrent give the same result.
    QList<ScriptFileResult> results;
    for (const QString &file : ScriptDirectory::files(layout))
        results.append(ScriptDirectory::readRevisionFile(file));
    QCOMPARE(ids(ScriptDirectory::collect(results)), ids(ScriptDirectory::load(layout)));
}

void TestScriptDirectory::tenThousandFilesAreAllRead()
{
    QTemporaryDir dir;
    const int count = 10000;
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("%1").arg(i, 12, 16, QLatin1Char('0'));
        const QString down =
            i == 0 ? QString() : QStringLiteral("%1").arg(i - 1, 12, 16, QLatin1Char('0'));
        QVERIFY(writeFile(dir.filePath(id + QStringLiteral("_step.py")), script(id, down)));
    }
    // Load time is measured in bench/; this checks that every file of a large project is read.
    const ScriptDirectoryContents contents = ScriptDirectory::loadLocations({dir.path()}, false);
    QVERIFY(!contents.hasErrors());
    QCOMPARE(contents.revisions.size(), count);
}

QTEST_GUILESS_MAIN(TestScriptDirectory)
#include "tst_scriptdirectory.moc"
