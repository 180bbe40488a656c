// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/schemamodel.h"

namespace Retort {

QString SchemaModel::qualifiedName(const QString &name, const QString &schema)
{
    return schema.isEmpty() ? name : schema + QLatin1Char('.') + name;
}

bool SchemaModel::contains(const QString &name, const QString &schema) const
{
    return m_tables.contains(qualifiedName(name, schema));
}

const TableDef *SchemaModel::table(const QString &name, const QString &schema) const
{
    const auto it = m_tables.constFind(qualifiedName(name, schema));
    return it == m_tables.constEnd() ? nullptr : &*it;
}

TableDef *SchemaModel::table(const QString &name, const QString &schema)
{
    const auto it = m_tables.find(qualifiedName(name, schema));
    return it == m_tables.end() ? nullptr : &*it;
}

void SchemaModel::insert(const TableDef &table)
{
    m_tables.insert(qualifiedName(table.name, table.schema), table);
}

bool SchemaModel::remove(const QString &name, const QString &schema)
{
    return m_tables.remove(qualifiedName(name, schema)) > 0;
}

} // namespace Retort
