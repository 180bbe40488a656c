// SPDX-License-Identifier: GPL-3.0-or-later
// SyntaxHighlighterFactory picks the backend the build found (KSyntaxHighlighting on
// Debian 13), and the built-in fallback highlights Python and SQL to suit the palette.
#include "editor/builtinhighlighter.h"
#include "editor/syntaxhighlighterfactory.h"

#include <QPalette>
#include <QPlainTextDocumentLayout>
#include <QSysInfo>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Retort;

namespace {

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, QColor(0x23, 0x26, 0x29));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    return p;
}

// The format the highlighter gave the character at (line, column), both 0-based.
QTextCharFormat formatAt(QTextDocument &document, int line, int column)
{
    const QTextBlock block = document.findBlockByNumber(line);
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (column >= range.start && column < range.start + range.length)
            return range.format;
    }
    return QTextCharFormat();
}

} // namespace

class TestSyntaxHighlighterFactory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backendIsTheOneTheBuildFound();
    void definitionNamesFollowTheDialect_data();
    void definitionNamesFollowTheDialect();
    void darknessComesFromTheWindowColour();
    void highlighterColoursPythonCode();
    void builtinPythonKeepsTripleQuotedStringsOpen();
    void builtinPythonFormats_data();
    void builtinPythonFormats();
    void builtinSqlFormats_data();
    void builtinSqlFormats();
    void builtinColoursFollowThePalette();
};

void TestSyntaxHighlighterFactory::backendIsTheOneTheBuildFound()
{
#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
    QCOMPARE(SyntaxHighlighterFactory::backend(), SyntaxHighlighterFactory::Backend::KSyntaxHighlighting);
#else
    QCOMPARE(SyntaxHighlighterFactory::backend(), SyntaxHighlighterFactory::Backend::BuiltIn);
#endif
    // CI's Debian 13 pass installs libkf6syntaxhighlighting-dev: the build must use it.
    if (qEnvironmentVariableIsSet("CI") && QSysInfo::productType() == QLatin1String("debian") &&
        QSysInfo::productVersion() == QLatin1String("13")) {
        QCOMPARE(SyntaxHighlighterFactory::backend(),
                 SyntaxHighlighterFactory::Backend::KSyntaxHighlighting);
    }
    QTextDocument document;
    QSyntaxHighlighter *highlighter = SyntaxHighlighterFactory::create(
        &document, SyntaxHighlighterFactory::Language::Python, SqlDialect::Sqlite, lightPalette());
    QVERIFY(highlighter);
    QCOMPARE(highlighter->document(), &document);
    QCOMPARE(SyntaxHighlighterFactory::backendOf(highlighter), SyntaxHighlighterFactory::backend());
    qInfo("highlighter backend: %s",
          qPrintable(SyntaxHighlighterFactory::backendName(SyntaxHighlighterFactory::backend())));
}

void TestSyntaxHighlighterFactory::definitionNamesFollowTheDialect_data()
{
    QTest::addColumn<int>("language");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("name");
    using L = SyntaxHighlighterFactory::Language;
    QTest::newRow("python") << int(L::Python) << int(SqlDialect::PostgreSql) << "Python";
    QTest::newRow("postgresql") << int(L::Sql) << int(SqlDialect::PostgreSql) << "SQL (PostgreSQL)";
    QTest::newRow("mysql") << int(L::Sql) << int(SqlDialect::MySql) << "SQL (MySQL)";
    QTest::newRow("sqlite") << int(L::Sql) << int(SqlDialect::Sqlite) << "SQL";
}

void TestSyntaxHighlighterFactory::definitionNamesFollowTheDialect()
{
    QFETCH(int, language);
    QFETCH(int, dialect);
    QFETCH(QString, name);
    QCOMPARE(SyntaxHighlighterFactory::definitionName(SyntaxHighlighterFactory::Language(language),
                                                      SqlDialect(dialect)),
             name);
}

void TestSyntaxHighlighterFactory::darknessComesFromTheWindowColour()
{
    QVERIFY(!SyntaxHighlighterFactory::isDark(lightPalette()));
    QVERIFY(SyntaxHighlighterFactory::isDark(darkPalette()));
}

