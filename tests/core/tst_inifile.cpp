// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/inifile.h"
#include "util/pythonrepr.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

// The expected values and messages of the data-driven cases below were produced by
// Python's configparser.ConfigParser({'here': '/work/proj'}) reading the same text from
// a file called alembic.ini (Python 3.11 and 3.13 agree on every row).
class TestIniFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void value_data();
    void value();
    void readError_data();
    void readError();
    void rawValueSkipsInterpolation();
    void sectionsExcludeDefault();
    void hasOption();
    void keysListDefaultsFirst();
    void itemsAreInterpolated();
    void itemsFailOnBadValue();
    void lineNumbers();
    void diagnosticPointsAtKey();
    void setValue_data();
    void setValue();
    void setValueUnknownSection();
    void readFileFromDisk();
    void readFileMissing();
    void readFileDirectory();
    void readFileUnreadable();
    void readFileNotUtf8_data();
    void readFileNotUtf8();
    void readFileUnicode();
    void pythonRepr_data();
    void pythonRepr();
    void pythonStripUsesPythonSpace();
};

namespace {

IniFile parsed(const QString &text)
{
    IniFile ini;
    ini.setBuiltinDefault(QStringLiteral("here"), QStringLiteral("/work/proj"));
    if (!ini.readString(text, QStringLiteral("alembic.ini")))
        qWarning("unexpected read error: %s", qPrintable(ini.errorString()));
    return ini;
}

QString dataFile(const QString &name)
{
    return QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/config/") + name;
}

} // namespace

