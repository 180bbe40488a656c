// SPDX-License-Identifier: GPL-3.0-or-later
#include "python/scriptheaderreader.h"

#include "python/fastheaderlexer.h"
#include "python/pythontokenizer.h"

#include <QFile>
#include <QFileInfo>
#include <QVarLengthArray>

#include <algorithm>
#include <type_traits>

namespace Retort {

namespace {

using Kind = PythonToken::Kind;
using ValueKind = ScriptHeader::Value::Kind;

struct HeaderField
{
    QLatin1String name;
    ScriptHeader::Value ScriptHeader::*member;
};

const HeaderField headerFields[] = {
    {QLatin1String("revision"), &ScriptHeader::revision},
    {QLatin1String("down_revision"), &ScriptHeader::downRevision},
    {QLatin1String("branch_labels"), &ScriptHeader::branchLabels},
    {QLatin1String("depends_on"), &ScriptHeader::dependsOn},
};

// HeaderParser reads PythonTokenizer's tokens and FastHeaderLexer's alike: both have
// kind, stringFlags, isOp() and isName(); these give the rest. A FastHeaderToken makes
// its text and value only when asked.
const SourceRange &rangeOf(const PythonToken &token)
{
    return token.range;
}

SourceRange rangeOf(const FastHeaderToken &token)
{
    return token.range();
}

const QString &valueOf(const PythonToken &token)
{
    return token.value;
}

QString valueOf(const FastHeaderToken &token)
{
    return token.value();
}

const QString &textOf(const PythonToken &token)
{
    return token.text;
}

QString textOf(const FastHeaderToken &token)
{
    return token.toPythonToken().text;
}

template<typename Token>
const HeaderField *headerField(const Token &token)
{
    if (token.kind != Kind::Name)
        return nullptr;
    for (const HeaderField &field : headerFields) {
        if (token.isName(field.name))
            return &field;
    }
    return nullptr;
}

// Keywords that start a compound statement: what follows their ':' on the same line is
// their body, not a module-level statement.
template<typename Token>
bool startsCompoundStatement(const Token &token)
{
    static const QLatin1String keywords[] = {
        QLatin1String("if"),     QLatin1String("elif"),    QLatin1String("else"),
        QLatin1String("for"),    QLatin1String("while"),   QLatin1String("try"),
        QLatin1String("except"), QLatin1String("finally"), QLatin1String("with"),
        QLatin1String("def"),    QLatin1String("class"),   QLatin1String("async")};
    if (token.isOp(QLatin1String("@")))
        return true;
    if (token.kind != Kind::Name)
        return false;
    for (const QLatin1String keyword : keywords) {
        if (token.isName(keyword))
            return true;
    }
    return false;
}

template<typename Token>
bool isOpeningBracket(const Token &t)
{
    return t.kind == Kind::Op &&
           (t.isOp(QLatin1String("(")) || t.isOp(QLatin1String("[")) || t.isOp(QLatin1String("{")));
}

template<typename Token>
bool isClosingBracket(const Token &t)
{
    return t.kind == Kind::Op &&
           (t.isOp(QLatin1String(")")) || t.isOp(QLatin1String("]")) || t.isOp(QLatin1String("}")));
}

// Python's str.isspace() for the characters str.strip() removes.
bool isPythonSpace(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x09 && u <= 0x0D) || (u >= 0x1C && u <= 0x20) || u == 0x85 || u == 0xA0 ||
           u == 0x1680 || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 ||
           u == 0x202F || u == 0x205F || u == 0x3000;
}

QString pythonStrip(const QString &s)
{
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && isPythonSpace(s.at(begin)))
        ++begin;
    while (end > begin && isPythonSpace(s.at(end - 1)))
        --end;
    return s.mid(begin, end - begin);
}

