// SPDX-License-Identifier: GPL-3.0-or-later
#include "python/pythontokenizer.h"

#include <QTest>


using namespace Retort;

namespace {

// One token per entry: KIND 'text' line:col-line:col, plus the decoded value of strings
// and names when it differs from the text. Line ends are shown escaped.
QString describe(const PythonToken &token)
{
    auto escaped = [](QString s) {
        s.replace(QLatin1String("\r"), QLatin1String("\\r"));
        s.replace(QLatin1String("\n"), QLatin1String("\\n"));
        s.replace(QLatin1String("\t"), QLatin1String("\\t"));
        s.replace(QLatin1String("\f"), QLatin1String("\\f"));
        return s;
    };
    QString d = PythonToken::kindName(token.kind) + QLatin1String(" '") + escaped(token.text) +
                QLatin1String("' ") + QString::number(token.range.start.line) + QLatin1Char(':') +
                QString::number(token.range.start.column) + QLatin1Char('-') +
                QString::number(token.range.end.line) + QLatin1Char(':') +
                QString::number(token.range.end.column);
    if (token.value != token.text)
        d += QLatin1String(" = '") + escaped(token.value) + QLatin1Char('\'');
    return d;
}

QStringList describeAll(const QString &source)
{
    PythonTokenizer tokenizer(source, QStringLiteral("t.py"));
    QStringList out;
    const QList<PythonToken> tokens = tokenizer.tokenize();
    for (const PythonToken &token : tokens)
        out.append(token.kind == PythonToken::Kind::Error
                       ? QLatin1String("ERROR ") + tokenizer.error().toString()
                       : describe(token));
    return out;
}

QString errorOf(const QString &source)
{
    PythonTokenizer tokenizer(source, QStringLiteral("t.py"));
    for (;;) {
        const PythonToken token = tokenizer.next();
        if (token.kind == PythonToken::Kind::Error)
            return tokenizer.error().toString();
        if (token.kind == PythonToken::Kind::EndMarker)
            return QStringLiteral("no error");
    }
}

} // namespace

class TestPythonTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokensAndPositions_data();
    void tokensAndPositions();
    void stringValues_data();
    void stringValues();
    void numbersAreSingleTokens_data();
    void numbersAreSingleTokens();
    void operatorsAreSingleTokens_data();
    void operatorsAreSingleTokens();
    void errors_data();
    void errors();
    void decode_data();
    void decode();
    void offsetsIndexTheDecodedText();
    void tokenizingStopsAtTheFirstError();
    void tenMegabyteInputTokenizesCompletely();
    void adversarialInputsTerminate_data();
    void adversarialInputsTerminate();
};

