// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/alembicconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

// Expected values and messages marked "1.13" were produced by Alembic 1.13.2
// (Config + ScriptDirectory.from_config) and SQLAlchemy 2.0's asbool() on the same ini
// text; the path_separator rows follow Alembic >= 1.16 as described in config.md §3.1.
class TestAlembicConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingFileNamesFileAndSection();
    void missingSection();
    void unreadableFileIsReportedAsMissing();
    void malformedFileGivesParserMessage();
    void defaultConfigFileFromEnvironment();
    void noConfigFileGivesEmptySection();
    void hereIsTheIniDirectory();
    void relativeConfigFileResolvesAgainstWorkingDirectory();
    void xArguments();
    void mainOptionLookup();
    void sectionOptionAndItems();
    void setMainOptionChecksPercent();
    void nameSelectsSection();
    void scriptLocation_data();
    void scriptLocation();
    void versionLocations_data();
    void versionLocations();
    void defaultVersionLocation();
    void versionLocationsResolveAgainstHere();
    void exactTrueOptions_data();
    void exactTrueOptions();
    void fileTemplate_data();
    void fileTemplate();
    void truncateSlugLength_data();
    void truncateSlugLength();
    void revisionEnvironment_data();
    void revisionEnvironment();
    void timezoneEncodingAndUrl();
    void interpolationErrorsReachTypedAccessors();
};

namespace {

const QString configName()
{
    return QStringLiteral("/work/proj/alembic.ini");
}

AlembicConfig config(const QString &iniText,
                     const QString &section = AlembicConfig::defaultSection(),
                     const QStringList &xArguments = {})
{
    Result<AlembicConfig> result =
        AlembicConfig::fromString(iniText, configName(), section, xArguments);
    if (!result)
        qWarning("unexpected failure: %s", qPrintable(result.error()));
    return result.ok() ? result.value() : AlembicConfig();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(content) == content.size();
}

// Restores an environment variable when a test ends, however it ends.
class EnvironmentGuard
{
public:
    explicit EnvironmentGuard(const char *name)
        : m_name(name)
        , m_wasSet(qEnvironmentVariableIsSet(name))
        , m_value(qgetenv(name))
    { }
    ~EnvironmentGuard()
    {
        if (m_wasSet)
            qputenv(m_name, m_value);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_wasSet;
    QByteArray m_value;
};

} // namespace

void TestAlembicConfig::missingFileNamesFileAndSection()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("none.ini"));
    const Result<AlembicConfig> result = AlembicConfig::load(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), QStringLiteral("No config file '") + path +
                                 QStringLiteral("' found, or file has no '[alembic]' section"));
}

void TestAlembicConfig::missingSection()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("alembic.ini"));
    QVERIFY(writeFile(path, "[alembic]\nscript_location = x\n[DEFAULT]\nk = 1\n"));
    const QString expected = QStringLiteral("No config file '") + path +
                             QStringLiteral("' found, or file has no '[%1]' section");
    QCOMPARE(AlembicConfig::load(path, QStringLiteral("nosuch")).error(),
             expected.arg(QStringLiteral("nosuch")));
    // Section names are case-sensitive, and DEFAULT is not a section.
    QCOMPARE(AlembicConfig::load(path, QStringLiteral("Alembic")).error(),
             expected.arg(QStringLiteral("Alembic")));
    QCOMPARE(AlembicConfig::load(path, QStringLiteral("DEFAULT")).error(),
             expected.arg(QStringLiteral("DEFAULT")));
    QVERIFY(AlembicConfig::load(path).ok());
}

void TestAlembicConfig::unreadableFileIsReportedAsMissing()
{
    // configparser skips files it cannot open; Alembic then reports the section missing.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Result<AlembicConfig> result = AlembicConfig::load(dir.path());
    QCOMPARE(result.error(), QStringLiteral("No config file '") + dir.path() +
                                 QStringLiteral("' found, or file has no '[alembic]' section"));
}

void TestAlembicConfig::malformedFileGivesParserMessage()
{
    const Result<AlembicConfig> result = AlembicConfig::fromString(
        QStringLiteral("[alembic]\nfoo = 1\nfoo = 2\n"), QStringLiteral("alembic.ini"));
    QCOMPARE(result.error(), QStringLiteral("While reading from 'alembic.ini' [line  3]: option "
                                            "'foo' in section 'alembic' already exists"));
}

