// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/builtinhighlighter.h"

#include "editor/syntaxhighlighterfactory.h"

#include <QPalette>
#include <QSet>

namespace Retort {

namespace {

const QSet<QString> &pythonKeywords()
{
    static const QSet<QString> words = {
        QStringLiteral("False"),  QStringLiteral("None"),     QStringLiteral("True"),
        QStringLiteral("and"),    QStringLiteral("as"),       QStringLiteral("assert"),
        QStringLiteral("async"),  QStringLiteral("await"),    QStringLiteral("break"),
        QStringLiteral("class"),  QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"),    QStringLiteral("elif"),     QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"),  QStringLiteral("for"),
        QStringLiteral("from"),   QStringLiteral("global"),   QStringLiteral("if"),
        QStringLiteral("import"), QStringLiteral("in"),       QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"),     QStringLiteral("pass"),     QStringLiteral("raise"),
        QStringLiteral("return"), QStringLiteral("try"),      QStringLiteral("while"),
        QStringLiteral("with"),   QStringLiteral("yield")};
    return words;
}

const QSet<QString> &pythonBuiltins()
{
    static const QSet<QString> words = {
        QStringLiteral("bool"),  QStringLiteral("dict"),  QStringLiteral("float"),
        QStringLiteral("int"),   QStringLiteral("len"),   QStringLiteral("list"),
        QStringLiteral("print"), QStringLiteral("range"), QStringLiteral("self"),
        QStringLiteral("set"),   QStringLiteral("str"),   QStringLiteral("tuple"),
        QStringLiteral("Union"), QStringLiteral("Sequence"), QStringLiteral("Optional")};
    return words;
}

const QSet<QString> &sqlKeywords()
{
    static const QSet<QString> words = [] {
        const char *const list[] = {
            "ADD", "ALL", "ALTER", "AND", "AS", "ASC", "AUTOINCREMENT", "AUTO_INCREMENT",
            "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CHANGE", "CHECK", "COLLATE",
            "COLUMN", "COMMENT", "COMMIT", "CONCURRENTLY", "CONSTRAINT", "CREATE", "CROSS",
            "DEFAULT", "DEFERRABLE", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "END",
            "ENGINE", "ENUM", "EXISTS", "EXTENSION", "FALSE", "FOREIGN", "FROM", "FULL",
            "GENERATED", "GROUP", "HAVING", "IDENTITY", "IF", "IN", "INDEX", "INITIALLY",
            "INNER", "INSERT", "INTO", "IS", "JOIN", "KEY", "LEFT", "LIKE", "LIMIT",
            "MODIFY", "NOT", "NULL", "ON", "OR", "ORDER", "OUTER", "PRIMARY", "REFERENCES",
            "RENAME", "REPLACE", "RESTRICT", "RIGHT", "ROLLBACK", "SCHEMA", "SELECT", "SET",
            "TABLE", "THEN", "TO", "TRANSACTION", "TRUE", "TYPE", "UNION", "UNIQUE",
            "UPDATE", "USING", "VALUES", "VIEW", "WHEN", "WHERE", "WITH", "WITHOUT",
            "ZONE",
            // Types: coloured like builtins.
        };
        QSet<QString> set;
        for (const char *word : list)
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words;
}

const QSet<QString> &sqlTypes()
{
    static const QSet<QString> words = [] {
        const char *const list[] = {
            "BIGINT", "BIGSERIAL", "BINARY", "BLOB", "BOOL", "BOOLEAN", "BYTEA", "CHAR",
            "CHARACTER", "DATE", "DATETIME", "DECIMAL", "DOUBLE", "FLOAT", "INT", "INTEGER",
            "INTERVAL", "JSON", "JSONB", "NUMERIC", "PRECISION", "REAL", "SERIAL",
            "SMALLINT", "TEXT", "TIME", "TIMESTAMP", "TINYINT", "UUID", "VARBINARY",
            "VARCHAR"};
        QSet<QString> set;
        for (const char *word : list)
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words;
}

QTextCharFormat makeFormat(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    f.setFontItalic(italic);
    return f;
}

// The end of a quoted string starting at `start` (the quote), past the closing quote;
// text.size() when it is not closed on this line. SQL doubles the quote to escape it,
// Python uses a backslash.
qsizetype stringEnd(const QString &text, qsizetype start, bool sql)
{
    const QChar quote = text.at(start);
    for (qsizetype i = start + 1; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!sql && c == QLatin1Char('\\')) {
            ++i;
        } else if (c == quote) {
            if (sql && i + 1 < text.size() && text.at(i + 1) == quote) {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return text.size();
}

} // namespace

BuiltinHighlighter::BuiltinHighlighter(QTextDocument *document, Language language,
                                       const QPalette &palette)
    : QSyntaxHighlighter(document)
    , m_language(language)
    , m_word(QStringLiteral("[A-Za-z_][A-Za-z0-9_]*|\\b[0-9][0-9_]*(\\.[0-9_]+)?([eE][-+]?[0-9]+)?\\b"))
{
    setPalette(palette);
}

void BuiltinHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = SyntaxHighlighterFactory::isDark(palette);
    // Two hand-picked sets with enough contrast on the palette's base colour.
    m_keyword = makeFormat(dark ? QColor(0xc6, 0x78, 0xdd) : QColor(0x00, 0x33, 0xb3), true);
    m_builtin = makeFormat(dark ? QColor(0xe5, 0xc0, 0x7b) : QColor(0x87, 0x10, 0x94));
    m_string = makeFormat(dark ? QColor(0x98, 0xc3, 0x79) : QColor(0x06, 0x7d, 0x17));
    m_comment = makeFormat(dark ? QColor(0x7f, 0x84, 0x8e) : QColor(0x8c, 0x8c, 0x8c), false, true);
    m_number = makeFormat(dark ? QColor(0xd1, 0x9a, 0x66) : QColor(0x17, 0x50, 0xeb));
    m_decorator = makeFormat(dark ? QColor(0xe5, 0xc0, 0x7b) : QColor(0x9e, 0x88, 0x0d));
    m_identifier = makeFormat(dark ? QColor(0x61, 0xaf, 0xef) : QColor(0x00, 0x62, 0x7a));
    rehighlight();
}

void BuiltinHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(Normal);
    if (m_language == Language::Python)
        highlightPython(text);
    else
        highlightSql(text);
}

void BuiltinHighlighter::highlightWords(const QString &text, qsizetype from, qsizetype to)
{
    const bool sql = m_language == Language::Sql;
    bool nameFollows = false; // after `def` / `class`
    QRegularExpressionMatchIterator it = m_word.globalMatch(text.left(to), from);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString word = match.captured();
        const int start = int(match.capturedStart());
        const int length = int(match.capturedLength());
        if (word.at(0).isDigit()) {
            setFormat(start, length, m_number);
            continue;
        }
        if (sql) {
            const QString upper = word.toUpper();
            if (sqlKeywords().contains(upper))
                setFormat(start, length, m_keyword);
            else if (sqlTypes().contains(upper))
                setFormat(start, length, m_builtin);
            continue;
        }
        if (nameFollows) {
            setFormat(start, length, m_identifier);
            nameFollows = false;
        } else if (pythonKeywords().contains(word)) {
            setFormat(start, length, m_keyword);
            nameFollows = word == QLatin1String("def") || word == QLatin1String("class");
        } else if (pythonBuiltins().contains(word)) {
            setFormat(start, length, m_builtin);
        }
    }
}

void BuiltinHighlighter::highlightPython(const QString &text)
{
    qsizetype i = 0;
    // A triple-quoted string left open by the previous line.
    const int previous = previousBlockState();
    if (previous == InTripleSingle || previous == InTripleDouble) {
        const QString delimiter = previous == InTripleSingle ? QStringLiteral("'''")
                                                             : QStringLiteral("\"\"\"");
        const qsizetype end = text.indexOf(delimiter);
        if (end < 0) {
            setFormat(0, int(text.size()), m_string);
            setCurrentBlockState(previous);
            return;
        }
        i = end + 3;
        setFormat(0, int(i), m_string);
    }
    qsizetype plainStart = i;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('#')) {
            highlightWords(text, plainStart, i);
            setFormat(int(i), int(text.size() - i), m_comment);
            return;
        }
        // A decorator at the start of a line: its whole dotted name.
        if (c == QLatin1Char('@') && QStringView(text).left(i).trimmed().isEmpty()) {
            qsizetype end = i + 1;
            while (end < text.size() && (text.at(end).isLetterOrNumber() ||
                                         text.at(end) == QLatin1Char('_') ||
                                         text.at(end) == QLatin1Char('.')))
                ++end;
            setFormat(int(i), int(end - i), m_decorator);
            i = end;
            plainStart = i;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            highlightWords(text, plainStart, i);
            // String prefixes (r, b, f, u and pairs) belong to the string.
            qsizetype start = i;
            while (start > plainStart && QStringLiteral("rRbBfFuU").contains(text.at(start - 1)) &&
                   (start - 1 == 0 || !text.at(start - 2).isLetterOrNumber()))
                --start;
            const QString triple(3, c);
            if (text.mid(i, 3) == triple) {
                const qsizetype close = text.indexOf(triple, i + 3);
                if (close < 0) {
                    setFormat(int(start), int(text.size() - start), m_string);
                    setCurrentBlockState(c == QLatin1Char('\'') ? InTripleSingle : InTripleDouble);
                    return;
                }
                i = close + 3;
            } else {
                i = stringEnd(text, i, false);
            }
            setFormat(int(start), int(i - start), m_string);
            plainStart = i;
            continue;
        }
        ++i;
    }
    highlightWords(text, plainStart, text.size());
}

