// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/constraintdef.h"
#include "ops/dialectoptions.h"
#include "ops/sqlexpression.h"

#include <QList>
#include <QString>

namespace Retort {

// sa.Index(name, *expressions, unique=, **dialect_kw) in a Table, or
// op.create_index(name, table, columns, ...).
//
// expressions: a Column expression per column name given as a string, a Text for
// sa.text('lower(email)'), or another expression (sa.func.lower(...), col.desc()).
// dialectOptions holds every dialect keyword in source order (postgresql_using,
// postgresql_where (an Expression), postgresql_concurrently, postgresql_include,
// postgresql_ops, mysql_length (int or dict), mysql_prefix, sqlite_where, ...).
struct IndexDef
{
    ObjectName name;
    QString table;
    QString schema;
    QList<SqlExpression> expressions;
    bool unique = false;
    DialectOptions dialectOptions;

    // The plain column names, if every expression is a Column.
    bool columnNames(QStringList *names) const;
    bool operator==(const IndexDef &) const = default;
};

} // namespace Retort
