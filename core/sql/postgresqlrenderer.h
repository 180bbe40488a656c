// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sql/ddlcompiler.h"

namespace Retort {

// PostgreSQL: SERIAL/BIGSERIAL/SMALLSERIAL for autoincrement keys, Identity columns,
// CREATE TYPE ... AS ENUM before CREATE TABLE, COMMENT ON statements after it,
// ALTER COLUMN ... TYPE first (with postgresql_using), CREATE INDEX CONCURRENTLY /
// USING / WHERE, COMMIT/BEGIN around autocommit blocks.
class PostgreSqlRenderer : public DdlCompiler
{
public:
    PostgreSqlRenderer();

    Result<QString> columnSpecification(const ColumnDef &column, const TableDef *table) const override;
    Result<QString> createIndex(const IndexDef &index, bool ifNotExists = false) const override;

protected:
    Result<QStringList> beforeCreateTable(const TableDef &table) const override;
    Result<QStringList> afterCreateTable(const TableDef &table) const override;
    bool commentsAsStatements() const override { return true; }
    Result<QStringList> alterColumn(const AlterColumn &op) const override;
    Result<QStringList> dropIndex(const DropIndex &op) const override;
    Result<QStringList> enumType(const TypeSpec &type, bool create) const override;
    Result<QStringList> autocommitBlock(bool begin) const override;

private:
    QString identity(const IdentityDef &identity) const;
};

} // namespace Retort
