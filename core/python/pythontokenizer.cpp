// SPDX-License-Identifier: GPL-3.0-or-later
#include "python/pythontokenizer.h"

#include <QStringDecoder>

#include <algorithm>
#include <array>

namespace Retort {

namespace {

constexpr int TabSize = 8;
// Python allows 150 nested f-strings; each level takes two frames of the scanner's stack
// (its literal text and one replacement field).
constexpr int MaxFormattedNesting = 2 * 150;

bool isAsciiLetter(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(char32_t c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char32_t c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char32_t c)
{
    if (isDigit(c))
        return int(c - '0');
    if (c >= 'a' && c <= 'f')
        return int(c - 'a' + 10);
    return int(c - 'A' + 10);
}

// XID_Start / XID_Continue as Python uses them for identifiers (PEP 3131).
bool isIdentifierStart(char32_t c)
{
    if (c < 0x80)
        return isAsciiLetter(c) || c == '_';
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_Letter:
        return true;
    default:
        break;
    }
    return c == 0x1885 || c == 0x1886 || c == 0x2118 || c == 0x212E || c == 0x309B || c == 0x309C;
}

bool isIdentifierContinue(char32_t c)
{
    if (c < 0x80)
        return isAsciiLetter(c) || isDigit(c) || c == '_';
    if (isIdentifierStart(c))
        return true;
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Number_DecimalDigit:
    case QChar::Punctuation_Connector:
        return true;
    default:
        break;
    }
    return c == 0x00B7 || c == 0x0387 || (c >= 0x1369 && c <= 0x1371) || c == 0x19DA;
}

// The string prefixes Python 3 accepts, any case: r u b f br rb fr rf.
int stringPrefixFlags(QStringView prefix, bool *ok)
{
    *ok = false;
    if (prefix.isEmpty() || prefix.size() > 2)
        return 0;
    int flags = 0;
    for (QChar ch : prefix) {
        int flag = 0;
        switch (ch.toLower().unicode()) {
        case 'r':
            flag = PythonToken::Raw;
            break;
        case 'b':
            flag = PythonToken::Bytes;
            break;
        case 'u':
            flag = PythonToken::Unicode;
            break;
        case 'f':
            flag = PythonToken::Formatted;
            break;
        default:
            return 0;
        }
        if (flags & flag)
            return 0;
        flags |= flag;
    }
    if ((flags & PythonToken::Unicode) && prefix.size() > 1)
        return 0;
    if ((flags & PythonToken::Bytes) && (flags & PythonToken::Formatted))
        return 0;
    *ok = true;
    return flags;
}

QString hex(char32_t c, int width)
{
    return QString::number(uint(c), 16).toUpper().rightJustified(width, QLatin1Char('0'));
}

// The operators and delimiters as strings over static characters (QString::fromRawData:
// copying them touches no reference count, and making an Op token allocates nothing):
// single[c] for one character, doubled[c] for "cc" (** // << >>), withEquals[c] for "c=",
// tripled[c] for the three-character ones (**= //= >>= <<= ...) and arrow for "->". Null
// where Python has no such operator.
struct OperatorStrings
{
    OperatorStrings();
    Q_DISABLE_COPY_MOVE(OperatorStrings) // the strings point into the object itself

    std::array<QString, 128> single;
    std::array<QString, 128> doubled;
    std::array<QString, 128> withEquals;
    std::array<QString, 128> tripled;
    QString arrow;

private:
    using Text = std::array<char16_t, 3>;
    static QString raw(const Text &text, qsizetype length)
    {
        return QString::fromRawData(reinterpret_cast<const QChar *>(text.data()), length);
    }