void TestPythonTokenizer::tokensAndPositions_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("assignment") << QStringLiteral("x = 1\n")
                                << QStringList{QStringLiteral("NAME 'x' 1:1-1:2"),
                                               QStringLiteral("OP '=' 1:3-1:4"),
                                               QStringLiteral("NUMBER '1' 1:5-1:6"),
                                               QStringLiteral("NEWLINE '\\n' 1:6-1:7"),
                                               QStringLiteral("ENDMARKER '' 2:1-2:1")};
    QTest::newRow("no final line end")
        << QStringLiteral("x")
        << QStringList{QStringLiteral("NAME 'x' 1:1-1:2"), QStringLiteral("NEWLINE '' 1:2-1:2"),
                       QStringLiteral("ENDMARKER '' 1:2-1:2")};
    QTest::newRow("empty") << QString() << QStringList{QStringLiteral("ENDMARKER '' 1:1-1:1")};
    QTest::newRow("comment line is NL, comment after code is NEWLINE")
        << QStringLiteral("# c\nx  # d\n")
        << QStringList{
               QStringLiteral("COMMENT '# c' 1:1-1:4"), QStringLiteral("NL '\\n' 1:4-1:5"),
               QStringLiteral("NAME 'x' 2:1-2:2"),      QStringLiteral("COMMENT '# d' 2:4-2:7"),
               QStringLiteral("NEWLINE '\\n' 2:7-2:8"), QStringLiteral("ENDMARKER '' 3:1-3:1")};
    QTest::newRow("blank lines are NL")
        << QStringLiteral("\n  \nx\n")
        << QStringList{QStringLiteral("NL '\\n' 1:1-1:2"), QStringLiteral("NL '\\n' 2:3-2:4"),
                       QStringLiteral("NAME 'x' 3:1-3:2"), QStringLiteral("NEWLINE '\\n' 3:2-3:3"),
                       QStringLiteral("ENDMARKER '' 4:1-4:1")};
    QTest::newRow("brackets join lines implicitly")
        << QStringLiteral("(a,\n # c\n b)\n")
        << QStringList{
               QStringLiteral("OP '(' 1:1-1:2"),        QStringLiteral("NAME 'a' 1:2-1:3"),
               QStringLiteral("OP ',' 1:3-1:4"),        QStringLiteral("NL '\\n' 1:4-1:5"),
               QStringLiteral("COMMENT '# c' 2:2-2:5"), QStringLiteral("NL '\\n' 2:5-2:6"),
               QStringLiteral("NAME 'b' 3:2-3:3"),      QStringLiteral("OP ')' 3:3-3:4"),
               QStringLiteral("NEWLINE '\\n' 3:4-3:5"), QStringLiteral("ENDMARKER '' 4:1-4:1")};
    QTest::newRow("backslash continuation")
        << QStringLiteral("a = \\\n    1\n")
        << QStringList{QStringLiteral("NAME 'a' 1:1-1:2"), QStringLiteral("OP '=' 1:3-1:4"),
                       QStringLiteral("NUMBER '1' 2:5-2:6"),
                       QStringLiteral("NEWLINE '\\n' 2:6-2:7"),
                       QStringLiteral("ENDMARKER '' 3:1-3:1")};
    QTest::newRow("indent and dedent")
        << QStringLiteral("if x:\n    y\n        # deeper comment\n    z\nw\n")
        << QStringList{QStringLiteral("NAME 'if' 1:1-1:3"),
                       QStringLiteral("NAME 'x' 1:4-1:5"),
                       QStringLiteral("OP ':' 1:5-1:6"),
                       QStringLiteral("NEWLINE '\\n' 1:6-1:7"),
                       QStringLiteral("INDENT '    ' 2:1-2:5"),
                       QStringLiteral("NAME 'y' 2:5-2:6"),
                       QStringLiteral("NEWLINE '\\n' 2:6-2:7"),
                       QStringLiteral("COMMENT '# deeper comment' 3:9-3:25"),
                       QStringLiteral("NL '\\n' 3:25-3:26"),
                       QStringLiteral("NAME 'z' 4:5-4:6"),
                       QStringLiteral("NEWLINE '\\n' 4:6-4:7"),
                       QStringLiteral("DEDENT '' 5:1-5:1"),
                       QStringLiteral("NAME 'w' 5:1-5:2"),
                       QStringLiteral("NEWLINE '\\n' 5:2-5:3"),
                       QStringLiteral("ENDMARKER '' 6:1-6:1")};
    QTest::newRow("dedents at end of input")
        << QStringLiteral("def f():\n  if y:\n    return")
        << QStringList{
               QStringLiteral("NAME 'def' 1:1-1:4"),     QStringLiteral("NAME 'f' 1:5-1:6"),
               QStringLiteral("OP '(' 1:6-1:7"),         QStringLiteral("OP ')' 1:7-1:8"),
               QStringLiteral("OP ':' 1:8-1:9"),         QStringLiteral("NEWLINE '\\n' 1:9-1:10"),
               QStringLiteral("INDENT '  ' 2:1-2:3"),    QStringLiteral("NAME 'if' 2:3-2:5"),
               QStringLiteral("NAME 'y' 2:6-2:7"),       QStringLiteral("OP ':' 2:7-2:8"),
               QStringLiteral("NEWLINE '\\n' 2:8-2:9"),  QStringLiteral("INDENT '    ' 3:1-3:5"),
               QStringLiteral("NAME 'return' 3:5-3:11"), QStringLiteral("NEWLINE '' 3:11-3:11"),
               QStringLiteral("DEDENT '' 3:11-3:11"),    QStringLiteral("DEDENT '' 3:11-3:11"),
               QStringLiteral("ENDMARKER '' 3:11-3:11")};
    QTest::newRow("tab indentation counts to multiples of eight")
        << QStringLiteral("if x:\n\ty\n        z\n")
        << QStringList{QStringLiteral("NAME 'if' 1:1-1:3"),
                       QStringLiteral("NAME 'x' 1:4-1:5"),
                       QStringLiteral("OP ':' 1:5-1:6"),
                       QStringLiteral("NEWLINE '\\n' 1:6-1:7"),
                       QStringLiteral("INDENT '\\t' 2:1-2:2"),
                       QStringLiteral("NAME 'y' 2:2-2:3"),
                       QStringLiteral("NEWLINE '\\n' 2:3-2:4"),
                       QStringLiteral(
                           "ERROR t.py:3:9: inconsistent use of tabs and spaces in indentation")};
    QTest::newRow("CRLF line ends") << QStringLiteral("a\r\n\r\nb\r\n")
                                    << QStringList{QStringLiteral("NAME 'a' 1:1-1:2"),
                                                   QStringLiteral("NEWLINE '\\r\\n' 1:2-1:4"),
                                                   QStringLiteral("NL '\\r\\n' 2:1-2:3"),
                                                   QStringLiteral("NAME 'b' 3:1-3:2"),
                                                   QStringLiteral("NEWLINE '\\r\\n' 3:2-3:4"),
                                                   QStringLiteral("ENDMARKER '' 4:1-4:1")};
    QTest::newRow("CR line ends") << QStringLiteral("a\rb\r")
                                  << QStringList{QStringLiteral("NAME 'a' 1:1-1:2"),
                                                 QStringLiteral("NEWLINE '\\r' 1:2-1:3"),
                                                 QStringLiteral("NAME 'b' 2:1-2:2"),
                                                 QStringLiteral("NEWLINE '\\r' 2:2-2:3"),
                                                 QStringLiteral("ENDMARKER '' 3:1-3:1")};
    QTest::newRow("form feed resets indentation")
        << QStringLiteral("if x:\n    y\n\f    z\n")
        << QStringList{
               QStringLiteral("NAME 'if' 1:1-1:3"),     QStringLiteral("NAME 'x' 1:4-1:5"),
               QStringLiteral("OP ':' 1:5-1:6"),        QStringLiteral("NEWLINE '\\n' 1:6-1:7"),
               QStringLiteral("INDENT '    ' 2:1-2:5"), QStringLiteral("NAME 'y' 2:5-2:6"),
               QStringLiteral("NEWLINE '\\n' 2:6-2:7"), QStringLiteral("NAME 'z' 3:6-3:7"),
               QStringLiteral("NEWLINE '\\n' 3:7-3:8"), QStringLiteral("DEDENT '' 4:1-4:1"),
               QStringLiteral("ENDMARKER '' 4:1-4:1")};
    QTest::newRow("byte order mark in decoded text is skipped")
        << QStringLiteral("\ufeffx")
        << QStringList{QStringLiteral("NAME 'x' 1:1-1:2"), QStringLiteral("NEWLINE '' 1:2-1:2"),
                       QStringLiteral("ENDMARKER '' 1:2-1:2")};
    QTest::newRow("unicode identifiers, columns in characters")
        << QStringLiteral("\u00e9t\u00e9 = \U0001D4B3\n")
        << QStringList{
               QStringLiteral("NAME '\u00e9t\u00e9' 1:1-1:4"), QStringLiteral("OP '=' 1:5-1:6"),
               QStringLiteral("NAME '\U0001D4B3' 1:7-1:8 = 'X'"),
               QStringLiteral("NEWLINE '\\n' 1:8-1:9"), QStringLiteral("ENDMARKER '' 2:1-2:1")};
    QTest::newRow("string prefix is part of the token, not a name")
        << QStringLiteral("rb'x' Rb\"y\" fR'{z}' U'u' br")
        << QStringList{QStringLiteral("STRING 'rb'x'' 1:1-1:6 = 'x'"),
                       QStringLiteral("STRING 'Rb\"y\"' 1:7-1:12 = 'y'"),
                       QStringLiteral("STRING 'fR'{z}'' 1:13-1:20 = '{z}'"),
                       QStringLiteral("STRING 'U'u'' 1:21-1:25 = 'u'"),
                       QStringLiteral("NAME 'br' 1:26-1:28"),
                       QStringLiteral("NEWLINE '' 1:28-1:28"),
                       QStringLiteral("ENDMARKER '' 1:28-1:28")};
    QTest::newRow("not a prefix: ub and name followed by string")
        << QStringLiteral("ub'x'")
        << QStringList{
               QStringLiteral("NAME 'ub' 1:1-1:3"), QStringLiteral("STRING ''x'' 1:3-1:6 = 'x'"),
               QStringLiteral("NEWLINE '' 1:6-1:6"), QStringLiteral("ENDMARKER '' 1:6-1:6")};
    QTest::newRow("triple-quoted string spans lines")
        << QStringLiteral("s = \"\"\"a\n'b'\n\"\"\"\n")
        << QStringList{QStringLiteral("NAME 's' 1:1-1:2"), QStringLiteral("OP '=' 1:3-1:4"),
                       QStringLiteral("STRING '\"\"\"a\\n'b'\\n\"\"\"' 1:5-3:4 = 'a\\n'b'\\n'"),
                       QStringLiteral("NEWLINE '\\n' 3:4-3:5"),
                       QStringLiteral("ENDMARKER '' 4:1-4:1")};
    QTest::newRow("f-string with nested quotes and format spec (Python 3.12)")
        << QStringLiteral("f\"{d[\"k\"]!r:>{w}}\" + 1")
        << QStringList{
               QStringLiteral("STRING 'f\"{d[\"k\"]!r:>{w}}\"' 1:1-1:19 = '{d[\"k\"]!r:>{w}}'"),
               QStringLiteral("OP '+' 1:20-1:21"), QStringLiteral("NUMBER '1' 1:22-1:23"),
               QStringLiteral("NEWLINE '' 1:23-1:23"), QStringLiteral("ENDMARKER '' 1:23-1:23")};
    QTest::newRow("keyword right after a number")
        << QStringLiteral("1if x else 2")
        << QStringList{
               QStringLiteral("NUMBER '1' 1:1-1:2"),    QStringLiteral("NAME 'if' 1:2-1:4"),
               QStringLiteral("NAME 'x' 1:5-1:6"),      QStringLiteral("NAME 'else' 1:7-1:11"),
               QStringLiteral("NUMBER '2' 1:12-1:13"),  QStringLiteral("NEWLINE '' 1:13-1:13"),
               QStringLiteral("ENDMARKER '' 1:13-1:13")};
    QTest::newRow("annotated header assignment")
        << QStringLiteral("down_revision: Union[str, None] = None\n")
        << QStringList{QStringLiteral("NAME 'down_revision' 1:1-1:14"),
                       QStringLiteral("OP ':' 1:14-1:15"),
                       QStringLiteral("NAME 'Union' 1:16-1:21"),
                       QStringLiteral("OP '[' 1:21-1:22"),
                       QStringLiteral("NAME 'str' 1:22-1:25"),
                       QStringLiteral("OP ',' 1:25-1:26"),
                       QStringLiteral("NAME 'None' 1:27-1:31"),
                       QStringLiteral("OP ']' 1:31-1:32"),
                       QStringLiteral("OP '=' 1:33-1:34"),
                       QStringLiteral("NAME 'None' 1:35-1:39"),
                       QStringLiteral("NEWLINE '\\n' 1:39-1:40"),
                       QStringLiteral("ENDMARKER '' 2:1-2:1")};
    QTest::newRow("return annotation and walrus")
        << QStringLiteral("def f() -> int: (y := 2)")
        << QStringList{
               QStringLiteral("NAME 'def' 1:1-1:4"),   QStringLiteral("NAME 'f' 1:5-1:6"),
               QStringLiteral("OP '(' 1:6-1:7"),       QStringLiteral("OP ')' 1:7-1:8"),
               QStringLiteral("OP '->' 1:9-1:11"),     QStringLiteral("NAME 'int' 1:12-1:15"),
               QStringLiteral("OP ':' 1:15-1:16"),     QStringLiteral("OP '(' 1:17-1:18"),
               QStringLiteral("NAME 'y' 1:18-1:19"),   QStringLiteral("OP ':=' 1:20-1:22"),
               QStringLiteral("NUMBER '2' 1:23-1:24"), QStringLiteral("OP ')' 1:24-1:25"),
               QStringLiteral("NEWLINE '' 1:25-1:25"), QStringLiteral("ENDMARKER '' 1:25-1:25")};
}

