// SPDX-License-Identifier: GPL-3.0-or-later
#include "python/fastheaderlexer.h"
#include "python/pythontokenizer.h"

#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Retort;

namespace {

using Kind = PythonToken::Kind;

// Every Python file of the test data and of the demo project.
QStringList corpus()
{
    QStringList files;
    const QStringList roots = {QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data"),
                               QStringLiteral(RETORT_TESTS_SOURCE_DIR "/../resources/demo")};
    for (const QString &root : roots) {
        QDirIterator it(root, {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    files.sort();
    return files;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

QString describe(const PythonToken &t)
{
    return QStringLiteral("%1 %2:%3(%4)-%5:%6(%7) flags %8 text [%9] value [%10]")
        .arg(PythonToken::kindName(t.kind))
        .arg(t.range.start.line)
        .arg(t.range.start.column)
        .arg(t.range.start.offset)
        .arg(t.range.end.line)
        .arg(t.range.end.column)
        .arg(t.range.end.offset)
        .arg(t.stringFlags)
        .arg(t.text, t.value);
}

// The lexer's tokens, or nullopt when it gives up.
std::optional<QStringList> lexed(const QByteArray &bytes)
{
    FastHeaderLexer lexer(bytes);
    QStringList out;
    for (int guard = 0; guard < 10 * (bytes.size() + 10); ++guard) {
        const FastHeaderToken token = lexer.next();
        if (token.kind == Kind::Error) {
            if (!lexer.gaveUp())
                return QStringList{QStringLiteral("error token without giving up")};
            return std::nullopt;
        }
        out.append(describe(token.toPythonToken()));
        if (token.kind == Kind::EndMarker)
            return out;
    }
    return QStringList{QStringLiteral("the lexer does not stop")};
}

// PythonTokenizer's tokens without comments and NL, or an error description.
QStringList tokenized(const QByteArray &bytes)
{
    QString text;
    Diagnostic error;
    if (!PythonTokenizer::decode(bytes, QString(), &text, &error))
        return {QStringLiteral("decode error: ") + error.toString()};
    PythonTokenizer tokenizer(text);
    QStringList out;
    for (;;) {
        const PythonToken token = tokenizer.next();
        if (token.kind == Kind::Error)
            return {QStringLiteral("tokenizer error: ") + tokenizer.error().toString()};
        if (token.kind == Kind::Comment || token.kind == Kind::Nl)
            continue;
        PythonToken comparable = token;
        if (comparable.kind == Kind::Dedent || comparable.kind == Kind::EndMarker) {
            // zero width; the lexer does not place them more precisely than needed
            comparable.range = SourceRange();
        }
        out.append(describe(comparable));
        if (token.kind == Kind::EndMarker)
            return out;
    }
}

QStringList withoutZeroWidthPositions(QStringList tokens)
{
    // Dedent and EndMarker positions are not compared (see tokenized()).
    for (QString &t : tokens) {
        if (t.startsWith(QLatin1String("DEDENT")) || t.startsWith(QLatin1String("ENDMARKER"))) {
            PythonToken blank;
            blank.kind = t.startsWith(QLatin1String("DEDENT")) ? Kind::Dedent : Kind::EndMarker;
            t = describe(blank);
        }
    }
    return tokens;
}

// Small edits that reach the corners of the lexical rules.
QByteArray mutated(const QByteArray &source, QRandomGenerator &random)
{
    static const char *const snippets[] = {"'",
                                           "\"",
                                           "\"\"\"",
                                           "'''",
                                           "\\",
                                           "\\\n",
                                           "\n",
                                           "    ",
                                           "\t",
                                           "(",
                                           ")",
                                           "[",
                                           "]",
                                           "{",
                                           "}",
                                           ":",
                                           "#",
                                           "0",
                                           "1.5",
                                           "0x1F",
                                           "\\x41",
                                           "r'a\\'",
                                           "b'\\101'",
                                           "f'",
                                           ";",
                                           "\n    ",
                                           "\xc3\xa9",
                                           "\r\n",
                                           "\xf0\x9f\x98\x80",
                                           "\xc3",
                                           "\f",
                                           ".5",
                                           "1_0",
                                           "\\N{X}",
                                           "@",
                                           "$",
                                           "!",
                                           "u'",
                                           "rb\"",
                                           "Rb'",
                                           "ur'",
                                           "07",
                                           "1e5",
                                           "5j",
                                           "\\u00e9",
                                           "\\t",
                                           "...",
                                           "->",
                                           "**=",
                                           "//",
                                           "\x01",
                                           "\\777",
                                           "x'",
                                           "if x:\n",
                                           "\n\n",
                                           " \\\n "};
    QByteArray out = source;
    const int edits = 1 + int(random.bounded(3));
    for (int e = 0; e < edits; ++e) {
        const qsizetype at = out.isEmpty() ? 0 : qsizetype(random.bounded(int(out.size()) + 1));
        switch (random.bounded(3)) {
        case 0:
        case 1:
            out.insert(at, snippets[random.bounded(int(std::size(snippets)))]);
            break;
        default:
            out.remove(at, 1 + qsizetype(random.bounded(3)));
            break;
        }
    }
    return out;
}

} // namespace

class TestFastHeaderLexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithTokenizer_data();
    void agreesWithTokenizer();
    void acceptsOrdinaryScripts_data();
    void acceptsOrdinaryScripts();
    void acceptsText_data();
    void acceptsText();
    void givesUp_data();
    void givesUp();
};

void TestFastHeaderLexer::agreesWithTokenizer_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = corpus();
    QVERIFY(files.size() >= 40);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file.mid(file.lastIndexOf(QLatin1Char('/')) + 1))) << file;
}

