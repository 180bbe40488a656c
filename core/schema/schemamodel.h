// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/tabledef.h"

#include <QList>
#include <QMap>
#include <QString>

namespace Retort {

// The tables of a database as the migrations built them: columns, constraints,
// indexes and comments, each table a TableDef (inline Column(index=True/unique=True)
// stay flags on their column, as in op.create_table).
//
// Value type (implicitly shared map of values); copy it to branch off a schema.
class SchemaModel
{
public:
    bool isEmpty() const { return m_tables.isEmpty(); }
    qsizetype size() const { return m_tables.size(); }

    // Every table, sorted by schema-qualified name ("name" or "schema.name").
    QList<TableDef> tables() const { return m_tables.values(); }
    QStringList tableNames() const { return m_tables.keys(); }

    bool contains(const QString &name, const QString &schema = QString()) const;
    const TableDef *table(const QString &name, const QString &schema = QString()) const;
    TableDef *table(const QString &name, const QString &schema = QString());

    // Replaces a table of the same name.
    void insert(const TableDef &table);
    bool remove(const QString &name, const QString &schema = QString());

    // "schema.name", or "name" without a schema.
    static QString qualifiedName(const QString &name, const QString &schema);

private:
    QMap<QString, TableDef> m_tables;
};

} // namespace Retort
