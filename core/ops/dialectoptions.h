// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/sqlvalue.h"

#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace Retort {

struct SqlExpression;

// One keyword argument passed through to a dialect or a type, such as
// mysql_engine='InnoDB', postgresql_using='gin', postgresql_where=sa.text('x > 0'),
// mysql_length={'name': 10}, postgresql_include=['a'], postgresql_ops={'a': 'text_pattern_ops'}.
struct DialectOption
{
    enum class Kind {
        Scalar,     // value: None, bool, int, str, ...
        List,       // list: a list or tuple of scalars
        Dict,       // dict: str -> scalar, in source order
        Expression, // expression: a SQL expression (sa.text(...), a comparison, ...)
    };

    QString key;
    Kind kind = Kind::Scalar;
    SqlValue value;
    QList<SqlValue> list;
    QList<QPair<QString, SqlValue>> dict;
    std::shared_ptr<const SqlExpression> expression;

    bool operator==(const DialectOption &other) const;
};

// Keyword options in source order (the order SQLAlchemy keeps in its kwargs dicts).
class DialectOptions : public QList<DialectOption>
{
public:
    using QList<DialectOption>::QList;

    const DialectOption *find(const QString &key) const;
    bool contains(const QString &key) const { return find(key) != nullptr; }
    // The scalar option's value, or a None value if absent or not a scalar.
    SqlValue scalar(const QString &key) const;
    // Adds or replaces (keeping the first position, as a dict does).
    void set(const DialectOption &option);
    // The options whose key starts with "<dialect>_".
    DialectOptions forDialect(const QString &dialect) const;
};

} // namespace Retort