// Wherever the lexer does not give up — on the file and on 50 edits of it — its tokens
// are PythonTokenizer's, and the tokenizer finds no error.
void TestFastHeaderLexer::agreesWithTokenizer()
{
    QFETCH(QString, path);
    const QByteArray original = contents(path);
    QRandomGenerator random(quint32(qHash(path.mid(path.lastIndexOf(QLatin1Char('/'))))));
    for (int variant = 0; variant <= 50; ++variant) {
        const QByteArray bytes = variant == 0 ? original : mutated(original, random);
        const std::optional<QStringList> fast = lexed(bytes);
        if (!fast)
            continue;
        const QStringList expected = tokenized(bytes);
        if (withoutZeroWidthPositions(*fast) != expected) {
            qWarning().noquote() << "variant" << variant << "source:" << bytes;
            QCOMPARE(withoutZeroWidthPositions(*fast).join(QLatin1Char('\n')),
                     expected.join(QLatin1Char('\n')));
        }
    }
}

void TestFastHeaderLexer::acceptsOrdinaryScripts_data()
{
    QTest::addColumn<QString>("path");
    const QString headers = QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/headers/input/");
    QTest::newRow("Alembic 1.8 template") << headers + QLatin1String("01_template_1_8.py");
    QTest::newRow("Alembic 1.13 template")
        << headers + QLatin1String("02_template_1_13_annotated.py");
    QTest::newRow("backslash continuation")
        << headers + QLatin1String("32_backslash_continuation.py");
    QDirIterator demo(
        QStringLiteral(RETORT_TESTS_SOURCE_DIR "/../resources/demo/migrations/versions"),
        {QStringLiteral("*.py")}, QDir::Files);
    while (demo.hasNext()) {
        const QString file = demo.next();
        QTest::newRow(qPrintable(QLatin1String("demo ") + demo.fileName())) << file;
    }
}

// The fast path is worth having only if ordinary scripts take it.
void TestFastHeaderLexer::acceptsOrdinaryScripts()
{
    QFETCH(QString, path);
    const QByteArray bytes = contents(path);
    QVERIFY(!bytes.isEmpty());
    QVERIFY(lexed(bytes).has_value());
}

