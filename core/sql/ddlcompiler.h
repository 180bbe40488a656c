// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sql/expressioncompiler.h"
#include "sql/identifierpreparer.h"
#include "sql/sqlrenderer.h"
#include "sql/typecompiler.h"

#include <QStringList>

#include <optional>

namespace Retort {

// The part of SQLAlchemy's DDL/DML compilers and Alembic's DefaultImpl that the
// dialects share; PostgreSqlRenderer, MySqlRenderer and SqliteRenderer override the
// pieces their dialect spells differently. The building blocks (column
// specifications, CREATE TABLE, CREATE INDEX, constraint clauses) are public so the
// SQLite batch "move and copy" can reuse them.
class DdlCompiler : public SqlRenderer
{
public:
    explicit DdlCompiler(SqlDialect dialect);

    SqlDialect dialect() const override { return m_preparer.dialect(); }
    Result<QStringList> render(const Operation &operation) const override;

    const IdentifierPreparer &preparer() const { return m_preparer; }
    const TypeCompiler &types() const { return m_types; }
    const ExpressionCompiler &expressions() const { return m_expressions; }

    // CREATE TABLE plus what Alembic's create_table emits around it (CREATE TYPE,
    // indexes of Column(index=True) and sa.Index sorted by name, comments).
    Result<QStringList> createTableStatements(const TableDef &table) const;
    // Just `CREATE TABLE name (\n\t...\n)` with its table options.
    Result<QString> createTable(const TableDef &table) const;
    // CREATE [UNIQUE] INDEX ...
    virtual Result<QString> createIndex(const IndexDef &index, bool ifNotExists = false) const;
    // A column definition as inside CREATE TABLE / ADD COLUMN; table may be null.
    virtual Result<QString> columnSpecification(const ColumnDef &column, const TableDef *table) const;
    // The table-level constraint clauses in CREATE TABLE order (PRIMARY KEY first).
    Result<QStringList> constraintClauses(const TableDef &table) const;
    Result<QString> constraintClause(const ConstraintDef &constraint, const QString &table) const;
    // The indexes Alembic creates after the table: sa.Index entries and
    // Column(index=True) as ix_<table>_<column>, sorted by name.
    QList<IndexDef> tableIndexes(const TableDef &table) const;
    // The column SQLAlchemy treats as the table's autoincrement column, or nullptr.
    static const ColumnDef *autoincrementColumn(const TableDef &table);
    // Column nullability after primary-key constraints are applied.
    static bool isNullable(const ColumnDef &column, const TableDef *table);

    QString tableName(const QString &name, const QString &schema) const;

protected:
    // Per-operation rendering; overridden where a dialect differs.
    virtual Result<QStringList> beforeCreateTable(const TableDef &table) const;
    virtual Result<QStringList> afterCreateTable(const TableDef &table) const;
    virtual QString tableOptions(const TableDef &table) const;
    // Whether column comments of CREATE TABLE / ADD COLUMN become separate COMMENT ON
    // statements (PostgreSQL); MySQL inlines them, SQLite drops them.
    virtual bool commentsAsStatements() const { return false; }
    virtual Result<QStringList> addColumn(const AddColumn &op) const;
    virtual Result<QStringList> alterColumn(const AlterColumn &op) const;
    virtual Result<QStringList> dropIndex(const DropIndex &op) const;
    virtual Result<QStringList> addConstraint(const QString &table, const QString &schema,
                                              const ConstraintDef &constraint) const;
    virtual Result<QStringList> dropConstraint(const DropConstraint &op) const;
    virtual Result<QStringList> tableComment(const QString &table, const QString &schema,
                                             const std::optional<QString> &comment) const;
    virtual Result<QStringList> columnComment(const QString &table, const QString &schema, const QString &column,
                                              const std::optional<QString> &comment) const;
    virtual Result<QStringList> enumType(const TypeSpec &type, bool create) const;
    Result<QStringList> batch(const BatchAlterTable &op) const;
    virtual Result<QStringList> autocommitBlock(bool begin) const;
    // The literal or expression after DEFAULT, nullopt when there is none.
    Result<std::optional<QString>> defaultClause(const std::optional<SqlExpression> &serverDefault) const;
    virtual QString indexColumn(const IndexDef &index, const QString &sql, const SqlExpression &expression) const;
    // The CHECK constraint a Boolean / non-native Enum with create_constraint=True adds
    // on this dialect, if any.
    std::optional<CheckDef> typeConstraint(const ColumnDef &column) const;

    Result<QStringList> renderBatchOperation(const BatchOperation &operation) const;
    QString alterTable(const QString &table, const QString &schema) const;

private:
    Result<QStringList> dispatch(const CreateTable &op) const;
    Result<QStringList> dispatch(const DropTable &op) const;
    Result<QStringList> dispatch(const AddColumn &op) const { return addColumn(op); }
    Result<QStringList> dispatch(const DropColumn &op) const;
    Result<QStringList> dispatch(const AlterColumn &op) const { return alterColumn(op); }
    Result<QStringList> dispatch(const CreateIndex &op) const;
    Result<QStringList> dispatch(const DropIndex &op) const { return dropIndex(op); }
    Result<QStringList> dispatch(const RenameTable &op) const;
    Result<QStringList> dispatch(const CreatePrimaryKey &op) const;
    Result<QStringList> dispatch(const CreateForeignKey &op) const;
    Result<QStringList> dispatch(const CreateUniqueConstraint &op) const;
    Result<QStringList> dispatch(const CreateCheckConstraint &op) const;
    Result<QStringList> dispatch(const DropConstraint &op) const { return dropConstraint(op); }
    Result<QStringList> dispatch(const CreateTableComment &op) const;
    Result<QStringList> dispatch(const DropTableComment &op) const;
    Result<QStringList> dispatch(const Execute &op) const;
    Result<QStringList> dispatch(const BulkInsert &op) const;
    Result<QStringList> dispatch(const CreateEnumType &op) const { return enumType(op.type, true); }
    Result<QStringList> dispatch(const DropEnumType &op) const { return enumType(op.type, false); }
    Result<QStringList> dispatch(const AutocommitBlockBegin &) const { return autocommitBlock(true); }
    Result<QStringList> dispatch(const AutocommitBlockEnd &) const { return autocommitBlock(false); }
    Result<QStringList> dispatch(const BatchAlterTable &op) const { return batch(op); }

    Result<QString> dml(const DmlStatement &statement) const;
    Result<QString> constraintName(const ObjectName &name) const;
    QString columnList(const QStringList &columns) const;
    QString deferrability(const ConstraintOptions &options) const;

    IdentifierPreparer m_preparer;
    TypeCompiler m_types;
    ExpressionCompiler m_expressions;
};

} // namespace Retort