void TestIniFile::value_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // the value, or the error message

    QTest::newRow("equals_delimiter")
        << QStringLiteral("[alembic]\nkey = value\n") << QStringLiteral("alembic")
        << QStringLiteral("key") << true << QStringLiteral("value");
    QTest::newRow("colon_delimiter")
        << QStringLiteral("[alembic]\nkey: value\n") << QStringLiteral("alembic")
        << QStringLiteral("key") << true << QStringLiteral("value");
    QTest::newRow("no_spaces") << QStringLiteral("[alembic]\nkey=value\n")
                               << QStringLiteral("alembic") << QStringLiteral("key") << true
                               << QStringLiteral("value");
    QTest::newRow("first_delimiter_splits")
        << QStringLiteral("[a]\nk = x: y = z\n") << QStringLiteral("a") << QStringLiteral("k")
        << true << QStringLiteral("x: y = z");
    QTest::newRow("colon_before_equals") << QStringLiteral("[a]\nk: x = y\n") << QStringLiteral("a")
                                         << QStringLiteral("k") << true << QStringLiteral("x = y");
    QTest::newRow("key_lookup_case_insensitive")
        << QStringLiteral("[a]\nMyKey = v\n") << QStringLiteral("a") << QStringLiteral("MYKEY")
        << true << QStringLiteral("v");
    QTest::newRow("key_with_inner_space")
        << QStringLiteral("[a]\nmy key = v\n") << QStringLiteral("a") << QStringLiteral("my key")
        << true << QStringLiteral("v");
    QTest::newRow("key_and_value_trimmed")
        << QStringLiteral("[a]\n\tk \t=   v  v \t\n") << QStringLiteral("a") << QStringLiteral("k")
        << true << QStringLiteral("v  v");
    QTest::newRow("hash_is_not_inline_comment")
        << QStringLiteral("[a]\nk = v  # c\n") << QStringLiteral("a") << QStringLiteral("k") << true
        << QStringLiteral("v  # c");
    QTest::newRow("semicolon_is_not_inline_comment")
        << QStringLiteral("[a]\nk = v ; c\n") << QStringLiteral("a") << QStringLiteral("k") << true
        << QStringLiteral("v ; c");
    QTest::newRow("template_separator_bug")
        << QStringLiteral("[alembic]\nversion_path_separator = os  # Use os.pathsep. Default "
                          "configuration used for new projects.\n")
        << QStringLiteral("alembic") << QStringLiteral("version_path_separator") << true
        << QStringLiteral("os  # Use os.pathsep. Default configuration used for new projects.");
    QTest::newRow("full_line_comments_ignored")
        << QStringLiteral("# top\n; top\n[a]\n# k = 1\n; k = 2\nk = 3\n   # indented comment\n")
        << QStringLiteral("a") << QStringLiteral("k") << true << QStringLiteral("3");
    QTest::newRow("continuation_lines")
        << QStringLiteral("[a]\nk = line1\n  line2\n\tline3\n") << QStringLiteral("a")
        << QStringLiteral("k") << true << QStringLiteral("line1\nline2\nline3");
    QTest::newRow("continuation_keeps_inner_blank_lines")
        << QStringLiteral("[a]\nk = a\n\n  b\n") << QStringLiteral("a") << QStringLiteral("k")
        << true << QStringLiteral("a\n\nb");
    QTest::newRow("continuation_drops_trailing_blank_lines")
        << QStringLiteral("[a]\nk = a\n  b\n\n\n\nj = 2\n") << QStringLiteral("a")
        << QStringLiteral("k") << true << QStringLiteral("a\nb");
    QTest::newRow("continuation_skips_comment_lines")
        << QStringLiteral("[a]\nk = a\n  # c\n  ; d\n  b\n") << QStringLiteral("a")
        << QStringLiteral("k") << true << QStringLiteral("a\nb");
    QTest::newRow("continuation_blank_then_comment")
        << QStringLiteral("[a]\nk = a\n\n# c\n  b\n") << QStringLiteral("a") << QStringLiteral("k")
        << true << QStringLiteral("a\n\nb");
    QTest::newRow("whitespace_only_line_is_blank")
        << QStringLiteral("[a]\nk = a\n    \n  b\n") << QStringLiteral("a") << QStringLiteral("k")
        << true << QStringLiteral("a\n\nb");
    QTest::newRow("same_indent_is_new_option")
        << QStringLiteral("[a]\n  k = a\n  j = b\n") << QStringLiteral("a") << QStringLiteral("j")
        << true << QStringLiteral("b");
    QTest::newRow("indented_bracket_continues_value")
        << QStringLiteral("[a]\nk = 1\n [b]\n") << QStringLiteral("a") << QStringLiteral("k")
        << true << QStringLiteral("1\n[b]");
    QTest::newRow("empty_value") << QStringLiteral("[a]\nk =\n") << QStringLiteral("a")
                                 << QStringLiteral("k") << true << QStringLiteral("");
    QTest::newRow("empty_value_then_continuation")
        << QStringLiteral("[a]\nk =   \n  x\n") << QStringLiteral("a") << QStringLiteral("k")
        << true << QStringLiteral("\nx");
    QTest::newRow("crlf_line_endings")
        << QStringLiteral("[a]\r\nk = a\r\n  b\r\n") << QStringLiteral("a") << QStringLiteral("k")
        << true << QStringLiteral("a\nb");
    QTest::newRow("cr_line_endings") << QStringLiteral("[a]\rk = a\r  b\r") << QStringLiteral("a")
                                     << QStringLiteral("k") << true << QStringLiteral("a\nb");
    QTest::newRow("unicode_key_lowercased")
        << QStringLiteral("[a]\nÄB = 1\n") << QStringLiteral("a") << QStringLiteral("äb") << true
        << QStringLiteral("1");
    QTest::newRow("section_header_trailing_text")
        << QStringLiteral("[a] trailing\nk = 1\n") << QStringLiteral("a") << QStringLiteral("k")
        << true << QStringLiteral("1");
    QTest::newRow("section_header_last_bracket")
        << QStringLiteral("[a]]\nk = 1\n") << QStringLiteral("a]") << QStringLiteral("k") << true
        << QStringLiteral("1");
    QTest::newRow("section_names_case_sensitive")
        << QStringLiteral("[Alembic]\nk = 1\n") << QStringLiteral("alembic") << QStringLiteral("k")
        << false << QStringLiteral("No section: 'alembic'");
    QTest::newRow("default_visible_in_section")
        << QStringLiteral("[DEFAULT]\nd = dv\n[a]\nk = 1\n") << QStringLiteral("a")
        << QStringLiteral("d") << true << QStringLiteral("dv");
    QTest::newRow("section_overrides_default")
        << QStringLiteral("[DEFAULT]\nk = dv\n[a]\nk = sv\n") << QStringLiteral("a")
        << QStringLiteral("k") << true << QStringLiteral("sv");
    QTest::newRow("default_readable_directly")
        << QStringLiteral("[DEFAULT]\nk = dv\n[a]\n") << QStringLiteral("DEFAULT")
        << QStringLiteral("k") << true << QStringLiteral("dv");
    QTest::newRow("default_section_repeated")
        << QStringLiteral("[DEFAULT]\nx = 1\n[a]\n[DEFAULT]\ny = 2\n") << QStringLiteral("a")
        << QStringLiteral("y") << true << QStringLiteral("2");
    QTest::newRow("builtin_here") << QStringLiteral("[a]\nk = %(here)s/x\n") << QStringLiteral("a")
                                  << QStringLiteral("k") << true << QStringLiteral("/work/proj/x");
    QTest::newRow("here_readable_as_option")
        << QStringLiteral("[a]\n") << QStringLiteral("a") << QStringLiteral("here") << true
        << QStringLiteral("/work/proj");
    QTest::newRow("file_default_overrides_builtin")
        << QStringLiteral("[DEFAULT]\nhere = /over\n[a]\nk = %(here)s/x\n") << QStringLiteral("a")
        << QStringLiteral("k") << true << QStringLiteral("/over/x");
    QTest::newRow("section_overrides_builtin")
        << QStringLiteral("[a]\nhere = mine\nk = %(here)s\n") << QStringLiteral("a")
        << QStringLiteral("k") << true << QStringLiteral("mine");
    QTest::newRow("reference_same_section")
        << QStringLiteral("[a]\nb = base\nk = %(b)s/x\n") << QStringLiteral("a")
        << QStringLiteral("k") << true << QStringLiteral("base/x");
    QTest::newRow("reference_default")
        << QStringLiteral("[DEFAULT]\nb = dbase\n[a]\nk = %(b)s/x\n") << QStringLiteral("a")
        << QStringLiteral("k") << true << QStringLiteral("dbase/x");
    QTest::newRow("reference_section_before_default")
        << QStringLiteral("[DEFAULT]\nb = dbase\n[a]\nb = sbase\nk = %(b)s\n")
        << QStringLiteral("a") << QStringLiteral("k") << true << QStringLiteral("sbase");
    QTest::newRow("default_value_sees_reading_section")
        << QStringLiteral("[DEFAULT]\nurl = sqlite:///%(dbname)s\n[a]\ndbname = x\n")
        << QStringLiteral("a") << QStringLiteral("url") << true << QStringLiteral("sqlite:///x");
    QTest::newRow("reference_name_case_insensitive")
        << QStringLiteral("[a]\nb = v\nk = %(B)s\n") << QStringLiteral("a") << QStringLiteral("k")
        << true << QStringLiteral("v");
    QTest::newRow("reference_name_with_spaces")
        << QStringLiteral("[a]\nmy key = v\nk = %(my key)s\n") << QStringLiteral("a")
        << QStringLiteral("k") << true << QStringLiteral("v");
    QTest::newRow("percent_escape")
        << QStringLiteral("[a]\nk = 100%% sure\n") << QStringLiteral("a") << QStringLiteral("k")
        << true << QStringLiteral("100% sure");
    QTest::newRow("nested_reference_expands_escape")
        << QStringLiteral("[DEFAULT]\ndbname = defaultdb\n[otherdb]\ncustom = 100%% sure\nref = "
                          "%(custom)s and %(dbname)s\n")
        << QStringLiteral("otherdb") << QStringLiteral("ref") << true
        << QStringLiteral("100% sure and defaultdb");
    QTest::newRow("spec_example_url")
        << QStringLiteral("[DEFAULT]\ndbname = defaultdb\n[otherdb]\nsqlalchemy.url = "
                          "sqlite:///%(here)s/%(dbname)s.sqlite\n")
        << QStringLiteral("otherdb") << QStringLiteral("sqlalchemy.url") << true
        << QStringLiteral("sqlite:////work/proj/defaultdb.sqlite");
    QTest::newRow("reference_in_multiline_value")
        << QStringLiteral("[a]\nb = B\nk = %(b)s\n  %(b)s\n") << QStringLiteral("a")
        << QStringLiteral("k") << true << QStringLiteral("B\nB");
    QTest::newRow("depth_ten_is_allowed")
        << QStringLiteral(
               "[a]\nk1 = %(k2)s\nk2 = %(k3)s\nk3 = %(k4)s\nk4 = %(k5)s\nk5 = %(k6)s\nk6 = "
               "%(k7)s\nk7 = %(k8)s\nk8 = %(k9)s\nk9 = %(k10)s\nk10 = %(k11)s\nk11 = end\n")
        << QStringLiteral("a") << QStringLiteral("k1") << true << QStringLiteral("end");
    QTest::newRow("depth_eleven_fails")
        << QStringLiteral("[a]\nk1 = %(k2)s\nk2 = %(k3)s\nk3 = %(k4)s\nk4 = %(k5)s\nk5 = "
                          "%(k6)s\nk6 = %(k7)s\nk7 = %(k8)s\nk8 = %(k9)s\nk9 = %(k10)s\nk10 = "
                          "%(k11)s\nk11 = %(k12)s\nk12 = end\n")
        << QStringLiteral("a") << QStringLiteral("k1") << false
        << QStringLiteral("Recursion limit exceeded in value substitution: option 'k1' in section "
                          "'a' contains an interpolation key which cannot be substituted in 10 "
                          "steps. Raw value: '%(k2)s'");
    QTest::newRow("escape_at_depth_eleven_fails")
        << QStringLiteral(
               "[a]\nk1 = %(k2)s\nk2 = %(k3)s\nk3 = %(k4)s\nk4 = %(k5)s\nk5 = %(k6)s\nk6 = "
               "%(k7)s\nk7 = %(k8)s\nk8 = %(k9)s\nk9 = %(k10)s\nk10 = %(k11)s\nk11 = 100%%\n")
        << QStringLiteral("a") << QStringLiteral("k1") << false
        << QStringLiteral("Recursion limit exceeded in value substitution: option 'k1' in section "
                          "'a' contains an interpolation key which cannot be substituted in 10 "
                          "steps. Raw value: '%(k2)s'");
    QTest::newRow("self_reference_fails")
        << QStringLiteral("[a]\nk = %(k)s\n") << QStringLiteral("a") << QStringLiteral("k") << false
        << QStringLiteral(
               "Recursion limit exceeded in value substitution: option 'k' in section 'a' contains "
               "an interpolation key which cannot be substituted in 10 steps. Raw value: '%(k)s'");
    QTest::newRow("mutual_reference_fails")
        << QStringLiteral("[a]\nk = %(j)s\nj = %(k)s\n") << QStringLiteral("a")
        << QStringLiteral("k") << false
        << QStringLiteral(
               "Recursion limit exceeded in value substitution: option 'k' in section 'a' contains "
               "an interpolation key which cannot be substituted in 10 steps. Raw value: '%(j)s'");
    QTest::newRow("lone_percent_fails")
        << QStringLiteral("[a]\nk = 100% sure\n") << QStringLiteral("a") << QStringLiteral("k")
        << false << QStringLiteral("'%' must be followed by '%' or '(', found: '% sure'");
    QTest::newRow("trailing_percent_fails")
        << QStringLiteral("[a]\nk = 100%\n") << QStringLiteral("a") << QStringLiteral("k") << false
        << QStringLiteral("'%' must be followed by '%' or '(', found: '%'");
    QTest::newRow("percent_letter_fails")
        << QStringLiteral("[a]\nk = %d\n") << QStringLiteral("a") << QStringLiteral("k") << false
        << QStringLiteral("'%' must be followed by '%' or '(', found: '%d'");
    QTest::newRow("unclosed_reference_fails")
        << QStringLiteral("[a]\nk = %(x\n") << QStringLiteral("a") << QStringLiteral("k") << false
        << QStringLiteral("bad interpolation variable reference '%(x'");
    QTest::newRow("reference_wrong_type_fails")
        << QStringLiteral("[a]\nx = 1\nk = %(x)d\n") << QStringLiteral("a") << QStringLiteral("k")
        << false << QStringLiteral("bad interpolation variable reference '%(x)d'");
    QTest::newRow("empty_reference_fails")
        << QStringLiteral("[a]\nk = %()s\n") << QStringLiteral("a") << QStringLiteral("k") << false
        << QStringLiteral("bad interpolation variable reference '%()s'");
    QTest::newRow("missing_reference_fails")
        << QStringLiteral("[a]\nk = pre %(Missing)s\n") << QStringLiteral("a")
        << QStringLiteral("k") << false
        << QStringLiteral(
               "Bad value substitution: option 'k' in section 'a' contains an interpolation key "
               "'missing' which is not a valid option name. Raw value: 'pre %(Missing)s'");
    QTest::newRow("error_in_referenced_value")
        << QStringLiteral("[a]\nb = 5%\nk = %(b)s\n") << QStringLiteral("a") << QStringLiteral("k")
        << false << QStringLiteral("'%' must be followed by '%' or '(', found: '%'");
    QTest::newRow("unknown_section")
        << QStringLiteral("[a]\nk = 1\n") << QStringLiteral("b") << QStringLiteral("k") << false
        << QStringLiteral("No section: 'b'");
    QTest::newRow("unknown_option")
        << QStringLiteral("[a]\nk = 1\n") << QStringLiteral("a") << QStringLiteral("Nope") << false
        << QStringLiteral("No option 'nope' in section: 'a'");
    QTest::newRow("default_is_not_a_section_for_other_keys")
        << QStringLiteral("[a]\nk = 1\n") << QStringLiteral("DEFAULT") << QStringLiteral("k")
        << false << QStringLiteral("No option 'k' in section: 'DEFAULT'");
}