void TestPythonTokenizer::tokensAndPositions()
{
    QFETCH(QString, source);
    QFETCH(QStringList, expected);
    QCOMPARE(describeAll(source), expected);
}

void TestPythonTokenizer::stringValues_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("flags");

    using T = PythonToken;
    QTest::newRow("single quotes") << QStringLiteral("'abc'") << QStringLiteral("abc") << 0;
    QTest::newRow("double quotes") << QStringLiteral("\"a'b\"") << QStringLiteral("a'b") << 0;
    QTest::newRow("empty") << QStringLiteral("''") << QString() << 0;
    QTest::newRow("triple single")
        << QStringLiteral("'''a\n\"b\"'''") << QStringLiteral("a\n\"b\"") << int(T::TripleQuoted);
    QTest::newRow("escapes") << QStringLiteral("'\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'")
                             << QStringLiteral("\n\t\\'\"\a\b\f\v\r") << 0;
    QTest::newRow("octal and hex") << QStringLiteral("'\\101\\0\\x41\\x7e'")
                                   << QStringLiteral("A") + QChar(0) + QStringLiteral("A~") << 0;
    QTest::newRow("unicode escapes")
        << QStringLiteral("'\\u00e9\\U0001F600'") << QStringLiteral("\u00e9\U0001F600") << 0;
    QTest::newRow("unknown escape kept")
        << QStringLiteral("'\\d\\N{BULLET}'") << QStringLiteral("\\d\\N{BULLET}") << 0;
    QTest::newRow("backslash newline joins")
        << QStringLiteral("'a\\\nb'") << QStringLiteral("ab") << 0;
    QTest::newRow("raw keeps backslashes")
        << QStringLiteral("r'a\\n\\'b'") << QStringLiteral("a\\n\\'b") << int(T::Raw);
    QTest::newRow("raw triple") << QStringLiteral("R\"\"\"\\d+\"\"\"") << QStringLiteral("\\d+")
                                << int(T::Raw | T::TripleQuoted);
    QTest::newRow("u prefix") << QStringLiteral("u'x'") << QStringLiteral("x") << int(T::Unicode);
    QTest::newRow("bytes: \\u is not an escape")
        << QStringLiteral("b'\\x41\\u0041'") << QStringLiteral("A\\u0041") << int(T::Bytes);
    QTest::newRow("bytes raw") << QStringLiteral("Br'\\x'") << QStringLiteral("\\x")
                               << int(T::Bytes | T::Raw);
    QTest::newRow("CRLF inside triple quotes becomes LF")
        << QStringLiteral("'''a\r\nb\rc'''") << QStringLiteral("a\nb\nc") << int(T::TripleQuoted);
    QTest::newRow("f-string keeps its template")
        << QStringLiteral("f'{x!r} {{y}}\\n'") << QStringLiteral("{x!r} {{y}}\n")
        << int(T::Formatted);
    QTest::newRow("rf-string") << QStringLiteral("rf'\\{x}'") << QStringLiteral("\\{x}")
                               << int(T::Formatted | T::Raw);
}