// str.expandtabs(8): columns restart after "\n" and "\r".
QString expandTabs(const QString &s)
{
    if (!s.contains(QLatin1Char('\t')))
        return s;
    QString out;
    out.reserve(s.size());
    qsizetype column = 0;
    for (QChar c : s) {
        if (c == u'\t') {
            const qsizetype spaces = 8 - column % 8;
            out.append(QString(spaces, QLatin1Char(' ')));
            column += spaces;
        } else {
            out.append(c);
            column = (c == u'\n' || c == u'\r') ? 0 : column + 1;
        }
    }
    return out;
}

qsizetype leadingSpaces(QStringView line)
{
    qsizetype n = 0;
    while (n < line.size() && line.at(n) == u' ')
        ++n;
    return n;
}

// The docstring clean-up Python 3.13's compiler applies (the reference Alembic runs on
// it): tabs expanded, spaces removed from the start of the first line, and the smallest
// indentation of the later non-blank lines removed from every later line. Most
// docstrings need none of it and are returned as they are, without copying.
QString cleanDocstring(const QString &doc)
{
    const QString expanded = expandTabs(doc);
    const QStringView text(expanded);
    const qsizetype firstEnd = text.indexOf(QLatin1Char('\n'));
    qsizetype margin = -1;
    for (qsizetype begin = firstEnd; begin >= 0;) {
        ++begin;
        const qsizetype end = text.indexOf(QLatin1Char('\n'), begin);
        const QStringView line = text.mid(begin, (end < 0 ? text.size() : end) - begin);
        const qsizetype indent = leadingSpaces(line);
        if (indent < line.size() && (margin < 0 || indent < margin))
            margin = indent;
        begin = end;
    }
    if (margin < 0)
        margin = 0;
    const QStringView first = firstEnd < 0 ? text : text.left(firstEnd);
    const qsizetype firstCut = leadingSpaces(first);
    if (margin == 0 && firstCut == 0)
        return expanded;
    QString cleaned;
    cleaned.reserve(text.size());
    cleaned.append(first.mid(firstCut));
    for (qsizetype begin = firstEnd; begin >= 0;) {
        ++begin;
        const qsizetype end = text.indexOf(QLatin1Char('\n'), begin);
        const QStringView line = text.mid(begin, (end < 0 ? text.size() : end) - begin);
        cleaned.append(QLatin1Char('\n'));
        cleaned.append(line.mid(std::min(margin, leadingSpaces(line))));
        begin = end;
    }
    return cleaned;
}

QString createDateOf(const QString &doc)
{
    const QLatin1String label("Create Date:");
    const QStringView text(doc);
    for (qsizetype begin = 0; begin >= 0;) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), begin);
        const QStringView line = text.mid(begin, (end < 0 ? text.size() : end) - begin).trimmed();
        if (line.startsWith(label))
            return line.mid(label.size()).trimmed().toString();
        begin = end < 0 ? end : end + 1;
    }
    return QString();
}

// `x += ...` and the like (not `==`, `!=`, `<=`, `>=`).
bool isAugmentedAssignment(const QString &op)
{
    return op.size() >= 2 && op.endsWith(QLatin1Char('=')) && op != QLatin1String("==") &&
           op != QLatin1String("!=") && op != QLatin1String("<=") && op != QLatin1String(">=");
}

// Reads module-level statements from the token stream. A "statement" here is one
// simple statement of a logical line at indentation level 0 (lines are split at ';').
template<typename Token>
class HeaderParser
{
public:
    HeaderParser(const QString &path, ScriptHeader *header)
        : m_path(path)
        , m_header(header)
    { }

    // Source: PythonTokenizer (Token = PythonToken) or FastHeaderLexer (Token =
    // FastHeaderToken; its Error token means that it gave up).
    template<typename Source>
    void run(Source &source);

private:
    struct Element
    {
        bool ok = false;
        ValueKind kind = ValueKind::Unsupported;
        QString string;
        qsizetype bad = -1; // token index of the problem when !ok
        QString reason;
    };

