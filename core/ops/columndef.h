// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/constraintdef.h"
#include "ops/dialectoptions.h"
#include "ops/sqlexpression.h"
#include "ops/typespec.h"

#include <QList>
#include <QString>

#include <optional>

namespace Retort {

// sa.Identity(start=, increment=, ...), Column(..., sa.Identity(...)).
struct IdentityDef
{
    bool always = false;
    std::optional<bool> onNull;
    std::optional<qint64> start;
    std::optional<qint64> increment;
    std::optional<qint64> minValue;
    std::optional<qint64> maxValue;
    bool noMinValue = false;
    bool noMaxValue = false;
    std::optional<bool> cycle;
    std::optional<qint64> cache;
    std::optional<bool> order;
    bool operator==(const IdentityDef &) const = default;
};

// sa.Computed('a + b', persisted=True). sqltext is a String (verbatim) or Text.
struct ComputedDef
{
    SqlExpression sqltext;
    std::optional<bool> persisted;
    bool operator==(const ComputedDef &) const = default;
};

// sa.Column(name, type, *constraints, **options) as written.
//
// nullable keeps whether it was given: SQLAlchemy's default is `not primary_key`
// (and NOT NULL for Identity columns); effectiveNullable() applies that rule.
// index/unique=True are kept here as flags; SQLAlchemy turns them into an
// ix_<table>_<column> index / an unnamed UNIQUE constraint (index+unique: a unique
// index), which is for the renderer to do.
struct ColumnDef
{
    enum class Autoincrement { Auto, True, False };

    QString name;
    TypeSpec type;
    std::optional<bool> nullable;
    bool primaryKey = false;
    Autoincrement autoincrement = Autoincrement::Auto;
    // server_default=: Text (sa.text), String (a plain str: a quoted literal),
    // Function (sa.func.now()), True/False (sa.true()/sa.false()), Literal (other values).
    std::optional<SqlExpression> serverDefault;
    std::optional<SqlExpression> serverOnUpdate;
    // default= (Python-side; not part of DDL, kept for completeness)
    std::optional<SqlExpression> defaultValue;
    std::optional<bool> unique;
    std::optional<bool> index;
    std::optional<QString> comment;
    std::optional<IdentityDef> identity;
    std::optional<ComputedDef> computed;
    QList<ForeignKeyDef> foreignKeys; // inline sa.ForeignKey(...); columns = {name}
    DialectOptions dialectOptions;    // mysql_..., postgresql_..., sqlite_... keywords
    QString key;                      // key= if given
    bool systemColumn = false;        // system=True

    bool effectiveNullable() const
    {
        return nullable.value_or(!primaryKey && !identity.has_value());
    }
    bool operator==(const ColumnDef &) const = default;
};

} // namespace Retort
