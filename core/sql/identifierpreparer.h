// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sql/sqldialect.h"

#include <QSet>
#include <QString>

namespace Retort {

// Quotes identifiers and string literals the way SQLAlchemy's identifier preparer
// does for a dialect: a name is quoted when it is a reserved word, starts with a digit
// or '$', contains anything but [A-Za-z0-9_$], or is not all lower case.
// Value type; stateless apart from the dialect; thread-safe.
class IdentifierPreparer
{
public:
    explicit IdentifierPreparer(SqlDialect dialect);

    SqlDialect dialect() const { return m_dialect; }
    bool requiresQuotes(const QString &name) const;
    // The name, quoted when needed ("order", `order`); the quote char is doubled inside.
    QString quote(const QString &name) const;
    // Always quoted (used where SQLAlchemy forces quoting).
    QString forceQuote(const QString &name) const;
    // 'text' with the quote doubled (and, on PostgreSQL and MySQL, backslashes doubled).
    QString stringLiteral(const QString &text) const;

private:
    SqlDialect m_dialect;
    QChar m_quote;
    const QSet<QString> &m_reserved;
};

} // namespace Retort
