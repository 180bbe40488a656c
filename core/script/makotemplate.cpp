// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/makotemplate.h"

#include "util/pythonrepr.h"

#include <QList>

#include <optional>

namespace Retort {

namespace {

// Thrown inside this file only, caught by render(): the message to fail with.
struct MakoError
{
    QString message;
};

[[noreturn]] void fail(const QString &message)
{
    throw MakoError{message};
}

QString sequenceRepr(const MakoValue &v)
{
    QStringList parts;
    for (const QString &item : v.items)
        parts.append(pythonRepr(item));
    if (v.kind == MakoValue::Kind::List)
        return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
    if (parts.size() == 1)
        return QLatin1Char('(') + parts.first() + QLatin1String(",)");
    return QLatin1Char('(') + parts.join(QLatin1String(", ")) + QLatin1Char(')');
}

QString str(const MakoValue &v)
{
    switch (v.kind) {
    case MakoValue::Kind::Undefined:
        fail(QStringLiteral("NameError: Undefined (a variable the template prints was not "
                            "given)"));
    case MakoValue::Kind::None:
        return QStringLiteral("None");
    case MakoValue::Kind::String:
    case MakoValue::Kind::Text:
        return v.text;
    case MakoValue::Kind::Tuple:
    case MakoValue::Kind::List:
        return sequenceRepr(v);
    }
    return QString();
}

QString repr(const MakoValue &v)
{
    switch (v.kind) {
    case MakoValue::Kind::String:
        return pythonRepr(v.text);
    case MakoValue::Kind::Text:
        fail(QStringLiteral("repr() of a date is not supported by Retort's template renderer"));
    default:
        return str(v);
    }
}

bool truthy(const MakoValue &v)
{
    switch (v.kind) {
    case MakoValue::Kind::Undefined:
    case MakoValue::Kind::None:
        return false;
    case MakoValue::Kind::String:
    case MakoValue::Kind::Text:
        return !v.text.isEmpty();
    case MakoValue::Kind::Tuple:
    case MakoValue::Kind::List:
        return !v.items.isEmpty();
    }
    return false;
}

// A Python expression of the supported subset, evaluated while it is parsed.
class ExpressionEvaluator
{
public:
    ExpressionEvaluator(const QString &text, const MakoVariables &variables)
        : m_text(text)
        , m_variables(variables)
    { }

