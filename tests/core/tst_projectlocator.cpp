// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/projectlocator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

Q_DECLARE_METATYPE(Retort::ProjectLayout::Kind)

// Each case builds a project in a temporary folder, opens it by path and checks what
// was found. Paths in the rows are relative to that folder; "%T" in an expected message
// stands for it.
class TestProjectLocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void locate_data();
    void locate();
    void sectionAndXArguments();
    void unknownSection();
    void configFileMissing();
    void configFileWithOtherName();
    void relativeScriptLocationIgnoresWorkingDirectory();
    void sourcelessIsRefused();
    void nonexistentPath();
    void layoutCrossesThreadsAsVariant();
};

namespace {

const QString revisionFile = QStringLiteral(
    "\"\"\"first\n\nRevision ID: 1a\n\"\"\"\nrevision = '1a'\ndown_revision = None\n");
const QString envPy = QStringLiteral("from alembic import context\n");
const QString iniTemplate = QStringLiteral("[alembic]\nscript_location = %(here)s/migrations\n");

// Creates "path::content" files (and their folders); "path/" creates a folder.
bool build(const QString &root, const QStringList &entries)
{
    for (const QString &entry : entries) {
        const qsizetype split = entry.indexOf(QLatin1String("::"));
        const QString path = split < 0 ? entry : entry.left(split);
        if (path.endsWith(QLatin1Char('/'))) {
            if (!QDir(root).mkpath(path))
                return false;
            continue;
        }
        const QString full = QDir(root).filePath(path);
        if (!QDir().mkpath(QFileInfo(full).absolutePath()))
            return false;
        QFile file(full);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(split < 0 ? QByteArray() : entry.mid(split + 2).toUtf8());
    }
    return true;
}

QStringList absolute(const QString &root, const QStringList &relative)
{
    QStringList out;
    for (const QString &path : relative)
        out.append(path.isEmpty() ? root : QDir(root).filePath(path));
    return out;
}

QString writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

} // namespace

