// SPDX-License-Identifier: GPL-3.0-or-later
#include "python/fastheaderlexer.h"

#include "python/pythontokenizer.h"

#include <cstring>
#include <string_view>

namespace Retort {

namespace {

using Kind = PythonToken::Kind;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isIdentifierStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isIdentifierContinue(char c)
{
    return isIdentifierStart(c) || isDigit(c);
}

bool isAscii(char c)
{
    return static_cast<unsigned char>(c) < 0x80;
}

// Bytes the fast path never accepts, wherever they are: the tokenizer stops at NUL and
// treats CR as a line end.
bool isForbidden(char c)
{
    return c == '\0' || c == '\r';
}

// The length of the UTF-8 sequence at data[i] (a byte >= 0x80) if it is one Python's
// codec accepts (no overlong forms, no surrogates, nothing above U+10FFFF), else 0.
int utf8Length(const char *data, qsizetype i, qsizetype size)
{
    const auto byte = [&](qsizetype k) {
        return static_cast<unsigned char>(data[k]);
    };
    const unsigned char b = byte(i);
    int length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        if (b == 0xE0)
            low = 0xA0;
        else if (b == 0xED)
            high = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        if (b == 0xF0)
            low = 0x90;
        else if (b == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    if (i + length > size || byte(i + 1) < low || byte(i + 1) > high)
        return 0;
    for (int k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
            return 0;
    }
    return length;
}

// PythonTokenizer's string prefixes: r u b f br rb fr rf in any case; ok is false for
// a name that is not a prefix.
int prefixFlags(const char *prefix, qsizetype size, bool *ok)
{
    *ok = false;
    if (size < 1 || size > 2)
        return 0;
    int flags = 0;
    for (qsizetype i = 0; i < size; ++i) {
        int flag = 0;
        switch (prefix[i]) {
        case 'r':
        case 'R':
            flag = PythonToken::Raw;
            break;
        case 'b':
        case 'B':
            flag = PythonToken::Bytes;
            break;
        case 'u':
        case 'U':
            flag = PythonToken::Unicode;
            break;
        case 'f':
        case 'F':
            flag = PythonToken::Formatted;
            break;
        default:
            return 0;
        }
        if (flags & flag)
            return 0;
        flags |= flag;
    }
    if ((flags & PythonToken::Unicode) && size > 1)
        return 0;
    if ((flags & PythonToken::Bytes) && (flags & PythonToken::Formatted))
        return 0;
    *ok = true;
    return flags;
}

// A PEP 263 declaration may name an encoding other than UTF-8; the full path decides.
bool mayDeclareEncoding(const QByteArray &bytes)
{
    const std::string_view text(bytes.constData(), size_t(bytes.size()));
    const size_t firstEnd = text.find('\n');
    const size_t secondEnd =
        firstEnd == std::string_view::npos ? firstEnd : text.find('\n', firstEnd + 1);
    return text.substr(0, secondEnd).find("coding") != std::string_view::npos;
}

// A string literal's value from its body, for the escapes the lexer lets through.
QString decodeBody(const char *body, qsizetype size, int flags)
{
    const QString text = QString::fromUtf8(body, size);
    if ((flags & PythonToken::Raw) || !std::memchr(body, '\\', size_t(size)))
        return text;
    const bool bytes = flags & PythonToken::Bytes;
    const qsizetype length = text.size();
    QString out;
    out.reserve(length);
    qsizetype i = 0;
    while (i < length) {
        const QChar c = text.at(i);
        if (c != u'\\') {
            out.append(c);
            ++i;
            continue;
        }
        const char16_t n = i + 1 < length ? text.at(i + 1).unicode() : 0;
        i += 2;
        switch (n) {
        case u'\n':
            break;
        case u'\\':
        case u'\'':
        case u'"':
            out.append(QChar(n));
            break;
        case u'a':
            out.append(QChar(0x07));
            break;
        case u'b':
            out.append(QChar(0x08));
            break;
        case u'f':
            out.append(QChar(0x0C));
            break;
        case u'n':
            out.append(QChar(0x0A));
            break;
        case u'r':
            out.append(QChar(0x0D));
            break;
        case u't':
            out.append(QChar(0x09));
            break;
        case u'v':
            out.append(QChar(0x0B));
            break;
        case u'0':
        case u'1':
        case u'2':
        case u'3':
        case u'4':
        case u'5':
        case u'6':
        case u'7': {
            uint code = uint(n - u'0');
            for (int k = 0; k < 2 && i < length && text.at(i) >= u'0' && text.at(i) <= u'7';
                 ++k, ++i)
                code = code * 8 + uint(text.at(i).unicode() - u'0');
            out.append(QChar(char16_t(bytes ? (code & 0xFF) : code)));
            break;
        }
        default:
            // Unknown escapes stay as written (the lexer gave up on \x \u \U \N).
            out.append(QLatin1Char('\\'));
            if (n)
                --i;
            break;
        }
    }
    return out;
}

} // namespace

QString FastHeaderToken::value() const
{
    if (kind == Kind::String)
        return decodeBody(source + bodyBegin, bodyEnd - bodyBegin, stringFlags);
    return QString::fromUtf8(source + begin, end - begin);
}

PythonToken FastHeaderToken::toPythonToken() const
{
    PythonToken token;
    token.kind = kind;
    token.text = QString::fromUtf8(source + begin, end - begin);
    token.value = kind == Kind::String ? value() : token.text;
    token.stringFlags = kind == Kind::String ? stringFlags : 0;
    token.range = range();
    return token;
}

FastHeaderLexer::FastHeaderLexer(const QByteArray &bytes)
    : m_data(bytes.constData())
    , m_size(bytes.size())
{
    if (mayDeclareEncoding(bytes))
        m_gaveUp = true;
}

FastHeaderToken FastHeaderLexer::giveUp()
{
    m_gaveUp = true;
    FastHeaderToken token = make(Kind::Error, m_pos, positionOf(m_pos));
    return token;
}

FastHeaderToken FastHeaderLexer::make(Kind kind, qsizetype begin, const SourcePosition &start) const
{
    FastHeaderToken token;
    token.kind = kind;
    token.source = m_data;
    token.begin = begin;
    token.end = m_pos;
    token.start = start;
    token.finish = positionOf(m_pos);
    return token;
}

bool FastHeaderLexer::skipUtf8(qsizetype *p)
{
    const int length = utf8Length(m_data, *p, m_size);
    if (length == 0)
        return false;
    *p += length;
    m_offsetDelta += length - (length == 4 ? 2 : 1);
    m_columnDelta += length - 1;
    return true;
}

FastHeaderToken FastHeaderLexer::next()
{
    if (m_gaveUp)
        return giveUp();
    if (m_pendingDedents > 0) {
        --m_pendingDedents;
        return make(Kind::Dedent, m_pos, positionOf(m_pos));
    }
    for (;;) {
        if (m_atLineStart) {
            // Indentation, as PythonTokenizer::scanIndentation measures it for spaces only.
            m_atLineStart = false;
            qsizetype p = m_pos;
            while (p < m_size && m_data[p] == ' ')
                ++p;
            const char c = at(p);
            if (p < m_size && (c == '\t' || c == '\f'))
                return giveUp();
            const int column = int(p - m_pos);
            const qsizetype lineBegin = m_pos;
            m_pos = p;
            if (p < m_size && c != '#' && c != '\n') {
                if (column > m_indents.last()) {
                    m_indents.append(column);
                    return make(Kind::Indent, lineBegin, positionOf(lineBegin));
                }
                if (column < m_indents.last()) {
                    int dedents = 0;
                    while (m_indents.size() > 1 && column < m_indents.last()) {
                        m_indents.removeLast();
                        ++dedents;
                    }
                    if (column != m_indents.last())
                        return giveUp();
                    m_pendingDedents = dedents - 1;
                    return make(Kind::Dedent, m_pos, positionOf(m_pos));
                }
            }
        }
        while (m_pos < m_size &&
               (m_data[m_pos] == ' ' || m_data[m_pos] == '\t' || m_data[m_pos] == '\f'))
            ++m_pos;
        if (m_pos >= m_size)
            return endOfInput();

        const char c = m_data[m_pos];
        if (c == '#') {
            while (m_pos < m_size && m_data[m_pos] != '\n') {
                if (isForbidden(m_data[m_pos]))
                    return giveUp();
                if (isAscii(m_data[m_pos]))
                    ++m_pos;
                else if (!skipUtf8(&m_pos))
                    return giveUp();
            }
            continue;
        }
        if (c == '\n') {
            const qsizetype begin = m_pos;
            const SourcePosition start = positionOf(begin);
            const bool logical = m_brackets.isEmpty() && m_lineHasTokens;
            ++m_pos;
            if (m_brackets.isEmpty()) {
                m_atLineStart = true;
                m_lineHasTokens = false;
            }
            if (!logical) {
                startLine(m_pos);
                continue;
            }
            // Like PythonTokenizer, a NEWLINE ends on its own line.
            FastHeaderToken token = make(Kind::Newline, begin, start);
            token.finish = SourcePosition{start.line, start.column + 1, start.offset + 1};
            startLine(m_pos);
            return token;
        }
        if (c == '\\') {
            if (at(m_pos + 1) != '\n')
                return giveUp();
            m_pos += 2;
            startLine(m_pos);
            if (m_pos >= m_size)
                return giveUp();
            continue;
        }

        m_lineHasTokens = true;
        if (isDigit(c))
            return scanNumber();
        if (isIdentifierStart(c)) {
            const qsizetype begin = m_pos;
            qsizetype p = m_pos + 1;
            while (p < m_size && isIdentifierContinue(m_data[p]))
                ++p;
            const char after = at(p);
            if (!isAscii(after))
                return giveUp();
            if (after == '\'' || after == '"') {
                bool isPrefix = false;
                const int flags = prefixFlags(m_data + begin, p - begin, &isPrefix);
                if (isPrefix) {
                    if (flags & PythonToken::Formatted)
                        return giveUp();
                    return scanString(begin, p, flags);
                }
            }
            const SourcePosition start = positionOf(begin);
            m_pos = p;
            return make(Kind::Name, begin, start);
        }
        if (c == '\'' || c == '"')
            return scanString(m_pos, m_pos, 0);
        return scanOperator();
    }
}

FastHeaderToken FastHeaderLexer::endOfInput()
{
    if (!m_brackets.isEmpty())
        return giveUp();
    if (m_lineHasTokens) {
        m_lineHasTokens = false;
        return make(Kind::Newline, m_pos, positionOf(m_pos));
    }
    if (m_indents.size() > 1) {
        m_indents.removeLast();
        return make(Kind::Dedent, m_pos, positionOf(m_pos));
    }
    return make(Kind::EndMarker, m_pos, positionOf(m_pos));
}

// Plain decimal integers ("0", "42") and fractions ("1.5") only.
FastHeaderToken FastHeaderLexer::scanNumber()
{
    const qsizetype begin = m_pos;
    qsizetype p = m_pos;
    if (m_data[p] == '0') {
        ++p;
    } else {
        while (p < m_size && isDigit(m_data[p]))
            ++p;
    }
    if (at(p) == '.') {
        ++p;
        if (!isDigit(at(p)))
            return giveUp();
        while (p < m_size && isDigit(m_data[p]))
            ++p;
    }
    const char after = at(p);
    if (isIdentifierContinue(after) || after == '.' || after == '\'' || after == '"' ||
        !isAscii(after))
        return giveUp();
    const SourcePosition start = positionOf(begin);
    m_pos = p;
    return make(Kind::Number, begin, start);
}

// From the prefix (begin) and the opening quote (quote) to just past the closing quote.
FastHeaderToken FastHeaderLexer::scanString(qsizetype begin, qsizetype quote, int flags)
{
    const SourcePosition start = positionOf(begin);
    const char q = m_data[quote];
    qsizetype p = quote + 1;
    const bool triple = at(p) == q && at(p + 1) == q;
    if (triple) {
        p += 2;
        flags |= PythonToken::TripleQuoted;
    }
    const bool raw = flags & PythonToken::Raw;
    const qsizetype bodyBegin = p;
    qsizetype bodyEnd = -1;
    while (bodyEnd < 0) {
        if (p >= m_size)
            return giveUp(); // unterminated
        const char c = m_data[p];
        if (c == '\\') {
            const char n = at(p + 1);
            if (p + 1 >= m_size || isForbidden(n))
                return giveUp();
            if (!raw && (n == 'x' || n == 'u' || n == 'U' || n == 'N'))
                return giveUp();
            // Before a non-ASCII character the backslash is just kept: the character
            // itself is read next time round.
            p += isAscii(n) ? 2 : 1;
            if (n == '\n')
                startLine(p);
        } else if (!isAscii(c)) {
            // Bytes literals must be ASCII (PythonTokenizer reports an error).
            if ((flags & PythonToken::Bytes) || !skipUtf8(&p))
                return giveUp();
        } else if (c == '\n') {
            if (!triple)
                return giveUp(); // unterminated
            ++p;
            startLine(p);
        } else if (c == q && (!triple || (at(p + 1) == q && at(p + 2) == q))) {
            bodyEnd = p;
            p += triple ? 3 : 1;
        } else if (isForbidden(c)) {
            return giveUp();
        } else {
            ++p;
        }
    }
    m_pos = p;
    FastHeaderToken token = make(Kind::String, begin, start);
    token.stringFlags = flags;
    token.bodyBegin = bodyBegin;
    token.bodyEnd = bodyEnd;
    return token;
}

// PythonTokenizer::scanOperator's longest match; brackets must pair up.
FastHeaderToken FastHeaderLexer::scanOperator()
{
    const qsizetype begin = m_pos;
    const char c = m_data[m_pos];
    const char n = at(m_pos + 1);
    const char n2 = at(m_pos + 2);
    qsizetype length = 1;
    switch (c) {
    case '(':
    case '[':
    case '{':
        // PythonTokenizer reports the nesting limit.
        if (m_brackets.size() >= PythonTokenizer::MaxBracketNesting)
            return giveUp();
        m_brackets.append(c);
        break;
    case ')':
    case ']':
    case '}': {
        const char open = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (m_brackets.isEmpty() || m_brackets.last() != open)
            return giveUp();
        m_brackets.removeLast();
        break;
    }
    case ',':
    case ';':
    case '~':
        break;
    case '.':
        if (isDigit(n))
            return giveUp(); // a number such as .5
        if (n == '.' && n2 == '.')
            length = 3;
        break;
    case '-':
        if (n == '=' || n == '>')
            length = 2;
        break;
    case ':':
    case '!':
    case '=':
    case '+':
    case '%':
    case '&':
    case '@':
    case '^':
    case '|':
        if (n == '=')
            length = 2;
        break;
    case '*':
    case '/':
    case '<':
    case '>':
        if (n == c)
            length = n2 == '=' ? 3 : 2;
        else if (n == '=')
            length = 2;
        break;
    default:
        return giveUp();
    }
    const SourcePosition start = positionOf(begin);
    m_pos += length;
    return make(Kind::Op, begin, start);
}

} // namespace Retort