void TestPythonTokenizer::stringValues()
{
    QFETCH(QString, source);
    QFETCH(QString, value);
    QFETCH(int, flags);
    PythonTokenizer tokenizer(source);
    const PythonToken token = tokenizer.next();
    QVERIFY2(!tokenizer.hasError(), qPrintable(tokenizer.error().toString()));
    QCOMPARE(token.kind, PythonToken::Kind::String);
    QCOMPARE(token.text, source);
    QCOMPARE(token.value, value);
    QCOMPARE(token.stringFlags, flags);
}

void TestPythonTokenizer::numbersAreSingleTokens_data()
{
    QTest::addColumn<QString>("number");
    const char *const numbers[] = {
        "0",    "00",     "0_0",  "7",    "1_000_000", "0x1F", "0XdEaD_bEeF", "0o17",
        "0O_7", "0b1010", "0B_1", "1.",   ".5",        "1.5",  "1_0.2_5",     "1e10",
        "1E-5", "1.5e+3", "3j",   "1.5J", "1e3j",      "09.5", "0e0",         "0.0"};
    for (const char *n : numbers)
        QTest::newRow(n) << QString::fromLatin1(n);
}

void TestPythonTokenizer::numbersAreSingleTokens()
{
    QFETCH(QString, number);
    PythonTokenizer tokenizer(number);
    const PythonToken token = tokenizer.next();
    QVERIFY2(!tokenizer.hasError(), qPrintable(tokenizer.error().toString()));
    QCOMPARE(token.kind, PythonToken::Kind::Number);
    QCOMPARE(token.text, number);
}