void TestIniFile::value()
{
    QFETCH(QString, text);
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    IniFile ini;
    ini.setBuiltinDefault(QStringLiteral("here"), QStringLiteral("/work/proj"));
    QVERIFY2(ini.readString(text, QStringLiteral("alembic.ini")), qPrintable(ini.errorString()));
    const Result<QString> result = ini.value(section, key);
    QCOMPARE(result.ok(), ok);
    QCOMPARE(ok ? result.value() : result.error(), expected);
}

void TestIniFile::readError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");

    QTest::newRow("duplicate_section")
        << QStringLiteral("[a]\nk = 1\n[b]\n[a]\n")
        << QStringLiteral("While reading from 'alembic.ini' [line  4]: section 'a' already exists")
        << 4;
    QTest::newRow("duplicate_option")
        << QStringLiteral("[a]\nk = 1\nj = 2\nk = 3\n")
        << QStringLiteral("While reading from 'alembic.ini' [line  4]: option 'k' in section 'a' "
                          "already exists")
        << 4;
    QTest::newRow("duplicate_option_other_case")
        << QStringLiteral("[a]\nk = 1\nK: 3\n")
        << QStringLiteral("While reading from 'alembic.ini' [line  3]: option 'k' in section 'a' "
                          "already exists")
        << 3;
    QTest::newRow("duplicate_option_in_default")
        << QStringLiteral("[DEFAULT]\nk = 1\n[a]\n[DEFAULT]\nk = 2\n")
        << QStringLiteral("While reading from 'alembic.ini' [line  5]: option 'k' in section "
                          "'DEFAULT' already exists")
        << 5;
    QTest::newRow("duplicate_line_number_two_digits")
        << QStringLiteral("[otherdb]\n\n\n\n\n\n\n\n\n\n\nfoo = 1\nfoo = 2\n")
        << QStringLiteral("While reading from 'alembic.ini' [line 13]: option 'foo' in section "
                          "'otherdb' already exists")
        << 13;
    QTest::newRow("option_before_section")
        << QStringLiteral("\n# c\nk = 1\n[a]\n")
        << QStringLiteral(
               "File contains no section headers.\nfile: 'alembic.ini', line: 3\n'k = 1\\n'")
        << 3;
    QTest::newRow("parsing_errors_collected")
        << QStringLiteral("[a]\njunk\nk = 1\n= x\n[]\n")
        << QStringLiteral("Source contains parsing errors: 'alembic.ini'\n\t[line  2]: "
                          "'junk\\n'\n\t[line  4]: '= x\\n'\n\t[line  5]: '[]\\n'")
        << 2;
    QTest::newRow("parsing_error_name_with_quote")
        << QStringLiteral("[a]\nit's\n")
        << QStringLiteral("Source contains parsing errors: 'alembic.ini'\n\t[line  2]: \"it's\\n\"")
        << 2;
    QTest::newRow("byte_order_mark_is_not_skipped")
        << QStringLiteral("\ufeff[alembic]\nk = 1\n")
        << QStringLiteral("File contains no section headers.\nfile: 'alembic.ini', line: "
                          "1\n'\\ufeff[alembic]\\n'")
        << 1;
    QTest::newRow("duplicate_wins_over_earlier_parse_error")
        << QStringLiteral("[a]\njunk\nk = 1\nk = 2\n")
        << QStringLiteral("While reading from 'alembic.ini' [line  4]: option 'k' in section 'a' "
                          "already exists")
        << 4;
}