    void finishStatement();
    void headerStatement();
    void docstringStatement();
    // The value between tokens b and e of the statement assigning m_statement.first().
    ScriptHeader::Value parseValue(qsizetype b, qsizetype e);
    Element parseElement(qsizetype b, qsizetype e, bool allowNone) const;
    QList<qsizetype> topLevelCommas(qsizetype b, qsizetype e) const;
    void addError(const SourcePosition &where, const QString &message);
    void syntaxError(const SourcePosition &where, const QString &message);

    QString m_path;
    ScriptHeader *m_header;
    QVarLengthArray<Token, 16> m_statement; // tokens of the statement being collected
    // for each bracket token of m_statement, its partner (no allocation for most statements)
    QVarLengthArray<qsizetype, 32> m_match;
    bool m_collecting = false;
    bool m_firstStatement = true;
    bool m_stopped = false;
};

template<typename Token>
void HeaderParser<Token>::addError(const SourcePosition &where, const QString &message)
{
    m_header->diagnostics.append(
        Diagnostic{m_path, where.line, where.column, message, Diagnostic::Severity::Error});
}

// Past a syntax error nothing can be read without guessing what was meant.
template<typename Token>
void HeaderParser<Token>::syntaxError(const SourcePosition &where, const QString &message)
{
    addError(where, message);
    m_stopped = true;
}

template<typename Token>
template<typename Source>
void HeaderParser<Token>::run(Source &source)
{
    int depth = 0;         // indentation level
    int brackets = 0;      // bracket nesting within the current logical line
    bool lineStart = true; // next significant token starts a logical line
    bool statementStart = true;
    bool compoundLine = false;
    bool expectBlock = false;
    Token blockOpener;         // first token of the line that ended with ':'
    bool lastWasColon = false; // the last significant token of the logical line is ':'

    while (!m_stopped) {
        const auto token = source.next();
        switch (token.kind) {
        case Kind::Error:
            if constexpr (std::is_same_v<Source, PythonTokenizer>)
                m_header->diagnostics.append(source.error());
            else
                m_header->diagnostics.append(Diagnostic{m_path, 0, 0,
                                                        QStringLiteral("not plain ASCII Python"),
                                                        Diagnostic::Severity::Error});
            return;
        case Kind::Comment:
        case Kind::Nl:
            continue;
        case Kind::Indent:
            if (!expectBlock) {
                syntaxError(rangeOf(token).end, QStringLiteral("unexpected indent"));
                return;
            }
            expectBlock = false;
            ++depth;
            continue;
        case Kind::Dedent:
            --depth;
            continue;
        case Kind::Newline:
            if (depth == 0)
                finishStatement();
            expectBlock = lastWasColon;
            lineStart = statementStart = true;
            compoundLine = false;
            brackets = 0;
            continue;
        default:
            break;
        }

        if (lineStart && expectBlock) {
            QString what;
            if (blockOpener.isName(QLatin1String("def")) ||
                blockOpener.isName(QLatin1String("async")))
                what = QStringLiteral("function definition");
            else if (blockOpener.isName(QLatin1String("class")))
                what = QStringLiteral("class definition");
            else
                what = QStringLiteral("'%1' statement").arg(textOf(blockOpener));
            syntaxError(rangeOf(token).start,
                        QStringLiteral("expected an indented block after %1 on line %2")
                            .arg(what)
                            .arg(rangeOf(blockOpener).start.line));
            return;
        }
        if (token.kind == Kind::EndMarker)
            return;
        if (lineStart) {
            blockOpener = token;
            compoundLine = startsCompoundStatement(token);
            lineStart = false;
        }
        lastWasColon = token.isOp(QLatin1String(":"));
        if (depth != 0)
            continue;

        if (statementStart) {
            statementStart = false;
            m_collecting =
                !compoundLine &&
                (headerField(token) || (m_firstStatement && (token.kind == Kind::String ||
                                                             token.isOp(QLatin1String("(")))));
            if (compoundLine)
                m_firstStatement = false;
        }
        if (isOpeningBracket(token))
            ++brackets;
        else if (isClosingBracket(token))
            --brackets;
        if (!compoundLine && brackets == 0 && token.isOp(QLatin1String(";"))) {
            finishStatement();
            statementStart = true;
            continue;
        }
        if (m_collecting)
            m_statement.append(token);
    }
}