void TestPythonTokenizer::operatorsAreSingleTokens_data()
{
    QTest::addColumn<QString>("op");
    const char *const ops[] = {
        "+",  "-",   "*",  "**", "/",  "//", "%",  "@",   "<<",  ">>",  "&",   "|",
        "^",  "~",   ":=", "<",  ">",  "<=", ">=", "==",  "!=",  "(",   ")",   "[",
        "]",  "{",   "}",  ",",  ":",  ".",  ";",  "=",   "->",  "+=",  "-=",  "*=",
        "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=", "...", "!"};
    for (const char *op : ops)
        QTest::newRow(op) << QString::fromLatin1(op);
}

void TestPythonTokenizer::operatorsAreSingleTokens()
{
    QFETCH(QString, op);
    // Brackets must balance: a closing bracket is preceded by its opening one.
    const bool closes =
        op == QLatin1String(")") || op == QLatin1String("]") || op == QLatin1String("}");
    QString source = op;
    if (closes)
        source.prepend(op == QLatin1String(")")   ? QLatin1Char('(')
                       : op == QLatin1String("]") ? QLatin1Char('[')
                                                  : QLatin1Char('{'));
    PythonTokenizer tokenizer(source + QLatin1String(" x"));
    PythonToken token = tokenizer.next();
    if (closes)
        token = tokenizer.next();
    QCOMPARE(token.kind, PythonToken::Kind::Op);
    QCOMPARE(token.text, op);
    QCOMPARE(token.range.end.column - token.range.start.column, int(op.size()));
}