void TestIniFile::readError()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, line);

    IniFile ini;
    QVERIFY(!ini.readString(text, QStringLiteral("alembic.ini")));
    QCOMPARE(ini.errorKind(), IniFile::ErrorKind::Syntax);
    QCOMPARE(ini.errorString(), message);
    QCOMPARE(ini.errorDiagnostic().file, QStringLiteral("alembic.ini"));
    QCOMPARE(ini.errorDiagnostic().line, line);
    QCOMPARE(ini.errorDiagnostic().message, message);
}

void TestIniFile::rawValueSkipsInterpolation()
{
    const IniFile ini = parsed(QStringLiteral("[a]\nk = %(here)s 100%% %bad\n"));
    QCOMPARE(ini.rawValue(QStringLiteral("a"), QStringLiteral("K")),
             QStringLiteral("%(here)s 100%% %bad"));
    QCOMPARE(ini.rawValue(QStringLiteral("a"), QStringLiteral("here")),
             QStringLiteral("/work/proj"));
    QVERIFY(!ini.rawValue(QStringLiteral("a"), QStringLiteral("missing")).has_value());
    QVERIFY(!ini.rawValue(QStringLiteral("b"), QStringLiteral("k")).has_value());
}

void TestIniFile::sectionsExcludeDefault()
{
    const IniFile ini = parsed(QStringLiteral("[zeta]\n[DEFAULT]\nx = 1\n[alpha]\n"));
    QCOMPARE(ini.sections(), (QStringList{QStringLiteral("zeta"), QStringLiteral("alpha")}));
    QVERIFY(ini.hasSection(QStringLiteral("alpha")));
    QVERIFY(!ini.hasSection(QStringLiteral("Alpha")));
    QVERIFY(!ini.hasSection(QStringLiteral("DEFAULT")));
}