template<typename Token>
void HeaderParser<Token>::finishStatement()
{
    if (m_collecting && !m_statement.isEmpty()) {
        m_match.resize(m_statement.size());
        std::fill(m_match.begin(), m_match.end(), -1);
        QVarLengthArray<qsizetype, 16> open;
        for (qsizetype i = 0; i < m_statement.size(); ++i) {
            if (isOpeningBracket(m_statement.at(i))) {
                open.append(i);
            } else if (isClosingBracket(m_statement.at(i)) && !open.isEmpty()) {
                m_match[i] = open.last();
                m_match[open.last()] = i;
                open.removeLast();
            }
        }
        if (headerField(m_statement.first()))
            headerStatement();
        else if (m_firstStatement)
            docstringStatement();
    }
    m_firstStatement = false;
    m_collecting = false;
    m_statement.clear();
}

template<typename Token>
void HeaderParser<Token>::docstringStatement()
{
    qsizetype b = 0;
    qsizetype e = m_statement.size();
    while (e - b > 2 && m_statement.at(b).isOp(QLatin1String("(")) && m_match.at(b) == e - 1) {
        ++b;
        --e;
    }
    QString doc;
    for (qsizetype i = b; i < e; ++i) {
        const Token &t = m_statement.at(i);
        if (t.kind != Kind::String ||
            (t.stringFlags & (PythonToken::Bytes | PythonToken::Formatted)))
            return;
        doc += valueOf(t);
    }
    m_header->hasDocstring = true;
    m_header->docstring = doc;
    m_header->docstringRange =
        SourceRange{rangeOf(m_statement.at(b)).start, rangeOf(m_statement.at(e - 1)).end};
    m_header->longDoc = pythonStrip(cleanDocstring(doc));
    m_header->createDate = createDateOf(m_header->longDoc);
}

template<typename Token>
void HeaderParser<Token>::headerStatement()
{
    const auto &t = m_statement;
    const qsizetype n = t.size();
    if (n == 1)
        return; // a bare name as an expression statement
    QVarLengthArray<qsizetype, 4> targets{0};
    qsizetype valueStart = -1;
    const Token &second = t.at(1);
    if (second.isOp(QLatin1String("="))) {
        qsizetype i = 2;
        while (i + 1 < n && t.at(i).kind == Kind::Name && t.at(i + 1).isOp(QLatin1String("="))) {
            targets.append(i);
            i += 2;
        }
        valueStart = i;
    } else if (second.isOp(QLatin1String(":"))) {
        // Annotated: skip the annotation, whatever it is, up to '=' outside brackets.
        for (qsizetype i = 2; i < n; ++i) {
            if (isOpeningBracket(t.at(i)) && m_match.at(i) > i) {
                i = m_match.at(i);
                continue;
            }
            if (t.at(i).isOp(QLatin1String("="))) {
                valueStart = i + 1;
                break;
            }
        }
        if (valueStart < 0)
            return; // an annotation alone assigns nothing
    } else if (second.kind == Kind::Op && isAugmentedAssignment(textOf(second))) {
        addError(rangeOf(second).start,
                 QStringLiteral("%1 must be assigned with a plain '%1 = value' statement, not '%2'")
                     .arg(valueOf(t.first()), textOf(second)));
        m_header->*(headerField(t.first())->member) =
            ScriptHeader::Value{ValueKind::Unsupported,
                                {},
                                false,
                                SourceRange{rangeOf(second).start, rangeOf(t.last()).end},
                                rangeOf(t.first())};
        return;
    } else if (second.isOp(QLatin1String(","))) {
        for (qsizetype i = 2; i < n; ++i) {
            if (isOpeningBracket(t.at(i)) && m_match.at(i) > i) {
                i = m_match.at(i);
                continue;
            }
            if (t.at(i).isOp(QLatin1String("="))) {
                addError(rangeOf(t.first()).start,
                         QStringLiteral("%1 must be assigned with a plain '%1 = value' statement; "
                                        "unpacking assignments are not supported")
                             .arg(valueOf(t.first())));
                m_header->*(headerField(t.first())->member) =
                    ScriptHeader::Value{ValueKind::Unsupported,
                                        {},
                                        false,
                                        SourceRange{rangeOf(t.at(i)).start, rangeOf(t.last()).end},
                                        rangeOf(t.first())};
                return;
            }
        }
        return;
    } else {
        return; // an expression that uses the name (a call, an attribute, a comparison)
    }

    if (valueStart >= n) {
        syntaxError(rangeOf(t.last()).end,
                    QStringLiteral("invalid syntax: expected a value after '='"));
        return;
    }
    const ScriptHeader::Value value = parseValue(valueStart, n);
    for (qsizetype target : std::as_const(targets)) {
        if (const HeaderField *field = headerField(t.at(target))) {
            ScriptHeader::Value &assigned = m_header->*(field->member);
            assigned = value;
            assigned.nameRange = rangeOf(t.at(target));
        }
    }
}

