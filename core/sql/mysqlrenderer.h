// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sql/ddlcompiler.h"

namespace Retort {

// MySQL (and MariaDB): AUTO_INCREMENT, inline COMMENT before DEFAULT, table options
// sorted by name after the closing parenthesis, CHANGE/MODIFY/ALTER ... DEFAULT for
// alter_column (which needs the existing type), DROP INDEX ... ON, typed
// DROP FOREIGN KEY / PRIMARY KEY / INDEX / CHECK, ALTER TABLE ... COMMENT.
class MySqlRenderer : public DdlCompiler
{
public:
    MySqlRenderer();

    Result<QString> columnSpecification(const ColumnDef &column, const TableDef *table) const override;

protected:
    QString tableOptions(const TableDef &table) const override;
    Result<QStringList> alterColumn(const AlterColumn &op) const override;
    Result<QStringList> dropIndex(const DropIndex &op) const override;
    Result<QStringList> dropConstraint(const DropConstraint &op) const override;
    Result<QStringList> tableComment(const QString &table, const QString &schema,
                                     const std::optional<QString> &comment) const override;
    QString indexColumn(const IndexDef &index, const QString &sql, const SqlExpression &expression) const override;
};

} // namespace Retort