void TestProjectLocator::locate_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("open"); // relative path given to locate(); empty = the folder
    QTest::addColumn<QString>("error"); // expected failure ("%T" = folder), or empty
    QTest::addColumn<ProjectLayout::Kind>("kind");
    QTest::addColumn<QString>("projectPath"); // relative; empty = the folder
    QTest::addColumn<QString>("iniPath"); // relative; "-" = none
    QTest::addColumn<QString>("scriptLocation"); // relative; "-" = none
    QTest::addColumn<QStringList>("versionLocations");
    QTest::addColumn<QStringList>("configuredVersionLocations");
    QTest::addColumn<bool>("recursive");

    const QStringList standard{QStringLiteral("migrations/env.py::") + envPy,
                               QStringLiteral("migrations/versions/1a_first.py::") + revisionFile};
    const QString none = QStringLiteral("-");
    using Kind = ProjectLayout::Kind;

    QTest::newRow("directory_with_alembic_ini")
        << (QStringList(standard) << QStringLiteral("alembic.ini::") + iniTemplate) << QString()
        << QString() << Kind::IniFile << QString() << QStringLiteral("alembic.ini")
        << QStringLiteral("migrations") << QStringList{QStringLiteral("migrations/versions")}
        << QStringList{QStringLiteral("migrations/versions")} << false;
    QTest::newRow("the_ini_file_itself")
        << (QStringList(standard) << QStringLiteral("alembic.ini::") + iniTemplate)
        << QStringLiteral("alembic.ini") << QString() << Kind::IniFile << QString()
        << QStringLiteral("alembic.ini") << QStringLiteral("migrations")
        << QStringList{QStringLiteral("migrations/versions")}
        << QStringList{QStringLiteral("migrations/versions")} << false;
    QTest::newRow("ini_wins_over_script_directory")
        << QStringList{QStringLiteral("env.py::x"), QStringLiteral("versions/"),
                       QStringLiteral("scripts/env.py::x"), QStringLiteral("scripts/versions/"),
                       QStringLiteral("alembic.ini::[alembic]\nscript_location = scripts\n")}
        << QString() << QString() << Kind::IniFile << QString() << QStringLiteral("alembic.ini")
        << QStringLiteral("scripts") << QStringList{QStringLiteral("scripts/versions")}
        << QStringList{QStringLiteral("scripts/versions")} << false;
    QTest::newRow("relative_script_location_against_ini")
        << (QStringList(standard) << QStringLiteral(
                "alembic.ini::[alembic]\nscript_location = ./migrations/\n"))
        << QString() << QString() << Kind::IniFile << QString() << QStringLiteral("alembic.ini")
        << QStringLiteral("migrations") << QStringList{QStringLiteral("migrations/versions")}
        << QStringList{QStringLiteral("migrations/versions")} << false;
    QTest::newRow("missing_default_versions_folder")
        << QStringList{QStringLiteral("migrations/env.py::x"),
                       QStringLiteral("alembic.ini::") + iniTemplate}
        << QString() << QString() << Kind::IniFile << QString() << QStringLiteral("alembic.ini")
        << QStringLiteral("migrations") << QStringList()
        << QStringList{QStringLiteral("migrations/versions")} << false;
    QTest::newRow("version_locations_order_and_missing_skipped")
        << (QStringList(standard)
            << QStringLiteral("b/") << QStringLiteral("a/")
            << QStringLiteral("alembic.ini::") + iniTemplate +
                   QStringLiteral("version_locations = "
                                  "%(here)s/b:%(here)s/gone:a\nversion_path_separator = os\n"
                                  "recursive_version_locations = true\n"))
        << QString() << QString() << Kind::IniFile << QString() << QStringLiteral("alembic.ini")
        << QStringLiteral("migrations") << QStringList{QStringLiteral("b"), QStringLiteral("a")}
        << QStringList{QStringLiteral("b"), QStringLiteral("gone"), QStringLiteral("a")} << true;
    QTest::newRow("version_locations_legacy_split")
        << (QStringList(standard) << QStringLiteral("b/") << QStringLiteral("a/")
                                  << QStringLiteral("alembic.ini::") + iniTemplate +
                                         QStringLiteral("version_locations = a, b\n"))
        << QString() << QString() << Kind::IniFile << QString() << QStringLiteral("alembic.ini")
        << QStringLiteral("migrations") << QStringList{QStringLiteral("a"), QStringLiteral("b")}
        << QStringList{QStringLiteral("a"), QStringLiteral("b")} << false;
    QTest::newRow("missing_script_location_key")
        << QStringList{QStringLiteral("alembic.ini::[alembic]\nsqlalchemy.url = sqlite://\n")}
        << QString() << QStringLiteral("No 'script_location' key found in configuration.")
        << Kind::IniFile << QString() << none << none << QStringList() << QStringList() << false;
    QTest::newRow("missing_script_folder")
        << QStringList{QStringLiteral("alembic.ini::[alembic]\nscript_location = nowhere_dir\n")}
        << QString()
        << QStringLiteral("Path doesn't exist: '%T/nowhere_dir'.  Please use the 'init' command to "
                          "create a new "
                          "scripts folder.")
        << Kind::IniFile << QString() << none << none << QStringList() << QStringList() << false;
    QTest::newRow("bad_separator_before_missing_folder")
        << QStringList{QStringLiteral(
               "alembic.ini::[alembic]\nscript_location = nowhere_dir\nversion_locations = a\n"
               "version_path_separator = os  # comment\n")}
        << QString()
        << QStringLiteral("'os  # comment' is not a valid value for version_path_separator; "
                          "expected 'space', 'os', ':', ';'")
        << Kind::IniFile << QString() << none << none << QStringList() << QStringList() << false;
    QTest::newRow("bad_truncate_slug_length")
        << (QStringList(standard) << QStringLiteral("alembic.ini::") + iniTemplate +
                                         QStringLiteral("truncate_slug_length = x\n"))
        << QString() << QStringLiteral("invalid literal for int() with base 10: 'x'")
        << Kind::IniFile << QString() << none << none << QStringList() << QStringList() << false;
    QTest::newRow("bad_post_write_hooks_value")
        << (QStringList(standard) << QStringLiteral("alembic.ini::") + iniTemplate +
                                         QStringLiteral("[post_write_hooks]\nhooks = 50%\n"))
        << QString() << QStringLiteral("'%' must be followed by '%' or '(', found: '%'")
        << Kind::IniFile << QString() << none << none << QStringList() << QStringList() << false;
    QTest::newRow("script_directory")
        << standard << QStringLiteral("migrations") << QString() << Kind::ScriptDirectory
        << QStringLiteral("migrations") << none << QStringLiteral("migrations")
        << QStringList{QStringLiteral("migrations/versions")}
        << QStringList{QStringLiteral("migrations/versions")} << false;
    QTest::newRow("folder_with_one_script_directory")
        << (QStringList(standard) << QStringLiteral("docs/readme.txt::x")
                                  << QStringLiteral("other/versions/"))
        << QString() << QString() << Kind::ScriptDirectory << QString() << none
        << QStringLiteral("migrations") << QStringList{QStringLiteral("migrations/versions")}
        << QStringList{QStringLiteral("migrations/versions")} << false;
    QTest::newRow("folder_with_two_script_directories")
        << (QStringList(standard) << QStringLiteral("alembic/env.py::x")
                                  << QStringLiteral("alembic/versions/"))
        << QString()
        << QStringLiteral("'%T' holds several script directories (alembic, migrations): name the "
                          "one to open, or "
                          "the alembic.ini that points to it.")
        << Kind::ScriptDirectory << QString() << none << none << QStringList() << QStringList()
        << false;
    QTest::newRow("bare_versions_folder")
        << standard << QStringLiteral("migrations/versions") << QString() << Kind::VersionsFolder
        << QStringLiteral("migrations/versions") << none << none
        << QStringList{QStringLiteral("migrations/versions")}
        << QStringList{QStringLiteral("migrations/versions")} << false;
    QTest::newRow("bare_folder_annotated_revision")
        << QStringList{QStringLiteral(
               "revs/abc.py::from typing import Union\n\nrevision: str = 'abc'\n")}
        << QStringLiteral("revs") << QString() << Kind::VersionsFolder << QStringLiteral("revs")
        << none << none << QStringList{QStringLiteral("revs")}
        << QStringList{QStringLiteral("revs")} << false;
    QTest::newRow("bare_folder_down_revision_only")
        << QStringList{QStringLiteral("revs/abc.py::    down_revision = None\n")}
        << QStringLiteral("revs") << QString() << Kind::VersionsFolder << QStringLiteral("revs")
        << none << none << QStringList{QStringLiteral("revs")}
        << QStringList{QStringLiteral("revs")} << false;
    QTest::newRow("empty_folder_named_versions")
        << QStringList{QStringLiteral("versions/")} << QStringLiteral("versions") << QString()
        << Kind::VersionsFolder << QStringLiteral("versions") << none << none
        << QStringList{QStringLiteral("versions")} << QStringList{QStringLiteral("versions")}
        << false;
    QTest::newRow("init_files_and_other_names_do_not_count")
        << QStringList{QStringLiteral("revs/__init__.py::revision = 'x'\n"),
                       QStringLiteral("revs/notes.txt::revision = 'x'\n"),
                       QStringLiteral("revs/helper.py::revisions = 3\nmy_revision = 'x'\n")}
        << QStringLiteral("revs")
        << QStringLiteral("'%T/revs' is not an Alembic project: looked for an alembic.ini in it, a "
                          "script directory "
                          "(env.py and a versions/ folder) in it or in one of its sub-folders, and "
                          "revision files "
                          "(*.py that assign `revision` or `down_revision`) directly in it, and "
                          "found none of them.")
        << Kind::VersionsFolder << QString() << none << none << QStringList() << QStringList()
        << false;
    QTest::newRow("empty_folder") << QStringList{QStringLiteral("empty/")}
                                  << QStringLiteral("empty")
                                  << QStringLiteral(
                                         "'%T/empty' is not an Alembic project: looked for an "
                                         "alembic.ini in it, a script directory "
                                         "(env.py and a versions/ folder) in it or in one of its "
                                         "sub-folders, and revision files "
                                         "(*.py that assign `revision` or `down_revision`) "
                                         "directly in it, and found none of them.")
                                  << Kind::VersionsFolder << QString() << none << none
                                  << QStringList() << QStringList() << false;
}