void TestAlembicConfig::defaultConfigFileFromEnvironment()
{
    EnvironmentGuard guard("ALEMBIC_CONFIG");
    qunsetenv("ALEMBIC_CONFIG");
    QCOMPARE(AlembicConfig::defaultConfigFile(), QStringLiteral("alembic.ini"));
    qputenv("ALEMBIC_CONFIG", "/tmp/none2.ini");
    QCOMPARE(AlembicConfig::defaultConfigFile(), QStringLiteral("/tmp/none2.ini"));
    QCOMPARE(AlembicConfig::load(AlembicConfig::defaultConfigFile()).error(),
             QStringLiteral(
                 "No config file '/tmp/none2.ini' found, or file has no '[alembic]' section"));
}

void TestAlembicConfig::noConfigFileGivesEmptySection()
{
    const Result<AlembicConfig> result = AlembicConfig::load(QString());
    QVERIFY(result.ok());
    QCOMPARE(result->here(), QString());
    QCOMPARE(result->configFilePath(), QString());
    QCOMPARE(result->scriptLocation().error(),
             QStringLiteral("No 'script_location' key found in configuration."));
}

void TestAlembicConfig::hereIsTheIniDirectory()
{
    const AlembicConfig c = config(QStringLiteral("[alembic]\nk = %(here)s/db\n"));
    QCOMPARE(c.here(), QStringLiteral("/work/proj"));
    QCOMPARE(c.configFile(), configName());
    QCOMPARE(c.configFilePath(), configName());
    QCOMPARE(c.mainOption(QStringLiteral("here")).value(), QStringLiteral("/work/proj"));
    QCOMPARE(c.mainOption(QStringLiteral("k")).value(), QStringLiteral("/work/proj/db"));
}

void TestAlembicConfig::relativeConfigFileResolvesAgainstWorkingDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub/migrations/versions")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("sub/alembic.ini")),
                      "[alembic]\nscript_location = migrations\n"));
    const QString saved = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    const Result<AlembicConfig> result =
        AlembicConfig::load(QStringLiteral("sub/../sub/alembic.ini"));
    QVERIFY(QDir::setCurrent(saved));
    QVERIFY2(result.ok(), qPrintable(result.error()));
    const QString root = dir.path();
    QCOMPARE(result->configFile(), QStringLiteral("sub/../sub/alembic.ini"));
    QCOMPARE(result->here(), root + QStringLiteral("/sub"));
    QCOMPARE(result->configFilePath(), root + QStringLiteral("/sub/alembic.ini"));
    QCOMPARE(result->scriptDirectory().value(), root + QStringLiteral("/sub/migrations"));
}

void TestAlembicConfig::xArguments()
{
    const QStringList arguments{QStringLiteral("foo=bar"), QStringLiteral("a=b=c"),
                                QStringLiteral("flag"), QStringLiteral("foo=baz"),
                                QStringLiteral("empty=")};
    const AlembicConfig c =
        config(QStringLiteral("[alembic]\n"), AlembicConfig::defaultSection(), arguments);
    QCOMPARE(c.xArguments(), arguments);
    const QMap<QString, QString> expected{{QStringLiteral("foo"), QStringLiteral("baz")},
                                          {QStringLiteral("a"), QStringLiteral("b=c")},
                                          {QStringLiteral("flag"), QString()},
                                          {QStringLiteral("empty"), QString()}};
    QCOMPARE(c.xArgumentMap(), expected);
}

void TestAlembicConfig::mainOptionLookup()
{
    const AlembicConfig c =
        config(QStringLiteral("[DEFAULT]\nshared = s\n[alembic]\nMy_Key = v\n"));
    QVERIFY(c.hasMainOption(QStringLiteral("my_key")));
    QVERIFY(c.hasMainOption(QStringLiteral("shared")));
    QVERIFY(c.hasMainOption(QStringLiteral("here")));
    QVERIFY(!c.hasMainOption(QStringLiteral("absent")));
    QCOMPARE(c.mainOption(QStringLiteral("MY_KEY")).value(), QStringLiteral("v"));
    QCOMPARE(c.mainOption(QStringLiteral("shared")).value(), QStringLiteral("s"));
    QCOMPARE(c.mainOption(QStringLiteral("absent")).value(), QString());
    QCOMPARE(c.mainOption(QStringLiteral("absent"), QStringLiteral("fallback")).value(),
             QStringLiteral("fallback"));
}