void TestIniFile::hasOption()
{
    const IniFile ini = parsed(QStringLiteral("[DEFAULT]\nz = 1\n[s]\nc = 3\n"));
    QVERIFY(ini.hasOption(QStringLiteral("s"), QStringLiteral("C")));
    QVERIFY(ini.hasOption(QStringLiteral("s"), QStringLiteral("Z")));
    QVERIFY(ini.hasOption(QStringLiteral("s"), QStringLiteral("here")));
    QVERIFY(ini.hasOption(QStringLiteral("DEFAULT"), QStringLiteral("z")));
    QVERIFY(!ini.hasOption(QStringLiteral("DEFAULT"), QStringLiteral("c")));
    QVERIFY(!ini.hasOption(QStringLiteral("nope"), QStringLiteral("z")));
    QVERIFY(!ini.hasOption(QStringLiteral("s"), QStringLiteral("x")));
}

void TestIniFile::keysListDefaultsFirst()
{
    // configparser's items(): the defaults (built-in first) in their order, then the
    // section's own keys that are not defaults.
    const IniFile ini =
        parsed(QStringLiteral("[DEFAULT]\nz = 1\nb = x\n[s]\nc = 3\nB = own\na = 1\n"));
    QCOMPARE(ini.keys(QStringLiteral("s")),
             (QStringList{QStringLiteral("here"), QStringLiteral("z"), QStringLiteral("b"),
                          QStringLiteral("c"), QStringLiteral("a")}));
    QCOMPARE(ini.ownKeys(QStringLiteral("s")),
             (QStringList{QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("a")}));
    QCOMPARE(ini.ownKeys(QStringLiteral("DEFAULT")),
             (QStringList{QStringLiteral("here"), QStringLiteral("z"), QStringLiteral("b")}));
    QVERIFY(ini.keys(QStringLiteral("nope")).isEmpty());
}

