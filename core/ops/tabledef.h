// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/columndef.h"
#include "ops/constraintdef.h"
#include "ops/dialectoptions.h"
#include "ops/indexdef.h"

#include <QList>
#include <QString>

#include <optional>

namespace Retort {

// A table as op.create_table(...) or sa.Table(name, sa.MetaData(), ...) declares it:
// columns, table-level constraints and indexes each in declaration order.
// Constraints and indexes written inline on columns (ForeignKey, unique=, index=,
// primary_key=) stay on their ColumnDef and are not repeated here.
//
// dialectOptions: mysql_engine, mysql_charset, mysql_collate, postgresql_partition_by,
// sqlite_autoincrement, ..., in source order; prefixes: sa.Table(prefixes=[...]).
struct TableDef
{
    QString name;
    QString schema; // "" = none
    QList<ColumnDef> columns;
    QList<ConstraintDef> constraints;
    QList<IndexDef> indexes;
    std::optional<QString> comment;
    DialectOptions dialectOptions;
    QStringList prefixes;

    const ColumnDef *column(const QString &columnName) const;
    bool operator==(const TableDef &) const = default;
};

// sa.table('name', sa.column('a', sa.Integer), ..., schema=...): a lightweight table
// for DML and bulk_insert. Columns may have no type (TypeSpec::isNull()).
struct TableClause
{
    struct Column
    {
        QString name;
        TypeSpec type;
        bool operator==(const Column &) const = default;
    };
    QString name;
    QString schema;
    QList<Column> columns;

    const Column *column(const QString &columnName) const;
    bool operator==(const TableClause &) const = default;
};

} // namespace Retort