void TestProjectLocator::locate()
{
    QFETCH(QStringList, files);
    QFETCH(QString, open);
    QFETCH(QString, error);
    QFETCH(ProjectLayout::Kind, kind);
    QFETCH(QString, projectPath);
    QFETCH(QString, iniPath);
    QFETCH(QString, scriptLocation);
    QFETCH(QStringList, versionLocations);
    QFETCH(QStringList, configuredVersionLocations);
    QFETCH(bool, recursive);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(build(dir.path(), files));
    const QString target = open.isEmpty() ? dir.path() : dir.filePath(open);
    const Result<ProjectLayout> result = ProjectLocator::locate(target);
    if (!error.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error(), QString(error).replace(QLatin1String("%T"), dir.path()));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.error()));
    const ProjectLayout &layout = result.value();
    QCOMPARE(layout.kind, kind);
    QCOMPARE(layout.projectPath, absolute(dir.path(), {projectPath}).first());
    QCOMPARE(layout.iniPath, iniPath == QLatin1String("-") ? QString() : dir.filePath(iniPath));
    QCOMPARE(layout.config.has_value(), kind == ProjectLayout::Kind::IniFile);
    QCOMPARE(layout.scriptLocation,
             scriptLocation == QLatin1String("-") ? QString() : dir.filePath(scriptLocation));
    QCOMPARE(layout.versionLocations, absolute(dir.path(), versionLocations));
    QCOMPARE(layout.configuredVersionLocations, absolute(dir.path(), configuredVersionLocations));
    QCOMPARE(layout.recursiveVersionLocations, recursive);
}

