// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/callarguments.h"

#include <QHash>

#include <limits>

namespace Retort {

namespace {

struct Signature
{
    QStringList positional; // positional-or-keyword, in order
    QStringList keywordOnly;
    int required = 0;       // leading positional parameters without default
    QStringList requiredKeywordOnly;
    bool varPositional = false;
    bool varKeyword = false;
};

Signature parseSignature(const QString &text)
{
    Signature signature;
    bool keywordOnly = false;
    bool sawOptional = false;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString part : parts) {
        part = part.trimmed();
        if (part == QLatin1String("*")) {
            keywordOnly = true;
        } else if (part.startsWith(QLatin1String("**"))) {
            signature.varKeyword = true;
        } else if (part.startsWith(QLatin1Char('*'))) {
            signature.varPositional = true;
            keywordOnly = true;
        } else {
            const bool optional = part.endsWith(QLatin1Char('='));
            if (optional)
                part.chop(1);
            if (keywordOnly) {
                signature.keywordOnly.append(part);
                if (!optional)
                    signature.requiredKeywordOnly.append(part);
            } else {
                signature.positional.append(part);
                if (!optional && !sawOptional)
                    ++signature.required;
                if (optional)
                    sawOptional = true;
            }
        }
    }
    return signature;
}

const Signature &cachedSignature(const QString &text)
{
    thread_local QHash<QString, Signature> cache;
    auto it = cache.find(text);
    if (it == cache.end())
        it = cache.insert(text, parseSignature(text));
    return *it;
}

QString plural(qsizetype n, const char *word)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(word) +
           (n == 1 ? QString() : QStringLiteral("s"));
}

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &n : names)
        quoted.append(QLatin1Char('\'') + n + QLatin1Char('\''));
    if (quoted.size() == 1)
        return quoted.first();
    const QString last = quoted.takeLast();
    return quoted.join(QLatin1String(", ")) +
           (quoted.size() > 1 ? QStringLiteral(", and ") : QStringLiteral(" and ")) + last;
}

} // namespace

CallArguments::CallArguments(QString callee, SourceRange callRange)
    : m_callee(std::move(callee))
    , m_callRange(callRange)
{ }

void CallArguments::addPositional(const PyValue &value, const SourceRange &range)
{
    m_positional.append({value, range});
}

void CallArguments::addKeyword(const QString &name, const PyValue &value, const SourceRange &range)
{
    m_keywords.append({name, {value, range}});
}

void CallArguments::bind(const QString &signatureText)
{
    const Signature &signature = cachedSignature(signatureText);
    m_bound.clear();
    m_extraPositional.clear();
    m_extraKeywords.clear();
    const qsizetype given = m_positional.size();
    if (given > signature.positional.size() && !signature.varPositional) {
        const qsizetype max = signature.positional.size();
        QString takes = signature.required == max
                            ? plural(max, "positional argument")
                            : QStringLiteral("from %1 to %2 positional arguments")
                                  .arg(signature.required)
                                  .arg(max);
        fail(m_positional.at(max), QStringLiteral("%1() takes %2 but %3 %4 given")
                                       .arg(m_callee, takes)
                                       .arg(given)
                                       .arg(given == 1 ? QStringLiteral("was")
                                                       : QStringLiteral("were")));
    }
    for (qsizetype i = 0; i < given; ++i) {
        if (i < signature.positional.size())
            m_bound.append({signature.positional.at(i), m_positional.at(i)});
        else
            m_extraPositional.append(m_positional.at(i));
    }
    for (const auto &keyword : m_keywords) {
        const QString &name = keyword.first;
        const qsizetype index = signature.positional.indexOf(name);
        if (index >= 0 || signature.keywordOnly.contains(name)) {
            if (index >= 0 && index < given)
                fail(keyword.second, QStringLiteral("%1() got multiple values for argument '%2'")
                                         .arg(m_callee, name));
            m_bound.append(keyword);
        } else if (signature.varKeyword) {
            m_extraKeywords.append(keyword);
        } else {
            fail(keyword.second, QStringLiteral("%1() got an unexpected keyword argument '%2'")
                                     .arg(m_callee, name));
        }
    }
    QStringList missing;
    for (int i = 0; i < signature.required; ++i) {
        if (!has(signature.positional.at(i)))
            missing.append(signature.positional.at(i));
    }
    if (!missing.isEmpty())
        fail(QStringLiteral("%1() missing %2: %3")
                 .arg(m_callee,
                      plural(missing.size(), "required positional argument"),
                      quotedList(missing)));
    for (const QString &name : signature.requiredKeywordOnly) {
        if (!has(name))
            missing.append(name);
    }
    if (!missing.isEmpty())
        fail(QStringLiteral("%1() missing %2: %3")
                 .arg(m_callee,
                      plural(missing.size(), "required keyword-only argument"),
                      quotedList(missing)));
}

const CallArguments::Argument *CallArguments::get(const QString &name) const
{
    for (const auto &bound : m_bound) {
        if (bound.first == name)
            return &bound.second;
    }
    return nullptr;
}

bool CallArguments::hasValue(const QString &name) const
{
    const Argument *argument = get(name);
    return argument && !argument->value.isNone();
}

QString CallArguments::string(const QString &name, const QString &fallback) const
{
    return optionalString(name).value_or(fallback);
}

std::optional<QString> CallArguments::optionalString(const QString &name) const
{
    const Argument *argument = get(name);
    if (!argument || argument->value.isNone())
        return std::nullopt;
    if (!argument->value.isString())
        fail(*argument, QStringLiteral("%1(): %2 must be a string, not %3")
                            .arg(m_callee, name, argument->value.typeName()));
    return argument->value.scalar.text;
}

std::optional<qint64> CallArguments::optionalInt(const QString &name) const
{
    const Argument *argument = get(name);
    if (!argument || argument->value.isNone())
        return std::nullopt;
    if (!argument->value.isInt())
        fail(*argument, QStringLiteral("%1(): %2 must be an integer, not %3")
                            .arg(m_callee, name, argument->value.repr()));
    if (!argument->value.scalar.integerFits)
        fail(*argument, QStringLiteral("%1(): %2 = %3 is too large (the largest integer Retort "
                                       "reads is %4)")
                            .arg(m_callee, name, argument->value.repr())
                            .arg(std::numeric_limits<qint64>::max()));
    return argument->value.scalar.integer;
}

std::optional<bool> CallArguments::optionalBool(const QString &name) const
{
    const Argument *argument = get(name);
    if (!argument || argument->value.isNone())
        return std::nullopt;
    if (argument->value.isBool())
        return argument->value.scalar.boolean;
    // SQLAlchemy only tests truth; 0/1 are common for flags.
    if (argument->value.isInt())
        return argument->value.scalar.integer != 0;
    fail(*argument, QStringLiteral("%1(): %2 must be True or False, not %3")
                        .arg(m_callee, name, argument->value.repr()));
}

bool CallArguments::boolean(const QString &name, bool fallback) const
{
    return optionalBool(name).value_or(fallback);
}

void CallArguments::fail(const QString &message) const
{
    throw InterpretError{m_callRange, message, false};
}

void CallArguments::fail(const Argument &argument, const QString &message) const
{
    throw InterpretError{argument.range.isValid() ? argument.range : m_callRange, message, false};
}

} // namespace Retort