void TestSyntaxHighlighterFactory::highlighterColoursPythonCode()
{
    // Whichever backend: `def` and a string get formats of their own.
    QTextDocument document;
    document.setDocumentLayout(new QPlainTextDocumentLayout(&document));
    SyntaxHighlighterFactory::create(&document, SyntaxHighlighterFactory::Language::Python,
                                     SqlDialect::Sqlite, lightPalette());
    document.setPlainText(QStringLiteral("def upgrade():\n    x = 'text'\n"));
    const QTextCharFormat keyword = formatAt(document, 0, 1);
    const QTextCharFormat string = formatAt(document, 1, 10);
    QVERIFY(keyword.hasProperty(QTextFormat::ForegroundBrush) ||
            keyword.hasProperty(QTextFormat::FontWeight));
    QVERIFY(string.hasProperty(QTextFormat::ForegroundBrush));
    QVERIFY(keyword.foreground() != string.foreground() || keyword.fontWeight() != string.fontWeight());
}

void TestSyntaxHighlighterFactory::builtinPythonKeepsTripleQuotedStringsOpen()
{
    QTextDocument document;
    document.setDocumentLayout(new QPlainTextDocumentLayout(&document));
    auto *highlighter = new BuiltinHighlighter(&document, BuiltinHighlighter::Language::Python,
                                               lightPalette());
    Q_UNUSED(highlighter)
    document.setPlainText(QStringLiteral("\"\"\"add users\n\ndef not_code\n\"\"\"\ndef upgrade():\n"));
    const QColor stringColour = formatAt(document, 0, 1).foreground().color();
    QCOMPARE(formatAt(document, 2, 0).foreground().color(), stringColour); // still inside
    QCOMPARE(formatAt(document, 3, 1).foreground().color(), stringColour); // the closing quotes
    QVERIFY(formatAt(document, 4, 0).foreground().color() != stringColour); // `def` after it
    QCOMPARE(document.findBlockByNumber(0).userState(), 2);
    QCOMPARE(document.findBlockByNumber(4).userState(), 0);
}

void TestSyntaxHighlighterFactory::builtinPythonFormats_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("kind");
    QTest::newRow("keyword") << "from alembic import op" << 0 << "keyword";
    QTest::newRow("def name") << "def upgrade() -> None:" << 5 << "identifier";
    QTest::newRow("string") << "revision = 'ab12'" << 13 << "string";
    QTest::newRow("prefixed string") << "x = r'a\\d'" << 4 << "string";
    QTest::newRow("comment") << "x = 1  # a note" << 10 << "comment";
    QTest::newRow("hash inside a string") << "x = '#'  # real" << 5 << "string";
    QTest::newRow("number") << "n = 365" << 5 << "number";
    QTest::newRow("decorator") << "@pytest.mark.slow" << 3 << "decorator";
    QTest::newRow("builtin") << "print(len(x))" << 1 << "builtin";
    QTest::newRow("plain name") << "value = other" << 9 << "plain";
}

void TestSyntaxHighlighterFactory::builtinPythonFormats()
{
    QFETCH(QString, line);
    QFETCH(int, column);
    QFETCH(QString, kind);
    QTextDocument document;
    document.setDocumentLayout(new QPlainTextDocumentLayout(&document));
    new BuiltinHighlighter(&document, BuiltinHighlighter::Language::Python, lightPalette());
    // One sample line per kind, so their colours can be compared.
    document.setPlainText(line + QStringLiteral("\nif x:\n'str'\n# c\n42\n@d\nlen\ndef f\n"));
    const QHash<QString, QColor> colours = {
        {QStringLiteral("keyword"), formatAt(document, 1, 0).foreground().color()},
        {QStringLiteral("string"), formatAt(document, 2, 1).foreground().color()},
        {QStringLiteral("comment"), formatAt(document, 3, 1).foreground().color()},
        {QStringLiteral("number"), formatAt(document, 4, 0).foreground().color()},
        {QStringLiteral("decorator"), formatAt(document, 5, 1).foreground().color()},
        {QStringLiteral("builtin"), formatAt(document, 6, 0).foreground().color()},
        {QStringLiteral("identifier"), formatAt(document, 7, 4).foreground().color()},
    };
    const QTextCharFormat format = formatAt(document, 0, column);
    if (kind == QLatin1String("plain"))
        QVERIFY(!format.hasProperty(QTextFormat::ForegroundBrush));
    else
        QCOMPARE(format.foreground().color(), colours.value(kind));
}