void TestAlembicConfig::sectionOptionAndItems()
{
    const AlembicConfig c =
        config(QStringLiteral("[DEFAULT]\nsqlalchemy.echo = false\n"
                              "[alembic]\nsqlalchemy.url = sqlite:///%(here)s/a.db\n"
                              "[post_write_hooks]\nhooks = h1\n"));
    QCOMPARE(c.sectionOption(QStringLiteral("post_write_hooks"), QStringLiteral("hooks")).value(),
             QStringLiteral("h1"));
    QCOMPARE(
        c.sectionOption(QStringLiteral("nosuch"), QStringLiteral("hooks")).error(),
        QStringLiteral(
            "No config file '/work/proj/alembic.ini' found, or file has no '[nosuch]' section"));
    const QList<std::pair<QString, QString>> expected{
        {QStringLiteral("here"), QStringLiteral("/work/proj")},
        {QStringLiteral("sqlalchemy.echo"), QStringLiteral("false")},
        {QStringLiteral("sqlalchemy.url"), QStringLiteral("sqlite:////work/proj/a.db")}};
    QCOMPARE(c.sectionItems(QStringLiteral("alembic")).value(), expected);
    QVERIFY(c.sectionItems(QStringLiteral("nosuch")).value().isEmpty());
}

void TestAlembicConfig::setMainOptionChecksPercent()
{
    AlembicConfig c = config(QStringLiteral("[alembic]\n"));
    QString error;
    QVERIFY(!c.setMainOption(QStringLiteral("sqlalchemy.url"),
                             QStringLiteral("postgresql://u:p%40ss@h/db"), &error));
    QCOMPARE(error,
             QStringLiteral(
                 "invalid interpolation syntax in 'postgresql://u:p%40ss@h/db' at position 16"));
    QVERIFY(c.setMainOption(QStringLiteral("sqlalchemy.url"),
                            QStringLiteral("postgresql://u:p%%40ss@h/db"), &error));
    QCOMPARE(c.sqlalchemyUrl().value(), QStringLiteral("postgresql://u:p%40ss@h/db"));
}

void TestAlembicConfig::nameSelectsSection()
{
    // config.md §2: -n otherdb, [DEFAULT] dbname = defaultdb.
    const QString text =
        QStringLiteral("[DEFAULT]\ndbname = defaultdb\n"
                       "[alembic]\nscript_location = main\nsqlalchemy.url = sqlite:///main.db\n"
                       "[otherdb]\nscript_location = other\n"
                       "sqlalchemy.url = sqlite:///%(here)s/%(dbname)s.sqlite\n"
                       "custom = 100%% sure\nref = %(custom)s and %(dbname)s\n");
    const AlembicConfig c = config(text, QStringLiteral("otherdb"));
    QCOMPARE(c.section(), QStringLiteral("otherdb"));
    QCOMPARE(c.scriptLocation().value(), QStringLiteral("other"));
    QCOMPARE(c.sqlalchemyUrl().value(), QStringLiteral("sqlite:////work/proj/defaultdb.sqlite"));
    QCOMPARE(c.mainOption(QStringLiteral("custom")).value(), QStringLiteral("100% sure"));
    QCOMPARE(c.mainOption(QStringLiteral("ref")).value(),
             QStringLiteral("100% sure and defaultdb"));
    QCOMPARE(config(text).scriptLocation().value(), QStringLiteral("main"));
}

