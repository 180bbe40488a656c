// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "python/pythontoken.h"
#include "python/sourcerange.h"

#include <QByteArray>
#include <QLatin1String>
#include <QVarLengthArray>

namespace Retort {

// One token of FastHeaderLexer: where it is, nothing allocated. The text is made only
// for the few tokens a caller keeps (toPythonToken()). Valid while the lexer's bytes are.
struct FastHeaderToken
{
    PythonToken::Kind kind = PythonToken::Kind::EndMarker;
    int stringFlags = 0;
    const char *source = nullptr;
    qsizetype begin = 0; // byte offsets of the token in the source
    qsizetype end = 0;
    qsizetype bodyBegin = 0; // String: the bytes between the quotes
    qsizetype bodyEnd = 0;
    SourcePosition start; // as PythonTokenizer counts them (offsets into the decoded text)
    SourcePosition finish;

    bool isOp(QLatin1String op) const { return kind == PythonToken::Kind::Op && is(op); }
    bool isName(QLatin1String name) const { return kind == PythonToken::Kind::Name && is(name); }
    SourceRange range() const { return SourceRange{start, finish}; }
    // PythonToken::value: for a String its decoded contents, else the text.
    QString value() const;
    // The token exactly as PythonTokenizer makes it from the same source.
    PythonToken toPythonToken() const;

private:
    // The token's source text is `text` (ASCII).
    bool is(QLatin1String text) const
    {
        if (end - begin != text.size())
            return false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (source[begin + i] != text.data()[i])
                return false;
        }
        return true;
    }
};

// The fast path of ScriptHeaderReader: tokenizes a migration script straight from its
// UTF-8 bytes, without decoding the file or building token text, as long as the source
// stays within a subset of Python's lexical rules on which it agrees with PythonTokenizer
// token for token (kinds, extents, positions and offsets, decoded string values). It
// gives up — next() then returns Kind::Error and gaveUp() is true — on anything else,
// and the caller falls back to PythonTokenizer: non-ASCII outside strings and comments,
// invalid UTF-8, non-ASCII in bytes literals, NUL, CR, a byte order mark, a PEP 263
// coding declaration, tabs or form feeds in indentation, f-strings, \x \u \U \N escapes,
// numbers other than plain decimal integers and decimal fractions, brackets nested
// deeper than PythonTokenizer::MaxBracketNesting, and every lexical
// error (it never reports one itself). Comments and NL tokens are skipped, not returned.
//
// Not thread-safe per instance; the bytes must outlive the lexer and its tokens.
class FastHeaderLexer
{
public:
    explicit FastHeaderLexer(const QByteArray &bytes);
    Q_DISABLE_COPY_MOVE(FastHeaderLexer)

    FastHeaderToken next();
    bool gaveUp() const { return m_gaveUp; }

private:
    FastHeaderToken giveUp();
    FastHeaderToken make(PythonToken::Kind kind, qsizetype begin,
                         const SourcePosition &start) const;
    // Steps over the valid UTF-8 sequence at *p; false if it is not one.
    bool skipUtf8(qsizetype *p);
    FastHeaderToken endOfInput();
    FastHeaderToken scanNumber();
    FastHeaderToken scanString(qsizetype begin, qsizetype quote, int flags);
    FastHeaderToken scanOperator();
    char at(qsizetype offset) const { return offset < m_size ? m_data[offset] : '\0'; }
    void startLine(qsizetype offset)
    {
        ++m_line;
        m_lineBegin = offset;
        m_columnDelta = 0;
    }
    // Position of a byte offset on the current line, past every multi-byte character
    // counted so far.
    SourcePosition positionOf(qsizetype offset) const
    {
        return SourcePosition{m_line, int(offset - m_lineBegin) + 1 - m_columnDelta,
                              offset - m_offsetDelta};
    }

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    qsizetype m_lineBegin = 0;
    int m_line = 1;
    qsizetype m_offsetDelta = 0; // bytes minus UTF-16 code units before m_pos
    int m_columnDelta = 0;       // bytes minus characters on the current line before m_pos
    QVarLengthArray<int, 16> m_indents{0};
    QVarLengthArray<char, 32> m_brackets;
    int m_pendingDedents = 0;
    bool m_atLineStart = true;
    bool m_lineHasTokens = false;
    bool m_gaveUp = false;
};

} // namespace Retort