void TestSyntaxHighlighterFactory::builtinSqlFormats_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("kind");
    QTest::newRow("keyword any case") << "create table t (id int);" << 0 << 1 << "keyword";
    QTest::newRow("type") << "CREATE TABLE t (id INTEGER);" << 0 << 20 << "type";
    QTest::newRow("string with doubled quote") << "SELECT 'it''s', x" << 0 << 12 << "string";
    QTest::newRow("after the string") << "SELECT 'it''s', x" << 0 << 16 << "plain";
    QTest::newRow("quoted identifier") << "SELECT \"order\" FROM t" << 0 << 9 << "identifier";
    QTest::newRow("backticks") << "SELECT `order` FROM t" << 0 << 9 << "identifier";
    QTest::newRow("line comment") << "-- Running upgrade a -> b" << 0 << 5 << "comment";
    QTest::newRow("block comment across lines") << "/* one\ntwo SELECT\n*/ SELECT" << 1 << 5
                                                << "comment";
    QTest::newRow("after the block comment") << "/* one\ntwo\n*/ SELECT" << 2 << 4 << "keyword";
    QTest::newRow("number") << "DEFAULT 365" << 0 << 9 << "number";
}

void TestSyntaxHighlighterFactory::builtinSqlFormats()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, kind);
    QTextDocument reference;
    reference.setDocumentLayout(new QPlainTextDocumentLayout(&reference));
    new BuiltinHighlighter(&reference, BuiltinHighlighter::Language::Sql, lightPalette());
    reference.setPlainText(QStringLiteral("SELECT\nINTEGER\n'x'\n\"y\"\n-- z\n7"));
    const QHash<QString, QColor> colours = {
        {QStringLiteral("keyword"), formatAt(reference, 0, 0).foreground().color()},
        {QStringLiteral("type"), formatAt(reference, 1, 0).foreground().color()},
        {QStringLiteral("string"), formatAt(reference, 2, 0).foreground().color()},
        {QStringLiteral("identifier"), formatAt(reference, 3, 0).foreground().color()},
        {QStringLiteral("comment"), formatAt(reference, 4, 0).foreground().color()},
        {QStringLiteral("number"), formatAt(reference, 5, 0).foreground().color()},
    };
    QTextDocument document;
    document.setDocumentLayout(new QPlainTextDocumentLayout(&document));
    new BuiltinHighlighter(&document, BuiltinHighlighter::Language::Sql, lightPalette());
    document.setPlainText(text);
    const QTextCharFormat format = formatAt(document, line, column);
    if (kind == QLatin1String("plain"))
        QVERIFY(!format.hasProperty(QTextFormat::ForegroundBrush));
    else
        QCOMPARE(format.foreground().color(), colours.value(kind));
}

void TestSyntaxHighlighterFactory::builtinColoursFollowThePalette()
{
    QTextDocument document;
    document.setDocumentLayout(new QPlainTextDocumentLayout(&document));
    auto *highlighter =
        new BuiltinHighlighter(&document, BuiltinHighlighter::Language::Python, lightPalette());
    document.setPlainText(QStringLiteral("import os\n"));
    const QColor light = formatAt(document, 0, 0).foreground().color();
    SyntaxHighlighterFactory::applyPalette(highlighter, darkPalette());
    const QColor dark = formatAt(document, 0, 0).foreground().color();
    QVERIFY(light != dark);
    // Keywords stay readable: dark text on light, light text on dark.
    QVERIFY(light.lightnessF() < 0.5);
    QVERIFY(dark.lightnessF() > 0.5);
}

QTEST_MAIN(TestSyntaxHighlighterFactory)
#include "tst_syntaxhighlighterfactory.moc"
