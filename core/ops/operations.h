// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/columndef.h"
#include "ops/constraintdef.h"
#include "ops/dialectoptions.h"
#include "ops/indexdef.h"
#include "ops/setting.h"
#include "ops/sqlexpression.h"
#include "ops/sqlvalue.h"
#include "ops/tabledef.h"
#include "ops/typespec.h"
#include "python/sourcerange.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace Retort {

// The typed operations of a migration function, as the Interpreter produces them
// from `op.*` / `batch_op.*` calls, in execution order, for one dialect (dialect `if`s
// are decided during interpretation).
//
// All types are plain values: copy them freely, also across threads.
//
// Every operation has `range`, the source range of the call that produced it (for a
// call inside a helper function of the same file: the call inside the helper).
//
// Table and schema names are as written; schema "" = none. Inside a batch, the
// operations carry the batch's table name and schema in their own table/schema
// fields, so a renderer can treat them like the plain operations.

struct OperationBase
{
    SourceRange range;
    bool operator==(const OperationBase &) const = default;
};

// op.create_table(name, *columns_and_constraints, schema=, comment=, **dialect_kw)
struct CreateTable : OperationBase
{
    TableDef table;
    bool ifNotExists = false;
    bool operator==(const CreateTable &) const = default;
};

// op.drop_table(name, schema=, **kw)
struct DropTable : OperationBase
{
    QString table;
    QString schema;
    bool ifExists = false;
    DialectOptions dialectOptions;
    bool operator==(const DropTable &) const = default;
};

// op.add_column(table, Column, schema=) / batch_op.add_column(Column, insert_before=,
// insert_after=)
struct AddColumn : OperationBase
{
    QString table;
    QString schema;
    ColumnDef column;
    QString insertBefore; // batch only; "" = not given
    QString insertAfter;
    bool operator==(const AddColumn &) const = default;
};

// op.drop_column(table, column, schema=, **kw) / batch_op.drop_column(column)
struct DropColumn : OperationBase
{
    QString table;
    QString schema;
    QString column;
    DialectOptions dialectOptions; // mssql_drop_check, ...
    bool operator==(const DropColumn &) const = default;
};

// op.alter_column(table, column, ...) / batch_op.alter_column(column, ...).
// Each option is a Setting: unset (not given), None, or a value, because Alembic
// treats server_default=None (drop the default) differently from leaving it out.
struct AlterColumn : OperationBase
{
    QString table;
    QString schema;
    QString column;

    Setting<bool> nullable;
    Setting<QString> comment;                // None = drop the comment
    Setting<SqlExpression> serverDefault;    // None = drop the default
    Setting<QString> newColumnName;
    Setting<TypeSpec> type;
    Setting<bool> autoincrement;

    Setting<TypeSpec> existingType;
    Setting<bool> existingNullable;
    Setting<SqlExpression> existingServerDefault;
    Setting<QString> existingComment;
    Setting<bool> existingAutoincrement;

    QString insertBefore; // batch only
    QString insertAfter;
    DialectOptions dialectOptions; // postgresql_using, mysql_..., ...
    bool operator==(const AlterColumn &) const = default;
};

// op.create_index(name, table, columns, schema=, unique=, if_not_exists=, **dialect_kw)
// The index's table and schema are in `index`.
struct CreateIndex : OperationBase
{
    IndexDef index;
    bool ifNotExists = false;
    bool operator==(const CreateIndex &) const = default;
};

// op.drop_index(name, table_name=, schema=, if_exists=, **dialect_kw)
struct DropIndex : OperationBase
{
    ObjectName name;
    QString table; // "" = not given (only sqlite/postgresql do not need it)
    QString schema;
    bool ifExists = false;
    DialectOptions dialectOptions;
    bool operator==(const DropIndex &) const = default;
};

// op.rename_table(old, new, schema=)
struct RenameTable : OperationBase
{
    QString table;
    QString newName;
    QString schema;
    bool operator==(const RenameTable &) const = default;
};

// op.create_primary_key(name, table, columns, schema=)
struct CreatePrimaryKey : OperationBase
{
    QString table;
    QString schema;
    PrimaryKeyDef constraint;
    bool operator==(const CreatePrimaryKey &) const = default;
};

// op.create_foreign_key(name, source_table, referent_table, local_cols, remote_cols,
// onupdate=, ondelete=, deferrable=, initially=, match=, source_schema=,
// referent_schema=, **dialect_kw). The referent table/schema are in constraint.
struct CreateForeignKey : OperationBase
{
    QString table; // the source table
    QString schema;
    ForeignKeyDef constraint;
    bool operator==(const CreateForeignKey &) const = default;
};

// op.create_unique_constraint(name, table, columns, schema=, deferrable=, initially=, ...)
struct CreateUniqueConstraint : OperationBase
{
    QString table;
    QString schema;
    UniqueDef constraint;
    bool operator==(const CreateUniqueConstraint &) const = default;
};

// op.create_check_constraint(name, table, condition, schema=, ...)
struct CreateCheckConstraint : OperationBase
{
    QString table;
    QString schema;
    CheckDef constraint;
    bool operator==(const CreateCheckConstraint &) const = default;
};

// op.drop_constraint(name, table, type_=, schema=)
struct DropConstraint : OperationBase
{
    ObjectName name;
    QString table;
    QString schema;
    QString type; // "foreignkey", "primary", "unique", "check", or "" if not given
    bool operator==(const DropConstraint &) const = default;
};

