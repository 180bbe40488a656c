// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "python/pythontoken.h"
#include "util/diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>

namespace Retort {

// A Python 3 tokenizer (the lexical rules of the language reference, 3.12 flavour):
// NAME/NUMBER/STRING/OP/COMMENT, NEWLINE vs NL with implicit line joining inside
// brackets and backslash continuations, INDENT/DEDENT with Python's tab rules, ENDMARKER.
//
// Use: construct from decoded text (see decode()), then call next() until it returns
// EndMarker or Error; or call tokenize() for the whole list. Tokenizing stops at the
// first error (including more than MaxBracketNesting nested brackets): next() then
// returns an Error token positioned at the problem and error() describes it
// (file:line:column + message, as Python would report it). Runs in time linear in the
// input, without recursion on the input's nesting; never hangs.
// Not thread-safe per instance; independent instances can run on different threads.
class PythonTokenizer
{
public:
    // CPython's tokenizer refuses a bracket opened inside this many open brackets
    // ("too many nested parentheses"), and so does this one.
    static constexpr int MaxBracketNesting = 200;

    // source: decoded text; a leading U+FEFF (byte order mark) is skipped. fileName is
    // used in diagnostics only.
    explicit PythonTokenizer(const QString &source, const QString &fileName = QString());
    Q_DISABLE_COPY_MOVE(PythonTokenizer)

    // Decodes a source file's bytes: UTF-8 (a leading byte order mark is dropped) or the
    // encoding named by a PEP 263 coding declaration on line 1 or 2. On failure returns
    // false and sets *error (e.g. invalid UTF-8: the byte offset, line and column).
    static bool decode(const QByteArray &bytes, const QString &fileName, QString *text,
                       Diagnostic *error);

    PythonToken next();
    // All tokens up to and including EndMarker (or the Error token).
    QList<PythonToken> tokenize();

    bool hasError() const { return m_hasError; }
    const Diagnostic &error() const { return m_error; }
    const QString &fileName() const { return m_fileName; }

private:
    struct Bracket
    {
        QChar ch;
        SourcePosition where;
    };

    PythonToken scanToken();
    bool scanIndentation(PythonToken *token);
    PythonToken scanName(const SourcePosition &start);
    PythonToken scanNumber(const SourcePosition &start);
    PythonToken scanString(const SourcePosition &start, int flags);
    PythonToken scanOperator(const SourcePosition &start);
    PythonToken endOfInput();
    bool scanStringBody(const SourcePosition &start, char16_t quote, bool triple,
                        qsizetype *bodyEnd);
    bool scanFormattedString(const SourcePosition &start, char16_t quote, bool triple, bool raw,
                             qsizetype *bodyEnd);
    bool decodeEscapes(const SourcePosition &bodyStart, qsizetype bodyEnd, int flags,
                       QString *value);
    bool verifyEndOfNumber(const SourcePosition &start, const char *kind);

    char16_t at(qsizetype offset) const { return offset < m_end ? m_data[offset] : 0; }
    char16_t current() const { return at(m_pos); }
    char32_t codePointAt(qsizetype offset, int *units) const;
    bool atEnd() const { return m_pos >= m_end; }
    bool atLineEnd() const { return current() == u'\n' || current() == u'\r'; }
    void advance();
    void consumeLineEnd();
    SourcePosition position() const { return SourcePosition{m_line, m_column, m_pos}; }
    // The line of the last character read (at the end of input after a line end, the line before).
    int lastLine() const { return (m_column == 1 && m_line > 1) ? m_line - 1 : m_line; }
    SourcePosition positionAt(const SourcePosition &from, qsizetype offset) const;
    PythonToken makeToken(PythonToken::Kind kind, const SourcePosition &start);
    // The source text at [offset, offset + length) as a QString, shared with earlier
    // tokens of the same text where possible (see m_textCache).
    QString sharedText(qsizetype offset, qsizetype length);
    PythonToken fail(const SourcePosition &where, const QString &message);
    PythonToken failAtEnd(const SourcePosition &where, const QString &message);

    QString m_source;
    const char16_t *m_data = nullptr; // m_source's characters (it is never modified)
    QString m_fileName;
    qsizetype m_end = 0; // tokenizing stops here: the first NUL character, or the size
    qsizetype m_nulOffset = -1;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    QList<int> m_indents{0};    // indentation columns with tabs to multiples of 8
    QList<int> m_altIndents{0}; // the same with tabs counted as 1, to detect inconsistent tabs
    int m_pendingDedents = 0;
    QList<Bracket> m_brackets;
    bool m_atLineStart = true;
    bool m_lineHasTokens = false; // the current logical line has a token other than comments
    bool m_finished = false;
    bool m_hasError = false;
    Diagnostic m_error;
    PythonToken m_errorToken;
    // Short token texts made so far, by a hash of their characters: a migration repeats
    // the same names, numbers, line ends, indentation and string values over and over,
    // and sharing one QString for each saves an allocation per token (most of the cost
    // of tokenizing). A slot is simply overwritten on a collision.
    std::array<QString, 512> m_textCache;
};

} // namespace Retort