    std::array<Text, 128> m_singleText{};
    std::array<Text, 128> m_doubledText{};
    std::array<Text, 128> m_withEqualsText{};
    std::array<Text, 128> m_tripledText{};
    Text m_arrowText{u'-', u'>'};
};

OperatorStrings::OperatorStrings()
{
    for (char c : {'%', '&', '(', ')', '*', '+', ',', '-', '.', '/', ':', ';',
                   '<', '=', '>', '@', '[', ']', '^', '{', '|', '}', '~', '!'}) {
        m_singleText[size_t(c)] = {char16_t(c)};
        single[size_t(c)] = raw(m_singleText[size_t(c)], 1);
    }
    for (char c : {'*', '/', '<', '>'}) {
        m_doubledText[size_t(c)] = {char16_t(c), char16_t(c)};
        doubled[size_t(c)] = raw(m_doubledText[size_t(c)], 2);
        m_tripledText[size_t(c)] = {char16_t(c), char16_t(c), u'='};
        tripled[size_t(c)] = raw(m_tripledText[size_t(c)], 3);
    }
    for (char c : {'!', '%', '&', '*', '+', '-', '/', ':', '<', '=', '>', '@', '^', '|'}) {
        m_withEqualsText[size_t(c)] = {char16_t(c), u'='};
        withEquals[size_t(c)] = raw(m_withEqualsText[size_t(c)], 2);
    }
    m_tripledText[size_t('.')] = {u'.', u'.', u'.'};
    tripled[size_t('.')] = raw(m_tripledText[size_t('.')], 3);
    arrow = raw(m_arrowText, 2);
}

const OperatorStrings &operatorStrings()
{
    static const OperatorStrings table;
    return table;
}

char16_t closingFor(QChar open)
{
    switch (open.unicode()) {
    case '(':
        return u')';
    case '[':
        return u']';
    default:
        return u'}';
    }
}

// ---- decoding ------------------------------------------------------------------------

// Finds the first byte that is not part of valid UTF-8 (Python's codec rules: no
// overlong forms, no surrogates, nothing above U+10FFFF). Returns -1 if all is valid.
qsizetype firstInvalidUtf8(const QByteArray &bytes, qsizetype from)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = from;
    while (i < size) {
        const unsigned char b = data[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
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
            return i;
        }
        if (i + length > size)
            return i;
        if (data[i + 1] < low || data[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if (data[i + k] < 0x80 || data[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return -1;
}

// Line and column (in characters) of a byte offset in UTF-8 text known valid before it.
void lineAndColumnOfByte(const QByteArray &bytes, qsizetype from, qsizetype offset, int *line,
                         int *column)
{
    *line = 1;
    *column = 1;
    for (qsizetype i = from; i < offset; ++i) {
        const char c = bytes.at(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= offset || bytes.at(i + 1) != '\n'))) {
            ++*line;
            *column = 1;
        } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++*column;
        }
    }
}

// The encoding named by a PEP 263 declaration in one line, or empty.
QByteArray codingDeclaration(const QByteArray &line)
{
    qsizetype i = 0;
    while (i < line.size() && (line.at(i) == ' ' || line.at(i) == '\t' || line.at(i) == '\f'))
        ++i;
    if (i >= line.size() || line.at(i) != '#')
        return QByteArray();
    qsizetype at = line.indexOf("coding", i);
    while (at >= 0) {
        qsizetype p = at + 6;
        if (p < line.size() && (line.at(p) == ':' || line.at(p) == '=')) {
            ++p;
            while (p < line.size() && (line.at(p) == ' ' || line.at(p) == '\t'))
                ++p;
            const qsizetype nameStart = p;
            while (p < line.size()) {
                const char c = line.at(p);
                if (!(isAsciiLetter(char32_t(c)) || isDigit(char32_t(c)) || c == '-' || c == '_' ||
                      c == '.'))
                    break;
                ++p;
            }
            if (p > nameStart)
                return line.mid(nameStart, p - nameStart);
        }
        at = line.indexOf("coding", at + 1);
    }
    return QByteArray();
}

bool isBlankOrCommentLine(const QByteArray &line)
{
    for (char c : line) {
        if (c == '#')
            return true;
        if (c != ' ' && c != '\t' && c != '\f' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

QByteArray normalisedEncodingName(const QByteArray &name)
{
    QByteArray n = name.toLower();
    n.replace('_', '-');
    if (n == "utf-8" || n.startsWith("utf-8-") || n == "utf8")
        return "utf-8";
    if (n == "latin-1" || n == "iso-8859-1" || n == "iso-latin-1" || n == "latin1" ||
        n == "iso8859-1" || n == "l1" || n.startsWith("latin-1-") || n.startsWith("iso-8859-1-") ||
        n.startsWith("iso-latin-1-"))
        return "iso-8859-1";
    return n;
}

} // namespace

// ---- PythonTokenizer -----------------------------------------------------------------

PythonTokenizer::PythonTokenizer(const QString &source, const QString &fileName)
    : m_source(source)
    , m_data(reinterpret_cast<const char16_t *>(m_source.constData()))
    , m_fileName(fileName)
    , m_end(source.size())
{
    m_nulOffset = m_source.indexOf(QChar(0));
    if (m_nulOffset >= 0)
        m_end = m_nulOffset;
    // Text decoded elsewhere (an editor's document) may still start with the byte order
    // mark; it is not part of the program. Offsets keep indexing the text as given.
    if (m_end > 0 && m_data[0] == 0xFEFF)
        m_pos = 1;
}

bool PythonTokenizer::decode(const QByteArray &bytes, const QString &fileName, QString *text,
                             Diagnostic *error)
{
    const bool hasBom = bytes.startsWith("\xEF\xBB\xBF");
    const qsizetype start = hasBom ? 3 : 0;

    // PEP 263: a declaration on line 1, or on line 2 when line 1 is blank or a comment.
    QByteArray encoding;
    int encodingLine = 0;
    {
        qsizetype end1 = bytes.indexOf('\n', start);
        const QByteArray line1 = bytes.mid(start, end1 < 0 ? -1 : end1 - start);
        encoding = codingDeclaration(line1);
        encodingLine = 1;
        if (encoding.isEmpty() && end1 >= 0 && isBlankOrCommentLine(line1)) {
            const qsizetype end2 = bytes.indexOf('\n', end1 + 1);
            encoding = codingDeclaration(bytes.mid(end1 + 1, end2 < 0 ? -1 : end2 - end1 - 1));
            encodingLine = 2;
        }
    }
    const QByteArray name =
        encoding.isEmpty() ? QByteArray("utf-8") : normalisedEncodingName(encoding);

    auto failWith = [&](int line, int column, const QString &message) {
        if (error) {
            *error = Diagnostic{fileName, line, column, message, Diagnostic::Severity::Error};
        }
        return false;
    };

    if (name == "utf-8") {
        const qsizetype bad = firstInvalidUtf8(bytes, start);
        if (bad >= 0) {
            int line = 0, column = 0;
            lineAndColumnOfByte(bytes, start, bad, &line, &column);
            return failWith(
                line, column,
                QStringLiteral("the file is not valid UTF-8: byte 0x%1 at byte offset %2 "
                               "cannot be decoded (save the file as UTF-8, or declare its "
                               "encoding as described in PEP 263)")
                    .arg(QString::number(static_cast<unsigned char>(bytes.at(bad)), 16)
                             .rightJustified(2, QLatin1Char('0')))
                    .arg(bad));
        }
        *text = QString::fromUtf8(bytes.constData() + start, bytes.size() - start);
        return true;
    }
    if (hasBom)
        return failWith(encodingLine, 1,
                        QStringLiteral("encoding problem: %1 with a UTF-8 byte order mark")
                            .arg(QString::fromLatin1(encoding)));
    if (name == "iso-8859-1") {
        *text = QString::fromLatin1(bytes);
        return true;
    }
    QStringDecoder decoder(name.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return failWith(encodingLine, 1,
                        QStringLiteral("unknown encoding: %1").arg(QString::fromLatin1(encoding)));
    QString decoded = decoder.decode(bytes);
    if (decoder.hasError())
        return failWith(0, 0,
                        QStringLiteral("the file cannot be decoded as %1 (its declared encoding)")
                            .arg(QString::fromLatin1(encoding)));
    *text = decoded;
    return true;
}

QList<PythonToken> PythonTokenizer::tokenize()
{
    QList<PythonToken> tokens;
    for (;;) {
        PythonToken token = next();
        const PythonToken::Kind kind = token.kind;
        tokens.append(std::move(token));
        if (kind == PythonToken::Kind::EndMarker || kind == PythonToken::Kind::Error)
            return tokens;
    }
}

PythonToken PythonTokenizer::next()
{
    if (m_hasError)
        return m_errorToken;
    if (m_finished)
        return makeToken(PythonToken::Kind::EndMarker, position());
    return scanToken();
}

char32_t PythonTokenizer::codePointAt(qsizetype offset, int *units) const
{
    const char16_t c = at(offset);
    *units = 1;
    if (QChar::isHighSurrogate(c) && offset + 1 < m_end) {
        const char16_t low = at(offset + 1);
        if (QChar::isLowSurrogate(low)) {
            *units = 2;
            return QChar::surrogateToUcs4(c, low);
        }
    }
    return c;
}

void PythonTokenizer::advance()
{
    if (!QChar::isHighSurrogate(current())) {
        ++m_pos;
        ++m_column;
        return;
    }
    int units = 1;
    codePointAt(m_pos, &units);
    m_pos += units;
    ++m_column;
}

void PythonTokenizer::consumeLineEnd()
{
    if (current() == u'\r' && at(m_pos + 1) == u'\n')
        ++m_pos;
    ++m_pos;
    ++m_line;
    m_column = 1;
}

SourcePosition PythonTokenizer::positionAt(const SourcePosition &from, qsizetype offset) const
{
    SourcePosition pos = from;
    qsizetype i = from.offset;
    while (i < offset) {
        const char16_t c = m_source.at(i).unicode();
        if (c == u'\n' || c == u'\r') {
            i += (c == u'\r' && i + 1 < m_source.size() && m_source.at(i + 1) == u'\n') ? 2 : 1;
            ++pos.line;
            pos.column = 1;
            continue;
        }
        if (QChar::isHighSurrogate(c) && i + 1 < m_source.size() &&
            QChar::isLowSurrogate(m_source.at(i + 1).unicode()))
            ++i;
        ++i;
        ++pos.column;
    }
    pos.offset = offset;
    return pos;
}

QString PythonTokenizer::sharedText(qsizetype offset, qsizetype length)
{
    // Longer texts rarely repeat: not worth a slot (a template's comment lines do).
    constexpr qsizetype maximumShared = 64;
    if (length <= 0 || length > maximumShared)
        return m_source.mid(offset, length);
    const char16_t *text = m_data + offset;
    quint32 hash = 2166136261u;
    for (qsizetype i = 0; i < length; ++i)
        hash = (hash ^ text[i]) * 16777619u;
    QString &slot = m_textCache[(hash ^ (hash >> 15)) % m_textCache.size()];
    if (slot.size() != length ||
        !std::equal(text, text + length, reinterpret_cast<const char16_t *>(slot.constData())))
        slot = QString(reinterpret_cast<const QChar *>(text), length);
    return slot;
}

PythonToken PythonTokenizer::makeToken(PythonToken::Kind kind, const SourcePosition &start)
{
    PythonToken token;
    token.kind = kind;
    token.text = sharedText(start.offset, m_pos - start.offset);
    token.value = token.text;
    token.range = SourceRange{start, position()};
    return token;
}

PythonToken PythonTokenizer::fail(const SourcePosition &where, const QString &message)
{
    m_hasError = true;
    m_error =
        Diagnostic{m_fileName, where.line, where.column, message, Diagnostic::Severity::Error};
    m_errorToken = PythonToken();
    m_errorToken.kind = PythonToken::Kind::Error;
    m_errorToken.range = SourceRange{where, where};
    return m_errorToken;
}

// An error found because the input ended. If it ended early at a NUL character, that
// NUL is the real problem.
PythonToken PythonTokenizer::failAtEnd(const SourcePosition &where, const QString &message)
{
    if (m_nulOffset >= 0)
        return fail(positionAt(position(), m_nulOffset),
                    QStringLiteral("source code cannot contain null bytes"));
    return fail(where, message);
}

PythonToken PythonTokenizer::scanToken()
{
    using Kind = PythonToken::Kind;
    if (m_pendingDedents > 0) {
        --m_pendingDedents;
        return makeToken(Kind::Dedent, position());
    }
    if (m_atLineStart) {
        m_atLineStart = false;
        PythonToken indentation;
        if (scanIndentation(&indentation))
            return indentation;
    }

    for (;;) {
        while (current() == u' ' || current() == u'\t' || current() == u'\f') {
            ++m_pos;
            ++m_column;
        }
        const SourcePosition start = position();
        if (atEnd())
            return endOfInput();

        const char16_t c = current();
        if (c == u'#') {
            while (!atEnd() && !atLineEnd())
                advance();
            return makeToken(Kind::Comment, start);
        }
        if (c == u'\n' || c == u'\r') {
            consumeLineEnd();
            PythonToken token = makeToken(
                (m_brackets.isEmpty() && m_lineHasTokens) ? Kind::Newline : Kind::Nl, start);
            // Like Python, a line end token ends on its own line, just past its characters.
            token.range.end.line = start.line;
            token.range.end.column = start.column + int(token.text.size());
            if (m_brackets.isEmpty()) {
                m_atLineStart = true;
                m_lineHasTokens = false;
            }
            return token;
        }
        if (c == u'\\') {
            advance();
            if (atEnd())
                return failAtEnd(start, QStringLiteral("unexpected EOF while parsing"));
            if (!atLineEnd())
                return fail(start, QStringLiteral(
                                       "unexpected character after line continuation character"));
            consumeLineEnd();
            if (atEnd())
                return failAtEnd(start, QStringLiteral("unexpected EOF while parsing"));
            continue;
        }

        m_lineHasTokens = true;
        int units = 1;
        const char32_t cp = codePointAt(m_pos, &units);
        if (isDigit(cp) || (cp == '.' && isDigit(at(m_pos + 1))))
            return scanNumber(start);
        if (isIdentifierStart(cp))
            return scanName(start);
        if (cp == '\'' || cp == '"')
            return scanString(start, 0);
        return scanOperator(start);
    }
}

// At the start of a line outside brackets: measures the indentation and produces an
// INDENT, the first of the DEDENTs, or an error. Blank and comment-only lines do not count.
bool PythonTokenizer::scanIndentation(PythonToken *token)
{
    const SourcePosition start = position();
    qsizetype p = m_pos;
    int column = 0;
    int altColumn = 0;
    for (;; ++p) {
        const char16_t c = at(p);
        if (c == u' ') {
            ++column;
            ++altColumn;
        } else if (c == u'\t') {
            column = (column / TabSize + 1) * TabSize;
            ++altColumn;
        } else if (c == u'\f') {
            column = altColumn = 0;
        } else {
            break;
        }
    }
    m_column += int(p - m_pos);
    m_pos = p;
    const char16_t c = current();
    if (atEnd() || c == u'#' || c == u'\n' || c == u'\r')
        return false;

    const QString tabError = QStringLiteral("inconsistent use of tabs and spaces in indentation");
    if (column == m_indents.last()) {
        if (altColumn != m_altIndents.last()) {
            *token = fail(position(), tabError);
            return true;
        }
        return false;
    }
    if (column > m_indents.last()) {
        if (altColumn <= m_altIndents.last()) {
            *token = fail(position(), tabError);
            return true;
        }
        m_indents.append(column);
        m_altIndents.append(altColumn);
        *token = makeToken(PythonToken::Kind::Indent, start);
        return true;
    }
    int dedents = 0;
    while (m_indents.size() > 1 && column < m_indents.last()) {
        m_indents.removeLast();
        m_altIndents.removeLast();
        ++dedents;
    }
    if (column != m_indents.last()) {
        *token =
            fail(position(), QStringLiteral("unindent does not match any outer indentation level"));
        return true;
    }
    if (altColumn != m_altIndents.last()) {
        *token = fail(position(), tabError);
        return true;
    }
    m_pendingDedents = dedents - 1;
    *token = makeToken(PythonToken::Kind::Dedent, position());
    return true;
}

PythonToken PythonTokenizer::endOfInput()
{
    using Kind = PythonToken::Kind;
    const SourcePosition here = position();
    if (m_nulOffset >= 0)
        return failAtEnd(here, QString());
    if (!m_brackets.isEmpty()) {
        const Bracket &open = m_brackets.last();
        return fail(open.where, QStringLiteral("'%1' was never closed").arg(open.ch));
    }
    if (m_lineHasTokens) {
        // The last line has no line end: Python still ends the logical line there.
        m_lineHasTokens = false;
        return makeToken(Kind::Newline, here);
    }
    if (m_indents.size() > 1) {
        m_indents.removeLast();
        m_altIndents.removeLast();
        return makeToken(Kind::Dedent, here);
    }
    m_finished = true;
    return makeToken(Kind::EndMarker, here);
}

PythonToken PythonTokenizer::scanName(const SourcePosition &start)
{
    bool ascii = true;
    // Plain ASCII identifiers (nearly all of them) without the code point machinery.
    for (char16_t c = current();
         m_pos < m_end && c < 0x80 && (isAsciiLetter(c) || isDigit(c) || c == u'_');
         c = current()) {
        ++m_pos;
        ++m_column;
    }
    for (;;) {
        int units = 1;
        const char32_t cp = codePointAt(m_pos, &units);
        if (atEnd() || !isIdentifierContinue(cp))
            break;
        if (cp >= 0x80)
            ascii = false;
        advance();
    }
    const char16_t next = current();
    if (next == u'\'' || next == u'"') {
        bool isPrefix = false;
        const int flags = stringPrefixFlags(
            QStringView(m_source).mid(start.offset, m_pos - start.offset), &isPrefix);
        if (isPrefix)
            return scanString(start, flags);
    }
    PythonToken token = makeToken(PythonToken::Kind::Name, start);
    if (!ascii)
        token.value = token.text.normalized(QString::NormalizationForm_KC);
    return token;
}

// Python accepts a keyword right after a number (`1if x else 2`), with a warning;
// any other identifier character there makes the literal invalid.
bool PythonTokenizer::verifyEndOfNumber(const SourcePosition &start, const char *kind)
{
    int units = 1;
    const char32_t c = codePointAt(m_pos, &units);
    if (atEnd() || !isIdentifierContinue(c))
        return true;
    auto followedBy = [this](const char *rest) {
        for (qsizetype i = 0; rest[i]; ++i) {
            if (at(m_pos + 1 + i) != char16_t(rest[i]))
                return false;
        }
        return true;
    };
    bool keyword = false;
    switch (c) {
    case 'a':
        keyword = followedBy("nd");
        break;
    case 'e':
        keyword = followedBy("lse");
        break;
    case 'f':
        keyword = followedBy("or");
        break;
    case 'i':
        keyword = at(m_pos + 1) == u'f' || at(m_pos + 1) == u'n' || at(m_pos + 1) == u's';
        break;
    case 'n':
        keyword = followedBy("ot");
        break;
    case 'o':
        keyword = followedBy("r");
        break;
    default:
        break;
    }
    if (keyword)
        return true;
    fail(start, QStringLiteral("invalid %1 literal").arg(QLatin1String(kind)));
    return false;
}

PythonToken PythonTokenizer::scanNumber(const SourcePosition &start)
{
    using Kind = PythonToken::Kind;
    // Digits with single underscores between them; false (after failing) on a bad '_'.
    auto digits = [this, &start](auto isValid, const char *kind) {
        for (;;) {
            const char16_t c = current();
            if (c == u'_') {
                if (!isValid(at(m_pos + 1))) {
                    advance();
                    fail(start, QStringLiteral("invalid %1 literal").arg(QLatin1String(kind)));
                    return false;
                }
                advance();
            } else if (isValid(c)) {
                advance();
            } else {
                return true;
            }
        }
    };
    auto isDecimal = [](char16_t c) {
        return isDigit(c);
    };

    if (current() == u'0') {
        const char16_t kindChar = QChar::toLower(at(m_pos + 1));
        if (kindChar == u'x' || kindChar == u'o' || kindChar == u'b') {
            advance();
            advance();
            const char *kind = kindChar == u'x'   ? "hexadecimal"
                               : kindChar == u'o' ? "octal"
                                                  : "binary";
            const int base = kindChar == u'x' ? 16 : kindChar == u'o' ? 8 : 2;
            auto valid = [base](char16_t c) {
                return base == 16 ? isHexDigit(c) : (c >= u'0' && c < char16_t(u'0' + base));
            };
            if (current() == u'_')
                advance();
            if (!valid(current())) {
                if (isDigit(current()))
                    return fail(position(), QStringLiteral("invalid digit '%1' in %2 literal")
                                                .arg(QChar(current()), QLatin1String(kind)));
                return fail(start, QStringLiteral("invalid %1 literal").arg(QLatin1String(kind)));
            }
            if (!digits(valid, kind))
                return m_errorToken;
            if (base != 16 && isDigit(current()))
                return fail(position(), QStringLiteral("invalid digit '%1' in %2 literal")
                                            .arg(QChar(current()), QLatin1String(kind)));
            if (!verifyEndOfNumber(start, kind))
                return m_errorToken;
            return makeToken(Kind::Number, start);
        }
    }

    bool isFloat = false;
    if (current() != u'.') {
        if (!digits(isDecimal, "decimal"))
            return m_errorToken;
    }
    const qsizetype integerEnd = m_pos;
    if (current() == u'.') {
        isFloat = true;
        advance();
        if (isDigit(current()) && !digits(isDecimal, "decimal"))
            return m_errorToken;
    }
    if (current() == u'e' || current() == u'E') {
        const char16_t n1 = at(m_pos + 1);
        const bool signedExponent = (n1 == u'+' || n1 == u'-') && isDigit(at(m_pos + 2));
        if (isDigit(n1) || signedExponent) {
            isFloat = true;
            advance();
            if (signedExponent)
                advance();
            if (!digits(isDecimal, "decimal"))
                return m_errorToken;
        } else if (!verifyEndOfNumber(start, "decimal")) {
            return m_errorToken;
        } else {
            return makeToken(Kind::Number, start);
        }
    }
    if (current() == u'j' || current() == u'J') {
        advance();
        isFloat = true;
    }
    if (!isFloat && at(start.offset) == u'0') {
        for (qsizetype i = start.offset; i < integerEnd; ++i) {
            if (at(i) != u'0' && at(i) != u'_')
                return fail(start,
                            QStringLiteral("leading zeros in decimal integer literals are not "
                                           "permitted; use an 0o prefix for octal integers"));
        }
    }
    if (!verifyEndOfNumber(start, "decimal"))
        return m_errorToken;
    return makeToken(Kind::Number, start);
}

PythonToken PythonTokenizer::scanString(const SourcePosition &start, int flags)
{
    const char16_t quote = current();
    advance();
    bool triple = false;
    if (current() == quote && at(m_pos + 1) == quote) {
        advance();
        advance();
        triple = true;
        flags |= PythonToken::TripleQuoted;
    }
    const SourcePosition bodyStart = position();
    qsizetype bodyEnd = 0;
    const bool raw = flags & PythonToken::Raw;
    const bool ok = (flags & PythonToken::Formatted)
                        ? scanFormattedString(start, quote, triple, raw, &bodyEnd)
                        : scanStringBody(start, quote, triple, &bodyEnd);
    if (!ok)
        return m_errorToken;
    PythonToken token = makeToken(PythonToken::Kind::String, start);
    token.stringFlags = flags;
    if (!decodeEscapes(bodyStart, bodyEnd, flags, &token.value))
        return m_errorToken;
    return token;
}

// Scans from just after the opening quote(s) to just after the closing ones.
bool PythonTokenizer::scanStringBody(const SourcePosition &start, char16_t quote, bool triple,
                                     qsizetype *bodyEnd)
{
    for (;;) {
        if (atEnd()) {
            failAtEnd(start,
                      (triple
                           ? QStringLiteral(
                                 "unterminated triple-quoted string literal (detected at line %1)")
                           : QStringLiteral("unterminated string literal (detected at line %1)"))
                          .arg(lastLine()));
            return false;
        }
        const char16_t c = current();
        if (c == u'\\') {
            // Even in raw strings a backslash keeps the next character (quote or line end)
            // from ending the literal.
            advance();
            if (atEnd())
                continue;
            if (atLineEnd())
                consumeLineEnd();
            else
                advance();
        } else if (c == u'\n' || c == u'\r') {
            if (!triple) {
                fail(start, QStringLiteral("unterminated string literal (detected at line %1)")
                                .arg(m_line));
                return false;
            }
            consumeLineEnd();
        } else if (c == quote && (!triple || (at(m_pos + 1) == quote && at(m_pos + 2) == quote))) {
            *bodyEnd = m_pos;
            advance();
            if (triple) {
                advance();
                advance();
            }
            return true;
        } else {
            advance();
        }
    }
}

// An f-string may contain replacement fields whose expressions hold other strings,
// including (Python >= 3.12) strings with the same quote and nested f-strings. Scanned
// with an explicit stack, so nesting depth costs no recursion.
bool PythonTokenizer::scanFormattedString(const SourcePosition &start, char16_t quote, bool triple,
                                          bool raw, qsizetype *bodyEnd)
{
    enum class Part { Literal, Expression, FormatSpec };
    struct Frame
    {
        Part part;
        char16_t quote;
        bool triple;
        bool raw;
        int brackets;
        SourcePosition start;
    };
    QList<Frame> stack;
    stack.append(Frame{Part::Literal, quote, triple, raw, 0, start});

    auto literalOwner = [&stack]() -> const Frame & {
        for (qsizetype i = stack.size() - 1; i > 0; --i) {
            if (stack.at(i).part == Part::Literal)
                return stack.at(i);
        }
        return stack.first();
    };

    for (;;) {
        const Frame top = stack.last();
        const Frame owner = literalOwner();
        if (atEnd()) {
            const Frame &outer = stack.first();
            failAtEnd(
                outer.start,
                (outer.triple
                     ? QStringLiteral(
                           "unterminated triple-quoted f-string literal (detected at line %1)")
                     : QStringLiteral("unterminated f-string literal (detected at line %1)"))
                    .arg(lastLine()));
            return false;
        }
        const char16_t c = current();

        if (top.part == Part::Expression) {
            int units = 1;
            const char32_t cp = codePointAt(m_pos, &units);
            if (c == u'\'' || c == u'"' || isIdentifierStart(cp)) {
                const SourcePosition stringStart = position();
                int flags = 0;
                if (c != u'\'' && c != u'"') {
                    while (!atEnd() && isIdentifierContinue(codePointAt(m_pos, &units)))
                        advance();
                    if (current() != u'\'' && current() != u'"')
                        continue;
                    bool isPrefix = false;
                    flags = stringPrefixFlags(
                        QStringView(m_source).mid(stringStart.offset, m_pos - stringStart.offset),
                        &isPrefix);
                    if (!isPrefix)
                        continue;
                }
                const char16_t q = current();
                advance();
                bool innerTriple = false;
                if (current() == q && at(m_pos + 1) == q) {
                    advance();
                    advance();
                    innerTriple = true;
                }
                if (flags & PythonToken::Formatted) {
                    if (stack.size() >= MaxFormattedNesting) {
                        fail(stringStart,
                             QStringLiteral("f-string: expressions nested too deeply"));
                        return false;
                    }
                    stack.append(Frame{Part::Literal, q, innerTriple,
                                       bool(flags & PythonToken::Raw), 0, stringStart});
                    continue;
                }
                qsizetype ignored = 0;
                if (!scanStringBody(stringStart, q, innerTriple, &ignored))
                    return false;
                continue;
            }
            if (c == u'(' || c == u'[' || c == u'{') {
                ++stack.last().brackets;
            } else if (c == u')' || c == u']') {
                if (--stack.last().brackets < 0) {
                    fail(position(), QStringLiteral("f-string: unmatched '%1'").arg(QChar(c)));
                    return false;
                }
            } else if (c == u'}') {
                if (stack.last().brackets > 0) {
                    --stack.last().brackets;
                } else {
                    stack.removeLast();
                }
            } else if (c == u':' && top.brackets == 0 && at(m_pos + 1) != u'=') {
                stack.last().part = Part::FormatSpec;
            } else if (c == u'#') {
                fail(position(), QStringLiteral("f-string expression part cannot include '#'"));
                return false;
            } else if (c == u'\n' || c == u'\r') {
                consumeLineEnd();
                continue;
            }
            advance();
            continue;
        }

        // Literal text of an f-string, or the format specification of one of its fields.
        if (c == u'\\') {
            advance();
            if (atEnd())
                continue;
            if (atLineEnd())
                consumeLineEnd();
            else if (current() != u'{' && current() != u'}')
                advance();
        } else if (c == u'\n' || c == u'\r') {
            if (!owner.triple) {
                const Frame &outer = stack.first();
                fail(outer.start,
                     QStringLiteral("unterminated f-string literal (detected at line %1)")
                         .arg(m_line));
                return false;
            }
            consumeLineEnd();
        } else if (c == owner.quote && (!owner.triple || (at(m_pos + 1) == owner.quote &&
                                                          at(m_pos + 2) == owner.quote))) {
            if (top.part == Part::FormatSpec) {
                fail(position(), QStringLiteral("f-string: expecting '}'"));
                return false;
            }
            if (stack.size() == 1)
                *bodyEnd = m_pos;
            advance();
            if (owner.triple) {
                advance();
                advance();
            }
            stack.removeLast();
            if (stack.isEmpty())
                return true;
        } else if (c == u'{') {
            if (top.part == Part::Literal && at(m_pos + 1) == u'{') {
                advance();
                advance();
                continue;
            }
            if (stack.size() >= MaxFormattedNesting) {
                fail(position(), QStringLiteral("f-string: expressions nested too deeply"));
                return false;
            }
            advance();
            stack.append(
                Frame{Part::Expression, owner.quote, owner.triple, owner.raw, 0, position()});
        } else if (c == u'}') {
            if (top.part == Part::FormatSpec) {
                advance();
                stack.removeLast();
                continue;
            }
            if (at(m_pos + 1) != u'}') {
                fail(position(), QStringLiteral("f-string: single '}' is not allowed"));
                return false;
            }
            advance();
            advance();
        } else {
            advance();
        }
    }
}

// Decodes a literal's body: universal line ends, and for non-raw literals the escape
// sequences. Fails (with the position of the bad escape) like Python's compiler does.
bool PythonTokenizer::decodeEscapes(const SourcePosition &bodyStart, qsizetype bodyEnd, int flags,
                                    QString *value)
{
    const bool raw = flags & PythonToken::Raw;
    const bool bytes = flags & PythonToken::Bytes;
    const bool formatted = flags & PythonToken::Formatted;
    const QString &s = m_source;
    // Most literals have nothing to decode: their value is their body.
    bool plain = true;
    for (qsizetype k = bodyStart.offset; k < bodyEnd && plain; ++k) {
        const char16_t c = m_data[k];
        plain = c != u'\r' && (raw || c != u'\\') && (!bytes || c < 0x80);
    }
    if (plain) {
        *value = sharedText(bodyStart.offset, bodyEnd - bodyStart.offset);
        return true;
    }
    QString out;
    out.reserve(bodyEnd - bodyStart.offset);

    auto failAt = [&](qsizetype offset, const QString &message) {
        fail(positionAt(bodyStart, offset), message);
        return false;
    };

    qsizetype i = bodyStart.offset;
    while (i < bodyEnd) {
        const char16_t c = s.at(i).unicode();
        if (c == u'\r') {
            out.append(QLatin1Char('\n'));
            i += (i + 1 < bodyEnd && s.at(i + 1) == u'\n') ? 2 : 1;
            continue;
        }
        if (bytes && c >= 0x80)
            return failAt(i, QStringLiteral("bytes can only contain ASCII literal characters"));
        if (c != u'\\' || raw) {
            out.append(QChar(c));
            ++i;
            continue;
        }
        const qsizetype escape = i;
        const char16_t n = i + 1 < bodyEnd ? s.at(i + 1).unicode() : 0;
        i += 2;
        switch (n) {
        case u'\n':
            break;
        case u'\r':
            if (i < bodyEnd && s.at(i) == u'\n')
                ++i;
            break;
        case u'\\':
            out.append(QLatin1Char('\\'));
            break;
        case u'\'':
            out.append(QLatin1Char('\''));
            break;
        case u'"':
            out.append(QLatin1Char('"'));
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
            uint code = n - u'0';
            for (int k = 0; k < 2 && i < bodyEnd && s.at(i) >= u'0' && s.at(i) <= u'7'; ++k, ++i)
                code = code * 8 + (s.at(i).unicode() - u'0');
            out.append(QChar(char16_t(bytes ? (code & 0xFF) : code)));
            break;
        }
        case u'x':
        case u'u':
        case u'U': {
            if (bytes && n != u'x') {
                // Not an escape in bytes literals: kept as written.
                out.append(QLatin1Char('\\'));
                out.append(QChar(n));
                break;
            }
            const int width = n == u'x' ? 2 : n == u'u' ? 4 : 8;
            char32_t code = 0;
            for (int k = 0; k < width; ++k, ++i) {
                if (i >= bodyEnd || !isHexDigit(s.at(i).unicode())) {
                    if (formatted) {
                        code = 0xFFFFFFFF;
                        break;
                    }
                    const char *shape = n == u'x' ? "\\xXX" : n == u'u' ? "\\uXXXX" : "\\UXXXXXXXX";
                    return failAt(escape,
                                  QStringLiteral("invalid escape sequence in string literal: "
                                                 "truncated %1 escape")
                                      .arg(QLatin1String(shape)));
                }
                code = code * 16 + char32_t(hexValue(s.at(i).unicode()));
            }
            if (code == 0xFFFFFFFF) {
                out.append(s.mid(escape, i - escape));
                break;
            }
            if (code > 0x10FFFF) {
                if (formatted) {
                    out.append(s.mid(escape, i - escape));
                    break;
                }
                return failAt(escape, QStringLiteral("invalid escape sequence in string literal: "
                                                     "illegal Unicode character U+%1")
                                          .arg(hex(code, 8)));
            }
            if (code > 0xFFFF) {
                out.append(QChar(QChar::highSurrogate(code)));
                out.append(QChar(QChar::lowSurrogate(code)));
            } else {
                out.append(QChar(char16_t(code)));
            }
            break;
        }
        default:
            // \N{...} (named characters: kept as written, Retort has no name table) and
            // unknown escapes, which Python keeps as written too.
            out.append(QLatin1Char('\\'));
            if (n)
                --i;
            break;
        }
    }
    *value = out;
    return true;
}

PythonToken PythonTokenizer::scanOperator(const SourcePosition &start)
{
    const char16_t c = current();
    const char16_t n = at(m_pos + 1);
    const char16_t n2 = at(m_pos + 2);
    int length = 0;
    switch (c) {
    case u'(':
    case u')':
    case u'[':
    case u']':
    case u'{':
    case u'}':
    case u',':
    case u';':
    case u'~':
        length = 1;
        break;
    case u'.':
        length = (n == u'.' && n2 == u'.') ? 3 : 1;
        break;
    case u'-':
        length = (n == u'=' || n == u'>') ? 2 : 1;
        break;
    case u':':
    case u'!':
    case u'=':
    case u'+':
    case u'%':
    case u'&':
    case u'@':
    case u'^':
    case u'|':
        length = n == u'=' ? 2 : 1;
        break;
    case u'*':
    case u'/':
    case u'<':
    case u'>':
        if (n == c)
            length = n2 == u'=' ? 3 : 2;
        else
            length = n == u'=' ? 2 : 1;
        break;
    default:
        break;
    }
    const QString *op = nullptr;
    if (c < 0x80) {
        const OperatorStrings &ops = operatorStrings();
        const size_t index = c;
        if (length == 1)
            op = &ops.single[index];
        else if (length == 3)
            op = &ops.tripled[index];
        else if (c == u'-' && n == u'>')
            op = &ops.arrow;
        else if (n == c && !ops.doubled[index].isNull())
            op = &ops.doubled[index];
        else
            op = &ops.withEquals[index];
        if (op->isNull())
            op = nullptr;
    }
    if (op) {
        const QChar ch(c);
        if (length == 1 && (ch == u'(' || ch == u'[' || ch == u'{')) {
            if (m_brackets.size() >= MaxBracketNesting)
                return fail(start, QStringLiteral("too many nested parentheses"));
            m_brackets.append(Bracket{ch, start});
        } else if (length == 1 && (ch == u')' || ch == u']' || ch == u'}')) {
            if (m_brackets.isEmpty())
                return fail(start, QStringLiteral("unmatched '%1'").arg(ch));
            const Bracket open = m_brackets.last();
            if (closingFor(open.ch) != c) {
                QString message =
                    QStringLiteral(
                        "closing parenthesis '%1' does not match opening parenthesis '%2'")
                        .arg(ch)
                        .arg(open.ch);
                if (open.where.line != start.line)
                    message += QStringLiteral(" on line %1").arg(open.where.line);
                return fail(start, message);
            }
            m_brackets.removeLast();
        }
        m_pos += length;
        m_column += length;
        PythonToken token;
        token.kind = PythonToken::Kind::Op;
        token.text = *op;
        token.value = *op;
        token.range = SourceRange{start, position()};
        return token;
    }

    int units = 1;
    const char32_t cp = codePointAt(m_pos, &units);
    if (QChar::isPrint(cp))
        return fail(start, QStringLiteral("invalid character '%1' (U+%2)")
                               .arg(QString::fromUcs4(&cp, 1), hex(cp, 4)));
    return fail(start, QStringLiteral("invalid non-printable character U+%1").arg(hex(cp, 4)));
}

} // namespace Retort
