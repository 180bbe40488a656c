// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schema/schemamodel.h"
#include "sql/sqldialect.h"

#include <QList>
#include <QString>

namespace Retort {

// One thing a table has, as the schema browser lists it: "email" / "VARCHAR(255) NOT
// NULL", "ix_users_email" / "UNIQUE INDEX (email)", "fk_orders_user" / "FOREIGN KEY
// (user_id) → users (id)".
struct SchemaObject
{
    enum class Kind { Column, PrimaryKey, ForeignKey, Unique, Check, Index };
    Kind kind = Kind::Column;
    QString name;   // the column's or constraint's name; "(unnamed)" when it has none
    QString detail; // type and options, or the definition

    bool operator==(const SchemaObject &) const = default;
};

struct TableDescription
{
    QString name; // schema-qualified when it has a schema
    QList<SchemaObject> objects; // columns first (declared order), then constraints, indexes
    QString comment;

    bool operator==(const TableDescription &) const = default;
};

// Turns a replayed SchemaModel into the rows the schema browser shows, with the column
// types spelled as the dialect's DDL spells them. Pure function; any thread.
class SchemaDescription
{
public:
    static QList<TableDescription> describe(const SchemaModel &schema, SqlDialect dialect);
    // "Column", "Primary key", ... (translated by the caller's context).
    static QString kindName(SchemaObject::Kind kind);
};

} // namespace Retort
