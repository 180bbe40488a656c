// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/sqlexpression.h"
#include "ops/sqlvalue.h"
#include "ops/typespec.h"
#include "sql/identifierpreparer.h"
#include "util/result.h"

#include <QString>

namespace Retort {

// Renders SQL expressions and Python values as SQLAlchemy 2.0 compiles them with
// literal binds for one dialect: server defaults, CHECK and index expressions,
// Computed text, and the values / WHERE clauses of DML. Stateless; thread-safe.
class ExpressionCompiler
{
public:
    // Where an expression is used decides how a plain Python str is read.
    enum class Context {
        ServerDefault, // a str is a quoted literal: server_default='x' -> DEFAULT 'x'
        Verbatim,      // a str is SQL text: CheckConstraint('a > 0'), Computed('a + b')
        Dml,           // VALUES / SET / WHERE of DML: columns qualified by their table, a str is a literal
    };

    explicit ExpressionCompiler(const IdentifierPreparer &preparer);

    Result<QString> compile(const SqlExpression &expression, Context context) const;
    // A literal for a value; `type` (the column's type, may be null) picks the
    // rendering where it differs from the value's own type.
    Result<QString> literal(const SqlValue &value, const TypeSpec &type = TypeSpec()) const;

private:
    Result<QString> function(const SqlExpression &expression, Context context) const;
    Result<QString> binary(const SqlExpression &expression, Context context) const;
    Result<QString> operand(const SqlExpression &expression, Context context, const TypeSpec &type,
                            bool parenthesize) const;

    const IdentifierPreparer &m_preparer;
    SqlDialect m_dialect;
};

} // namespace Retort