    MakoValue evaluate()
    {
        MakoValue v = conditional();
        skipSpaces();
        if (m_pos < m_text.size())
            fail(QStringLiteral("unsupported expression '%1'").arg(m_text.trimmed()));
        return v;
    }

private:
    void skipSpaces()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    bool isNameChar(qsizetype i) const
    {
        return i < m_text.size() && (m_text.at(i).isLetterOrNumber() || m_text.at(i) == u'_');
    }
    // Consumes the keyword `word` if it comes next as a whole word.
    bool keyword(QLatin1String word)
    {
        skipSpaces();
        if (!QStringView(m_text).mid(m_pos).startsWith(word) || isNameChar(m_pos + word.size()))
            return false;
        m_pos += word.size();
        return true;
    }
    bool punct(QChar c)
    {
        skipSpaces();
        if (m_pos < m_text.size() && m_text.at(m_pos) == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    MakoValue conditional()
    {
        const MakoValue value = negation();
        if (!keyword(QLatin1String("if")))
            return value;
        const MakoValue condition = negation();
        if (!keyword(QLatin1String("else")))
            fail(QStringLiteral("expected 'else' in '%1'").arg(m_text.trimmed()));
        const MakoValue otherwise = conditional();
        return truthy(condition) ? value : otherwise;
    }

    MakoValue negation()
    {
        if (keyword(QLatin1String("not")))
            return truthy(negation()) ? MakoValue::string(QString())
                                      : MakoValue::string(QStringLiteral("True"));
        return primary();
    }

    MakoValue primary()
    {
        skipSpaces();
        if (m_pos >= m_text.size())
            fail(QStringLiteral("incomplete expression '%1'").arg(m_text.trimmed()));
        const QChar c = m_text.at(m_pos);
        if (c == u'(') {
            ++m_pos;
            const MakoValue v = conditional();
            if (!punct(QLatin1Char(')')))
                fail(QStringLiteral("missing ')' in '%1'").arg(m_text.trimmed()));
            return v;
        }
        if (c == u'\'' || c == u'"')
            return MakoValue::string(stringLiteral());
        if (!isNameChar(m_pos) || c.isDigit())
            fail(QStringLiteral("unsupported expression '%1'").arg(m_text.trimmed()));
        const qsizetype start = m_pos;
        while (isNameChar(m_pos))
            ++m_pos;
        const QString name = m_text.mid(start, m_pos - start);
        if (punct(QLatin1Char('('))) {
            if (name != QLatin1String("repr") && name != QLatin1String("str"))
                fail(QStringLiteral("unsupported call %1() in '%2'").arg(name, m_text.trimmed()));
            const MakoValue argument = conditional();
            if (!punct(QLatin1Char(')')))
                fail(QStringLiteral("missing ')' in '%1'").arg(m_text.trimmed()));
            return MakoValue::string(name == QLatin1String("repr") ? repr(argument)
                                                                   : str(argument));
        }
        skipSpaces();
        if (m_pos < m_text.size() && (m_text.at(m_pos) == u'.' || m_text.at(m_pos) == u'['))
            fail(QStringLiteral("unsupported expression '%1'").arg(m_text.trimmed()));
        if (name == QLatin1String("None"))
            return MakoValue::none();
        if (name == QLatin1String("True"))
            return MakoValue::string(QStringLiteral("True"));
        if (name == QLatin1String("False"))
            return MakoValue::string(QString());
        return m_variables.value(name);
    }

    // A plain '...' or "..." literal with the common escapes.
    QString stringLiteral()
    {
        const QChar quote = m_text.at(m_pos++);
        QString out;
        while (m_pos < m_text.size() && m_text.at(m_pos) != quote) {
            QChar ch = m_text.at(m_pos++);
            if (ch == u'\\' && m_pos < m_text.size()) {
                ch = m_text.at(m_pos++);
                if (ch == u'n')
                    ch = QLatin1Char('\n');
                else if (ch == u't')
                    ch = QLatin1Char('\t');
            }
            out.append(ch);
        }
        if (m_pos >= m_text.size())
            fail(QStringLiteral("unterminated string in '%1'").arg(m_text.trimmed()));
        ++m_pos;
        return out;
    }

    QString m_text;
    const MakoVariables &m_variables;
    qsizetype m_pos = 0;
};

// The '|' that starts the filter list, outside string literals; -1 if none.
qsizetype filterBar(const QString &expression)
{
    QChar quote;
    for (qsizetype i = 0; i < expression.size(); ++i) {
        const QChar c = expression.at(i);
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'|') {
            return i;
        }
    }
    return -1;
}

QString substitution(const QString &expression, const MakoVariables &variables)
{
    const qsizetype bar = filterBar(expression);
    const QString code = bar < 0 ? expression : expression.left(bar);
    QStringList filters;
    if (bar >= 0) {
        for (const QString &f : expression.mid(bar + 1).split(QLatin1Char(',')))
            filters.append(f.trimmed());
    }
    const MakoValue value = ExpressionEvaluator(code, variables).evaluate();
    // Mako applies the default filter (str) first unless `n` is among the filters.
    std::optional<QString> text;
    if (!filters.contains(QLatin1String("n")))
        text = str(value);
    for (const QString &filter : std::as_const(filters)) {
        if (filter == QLatin1String("n")) {
            continue;
        } else if (filter == QLatin1String("comma")) {
            if (text)
                continue; // a string stays as it is
            if (value.kind == MakoValue::Kind::None || value.kind == MakoValue::Kind::Undefined)
                text = QString();
            else if (value.kind == MakoValue::Kind::Tuple || value.kind == MakoValue::Kind::List)
                text = value.items.join(QLatin1String(", "));
            else
                text = value.text;
        } else if (filter == QLatin1String("str")) {
            if (!text)
                text = str(value);
        } else if (filter == QLatin1String("trim")) {
            text = pythonStrip(text ? *text : str(value));
        } else {
            fail(QStringLiteral("unsupported filter '%1'").arg(filter));
        }
    }
    return text ? *text : str(value);
}

// The end of a ${...} starting at open (the '$'), honouring braces and quotes.
qsizetype closingBrace(const QString &source, qsizetype open)
{
    int depth = 0;
    QChar quote;
    for (qsizetype i = open + 2; i < source.size(); ++i) {
        const QChar c = source.at(i);
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'{') {
            ++depth;
        } else if (c == u'}') {
            if (depth == 0)
                return i;
            --depth;
        }
    }
    return -1;
}

struct Branch
{
    bool taken = false;  // some branch of this if has been chosen
    bool active = false; // the current branch is being output
    bool parentActive = true;
};

int lineAt(const QString &source, qsizetype offset)
{
    return int(QStringView(source).left(offset).count(QLatin1Char('\n'))) + 1;
}

} // namespace

Result<QString> MakoTemplate::render(const QString &source, const MakoVariables &variables,
                                     const QString &fileName)
{
    QString out;
    QList<Branch> branches;
    auto emitting = [&]() {
        return branches.isEmpty() || branches.last().active;
    };
    qsizetype pos = 0;
    qsizetype where = 0; // start of the construct being handled, for errors
    try {
        while (pos < source.size()) {
            where = pos;
            if (pos == 0 || source.at(pos - 1) == u'\n') {
                qsizetype p = pos;
                while (p < source.size() && (source.at(p) == u' ' || source.at(p) == u'\t'))
                    ++p;
                const QStringView rest = QStringView(source).mid(p);
                const qsizetype lineEnd = source.indexOf(QLatin1Char('\n'), p);
                const qsizetype next = lineEnd < 0 ? source.size() : lineEnd + 1;
                if (rest.startsWith(QLatin1String("##"))) {
                    pos = next;
                    continue;
                }
                if (rest.startsWith(QLatin1Char('%')) && !rest.startsWith(QLatin1String("%%"))) {
                    QString line =
                        source.mid(p + 1, (lineEnd < 0 ? source.size() : lineEnd) - p - 1)
                            .trimmed();
                    if (line.endsWith(QLatin1Char(':')))
                        line.chop(1);
                    const QString word = line.section(QLatin1Char(' '), 0, 0);
                    const QString condition = line.section(QLatin1Char(' '), 1);
                    if (word == QLatin1String("if")) {
                        Branch b;
                        b.parentActive = emitting();
                        b.active = b.parentActive &&
                                   truthy(ExpressionEvaluator(condition, variables).evaluate());
                        b.taken = b.active;
                        branches.append(b);
                    } else if (word == QLatin1String("elif") || word == QLatin1String("else")) {
                        if (branches.isEmpty())
                            fail(QStringLiteral("'%% %1' without '%% if'").arg(word));
                        Branch &b = branches.last();
                        const bool chosen =
                            b.parentActive && !b.taken &&
                            (word == QLatin1String("else") ||
                             truthy(ExpressionEvaluator(condition, variables).evaluate()));
                        b.active = chosen;
                        b.taken = b.taken || chosen;
                    } else if (word == QLatin1String("endif")) {
                        if (branches.isEmpty())
                            fail(QStringLiteral("'%% endif' without '%% if'"));
                        branches.removeLast();
                    } else {
                        fail(QStringLiteral("unsupported control line '%% %1'").arg(line));
                    }
                    pos = next;
                    continue;
                }
                if (rest.startsWith(QLatin1String("%%"))) {
                    if (emitting())
                        out += source.mid(pos, p - pos) + QLatin1Char('%');
                    pos = p + 2;
                    continue;
                }
            }
            const QStringView rest = QStringView(source).mid(pos);
            if (rest.startsWith(QLatin1String("<%text>"))) {
                const qsizetype end = source.indexOf(QLatin1String("</%text>"), pos);
                if (end < 0)
                    fail(QStringLiteral("'<%text>' without '</%text>'"));
                if (emitting())
                    out += source.mid(pos + 7, end - pos - 7);
                pos = end + 8;
                continue;
            }
            if (rest.startsWith(QLatin1String("${"))) {
                const qsizetype end = closingBrace(source, pos);
                if (end < 0)
                    fail(QStringLiteral("'${' without '}'"));
                if (emitting())
                    out += substitution(source.mid(pos + 2, end - pos - 2), variables);
                pos = end + 1;
                continue;
            }
            if (rest.startsWith(QLatin1String("<%")) || rest.startsWith(QLatin1String("</%")))
                fail(QStringLiteral("Mako tags such as '<%' blocks are not supported by Retort's "
                                    "template renderer"));
            if (rest.startsWith(QLatin1String("\\\n"))) {
                pos += 2;
                continue;
            }
            if (emitting())
                out += source.at(pos);
            ++pos;
        }
        if (!branches.isEmpty())
            fail(QStringLiteral("'%% if' without '%% endif'"));
    } catch (const MakoError &error) {
        return Result<QString>::failure(QStringLiteral("%1:%2: %3")
                                            .arg(fileName)
                                            .arg(lineAt(source, where))
                                            .arg(error.message));
    }
    return out;
}

} // namespace Retort