template<typename Token>
QList<qsizetype> HeaderParser<Token>::topLevelCommas(qsizetype b, qsizetype e) const
{
    QList<qsizetype> commas;
    for (qsizetype i = b; i < e; ++i) {
        if (isOpeningBracket(m_statement.at(i)) && m_match.at(i) > i)
            i = m_match.at(i);
        else if (m_statement.at(i).isOp(QLatin1String(",")))
            commas.append(i);
    }
    return commas;
}

template<typename Token>
ScriptHeader::Value HeaderParser<Token>::parseValue(qsizetype b, qsizetype e)
{
    ScriptHeader::Value value;
    value.range = SourceRange{rangeOf(m_statement.at(b)).start, rangeOf(m_statement.at(e - 1)).end};

    auto unsupported = [&](qsizetype at, const QString &reason) {
        value.kind = ValueKind::Unsupported;
        value.strings.clear();
        addError(rangeOf(m_statement.at(at)).start,
                 QStringLiteral("%1 must be a string, a tuple/list of strings or None; found %2, "
                                "which Retort cannot evaluate without running the script")
                     .arg(valueOf(m_statement.first()), reason));
        return value;
    };
    // The items of a tuple or list between b and e, split at the given commas.
    auto sequence = [&](qsizetype from, qsizetype to, const QList<qsizetype> &commas, bool isList) {
        value.kind = ValueKind::Sequence;
        value.isList = isList;
        qsizetype itemStart = from;
        for (qsizetype k = 0; k <= commas.size(); ++k) {
            const qsizetype itemEnd = k < commas.size() ? commas.at(k) : to;
            if (itemStart == itemEnd) {
                if (k == commas.size() && k > 0)
                    break; // trailing comma
                if (k == commas.size() && isList && commas.isEmpty())
                    break; // []
                syntaxError(rangeOf(m_statement.at(itemEnd < to ? itemEnd : to - 1)).start,
                            QStringLiteral("invalid syntax"));
                value.kind = ValueKind::Unsupported;
                return value;
            }
            const Element element = parseElement(itemStart, itemEnd, false);
            if (!element.ok)
                return unsupported(element.bad, element.reason);
            value.strings.append(element.string);
            itemStart = itemEnd + 1;
        }
        return value;
    };

    const QList<qsizetype> commas = topLevelCommas(b, e);
    if (!commas.isEmpty())
        return sequence(b, e, commas, false);
    for (;;) {
        const Token &first = m_statement.at(b);
        if (m_match.at(b) == e - 1 && first.isOp(QLatin1String("("))) {
            if (e - b == 2) {
                value.kind = ValueKind::Sequence;
                return value;
            }
            const QList<qsizetype> inner = topLevelCommas(b + 1, e - 1);
            if (!inner.isEmpty())
                return sequence(b + 1, e - 1, inner, false);
            ++b;
            --e;
            continue;
        }
        if (m_match.at(b) == e - 1 && first.isOp(QLatin1String("[")))
            return sequence(b + 1, e - 1, topLevelCommas(b + 1, e - 1), true);
        break;
    }
    const Element element = parseElement(b, e, true);
    if (!element.ok)
        return unsupported(element.bad, element.reason);
    value.kind = element.kind;
    if (element.kind == ValueKind::String)
        value.strings = {element.string};
    return value;
}

