// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sql/ddlcompiler.h"

namespace Retort {

// SQLite: DEFAULT expressions in parentheses, no comments in DDL, no ALTER of
// constraints outside batch mode (Alembic's NotImplementedError); batch_alter_table
// blocks are rebuilt by "move and copy" (SqliteBatchRenderer).
class SqliteRenderer : public DdlCompiler
{
public:
    SqliteRenderer();

    Result<QString> columnSpecification(const ColumnDef &column, const TableDef *table) const override;

protected:
    Result<QStringList> addConstraint(const QString &table, const QString &schema,
                                      const ConstraintDef &constraint) const override;
    Result<QStringList> dropConstraint(const DropConstraint &op) const override;
    Result<QStringList> columnComment(const QString &table, const QString &schema, const QString &column,
                                      const std::optional<QString> &comment) const override;
};

} // namespace Retort