void TestPythonTokenizer::errors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("error");

    QTest::newRow("unterminated string: at the opening quote")
        << QStringLiteral("x = 1\ny = 'abc\nz = 2\n")
        << QStringLiteral("t.py:2:5: unterminated string literal (detected at line 2)");
    QTest::newRow("unterminated triple-quoted string: at the opening quotes")
        << QStringLiteral("x = 1\ny = \"\"\"abc\n\nz\n")
        << QStringLiteral(
               "t.py:2:5: unterminated triple-quoted string literal (detected at line 4)");
    QTest::newRow("unterminated f-string")
        << QStringLiteral("f'{x}\n")
        << QStringLiteral("t.py:1:1: unterminated f-string literal (detected at line 1)");
    QTest::newRow("bracket never closed")
        << QStringLiteral("x = (1,\n  [2]\n") << QStringLiteral("t.py:1:5: '(' was never closed");
    // CPython's limit: the 201st bracket open at once, wherever the others were opened.
    QTest::newRow("too many nested brackets")
        << (QStringLiteral("x = ") + QString(201, QLatin1Char('(')) + QStringLiteral("1") +
            QString(201, QLatin1Char(')')) + QStringLiteral("\n"))
        << QStringLiteral("t.py:1:205: too many nested parentheses");
    QTest::newRow("too many nested brackets over lines")
        << (QStringLiteral("x = [\n") + QString(201, QLatin1Char('(')) + QStringLiteral("1") +
            QString(201, QLatin1Char(')')) + QStringLiteral("]\n"))
        << QStringLiteral("t.py:2:200: too many nested parentheses");
    QTest::newRow("unmatched closing bracket")
        << QStringLiteral("x = 1)\n") << QStringLiteral("t.py:1:6: unmatched ')'");
    QTest::newRow("mismatched brackets")
        << QStringLiteral("x = [1,\n  2)\n")
        << QStringLiteral("t.py:2:4: closing parenthesis ')' does not match opening parenthesis "
                          "'[' on line 1");
    QTest::newRow("unindent does not match")
        << QStringLiteral("if x:\n    a = 1\n  b = 2\n")
        << QStringLiteral("t.py:3:3: unindent does not match any outer indentation level");
    QTest::newRow("inconsistent tabs")
        << QStringLiteral("if x:\n        a = 1\n\tb = 2\n")
        << QStringLiteral("t.py:3:2: inconsistent use of tabs and spaces in indentation");
    QTest::newRow("NUL byte") << QStringLiteral("x = 1\ny = 2") + QChar(0) + QStringLiteral("\n")
                              << QStringLiteral("t.py:2:6: source code cannot contain null bytes");
    QTest::newRow("NUL byte inside a string")
        << QStringLiteral("x = 'a") + QChar(0) + QStringLiteral("b'\n")
        << QStringLiteral("t.py:1:7: source code cannot contain null bytes");
    QTest::newRow("leading zeros")
        << QStringLiteral("x = 0777")
        << QStringLiteral("t.py:1:5: leading zeros in decimal integer literals are not permitted; "
                          "use an 0o prefix for octal integers");
    QTest::newRow("double underscore")
        << QStringLiteral("1__0") << QStringLiteral("t.py:1:1: invalid decimal literal");
    QTest::newRow("trailing underscore")
        << QStringLiteral("1_") << QStringLiteral("t.py:1:1: invalid decimal literal");
    QTest::newRow("letters after number")
        << QStringLiteral("1abc") << QStringLiteral("t.py:1:1: invalid decimal literal");
    QTest::newRow("empty hex") << QStringLiteral("0x")
                               << QStringLiteral("t.py:1:1: invalid hexadecimal literal");
    QTest::newRow("octal digit") << QStringLiteral("0o18")
                                 << QStringLiteral("t.py:1:4: invalid digit '8' in octal literal");
    QTest::newRow("binary digit") << QStringLiteral("0b102")
                                  << QStringLiteral(
                                         "t.py:1:5: invalid digit '2' in binary literal");
    QTest::newRow("invalid character")
        << QStringLiteral("x = $") << QStringLiteral("t.py:1:5: invalid character '$' (U+0024)");
    QTest::newRow("non-printable character")
        << QStringLiteral("x = \u200b")
        << QStringLiteral("t.py:1:5: invalid non-printable character U+200B");
    QTest::newRow("text after line continuation")
        << QStringLiteral("x = 1 \\ y")
        << QStringLiteral("t.py:1:7: unexpected character after line continuation character");
    QTest::newRow("line continuation at end of input")
        << QStringLiteral("x = 1 \\\n") << QStringLiteral("t.py:1:7: unexpected EOF while parsing");
    QTest::newRow("truncated \\x escape")
        << QStringLiteral("'ab\\x4'")
        << QStringLiteral(
               "t.py:1:4: invalid escape sequence in string literal: truncated \\xXX escape");
    QTest::newRow("code point too large")
        << QStringLiteral("'\\U00110000'")
        << QStringLiteral("t.py:1:2: invalid escape sequence in string literal: illegal Unicode "
                          "character U+00110000");
    QTest::newRow("non-ASCII in bytes")
        << QStringLiteral("b'caf\u00e9'")
        << QStringLiteral("t.py:1:6: bytes can only contain ASCII literal characters");
    QTest::newRow("single closing brace in f-string")
        << QStringLiteral("f'a}'")
        << QStringLiteral("t.py:1:4: f-string: single '}' is not allowed");
}