void TestIniFile::itemsAreInterpolated()
{
    const IniFile ini = parsed(
        QStringLiteral("[DEFAULT]\nz = 1\nb = %(here)s\n[s]\nc = 3\nb = own\na = %(c)s%%\n"));
    const auto items = ini.items(QStringLiteral("s"));
    QVERIFY2(items.ok(), qPrintable(items.error()));
    const QList<std::pair<QString, QString>> expected{
        {QStringLiteral("here"), QStringLiteral("/work/proj")},
        {QStringLiteral("z"), QStringLiteral("1")},
        {QStringLiteral("b"), QStringLiteral("own")},
        {QStringLiteral("c"), QStringLiteral("3")},
        {QStringLiteral("a"), QStringLiteral("3%")},
    };
    QCOMPARE(items.value(), expected);
}

void TestIniFile::itemsFailOnBadValue()
{
    const IniFile ini = parsed(QStringLiteral("[s]\ngood = 1\nbad = 5%\n"));
    const auto items = ini.items(QStringLiteral("s"));
    QVERIFY(!items.ok());
    QCOMPARE(items.error(), QStringLiteral("'%' must be followed by '%' or '(', found: '%'"));
    QCOMPARE(ini.items(QStringLiteral("nope")).error(), QStringLiteral("No section: 'nope'"));
}

void TestIniFile::lineNumbers()
{
    const IniFile ini = parsed(QStringLiteral("# comment\n"
                                              "[DEFAULT]\n"
                                              "dk = 1\n"
                                              "\n"
                                              "[alembic]\n"
                                              "script_location = a\n"
                                              "version_locations = x\n"
                                              "    y\n"
                                              "\n"
                                              "Sqlalchemy.URL = sqlite://\n"));
    QCOMPARE(ini.sectionLine(QStringLiteral("alembic")), 5);
    QCOMPARE(ini.line(QStringLiteral("alembic"), QStringLiteral("script_location")), 6);
    QCOMPARE(ini.line(QStringLiteral("alembic"), QStringLiteral("version_locations")), 7);
    QCOMPARE(ini.line(QStringLiteral("alembic"), QStringLiteral("sqlalchemy.url")), 10);
    QCOMPARE(ini.line(QStringLiteral("alembic"), QStringLiteral("dk")), 3);
    QCOMPARE(ini.line(QStringLiteral("alembic"), QStringLiteral("here")), 0);
    QCOMPARE(ini.line(QStringLiteral("alembic"), QStringLiteral("missing")), 0);
    QCOMPARE(ini.sectionLine(QStringLiteral("missing")), 0);
}

void TestIniFile::diagnosticPointsAtKey()
{
    const IniFile ini = parsed(QStringLiteral("[alembic]\n\nsourceless = true\n"));
    const Diagnostic d = ini.diagnostic(QStringLiteral("alembic"), QStringLiteral("sourceless"),
                                        QStringLiteral("no"));
    QCOMPARE(d.toString(), QStringLiteral("alembic.ini:3: no"));
}

void TestIniFile::setValue_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error"); // empty: accepted

    // Messages from configparser's set() (BasicInterpolation.before_set).
    QTest::newRow("plain") << QStringLiteral("sqlite:///x.db") << QString();
    QTest::newRow("escaped_percent") << QStringLiteral("x%%y") << QString();
    QTest::newRow("reference") << QStringLiteral("%(here)s/db") << QString();
    QTest::newRow("trailing_percent")
        << QStringLiteral("100%")
        << QStringLiteral("invalid interpolation syntax in '100%' at position 3");
    QTest::newRow("position_after_removing_escapes")
        << QStringLiteral("a%%b%c")
        << QStringLiteral("invalid interpolation syntax in 'a%%b%c' at position 2");
    QTest::newRow("percent_after_reference")
        << QStringLiteral("%(x)s%")
        << QStringLiteral("invalid interpolation syntax in '%(x)s%' at position 0");
    QTest::newRow("wrong_reference_type")
        << QStringLiteral("%(x)d")
        << QStringLiteral("invalid interpolation syntax in '%(x)d' at position 0");
    QTest::newRow("mixed") << QStringLiteral("50%% %(y)s %z")
                           << QStringLiteral(
                                  "invalid interpolation syntax in '50%% %(y)s %z' at position 4");
    QTest::newRow("url_encoded_password")
        << QStringLiteral("postgresql://u:p%40ss@h/db")
        << QStringLiteral(
               "invalid interpolation syntax in 'postgresql://u:p%40ss@h/db' at position 16");
}

