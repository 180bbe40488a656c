// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/tabledef.h"

namespace Retort {

const ColumnDef *TableDef::column(const QString &columnName) const
{
    for (const ColumnDef &c : columns) {
        if (c.name == columnName)
            return &c;
    }
    return nullptr;
}

const TableClause::Column *TableClause::column(const QString &columnName) const
{
    for (const Column &c : columns) {
        if (c.name == columnName)
            return &c;
    }
    return nullptr;
}

} // namespace Retort