void TestPythonTokenizer::errors()
{
    QFETCH(QString, source);
    QFETCH(QString, error);
    QCOMPARE(errorOf(source), error);
}

void TestPythonTokenizer::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("UTF-8") << QByteArray("x = 'caf\xc3\xa9'\n")
                           << QStringLiteral("x = 'caf\u00e9'\n") << QString();
    QTest::newRow("byte order mark dropped")
        << QByteArray("\xef\xbb\xbfx\n") << QStringLiteral("x\n") << QString();
    QTest::newRow("invalid start byte")
        << QByteArray("x = 1\nab\xff\n") << QString()
        << QStringLiteral(
               "t.py:2:3: the file is not valid UTF-8: byte 0xff at byte offset 8 cannot be "
               "decoded "
               "(save the file as UTF-8, or declare its encoding as described in PEP 263)");
    QTest::newRow("truncated sequence at end")
        << QByteArray("\xc3\xa9\xc3") << QString()
        << QStringLiteral(
               "t.py:1:2: the file is not valid UTF-8: byte 0xc3 at byte offset 2 cannot be "
               "decoded "
               "(save the file as UTF-8, or declare its encoding as described in PEP 263)");
    QTest::newRow("encoded surrogate is invalid")
        << QByteArray("\xed\xa0\x80") << QString()
        << QStringLiteral(
               "t.py:1:1: the file is not valid UTF-8: byte 0xed at byte offset 0 cannot be "
               "decoded "
               "(save the file as UTF-8, or declare its encoding as described in PEP 263)");
    QTest::newRow("latin-1 declaration")
        << QByteArray("# -*- coding: latin-1 -*-\nx = '\xe9'\n")
        << QStringLiteral("# -*- coding: latin-1 -*-\nx = '\u00e9'\n") << QString();
    QTest::newRow("declaration on line 2")
        << QByteArray("#!/usr/bin/python\n# vim: set fileencoding=iso-8859-1 :\n\xe9")
        << QStringLiteral("#!/usr/bin/python\n# vim: set fileencoding=iso-8859-1 :\n\u00e9")
        << QString();
    QTest::newRow("utf-8 declaration") << QByteArray("# coding=utf-8\n\xc3\xa9")
                                       << QStringLiteral("# coding=utf-8\n\u00e9") << QString();
    QTest::newRow("unknown encoding") << QByteArray("# coding: klingon\nx\n") << QString()
                                      << QStringLiteral("t.py:1:1: unknown encoding: klingon");
}

void TestPythonTokenizer::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QString, error);
    QString decoded;
    Diagnostic diagnostic;
    const bool ok = PythonTokenizer::decode(bytes, QStringLiteral("t.py"), &decoded, &diagnostic);
    QCOMPARE(ok, error.isEmpty());
    if (ok)
        QCOMPARE(decoded, text);
    else
        QCOMPARE(diagnostic.toString(), error);
}

