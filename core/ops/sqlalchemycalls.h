// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/callarguments.h"
#include "ops/pyvalue.h"

#include <QString>

namespace Retort {

// The SQLAlchemy constructors a migration calls — types (sa.String(50),
// postgresql.JSONB(), mysql.VARCHAR(20, charset=...)), sa.Column, the constraints,
// sa.Index, sa.Table/sa.MetaData, sa.table/sa.column, sa.text, sa.func.*, sa.true(),
// sa.and_(), Identity, Computed — turned into the schema value types.
// Internal to core/ops; errors are thrown as InterpretError.
class SqlAlchemyCalls
{
public:
    // Strips the submodules SQLAlchemy re-exports from ("sqlalchemy.types.Integer" ->
    // "sqlalchemy.Integer", "sqlalchemy.dialects.postgresql.json.JSONB" -> ...postgresql.JSONB).
    static QString normalize(const QString &qualifiedName);
    static bool isTypeClass(const QString &qualifiedName);
    static bool isKnown(const QString &qualifiedName);
    static PyValue call(const QString &qualifiedName, CallArguments &arguments);

    // Conversions of argument values; `what` names the argument in messages.
    static TypeSpec toType(const PyValue &value, const SourceRange &range, const QString &what);
    static SqlExpression toExpression(const PyValue &value, const SourceRange &range,
                                      const QString &what);
    // Like toExpression, but a Python str is a value (a Literal, a bound parameter in
    // SQLAlchemy), as in DML values, bulk_insert rows, comparisons and function arguments.
    static SqlExpression toValue(const PyValue &value, const SourceRange &range, const QString &what);
    // server_default=: a str is a quoted literal (String), sa.text a Text, ...
    static SqlExpression toServerDefault(const PyValue &value, const SourceRange &range);
    static ObjectName toName(const PyValue &value, const SourceRange &range, const QString &what);
    static QString columnName(const PyValue &value, const SourceRange &range, const QString &what);
    static QStringList columnNames(const PyValue &value, const SourceRange &range,
                                   const QString &what);
    static DialectOption toOption(const QString &key, const PyValue &value,
                                  const SourceRange &range);
    static ColumnDef toColumn(const PyValue &value, const SourceRange &range, const QString &what);
    // sa.Table/op.create_table items: columns, constraints, indexes.
    static void addTableItem(TableDef *table, const PyValue &value, const SourceRange &range);
    static ConstraintDef toConstraint(const PyValue &value, const SourceRange &range,
                                      const QString &what);
    static TableClause toTableClause(const PyValue &value, const SourceRange &range,
                                     const QString &what);

    [[noreturn]] static void fail(const SourceRange &range, const QString &message);
};

} // namespace Retort