void TestIniFile::setValue()
{
    QFETCH(QString, value);
    QFETCH(QString, error);

    IniFile ini = parsed(QStringLiteral("[a]\nx = 1\n"));
    QString message;
    QCOMPARE(ini.setValue(QStringLiteral("a"), QStringLiteral("New"), value, &message),
             error.isEmpty());
    QCOMPARE(message, error);
    if (error.isEmpty())
        QCOMPARE(ini.rawValue(QStringLiteral("a"), QStringLiteral("new")), value);
    else
        QVERIFY(!ini.hasOption(QStringLiteral("a"), QStringLiteral("new")));
}

void TestIniFile::setValueUnknownSection()
{
    IniFile ini = parsed(QStringLiteral("[a]\n[t]\n"));
    QString message;
    QVERIFY(
        !ini.setValue(QStringLiteral("nope"), QStringLiteral("k"), QStringLiteral("v"), &message));
    QCOMPARE(message, QStringLiteral("No section: 'nope'"));
    QVERIFY(ini.setValue(QStringLiteral("DEFAULT"), QStringLiteral("dk"), QStringLiteral("1"),
                         &message));
    QCOMPARE(ini.value(QStringLiteral("t"), QStringLiteral("dk")).value(), QStringLiteral("1"));
}

void TestIniFile::readFileFromDisk()
{
    IniFile ini;
    ini.setBuiltinDefault(QStringLiteral("here"), QStringLiteral("/somewhere"));
    const QString path = dataFile(QStringLiteral("generic-project.ini"));
    QVERIFY2(ini.readFile(path), qPrintable(ini.errorString()));
    QCOMPARE(ini.sourceName(), path);
    QCOMPARE(ini.errorKind(), IniFile::ErrorKind::None);
    QCOMPARE(ini.sections(),
             (QStringList{QStringLiteral("alembic"), QStringLiteral("post_write_hooks"),
                          QStringLiteral("loggers"), QStringLiteral("handlers"),
                          QStringLiteral("formatters"), QStringLiteral("logger_root"),
                          QStringLiteral("logger_sqlalchemy"), QStringLiteral("logger_alembic"),
                          QStringLiteral("handler_console"), QStringLiteral("formatter_generic")}));
    QCOMPARE(ini.value(QStringLiteral("alembic"), QStringLiteral("version_path_separator")).value(),
             QStringLiteral("os  # Use os.pathsep. Default configuration used for new projects."));
    // Never read by Alembic, and not valid for BasicInterpolation: stays readable raw.
    QCOMPARE(ini.rawValue(QStringLiteral("formatter_generic"), QStringLiteral("format")),
             QStringLiteral("%(levelname)-5.5s [%(name)s] %(message)s"));
    QVERIFY(!ini.value(QStringLiteral("formatter_generic"), QStringLiteral("format")).ok());
}

void TestIniFile::readFileMissing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("none.ini"));
    IniFile ini;
    QVERIFY(!ini.readFile(path));
    QCOMPARE(ini.errorKind(), IniFile::ErrorKind::FileNotFound);
    QCOMPARE(ini.errorString(), QStringLiteral("Cannot read '") + path +
                                    QStringLiteral("': the file does not exist. Check the path."));
    QCOMPARE(ini.errorDiagnostic().file, path);
}

void TestIniFile::readFileDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    IniFile ini;
    QVERIFY(!ini.readFile(dir.path()));
    QCOMPARE(ini.errorKind(), IniFile::ErrorKind::FileUnreadable);
    QCOMPARE(ini.errorString(), QStringLiteral("Cannot read '") + dir.path() +
                                    QStringLiteral("': it is a directory, not an ini file."));
}

void TestIniFile::readFileUnreadable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("alembic.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[alembic]\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::Permissions()));
    QFile probe(path);
    if (probe.open(QIODevice::ReadOnly))
        QSKIP("running with privileges that ignore file permissions");
    IniFile ini;
    QVERIFY(!ini.readFile(path));
    QCOMPARE(ini.errorKind(), IniFile::ErrorKind::FileUnreadable);
    QVERIFY2(ini.errorString().startsWith(QStringLiteral("Cannot read '") + path +
                                          QStringLiteral("': ")),
             qPrintable(ini.errorString()));
    QVERIFY(ini.errorString().endsWith(QStringLiteral("Check that the file is readable by you.")));
}