void TestPythonTokenizer::offsetsIndexTheDecodedText()
{
    const QString source = QStringLiteral("a = '\U0001F600'  # \u00e9\r\nif b:\n\tc(\n  1)\n");
    PythonTokenizer tokenizer(source);
    const QList<PythonToken> tokens = tokenizer.tokenize();
    QVERIFY(!tokenizer.hasError());
    for (const PythonToken &token : tokens) {
        QCOMPARE(
            source.mid(token.range.start.offset, token.range.end.offset - token.range.start.offset),
            token.text);
    }
    // The emoji is two UTF-16 units but one column.
    QCOMPARE(tokens.at(2).range.end.column, 8);
    QCOMPARE(tokens.at(2).range.end.offset, 8);
}

void TestPythonTokenizer::tokenizingStopsAtTheFirstError()
{
    PythonTokenizer tokenizer(QStringLiteral("x = 1\ny = $\nz = 'unterminated\n"));
    QList<PythonToken> tokens = tokenizer.tokenize();
    QCOMPARE(tokens.last().kind, PythonToken::Kind::Error);
    QCOMPARE(tokens.size(), 7);
    QCOMPARE(tokenizer.error().line, 2);
    // Asking again returns the same error; it never runs past it.
    QCOMPARE(tokenizer.next().kind, PythonToken::Kind::Error);
    QCOMPARE(tokenizer.error().line, 2);
}

void TestPythonTokenizer::tenMegabyteInputTokenizesCompletely()
{
    const QString chunk = QStringLiteral(
        "def upgrade() -> None:\n"
        "    op.add_column('orders', sa.Column('total', sa.Numeric(10, 2), nullable=True))  # "
        "money\n"
        "    data = [0x1F, 1_000, 2.5e-3, \"\"\"text\n  block\"\"\", r'\\d+', f'{x!r}']\n"
        "\n"
        "revision: str = 'ae1027a6acf0'\n");
    QString source;
    source.reserve(10 * 1024 * 1024 + chunk.size());
    while (source.size() < 10 * 1024 * 1024)
        source += chunk;

    // Speed is measured in bench/, not asserted here; this checks the whole input is read.
    PythonTokenizer tokenizer(source);
    qsizetype count = 0;
    for (;;) {
        const PythonToken token = tokenizer.next();
        ++count;
        if (token.kind == PythonToken::Kind::EndMarker || token.kind == PythonToken::Kind::Error)
            break;
    }
    QVERIFY2(!tokenizer.hasError(), qPrintable(tokenizer.error().toString()));
    QVERIFY(count > 2000000);
}

void TestPythonTokenizer::adversarialInputsTerminate_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("error");
    const qsizetype n = 1000000;
    QTest::newRow("a million open brackets")
        << QString(n, QLatin1Char('('))
        << QStringLiteral("t.py:1:201: too many nested parentheses");
    QTest::newRow("a million balanced brackets")
        << QString(n, QLatin1Char('[')) + QString(n, QLatin1Char(']'))
        << QStringLiteral("t.py:1:201: too many nested parentheses");
    QTest::newRow("200 nested brackets")
        << QString(200, QLatin1Char('(')) + QString(200, QLatin1Char(')'))
        << QStringLiteral("no error");
    QTest::newRow("a million brackets one after the other")
        << QStringLiteral("[]").repeated(n) << QStringLiteral("no error");
    QTest::newRow("a million quotes")
        << QString(n + 1, QLatin1Char('"'))
        << QStringLiteral(
               "t.py:1:999997: unterminated triple-quoted string literal (detected at line 1)");
    QTest::newRow("deeply nested f-strings")
        << QString(1000, QLatin1Char('f')).replace(QLatin1Char('f'), QLatin1String("f'{"))
        << QStringLiteral("t.py:1:451: f-string: expressions nested too deeply");
    QTest::newRow("thousands of indentation levels") << []() -> QString {
        QString s;
        for (int i = 0; i < 3000; ++i)
            s += QString(i, QLatin1Char(' ')) + QLatin1String("if x:\n");
        return s + QString(3000, QLatin1Char(' ')) + QLatin1String("pass\n");
    }() << QStringLiteral("no error");
}

void TestPythonTokenizer::adversarialInputsTerminate()
{
    QFETCH(QString, source);
    QFETCH(QString, error);
    QCOMPARE(errorOf(source), error);
}

QTEST_GUILESS_MAIN(TestPythonTokenizer)
#include "tst_pythontokenizer.moc"