template<typename Token>
typename HeaderParser<Token>::Element HeaderParser<Token>::parseElement(qsizetype b, qsizetype e,
                                                                        bool allowNone) const
{
    Element element;
    while (e - b > 2 && m_statement.at(b).isOp(QLatin1String("(")) && m_match.at(b) == e - 1 &&
           topLevelCommas(b + 1, e - 1).isEmpty()) {
        ++b;
        --e;
    }
    element.bad = b;
    const Token &first = m_statement.at(b);
    if (e - b == 1 && first.isName(QLatin1String("None"))) {
        if (!allowNone) {
            element.reason = QStringLiteral("None inside a tuple or list");
            return element;
        }
        element.ok = true;
        element.kind = ValueKind::NoneLiteral;
        return element;
    }
    if (first.kind != Kind::String) {
        if (isOpeningBracket(first) && m_match.at(b) == e - 1)
            element.reason = QStringLiteral("a nested tuple, list or set");
        else if (e - b == 1 && first.kind == Kind::Name)
            element.reason = QStringLiteral("the name '%1'").arg(textOf(first));
        else if (e - b == 1 && first.kind == Kind::Number)
            element.reason = QStringLiteral("a number");
        else if (first.kind == Kind::Name && m_statement.at(b + 1).isOp(QLatin1String("(")))
            element.reason = QStringLiteral("a call");
        else
            element.reason = QStringLiteral("an expression");
        return element;
    }
    QString text;
    bool sawBytes = false;
    bool sawText = false;
    for (qsizetype i = b; i < e; ++i) {
        const Token &t = m_statement.at(i);
        element.bad = i;
        if (t.kind != Kind::String) {
            element.reason = QStringLiteral("an expression");
            return element;
        }
        if (t.stringFlags & PythonToken::Formatted) {
            element.reason = QStringLiteral("an f-string");
            return element;
        }
        (t.stringFlags & PythonToken::Bytes ? sawBytes : sawText) = true;
        text += valueOf(t);
    }
    element.bad = b;
    if (sawBytes) {
        element.reason = sawText ? QStringLiteral("bytes and text literals mixed (a syntax error)")
                                 : QStringLiteral("a bytes literal");
        return element;
    }
    element.ok = true;
    element.kind = ValueKind::String;
    element.string = text;
    return element;
}

bool isLegacyHexName(const QString &fileName, QString *id)
{
    if (!fileName.endsWith(QLatin1String(".py")) || fileName.size() <= 3)
        return false;
    const QString stem = fileName.chopped(3);
    for (QChar c : stem) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    *id = stem;
    return true;
}

} // namespace

ScriptHeader ScriptHeaderReader::read(const QByteArray &bytes, const QString &path)
{
    // Nearly every migration script is plain ASCII without surprises: read it straight
    // from the bytes. Anything the fast path does not vouch for, including every file
    // with a problem to report, is read again by the full tokenizer, so the result is
    // the same either way.
    ScriptHeader header;
    FastHeaderLexer lexer(bytes);
    HeaderParser<FastHeaderToken> parser(path, &header);
    parser.run(lexer);
    if (!lexer.gaveUp() && header.diagnostics.isEmpty())
        return header;
    return readWithTokenizer(bytes, path);
}