void TestProjectLocator::sectionAndXArguments()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(build(dir.path(), {QStringLiteral("one/env.py::x"), QStringLiteral("one/versions/"),
                               QStringLiteral("two/env.py::x"), QStringLiteral("two/versions/"),
                               QStringLiteral("alembic.ini::[alembic]\nscript_location = one\n"
                                              "[second]\nscript_location = two\n")}));
    const QStringList x{QStringLiteral("dburl=sqlite:///other.db")};
    const Result<ProjectLayout> result =
        ProjectLocator::locate(dir.path(), QStringLiteral("second"), x);
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->scriptLocation, dir.filePath(QStringLiteral("two")));
    QCOMPARE(result->xArguments, x);
    QVERIFY(result->config.has_value());
    QCOMPARE(result->config->section(), QStringLiteral("second"));
    QCOMPARE(result->config->xArgumentMap().value(QStringLiteral("dburl")),
             QStringLiteral("sqlite:///other.db"));
}

void TestProjectLocator::unknownSection()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(build(dir.path(), {QStringLiteral("alembic.ini::") + iniTemplate}));
    const Result<ProjectLayout> result =
        ProjectLocator::locate(dir.path(), QStringLiteral("nosuch"));
    QCOMPARE(result.error(), QStringLiteral("No config file '") +
                                 dir.filePath(QStringLiteral("alembic.ini")) +
                                 QStringLiteral("' found, or file has no '[nosuch]' section"));
}