void TestAlembicConfig::scriptLocation_data()
{
    QTest::addColumn<QString>("value"); // empty: no script_location line
    QTest::addColumn<QString>(
        "relativeResult"); // relative to the temporary directory, or the error

    QTest::newRow("missing_key") << QString()
                                 << QStringLiteral(
                                        "No 'script_location' key found in configuration.");
    QTest::newRow("relative_to_ini")
        << QStringLiteral("migrations") << QStringLiteral("migrations");
    QTest::newRow("here_prefix") << QStringLiteral("%(here)s/migrations")
                                 << QStringLiteral("migrations");
    QTest::newRow("dot_segments_cleaned")
        << QStringLiteral("./x/../migrations/") << QStringLiteral("migrations");
    QTest::newRow("missing_directory")
        << QStringLiteral("nowhere_dir")
        << QStringLiteral("Path doesn't exist: '%1/nowhere_dir'.  Please use the 'init' command to "
                          "create a new "
                          "scripts folder.");
    QTest::newRow("package_resource")
        << QStringLiteral("myapp:migrations")
        << QStringLiteral("script_location 'myapp:migrations' names a Python package resource "
                          "(package:folder); "
                          "Retort cannot import Python packages. Set script_location to the folder "
                          "itself, e.g. "
                          "%(here)s/migrations.");
    QTest::newRow("not_a_directory")
        << QStringLiteral("alembic.ini")
        << QStringLiteral("script_location '%1/alembic.ini' is a file; it must name the folder "
                          "that holds env.py "
                          "and versions/.");
}

void TestAlembicConfig::scriptLocation()
{
    QFETCH(QString, value);
    QFETCH(QString, relativeResult);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("migrations/versions")));
    const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
    QByteArray text = "[alembic]\n";
    if (!value.isEmpty())
        text += "script_location = " + value.toUtf8() + "\n";
    QVERIFY(writeFile(ini, text));

    const Result<AlembicConfig> c = AlembicConfig::load(ini);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    const Result<QString> directory = c->scriptDirectory();
    if (relativeResult == QLatin1String("migrations")) {
        QVERIFY2(directory.ok(), qPrintable(directory.error()));
        QCOMPARE(directory.value(), dir.filePath(QStringLiteral("migrations")));
        QVERIFY(c->scriptLocation().ok());
    } else {
        QVERIFY(!directory.ok());
        QCOMPARE(directory.error(),
                 QString(relativeResult).replace(QLatin1String("%1"), dir.path()));
    }
}

