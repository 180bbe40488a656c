// SPDX-License-Identifier: GPL-3.0-or-later
#include "identifierpreparer.h"

#include "sql/reservedwords.h"

namespace Retort {

namespace {

bool isLegalCharacter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') || c == QLatin1Char('$');
}

} // namespace

IdentifierPreparer::IdentifierPreparer(SqlDialect dialect)
    : m_dialect(dialect)
    , m_quote(dialect == SqlDialect::MySql ? QLatin1Char('`') : QLatin1Char('"'))
    , m_reserved(ReservedWords::forDialect(dialect))
{
}

bool IdentifierPreparer::requiresQuotes(const QString &name) const
{
    if (name.isEmpty())
        return true;
    const QString lower = name.toLower();
    if (m_reserved.contains(lower) || lower != name)
        return true;
    const QChar first = name.front();
    if (first.isDigit() || first == QLatin1Char('$'))
        return true;
    for (const QChar c : name) {
        if (!isLegalCharacter(c))
            return true;
    }
    return false;
}

QString IdentifierPreparer::quote(const QString &name) const
{
    return requiresQuotes(name) ? forceQuote(name) : name;
}

QString IdentifierPreparer::forceQuote(const QString &name) const
{
    QString escaped = name;
    escaped.replace(m_quote, QString(2, m_quote));
    return m_quote + escaped + m_quote;
}

QString IdentifierPreparer::stringLiteral(const QString &text) const
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    if (m_dialect != SqlDialect::Sqlite)
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace Retort