void TestProjectLocator::configFileMissing()
{
    const Result<ProjectLayout> result =
        ProjectLocator::fromConfigFile(QStringLiteral("/tmp/none.ini"));
    QCOMPARE(
        result.error(),
        QStringLiteral("No config file '/tmp/none.ini' found, or file has no '[alembic]' section"));
}

void TestProjectLocator::configFileWithOtherName()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(
        build(dir.path(),
              {QStringLiteral("migrations/env.py::x"), QStringLiteral("migrations/versions/"),
               QStringLiteral("conf/project.cfg::[alembic]\nscript_location = ../migrations\n")}));
    const Result<ProjectLayout> result =
        ProjectLocator::locate(dir.filePath(QStringLiteral("conf/project.cfg")));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->iniPath, dir.filePath(QStringLiteral("conf/project.cfg")));
    QCOMPARE(result->projectPath, dir.filePath(QStringLiteral("conf")));
    QCOMPARE(result->scriptLocation, dir.filePath(QStringLiteral("migrations")));
}

void TestProjectLocator::relativeScriptLocationIgnoresWorkingDirectory()
{
    // Alembic would resolve `migrations` against the working directory; Retort (like
    // the conformance oracle) against the ini's folder, from wherever it is opened.
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    QVERIFY(dir.isValid() && elsewhere.isValid());
    QVERIFY(build(dir.path(),
                  {QStringLiteral("migrations/env.py::x"), QStringLiteral("migrations/versions/"),
                   QStringLiteral("alembic.ini::[alembic]\nscript_location = migrations\n")}));
    const QString saved = QDir::currentPath();
    QVERIFY(QDir::setCurrent(elsewhere.path()));
    const Result<ProjectLayout> result = ProjectLocator::locate(dir.path());
    QVERIFY(QDir::setCurrent(saved));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    QCOMPARE(result->scriptLocation, dir.filePath(QStringLiteral("migrations")));
}

void TestProjectLocator::sourcelessIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(build(
        dir.path(),
        {QStringLiteral("migrations/env.py::x"), QStringLiteral("migrations/versions/"),
         QStringLiteral("alembic.ini::") + iniTemplate + QStringLiteral("\nsourceless = true\n")}));
    const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
    const Result<ProjectLayout> result = ProjectLocator::fromConfigFile(ini);
    QVERIFY(!result.ok());
    QCOMPARE(
        result.error(),
        ini +
            QStringLiteral(
                ":4: the option 'sourceless = true' asks for revisions compiled to Python bytecode "
                "(.pyc); Retort reads revision sources (.py) and cannot read bytecode. Remove the "
                "option or set it to false."));

    // Only the exact word "true" turns it on, as in Alembic.
    writeFile(ini, (iniTemplate + QStringLiteral("sourceless = True\n")).toUtf8());
    QVERIFY(ProjectLocator::fromConfigFile(ini).ok());
}

void TestProjectLocator::nonexistentPath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("nope"));
    QCOMPARE(ProjectLocator::locate(path).error(),
             QStringLiteral("Cannot open the project '") + path +
                 QStringLiteral("': no such file or directory."));
    QCOMPARE(ProjectLocator::locate(QString()).error(),
             QStringLiteral("Cannot open the project '': no such file or directory."));
}

void TestProjectLocator::layoutCrossesThreadsAsVariant()
{
    ProjectLayout layout;
    layout.kind = ProjectLayout::Kind::VersionsFolder;
    layout.versionLocations = {QStringLiteral("/x")};
    const QVariant variant = QVariant::fromValue(layout);
    QCOMPARE(variant.value<ProjectLayout>().versionLocations, layout.versionLocations);
    QCOMPARE(variant.value<ProjectLayout>().kind, ProjectLayout::Kind::VersionsFolder);
}

QTEST_GUILESS_MAIN(TestProjectLocator)
#include "tst_projectlocator.moc"