// op.create_table_comment(table, comment, existing_comment=, schema=)
struct CreateTableComment : OperationBase
{
    QString table;
    QString schema;
    QString comment;
    Setting<QString> existingComment;
    bool operator==(const CreateTableComment &) const = default;
};

// op.drop_table_comment(table, existing_comment=, schema=)
struct DropTableComment : OperationBase
{
    QString table;
    QString schema;
    Setting<QString> existingComment;
    bool operator==(const DropTableComment &) const = default;
};

// An UPDATE / INSERT / DELETE built with SQLAlchemy Core on a sa.table(...) helper:
//   t.update().where(t.c.x == op.inline_literal('a')).values({'y': op.inline_literal(1)})
//   t.insert().values(a=1), t.delete().where(...)
// values: column name -> expression, in source order (for insert and update).
struct DmlStatement
{
    enum class Kind { Insert, Update, Delete };
    Kind kind = Kind::Update;
    TableClause table;
    QList<QPair<QString, SqlExpression>> values;
    std::optional<SqlExpression> where; // several .where() calls are joined with AND
    bool operator==(const DmlStatement &) const = default;
};

// op.execute(sql, execution_options=): a raw string, sa.text('...'), or a DmlStatement.
struct Execute : OperationBase
{
    enum class Kind { RawString, Text, Dml };
    Kind kind = Kind::RawString;
    QString sql; // RawString and Text
    DmlStatement dml;
    DialectOptions executionOptions;
    bool operator==(const Execute &) const = default;
};

// op.bulk_insert(table, rows, multiinsert=True): rows are dicts (column -> value) in
// source order; a value may be a plain Python value (Literal) or op.inline_literal(...)
// or another expression.
struct BulkInsert : OperationBase
{
    TableClause table;
    QList<QList<QPair<QString, SqlExpression>>> rows;
    bool multiinsert = true;
    bool operator==(const BulkInsert &) const = default;
};

// sa.Enum(..., name=...).create(op.get_bind(), checkfirst=...) /
// postgresql.ENUM(...).create(...): CREATE TYPE (PostgreSQL); nothing on dialects
// without named enum types.
struct CreateEnumType : OperationBase
{
    TypeSpec type;
    bool checkFirst = false; // SQLAlchemy's default for SchemaType.create()
    bool operator==(const CreateEnumType &) const = default;
};

// sa.Enum(..., name=...).drop(op.get_bind(), checkfirst=...)
struct DropEnumType : OperationBase
{
    TypeSpec type;
    bool checkFirst = false;
    bool operator==(const DropEnumType &) const = default;
};

// `with op.get_context().autocommit_block():` — the statements between Begin and End
// run outside the migration's transaction (offline: COMMIT before, BEGIN after when
// the dialect has transactional DDL).
struct AutocommitBlockBegin : OperationBase
{
    bool operator==(const AutocommitBlockBegin &) const = default;
};
struct AutocommitBlockEnd : OperationBase
{
    bool operator==(const AutocommitBlockEnd &) const = default;
};

// The operations available on batch_op inside `with op.batch_alter_table(...)`.
using BatchOperation = std::variant<AddColumn,
                                    DropColumn,
                                    AlterColumn,
                                    CreateIndex,
                                    DropIndex,
                                    CreatePrimaryKey,
                                    CreateForeignKey,
                                    CreateUniqueConstraint,
                                    CreateCheckConstraint,
                                    DropConstraint,
                                    CreateTableComment,
                                    DropTableComment,
                                    Execute>;

// with op.batch_alter_table(table, schema=, recreate='auto', partial_reordering=,
// copy_from=, table_args=, table_kwargs=, reflect_args=, reflect_kwargs=,
// naming_convention=) as batch_op: ...
// range covers the `with` statement's call; each batch operation has its own range.
struct BatchAlterTable : OperationBase
{
    QString table;
    QString schema;
    QString recreate = QStringLiteral("auto"); // "auto", "always", "never"
    std::optional<TableDef> copyFrom;
    QList<ConstraintDef> tableArgs;     // table_args=(sa.CheckConstraint(...), ...)
    DialectOptions tableKwargs;         // table_kwargs={'mysql_engine': 'InnoDB'}
    QList<ColumnDef> reflectArgs;       // reflect_args=[sa.Column(...)] overrides
    DialectOptions namingConvention;    // naming_convention={'fk': '...'}
    QList<QStringList> partialReordering;
    QList<BatchOperation> operations;
    bool operator==(const BatchAlterTable &) const = default;
};

using Operation = std::variant<CreateTable,
                               DropTable,
                               AddColumn,
                               DropColumn,
                               AlterColumn,
                               CreateIndex,
                               DropIndex,
                               RenameTable,
                               CreatePrimaryKey,
                               CreateForeignKey,
                               CreateUniqueConstraint,
                               CreateCheckConstraint,
                               DropConstraint,
                               CreateTableComment,
                               DropTableComment,
                               Execute,
                               BulkInsert,
                               CreateEnumType,
                               DropEnumType,
                               AutocommitBlockBegin,
                               AutocommitBlockEnd,
                               BatchAlterTable>;

using Operations = QList<Operation>;

// The source range of any operation.
SourceRange operationRange(const Operation &operation);
SourceRange operationRange(const BatchOperation &operation);
// Alembic's directive name: "create_table", "add_column", "batch_alter_table",
// "create_enum_type" (for Enum.create), "autocommit_block", ...
QString operationName(const Operation &operation);
QString operationName(const BatchOperation &operation);

} // namespace Retort