void BuiltinHighlighter::highlightSql(const QString &text)
{
    qsizetype i = 0;
    if (previousBlockState() == InBlockComment) {
        const qsizetype end = text.indexOf(QLatin1String("*/"));
        if (end < 0) {
            setFormat(0, int(text.size()), m_comment);
            setCurrentBlockState(InBlockComment);
            return;
        }
        i = end + 2;
        setFormat(0, int(i), m_comment);
    }
    qsizetype plainStart = i;
    while (i < text.size()) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            highlightWords(text, plainStart, i);
            setFormat(int(i), int(text.size() - i), m_comment);
            return;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            highlightWords(text, plainStart, i);
            const qsizetype end = text.indexOf(QLatin1String("*/"), i + 2);
            if (end < 0) {
                setFormat(int(i), int(text.size() - i), m_comment);
                setCurrentBlockState(InBlockComment);
                return;
            }
            setFormat(int(i), int(end + 2 - i), m_comment);
            i = end + 2;
            plainStart = i;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
            highlightWords(text, plainStart, i);
            const qsizetype end = stringEnd(text, i, true);
            setFormat(int(i), int(end - i), c == QLatin1Char('\'') ? m_string : m_identifier);
            i = end;
            plainStart = i;
            continue;
        }
        ++i;
    }
    highlightWords(text, plainStart, text.size());
}

} // namespace Retort