void TestAlembicConfig::versionLocations_data()
{
    QTest::addColumn<QString>("options"); // lines after [alembic] script_location
    QTest::addColumn<QStringList>("entries"); // split result (before resolving)
    QTest::addColumn<QString>("error");

    const auto list = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *item : items)
            out.append(QString::fromUtf8(item));
        return out;
    };
    // 1.13 rows.
    QTest::newRow("legacy_spaces")
        << QStringLiteral("version_locations = a b  c") << list({"a", "b", "c"}) << QString();
    QTest::newRow("legacy_commas") << QStringLiteral("version_locations = a, b,c ,d")
                                   << list({"a", "b", "c", "", "d"}) << QString();
    QTest::newRow("legacy_comma_after_space")
        << QStringLiteral("version_locations = a ,b") << list({"a", "", "b"}) << QString();
    QTest::newRow("legacy_keeps_colons")
        << QStringLiteral("version_locations = a:b c") << list({"a:b", "c"}) << QString();
    QTest::newRow("legacy_does_not_split_lines")
        << QStringLiteral("version_locations = a\n  b") << list({"a\nb"}) << QString();
    QTest::newRow("space") << QStringLiteral(
                                  "version_locations = a b  c\nversion_path_separator = space")
                           << list({"a", "b", "c"}) << QString();
    QTest::newRow("os") << QStringLiteral("version_locations = a:b::c\nversion_path_separator = os")
                        << list({"a", "b", "c"}) << QString();
    QTest::newRow("colon") << QStringLiteral("version_locations = a:b:\nversion_path_separator = :")
                           << list({"a", "b"}) << QString();
    QTest::newRow("semicolon_keeps_spaces")
        << QStringLiteral("version_locations = a;b ; c\nversion_path_separator = ;")
        << list({"a", "b ", " c"}) << QString();
    QTest::newRow("separator_from_default_section")
        << QStringLiteral("version_locations = a;b\n[DEFAULT]\nversion_path_separator = ;")
        << list({"a", "b"}) << QString();
    QTest::newRow("invalid_newline_for_1_13")
        << QStringLiteral("version_locations = a\nversion_path_separator = newline")
        << QStringList()
        << QStringLiteral("'newline' is not a valid value for version_path_separator; expected "
                          "'space', 'os', ':', ';'");
    QTest::newRow("invalid_inline_comment")
        << QStringLiteral("version_locations = a\nversion_path_separator = os  # Use os.pathsep. "
                          "Default configuration used for new projects.")
        << QStringList()
        << QStringLiteral("'os  # Use os.pathsep. Default configuration used for new projects.' is "
                          "not a valid value "
                          "for version_path_separator; expected 'space', 'os', ':', ';'");
    QTest::newRow("invalid_empty")
        << QStringLiteral("version_locations = a\nversion_path_separator =") << QStringList()
        << QStringLiteral("'' is not a valid value for version_path_separator; expected "
                          "'space', 'os', ':', ';'");
    QTest::newRow("invalid_case")
        << QStringLiteral("version_locations = a\nversion_path_separator = OS") << QStringList()
        << QStringLiteral("'OS' is not a valid value for version_path_separator; expected "
                          "'space', 'os', ':', ';'");
    QTest::newRow("separator_ignored_without_locations")
        << QStringLiteral("version_path_separator = bogus") << QStringList() << QString();
    QTest::newRow("empty_locations_mean_default")
        << QStringLiteral("version_locations =\nversion_path_separator = bogus") << QStringList()
        << QString();
    // Alembic >= 1.16: path_separator first, entries trimmed, newline allowed.
    QTest::newRow("path_separator_newline")
        << QStringLiteral("version_locations =\n  a\n  b\n\n  c\npath_separator = newline")
        << list({"a", "b", "c"}) << QString();
    QTest::newRow("path_separator_trims")
        << QStringLiteral("version_locations = a ; b;;c\npath_separator = ;")
        << list({"a", "b", "c"}) << QString();
    QTest::newRow("path_separator_wins")
        << QStringLiteral(
               "version_locations = a b;c\npath_separator = space\nversion_path_separator = ;")
        << list({"a", "b;c"}) << QString();
    QTest::newRow("path_separator_invalid")
        << QStringLiteral("version_locations = a\npath_separator = bogus") << QStringList()
        << QStringLiteral("'bogus' is not a valid value for path_separator; expected 'space', "
                          "'newline', 'os', ':', ';'");
}

void TestAlembicConfig::versionLocations()
{
    QFETCH(QString, options);
    QFETCH(QStringList, entries);
    QFETCH(QString, error);

    const AlembicConfig c =
        config(QStringLiteral("[alembic]\nscript_location = m\n") + options + QLatin1Char('\n'));
    const Result<std::optional<QStringList>> result = c.versionLocationEntries();
    QCOMPARE(result.ok(), error.isEmpty());
    if (!error.isEmpty()) {
        QCOMPARE(result.error(), error);
        QCOMPARE(c.versionLocations().error(), error);
        return;
    }
    QCOMPARE(result.value().has_value(), !entries.isEmpty());
    if (result.value())
        QCOMPARE(*result.value(), entries);
}

void TestAlembicConfig::defaultVersionLocation()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("scripts")));
    const QString ini = dir.filePath(QStringLiteral("alembic.ini"));
    QVERIFY(writeFile(ini, "[alembic]\nscript_location = %(here)s/scripts\n"));
    const Result<AlembicConfig> c = AlembicConfig::load(ini);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QVERIFY(!c->versionLocationEntries().value().has_value());
    // The default is listed even when the folder does not exist yet.
    QCOMPARE(c->versionLocations().value(),
             QStringList{dir.filePath(QStringLiteral("scripts/versions"))});

    QVERIFY(writeFile(ini, "[alembic]\nscript_location = %(here)s/gone\n"));
    const Result<AlembicConfig> gone = AlembicConfig::load(ini);
    QVERIFY(gone.ok());
    QCOMPARE(
        gone->versionLocations().error(),
        QStringLiteral("Path doesn't exist: '") + dir.filePath(QStringLiteral("gone")) +
            QStringLiteral("'.  Please use the 'init' command to create a new scripts folder."));
}

