// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/dialectoptions.h"
#include "ops/sqlexpression.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace Retort {

// The name of a constraint or index. Unnamed when name is unset (SQLAlchemy's None:
// the database, or a naming convention, picks one). fromOpF records that the name
// was wrapped in op.f() / batch_op.f(), i.e. already final and exempt from naming
// conventions.
struct ObjectName
{
    std::optional<QString> name;
    bool fromOpF = false;

    bool isSet() const { return name.has_value(); }
    QString text() const { return name.value_or(QString()); }
    friend bool operator==(const ObjectName &, const ObjectName &) = default;
};

// Options every constraint shares.
struct ConstraintOptions
{
    std::optional<bool> deferrable;
    QString initially;
    DialectOptions dialectOptions;
    bool operator==(const ConstraintOptions &) const = default;
};

// sa.PrimaryKeyConstraint('a', 'b', name=...), or the primary key of
// op.create_primary_key(name, table, columns).
struct PrimaryKeyDef
{
    ObjectName name;
    QStringList columns;
    ConstraintOptions options;
    bool operator==(const PrimaryKeyDef &) const = default;
};

// sa.ForeignKeyConstraint(['a'], ['schema.t.id'], ...), an inline sa.ForeignKey('t.id')
// (columns then holds the owning column), or op.create_foreign_key(...).
struct ForeignKeyDef
{
    ObjectName name;
    QStringList columns;          // local columns
    QString referredTable;
    QString referredSchema;       // "" = none
    QStringList referredColumns;
    QString onDelete;             // "" = not given
    QString onUpdate;
    QString match;
    bool useAlter = false;
    ConstraintOptions options;
    bool operator==(const ForeignKeyDef &) const = default;
};

// sa.UniqueConstraint('a', 'b', name=...) or op.create_unique_constraint(...).
struct UniqueDef
{
    ObjectName name;
    QStringList columns;
    ConstraintOptions options;
    bool operator==(const UniqueDef &) const = default;
};

// sa.CheckConstraint('a > 0', name=...) or op.create_check_constraint(...). sqltext is
// rendered verbatim when it is a String or Text; otherwise it is an expression.
struct CheckDef
{
    ObjectName name;
    SqlExpression sqltext;
    ConstraintOptions options;
    bool operator==(const CheckDef &) const = default;
};

// A table-level constraint, in declaration order inside a TableDef.
using ConstraintDef = std::variant<PrimaryKeyDef, ForeignKeyDef, UniqueDef, CheckDef>;

// "fk_a.b.id" style helper: splits 'schema.table.column' / 'table.column' as
// SQLAlchemy reads a ForeignKey target.
struct ForeignKeyTarget
{
    QString schema;
    QString table;
    QString column;
    static ForeignKeyTarget parse(const QString &spec);
};

} // namespace Retort