void TestFastHeaderLexer::acceptsText_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::newRow("non-ASCII docstring") << QByteArray("\"\"\"Ajouter la table \xc2\xab"
                                                       "clients\xc2\xbb\n\nRevision ID: a\n\"\"\"\n"
                                                       "revision = 'a'\n");
    QTest::newRow("character outside the BMP")
        << QByteArray("x = '\xf0\x9f\x98\x80 smile'  # \xf0\x9f\x98\x80\ny = 'after'\n");
    QTest::newRow("backslash before non-ASCII") << QByteArray("x = '\\\xc3\xa9'\n");
    QTest::newRow("tab in a docstring") << QByteArray("\"\"\"tab\tseparated\"\"\"\nx = 1\n");
}

// Non-ASCII text in strings and comments and tabs outside indentation are common in
// real scripts: the fast path takes them, with the tokenizer's positions and values.
void TestFastHeaderLexer::acceptsText()
{
    QFETCH(QByteArray, source);
    const std::optional<QStringList> fast = lexed(source);
    QVERIFY(fast.has_value());
    QCOMPARE(withoutZeroWidthPositions(*fast).join(QLatin1Char('\n')),
             tokenized(source).join(QLatin1Char('\n')));
}

void TestFastHeaderLexer::givesUp_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::newRow("non-ASCII name") << QByteArray("caf\xc3\xa9 = 1\n");
    QTest::newRow("invalid UTF-8 in a string") << QByteArray("x = 'caf\xc3'\n");
    QTest::newRow("surrogate in UTF-8") << QByteArray("x = '\xed\xa0\x80'\n");
    QTest::newRow("overlong UTF-8 in a comment") << QByteArray("# \xc0\xaf\nx = 1\n");
    QTest::newRow("non-ASCII bytes literal") << QByteArray("x = b'caf\xc3\xa9'\n");
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbfx = 1\n");
    QTest::newRow("coding declaration") << QByteArray("# -*- coding: latin-1 -*-\nx = 1\n");
    QTest::newRow("CR LF") << QByteArray("x = 1\r\n");
    QTest::newRow("NUL") << QByteArray("x = 1\n\0\n", 8);
    QTest::newRow("tab indentation") << QByteArray("def f():\n\tpass\n");
    QTest::newRow("f-string") << QByteArray("x = f'{y}'\n");
    QTest::newRow("hex escape") << QByteArray("x = '\\x41'\n");
    QTest::newRow("named escape") << QByteArray("x = '\\N{DASH}'\n");
    QTest::newRow("hexadecimal number") << QByteArray("x = 0x1F\n");
    QTest::newRow("exponent") << QByteArray("x = 1e5\n");
    QTest::newRow("leading dot number") << QByteArray("x = .5\n");
    QTest::newRow("unterminated string") << QByteArray("x = 'abc\n");
    QTest::newRow("unterminated triple-quoted string") << QByteArray("x = '''abc\n");
    QTest::newRow("unclosed bracket") << QByteArray("x = (1,\n");
    QTest::newRow("mismatched bracket") << QByteArray("x = (1]\n");
    QTest::newRow("too many nested brackets")
        << QByteArray("x = ") + QByteArray(201, '(') + "1" + QByteArray(201, ')') + "\n";
    QTest::newRow("bad dedent") << QByteArray("if x:\n    y = 1\n  z = 2\n");
    QTest::newRow("character after continuation") << QByteArray("x = 1 \\ y\n");
    QTest::newRow("continuation at the end") << QByteArray("x = 1 \\\n");
    QTest::newRow("invalid character") << QByteArray("x = $\n");
}

void TestFastHeaderLexer::givesUp()
{
    QFETCH(QByteArray, source);
    QVERIFY(!lexed(source).has_value());
}

QTEST_GUILESS_MAIN(TestFastHeaderLexer)
#include "tst_fastheaderlexer.moc"