void TestIniFile::readFileNotUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("detail");

    QTest::newRow("latin1_on_line_3") << QByteArray("[alembic]\nk = 1\nname = caf\xe9\n") << 3
                                      << QStringLiteral("(byte 0xe9 at byte 11 of the line)");
    QTest::newRow("truncated_sequence_at_end")
        << QByteArray("[alembic]\nk = \xc3") << 2
        << QStringLiteral("(byte 0xc3 at byte 5 of the line)");
    QTest::newRow("overlong_slash") << QByteArray("[a]\nk = \xc0\xaf\n") << 2
                                    << QStringLiteral("(byte 0xc0 at byte 5 of the line)");
    QTest::newRow("encoded_surrogate") << QByteArray("[a]\nk = \xed\xa0\x80\n") << 2
                                       << QStringLiteral("(byte 0xed at byte 5 of the line)");
    QTest::newRow("beyond_unicode") << QByteArray("[a]\n\nk = \xf4\x90\x80\x80\n") << 3
                                    << QStringLiteral("(byte 0xf4 at byte 5 of the line)");
}

void TestIniFile::readFileNotUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(QString, detail);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("alembic.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();

    IniFile ini;
    QVERIFY(!ini.readFile(path));
    QCOMPARE(ini.errorKind(), IniFile::ErrorKind::Encoding);
    QCOMPARE(ini.errorDiagnostic().line, line);
    QCOMPARE(ini.errorDiagnostic().file, path);
    QCOMPARE(ini.errorString(),
             QStringLiteral("'") + path + QStringLiteral("' line ") + QString::number(line) +
                 QStringLiteral(": the file is not valid UTF-8 ") + detail +
                 QStringLiteral(
                     ". Alembic reads its ini file as UTF-8: save the file in that encoding."));
}

void TestIniFile::readFileUnicode()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("alembic.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[alembic]\r\nmessage = Ünïcödé straße \xf0\x9f\x98\x80\r\n");
    file.close();
    IniFile ini;
    QVERIFY2(ini.readFile(path), qPrintable(ini.errorString()));
    QCOMPARE(ini.value(QStringLiteral("alembic"), QStringLiteral("message")).value(),
             QStringLiteral("Ünïcödé straße \U0001F600"));
}

void TestIniFile::pythonRepr_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("repr");

    // Python 3.11's repr() of the same strings.
    QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("'abc'");
    QTest::newRow("single_quote") << QStringLiteral("it's") << QStringLiteral("\"it's\"");
    QTest::newRow("double_quote") << QStringLiteral("say \"hi\"") << QStringLiteral("'say \"hi\"'");
    QTest::newRow("both_quotes") << QStringLiteral("both ' and \"")
                                 << QStringLiteral("'both \\' and \"'");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("'a\\\\b'");
    QTest::newRow("controls") << QStringLiteral("t\tn\nr\r\x07\x1b\x7f")
                              << QStringLiteral("'t\\tn\\nr\\r\\x07\\x1b\\x7f'");
    QTest::newRow("latin1") << QStringLiteral("caf\u00e9") << QStringLiteral("'caf\u00e9'");
    QTest::newRow("nbsp") << QStringLiteral("a\u00a0b") << QStringLiteral("'a\\xa0b'");
    QTest::newRow("zero_width_space")
        << QStringLiteral("a\u200bb") << QStringLiteral("'a\\u200bb'");
    QTest::newRow("bom") << QStringLiteral("\ufeff") << QStringLiteral("'\\ufeff'");
    QTest::newRow("emoji") << QStringLiteral("\U0001F600") << QStringLiteral("'\U0001F600'");
    QTest::newRow("line_separator") << QStringLiteral("\u2028") << QStringLiteral("'\\u2028'");
    QTest::newRow("c1_control") << QStringLiteral("\u0085") << QStringLiteral("'\\x85'");
    QTest::newRow("private_use") << QStringLiteral("\ue000") << QStringLiteral("'\\ue000'");
}

void TestIniFile::pythonRepr()
{
    QFETCH(QString, text);
    QFETCH(QString, repr);
    QCOMPARE(Retort::pythonRepr(text), repr);
}

void TestIniFile::pythonStripUsesPythonSpace()
{
    // Python: " \x1c\x1d\x1e\x1fa\u3000\x85".strip() == "a"
    QCOMPARE(pythonStrip(QStringLiteral(" \x1c\x1d\x1e\x1f"
                                        "a\u3000\u0085")),
             QStringLiteral("a"));
    QVERIFY(!pythonIsSpace(QChar(0xfeff)));
}

QTEST_GUILESS_MAIN(TestIniFile)
#include "tst_inifile.moc"
