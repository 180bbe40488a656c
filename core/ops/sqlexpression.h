// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/sqlvalue.h"
#include "ops/typespec.h"

#include <QString>

#include <vector>

namespace Retort {

// A small SQL expression tree: what migrations put where SQL goes but is not a whole
// statement — server_default=, CheckConstraint sqltext, index expressions, Computed,
// postgresql_where, and the WHERE / SET parts of sa.table(...).update()/insert()/delete().
//
// Value type, safe to copy across threads.
struct SqlExpression
{
    enum class Kind {
        Text,     // sa.text('...') or sa.literal_column('...'): `text` verbatim
        String,   // a plain Python str where SQLAlchemy takes one literally: server_default='x'
                  // (rendered as a quoted literal), CheckConstraint('a > 0') / Computed('a+b')
                  // / Index text (rendered verbatim): the context decides, see the field's comment
        Literal,  // a Python value (`value`): op.inline_literal(v) (inlineLiteral = true) or a
                  // plain value compared or assigned in DML (a bound parameter in SQLAlchemy)
        Column,   // table.c.name, sa.column('name'), or a column name in an index: `text`
                  // is the name, `table` the table name when known
        Function, // sa.func.<text>(operands...): `text` is the name as written ("now",
                  // "current_timestamp", "coalesce"); a dotted name for sa.func.pkg.fn
        True,     // sa.true()
        False,    // sa.false()
        Null,     // sa.null() or None in a comparison / assignment
        Binary,   // operands[0] <text> operands[1]: text is the SQL operator: "=", "!=", "<",
                  // "<=", ">", ">=", "+", "-", "*", "/", "%", "||", "IS", "IS NOT", "LIKE",
                  // "NOT LIKE", "IN", "NOT IN"
        BoolList, // sa.and_(...) / sa.or_(...) / `&` / `|`: text is "AND" or "OR"
        Not,      // sa.not_(x) / ~x: operands[0]
        Tuple,    // a list of operands (right side of IN / in_([...]))
        Cast,     // sa.cast(operands[0], type)
        Label,    // expression .label(text)
        Desc,     // operands[0].desc() or sa.desc(...)
        Asc,      // operands[0].asc() or sa.asc(...)
    };

    Kind kind = Kind::Text;
    QString text;
    SqlValue value;
    bool inlineLiteral = false; // Literal: op.inline_literal()
    QString table;              // Column: owning table if known
    TypeSpec type;              // Literal: inline_literal(type_=) / column type; Cast: target
    std::vector<SqlExpression> operands;

    static SqlExpression makeText(const QString &sql)
    {
        SqlExpression e;
        e.kind = Kind::Text;
        e.text = sql;
        return e;
    }
    static SqlExpression makeString(const QString &s)
    {
        SqlExpression e;
        e.kind = Kind::String;
        e.text = s;
        return e;
    }
    static SqlExpression makeLiteral(const SqlValue &v, bool inlined)
    {
        SqlExpression e;
        e.kind = Kind::Literal;
        e.value = v;
        e.inlineLiteral = inlined;
        return e;
    }
    static SqlExpression makeColumn(const QString &name, const QString &table = QString())
    {
        SqlExpression e;
        e.kind = Kind::Column;
        e.text = name;
        e.table = table;
        return e;
    }

    // A Python-like rendering for dumps and messages: text('x'), str('x') for a String,
    // func.now(), (column(t.c) = 'a') with a Literal shown as its Python value, ...
    QString toDebugString() const;

    bool operator==(const SqlExpression &other) const;
};

} // namespace Retort
