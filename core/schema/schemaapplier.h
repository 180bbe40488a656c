// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/operations.h"
#include "schema/schemamodel.h"
#include "util/diagnostic.h"

#include <QString>

namespace Retort {

// Applies a migration function's operations to a SchemaModel, in order.
//
// An operation on a table or column the model does not have (or a create_table /
// add_column of one it already has) becomes a Diagnostic at the operation's position
// in `file` and changes nothing; the following operations still apply. Constraints and
// indexes are matched by name where they have one; dropping an unknown one is not an
// error, since unnamed constraints and naming conventions cannot be followed offline.
// execute, bulk_insert, enum types and autocommit blocks change no table.
class SchemaApplier
{
public:
    SchemaApplier(SchemaModel &model, const QString &file);

    void apply(const Operations &operations);
    void apply(const Operation &operation);

    const Diagnostics &diagnostics() const { return m_diagnostics; }

    // The message for a missing table / column.
    static QString missingTableMessage(const QString &table, const QString &schema);
    static QString missingColumnMessage(const QString &column, const QString &table, const QString &schema);

private:
    void applyBatch(const BatchAlterTable &op);
    void applyBatchOperation(const BatchOperation &op);

    void createTable(const CreateTable &op);
    void dropTable(const DropTable &op);
    void addColumn(const AddColumn &op);
    void dropColumn(const DropColumn &op);
    void alterColumn(const AlterColumn &op);
    void createIndex(const CreateIndex &op);
    void dropIndex(const DropIndex &op);
    void renameTable(const RenameTable &op);
    void repointForeignKeys(const RenameTable &op);
    void addConstraint(const OperationBase &op, const QString &table, const QString &schema,
                       const ConstraintDef &constraint, const QStringList &columns);
    void dropConstraint(const DropConstraint &op);
    void setComment(const OperationBase &op, const QString &table, const QString &schema,
                    const std::optional<QString> &comment);

    TableDef *requireTable(const OperationBase &op, const QString &table, const QString &schema);
    bool requireColumns(const OperationBase &op, const TableDef &table, const QStringList &columns);
    void report(const SourceRange &range, const QString &message);

    SchemaModel &m_model;
    QString m_file;
    Diagnostics m_diagnostics;
};

} // namespace Retort