void TestAlembicConfig::versionLocationsResolveAgainstHere()
{
    const AlembicConfig c =
        config(QStringLiteral("[alembic]\nscript_location = m\n"
                              "version_locations = %(here)s/a:rel/b:/abs/c/:x/../d\n"
                              "version_path_separator = os\n"));
    QCOMPARE(c.versionLocations().value(),
             (QStringList{QStringLiteral("/work/proj/a"), QStringLiteral("/work/proj/rel/b"),
                          QStringLiteral("/abs/c"), QStringLiteral("/work/proj/d")}));
}

void TestAlembicConfig::exactTrueOptions_data()
{
    QTest::addColumn<QString>("line"); // empty: option absent
    QTest::addColumn<bool>("expected");

    QTest::newRow("absent") << QString() << false;
    QTest::newRow("true") << QStringLiteral("true") << true;
    QTest::newRow("padded_true") << QStringLiteral("   true   ") << true;
    QTest::newRow("capital_True") << QStringLiteral("True") << false;
    QTest::newRow("yes") << QStringLiteral("yes") << false;
    QTest::newRow("one") << QStringLiteral("1") << false;
    QTest::newRow("empty") << QStringLiteral("") << false;
}

void TestAlembicConfig::exactTrueOptions()
{
    QFETCH(QString, line);
    QFETCH(bool, expected);

    for (const QString &option :
         {QStringLiteral("recursive_version_locations"), QStringLiteral("sourceless")}) {
        QString text = QStringLiteral("[alembic]\n");
        if (!line.isNull())
            text += option + QStringLiteral(" =") + line + QLatin1Char('\n');
        const AlembicConfig c = config(text);
        const Result<bool> value =
            option == QLatin1String("sourceless") ? c.sourceless() : c.recursiveVersionLocations();
        QVERIFY(value.ok());
        QCOMPARE(value.value(), expected);
    }
}

void TestAlembicConfig::fileTemplate_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");

    QTest::newRow("default") << QString() << QStringLiteral("%(rev)s_%(slug)s");
    QTest::newRow("ini_default_written_out")
        << QStringLiteral("%%(rev)s_%%(slug)s") << QStringLiteral("%(rev)s_%(slug)s");
    QTest::newRow("dated")
        << QStringLiteral(
               "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s")
        << QStringLiteral("%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s");
}

void TestAlembicConfig::fileTemplate()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);

    const QString text =
        line.isNull() ? QStringLiteral("[alembic]\n")
                      : QStringLiteral("[alembic]\nfile_template = ") + line + QLatin1Char('\n');
    QCOMPARE(config(text).fileTemplate().value(), expected);
}

void TestAlembicConfig::truncateSlugLength_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("error");

    // 1.13 (int() then `or 40`).
    QTest::newRow("default") << QString() << 40 << QString();
    QTest::newRow("zero_means_default") << QStringLiteral("0") << 40 << QString();
    QTest::newRow("ten") << QStringLiteral("10") << 10 << QString();
    QTest::newRow("underscore_between_digits") << QStringLiteral("1_0") << 10 << QString();
    QTest::newRow("negative_kept") << QStringLiteral("-5") << -5 << QString();
    QTest::newRow("plus_sign") << QStringLiteral("+7") << 7 << QString();
    QTest::newRow("arabic_indic_digit") << QStringLiteral("\u0663") << 3 << QString();
    QTest::newRow("word") << QStringLiteral("abc") << 0
                          << QStringLiteral("invalid literal for int() with base 10: 'abc'");
    QTest::newRow("decimal") << QStringLiteral("1.5") << 0
                             << QStringLiteral("invalid literal for int() with base 10: '1.5'");
    QTest::newRow("empty") << QStringLiteral("") << 0
                           << QStringLiteral("invalid literal for int() with base 10: ''");
    QTest::newRow("double_underscore")
        << QStringLiteral("1__0") << 0
        << QStringLiteral("invalid literal for int() with base 10: '1__0'");
}