ScriptHeader ScriptHeaderReader::readWithTokenizer(const QByteArray &bytes, const QString &path)
{
    ScriptHeader header;
    QString text;
    Diagnostic error;
    if (!PythonTokenizer::decode(bytes, path, &text, &error)) {
        header.diagnostics.append(error);
        return header;
    }
    PythonTokenizer tokenizer(text, path);
    HeaderParser<PythonToken> parser(path, &header);
    parser.run(tokenizer);
    std::stable_sort(header.diagnostics.begin(), header.diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return a.line < b.line || (a.line == b.line && a.column < b.column);
                     });
    return header;
}

ScriptHeader ScriptHeaderReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ScriptHeader header;
        header.diagnostics.append(Diagnostic{
            path, 0, 0, QStringLiteral("cannot read the file: %1").arg(file.errorString()),
            Diagnostic::Severity::Error});
        return header;
    }
    return read(file.readAll(), path);
}

bool ScriptHeaderReader::toRevision(const ScriptHeader &header, const QString &path,
                                    Revision *revision, Diagnostics *diagnostics)
{
    const qsizetype firstNew = diagnostics->size();
    diagnostics->append(header.diagnostics);
    auto error = [&](const SourcePosition &where, const QString &message) {
        diagnostics->append(
            Diagnostic{path, where.line, where.column, message, Diagnostic::Severity::Error});
    };
    const QString fileName = QFileInfo(path).fileName();

    *revision = Revision();
    revision->path = path;
    revision->longDoc = header.longDoc;

    const ScriptHeader::Value &id = header.revision;
    if (id.kind == ValueKind::String) {
        revision->id = id.strings.first();
    } else if (id.kind == ValueKind::Absent) {
        if (!isLegacyHexName(fileName, &revision->id))
            error(SourcePosition(),
                  QStringLiteral(
                      "Could not determine revision id from filename %1. Be sure the 'revision' "
                      "variable is declared inside the script (please see 'Upgrading from "
                      "Alembic 0.1 to 0.2' in the documentation).")
                      .arg(fileName));
    } else if (id.kind != ValueKind::Unsupported) {
        error(id.range.start, QStringLiteral("revision must be a string"));
    }
    if (!revision->id.isEmpty()) {
        QList<QChar> forbidden;
        for (QChar c : std::as_const(revision->id)) {
            if ((c == u'@' || c == u'-' || c == u'+') && !forbidden.contains(c))
                forbidden.append(c);
        }
        if (!forbidden.isEmpty()) {
            std::sort(forbidden.begin(), forbidden.end());
            QStringList chars;
            for (QChar c : std::as_const(forbidden))
                chars.append(QString(c));
            error(id.range.start,
                  QStringLiteral("Character(s) '%1' not allowed in revision identifier '%2'")
                      .arg(chars.join(QLatin1String(", ")), revision->id));
        }
    }

    const ScriptHeader::Value &down = header.downRevision;
    if (down.kind == ValueKind::Absent) {
        error(SourcePosition(),
              QStringLiteral("%1 does not declare down_revision: every migration script "
                             "must assign it (None for a base revision)")
                  .arg(fileName));
    } else if (down.kind == ValueKind::String || down.kind == ValueKind::Sequence) {
        for (const QString &parent : down.strings) {
            if (parent.isEmpty()) {
                error(down.range.start,
                      QStringLiteral("down_revision must not be an empty string; use "
                                     "None for a base revision"));
                continue;
            }
            revision->downRevisions.append(parent);
        }
    }
    if (header.branchLabels.kind == ValueKind::String ||
        header.branchLabels.kind == ValueKind::Sequence)
        revision->branchLabels = header.branchLabels.strings;
    if (header.dependsOn.kind == ValueKind::String || header.dependsOn.kind == ValueKind::Sequence)
        revision->dependsOn = header.dependsOn.strings;

    for (qsizetype i = firstNew; i < diagnostics->size(); ++i) {
        if (diagnostics->at(i).severity == Diagnostic::Severity::Error)
            return false;
    }
    return true;
}

} // namespace Retort