void TestAlembicConfig::truncateSlugLength()
{
    QFETCH(QString, line);
    QFETCH(int, expected);
    QFETCH(QString, error);

    const QString text = line.isNull() ? QStringLiteral("[alembic]\n")
                                       : QStringLiteral("[alembic]\ntruncate_slug_length = ") +
                                             line + QLatin1Char('\n');
    const Result<int> value = config(text).truncateSlugLength();
    QCOMPARE(value.ok(), error.isEmpty());
    if (error.isEmpty())
        QCOMPARE(value.value(), expected);
    else
        QCOMPARE(value.error(), error);
}

void TestAlembicConfig::revisionEnvironment_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<QString>("error");

    // SQLAlchemy 2.0 asbool().
    QTest::newRow("absent") << QString() << false << QString();
    QTest::newRow("true") << QStringLiteral("true") << true << QString();
    QTest::newRow("Yes") << QStringLiteral("Yes") << true << QString();
    QTest::newRow("on") << QStringLiteral("on") << true << QString();
    QTest::newRow("y") << QStringLiteral("y") << true << QString();
    QTest::newRow("T") << QStringLiteral("T") << true << QString();
    QTest::newRow("1") << QStringLiteral("1") << true << QString();
    QTest::newRow("false") << QStringLiteral("false") << false << QString();
    QTest::newRow("OFF") << QStringLiteral("OFF") << false << QString();
    QTest::newRow("no") << QStringLiteral("no") << false << QString();
    QTest::newRow("n") << QStringLiteral("n") << false << QString();
    QTest::newRow("f") << QStringLiteral("f") << false << QString();
    QTest::newRow("0") << QStringLiteral("0") << false << QString();
    QTest::newRow("Maybe") << QStringLiteral("Maybe") << false
                           << QStringLiteral("String is not true/false: 'maybe'");
    QTest::newRow("empty") << QStringLiteral("") << false
                           << QStringLiteral("String is not true/false: ''");
}

void TestAlembicConfig::revisionEnvironment()
{
    QFETCH(QString, line);
    QFETCH(bool, expected);
    QFETCH(QString, error);

    const QString text = line.isNull() ? QStringLiteral("[alembic]\n")
                                       : QStringLiteral("[alembic]\nrevision_environment = ") +
                                             line + QLatin1Char('\n');
    const Result<bool> value = config(text).revisionEnvironment();
    QCOMPARE(value.ok(), error.isEmpty());
    if (error.isEmpty())
        QCOMPARE(value.value(), expected);
    else
        QCOMPARE(value.error(), error);
}

void TestAlembicConfig::timezoneEncodingAndUrl()
{
    const AlembicConfig empty = config(QStringLiteral("[alembic]\n"));
    QVERIFY(!empty.timezone().value().has_value());
    QVERIFY(!empty.sqlalchemyUrl().value().has_value());
    QCOMPARE(empty.outputEncoding().value(), QStringLiteral("utf-8"));

    const AlembicConfig set =
        config(QStringLiteral("[alembic]\ntimezone = Europe/Paris\noutput_encoding = latin-1\n"
                              "sqlalchemy.url = sqlite:///%(here)s/app.db\n"));
    QCOMPARE(set.timezone().value(), QStringLiteral("Europe/Paris"));
    QCOMPARE(set.outputEncoding().value(), QStringLiteral("latin-1"));
    QCOMPARE(set.sqlalchemyUrl().value(), QStringLiteral("sqlite:////work/proj/app.db"));
}

void TestAlembicConfig::interpolationErrorsReachTypedAccessors()
{
    const AlembicConfig c =
        config(QStringLiteral("[alembic]\nscript_location = %(nope)s\ntimezone = 5%\n"
                              "sourceless = %(x\n"));
    QCOMPARE(
        c.scriptLocation().error(),
        QStringLiteral(
            "Bad value substitution: option 'script_location' in section 'alembic' contains an "
            "interpolation key 'nope' which is not a valid option name. Raw value: '%(nope)s'"));
    QCOMPARE(c.timezone().error(),
             QStringLiteral("'%' must be followed by '%' or '(', found: '%'"));
    QCOMPARE(c.sourceless().error(), QStringLiteral("bad interpolation variable reference '%(x'"));
}

QTEST_GUILESS_MAIN(TestAlembicConfig)
#include "tst_alembicconfig.moc"
