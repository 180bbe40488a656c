// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/schemaapplier.h"

#include <type_traits>

namespace Retort {

namespace {

QString quoted(const QString &name, const QString &schema)
{
    return QLatin1Char('\'') + SchemaModel::qualifiedName(name, schema) + QLatin1Char('\'');
}

const ObjectName &constraintName(const ConstraintDef &constraint)
{
    return std::visit([](const auto &c) -> const ObjectName & { return c.name; }, constraint);
}

// The local columns a constraint covers (none for a CHECK).
QStringList *constraintColumns(ConstraintDef &constraint)
{
    return std::visit(
        [](auto &c) -> QStringList * {
            if constexpr (std::is_same_v<std::decay_t<decltype(c)>, CheckDef>)
                return nullptr;
            else
                return &c.columns;
        },
        constraint);
}

QStringList coveredColumns(const ConstraintDef &constraint)
{
    ConstraintDef copy = constraint;
    const QStringList *columns = constraintColumns(copy);
    return columns ? *columns : QStringList();
}

qsizetype columnIndex(const TableDef &table, const QString &column)
{
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        if (table.columns.at(i).name == column)
            return i;
    }
    return -1;
}

bool indexUsesColumn(const IndexDef &index, const QString &column)
{
    for (const SqlExpression &e : index.expressions) {
        if (e.kind == SqlExpression::Kind::Column && e.text == column)
            return true;
    }
    return false;
}

} // namespace

SchemaApplier::SchemaApplier(SchemaModel &model, const QString &file)
    : m_model(model)
    , m_file(file)
{
}

QString SchemaApplier::missingTableMessage(const QString &table, const QString &schema)
{
    return QStringLiteral("table %1 does not exist in the schema replayed up to this migration")
        .arg(quoted(table, schema));
}

QString SchemaApplier::missingColumnMessage(const QString &column, const QString &table, const QString &schema)
{
    return QStringLiteral("column '%1' does not exist in table %2 in the schema replayed up to this migration")
        .arg(column, quoted(table, schema));
}

void SchemaApplier::report(const SourceRange &range, const QString &message)
{
    Diagnostic d;
    d.file = m_file;
    d.line = range.start.line;
    d.column = range.start.column;
    d.message = message;
    m_diagnostics << d;
}

TableDef *SchemaApplier::requireTable(const OperationBase &op, const QString &table, const QString &schema)
{
    TableDef *def = m_model.table(table, schema);
    if (!def)
        report(op.range, missingTableMessage(table, schema));
    return def;
}

bool SchemaApplier::requireColumns(const OperationBase &op, const TableDef &table, const QStringList &columns)
{
    for (const QString &column : columns) {
        if (!table.column(column)) {
            report(op.range, missingColumnMessage(column, table.name, table.schema));
            return false;
        }
    }
    return true;
}

void SchemaApplier::apply(const Operations &operations)
{
    for (const Operation &operation : operations)
        apply(operation);
}

void SchemaApplier::apply(const Operation &operation)
{
    std::visit(
        [this](const auto &op) {
            using T = std::decay_t<decltype(op)>;
            if constexpr (std::is_same_v<T, CreateTable>)
                createTable(op);
            else if constexpr (std::is_same_v<T, DropTable>)
                dropTable(op);
            else if constexpr (std::is_same_v<T, RenameTable>)
                renameTable(op);
            else if constexpr (std::is_same_v<T, BatchAlterTable>)
                applyBatch(op);
            else if constexpr (std::is_same_v<T, BulkInsert> || std::is_same_v<T, CreateEnumType> ||
                               std::is_same_v<T, DropEnumType> || std::is_same_v<T, AutocommitBlockBegin> ||
                               std::is_same_v<T, AutocommitBlockEnd>)
                return;
            else
                applyBatchOperation(BatchOperation(op));
        },
        operation);
}

void SchemaApplier::applyBatch(const BatchAlterTable &op)
{
    // copy_from only tells Alembic what to reflect; the replayed table is the truth.
    if (!requireTable(op, op.table, op.schema))
        return;
    for (const BatchOperation &inner : op.operations)
        applyBatchOperation(inner);
}

void SchemaApplier::applyBatchOperation(const BatchOperation &operation)
{
    std::visit(
        [this](const auto &op) {
            using T = std::decay_t<decltype(op)>;
            if constexpr (std::is_same_v<T, AddColumn>)
                addColumn(op);
            else if constexpr (std::is_same_v<T, DropColumn>)
                dropColumn(op);
            else if constexpr (std::is_same_v<T, AlterColumn>)
                alterColumn(op);
            else if constexpr (std::is_same_v<T, CreateIndex>)
                createIndex(op);
            else if constexpr (std::is_same_v<T, DropIndex>)
                dropIndex(op);
            else if constexpr (std::is_same_v<T, CreatePrimaryKey>)
                addConstraint(op, op.table, op.schema, op.constraint, op.constraint.columns);
            else if constexpr (std::is_same_v<T, CreateForeignKey>)
                addConstraint(op, op.table, op.schema, op.constraint, op.constraint.columns);
            else if constexpr (std::is_same_v<T, CreateUniqueConstraint>)
                addConstraint(op, op.table, op.schema, op.constraint, op.constraint.columns);
            else if constexpr (std::is_same_v<T, CreateCheckConstraint>)
                addConstraint(op, op.table, op.schema, op.constraint, {});
            else if constexpr (std::is_same_v<T, DropConstraint>)
                dropConstraint(op);
            else if constexpr (std::is_same_v<T, CreateTableComment>)
                setComment(op, op.table, op.schema, op.comment);
            else if constexpr (std::is_same_v<T, DropTableComment>)
                setComment(op, op.table, op.schema, std::nullopt);
            else
                static_assert(std::is_same_v<T, Execute>);
        },
        operation);
}

void SchemaApplier::createTable(const CreateTable &op)
{
    if (m_model.contains(op.table.name, op.table.schema)) {
        if (!op.ifNotExists)
            report(op.range, QStringLiteral("table %1 already exists in the schema replayed up to this migration")
                                 .arg(quoted(op.table.name, op.table.schema)));
        return;
    }
    m_model.insert(op.table);
}

void SchemaApplier::dropTable(const DropTable &op)
{
    if (!m_model.remove(op.table, op.schema) && !op.ifExists)
        report(op.range, missingTableMessage(op.table, op.schema));
}

void SchemaApplier::renameTable(const RenameTable &op)
{
    TableDef *def = requireTable(op, op.table, op.schema);
    if (!def)
        return;
    if (m_model.contains(op.newName, op.schema)) {
        report(op.range, QStringLiteral("table %1 already exists in the schema replayed up to this migration")
                             .arg(quoted(op.newName, op.schema)));
        return;
    }
    TableDef renamed = *def;
    m_model.remove(op.table, op.schema);
    renamed.name = op.newName;
    for (IndexDef &index : renamed.indexes)
        index.table = op.newName;
    m_model.insert(renamed);
    repointForeignKeys(op);
}

// SQLite (3.26+), PostgreSQL and MySQL all make the foreign keys that refer to a renamed
// table refer to its new name, the renamed table's own self-references included.
void SchemaApplier::repointForeignKeys(const RenameTable &op)
{
    const auto retarget = [&op](ForeignKeyDef &fk) {
        if (fk.referredTable != op.table || fk.referredSchema != op.schema)
            return false;
        fk.referredTable = op.newName;
        return true;
    };
    for (TableDef table : m_model.tables()) {
        bool changed = false;
        for (ConstraintDef &constraint : table.constraints) {
            if (auto *fk = std::get_if<ForeignKeyDef>(&constraint))
                changed = retarget(*fk) || changed;
        }
        for (ColumnDef &column : table.columns) {
            for (ForeignKeyDef &fk : column.foreignKeys)
                changed = retarget(fk) || changed;
        }
        if (changed)
            m_model.insert(table);
    }
}

void SchemaApplier::addColumn(const AddColumn &op)
{
    TableDef *def = requireTable(op, op.table, op.schema);
    if (!def)
        return;
    if (def->column(op.column.name)) {
        report(op.range, QStringLiteral("column '%1' already exists in table %2 in the schema replayed up to "
                                        "this migration")
                             .arg(op.column.name, quoted(op.table, op.schema)));
        return;
    }
    const QString anchor = op.insertBefore.isEmpty() ? op.insertAfter : op.insertBefore;
    qsizetype position = def->columns.size();
    if (!anchor.isEmpty()) {
        const qsizetype at = columnIndex(*def, anchor);
        if (at < 0) {
            report(op.range, missingColumnMessage(anchor, op.table, op.schema));
            return;
        }
        position = op.insertBefore.isEmpty() ? at + 1 : at;
    }
    def->columns.insert(position, op.column);
}

void SchemaApplier::dropColumn(const DropColumn &op)
{
    TableDef *def = requireTable(op, op.table, op.schema);
    if (!def)
        return;
    const qsizetype at = columnIndex(*def, op.column);
    if (at < 0) {
        report(op.range, missingColumnMessage(op.column, op.table, op.schema));
        return;
    }
    def->columns.removeAt(at);
    // What covered the column goes with it, as the database drops it.
    def->indexes.removeIf([&](const IndexDef &index) { return indexUsesColumn(index, op.column); });
    def->constraints.removeIf(
        [&](const ConstraintDef &constraint) { return coveredColumns(constraint).contains(op.column); });
}

void SchemaApplier::alterColumn(const AlterColumn &op)
{
    TableDef *def = requireTable(op, op.table, op.schema);
    if (!def)
        return;
    const qsizetype at = columnIndex(*def, op.column);
    if (at < 0) {
        report(op.range, missingColumnMessage(op.column, op.table, op.schema));
        return;
    }
    ColumnDef &column = def->columns[at];
    if (op.nullable.hasValue())
        column.nullable = op.nullable.value;
    if (op.comment.isNone())
        column.comment.reset();
    else if (op.comment.hasValue())
        column.comment = op.comment.value;
    if (op.serverDefault.isNone())
        column.serverDefault.reset();
    else if (op.serverDefault.hasValue())
        column.serverDefault = op.serverDefault.value;
    if (op.type.hasValue())
        column.type = op.type.value;
    if (op.autoincrement.hasValue())
        column.autoincrement = op.autoincrement.value ? ColumnDef::Autoincrement::True : ColumnDef::Autoincrement::False;
    if (!op.newColumnName.hasValue() || op.newColumnName.value == op.column)
        return;
    const QString newName = op.newColumnName.value;
    if (def->column(newName)) {
        report(op.range, QStringLiteral("column '%1' already exists in table %2 in the schema replayed up to "
                                        "this migration")
                             .arg(newName, quoted(op.table, op.schema)));
        return;
    }
    column.name = newName;
    for (ForeignKeyDef &fk : column.foreignKeys)
        fk.columns.replaceInStrings(op.column, newName);
    for (ConstraintDef &constraint : def->constraints) {
        if (QStringList *columns = constraintColumns(constraint)) {
            for (QString &name : *columns) {
                if (name == op.column)
                    name = newName;
            }
        }
    }
    for (IndexDef &index : def->indexes) {
        for (SqlExpression &e : index.expressions) {
            if (e.kind == SqlExpression::Kind::Column && e.text == op.column)
                e.text = newName;
        }
    }
}

void SchemaApplier::createIndex(const CreateIndex &op)
{
    TableDef *def = requireTable(op, op.index.table, op.index.schema);
    if (!def)
        return;
    QStringList columns;
    if (op.index.columnNames(&columns) && !requireColumns(op, *def, columns))
        return;
    if (op.index.name.isSet()) {
        def->indexes.removeIf([&](const IndexDef &index) { return index.name.text() == op.index.name.text(); });
    }
    def->indexes << op.index;
}

void SchemaApplier::dropIndex(const DropIndex &op)
{
    if (!op.table.isEmpty() && !requireTable(op, op.table, op.schema))
        return;
    const QString name = op.name.text();
    const QList<TableDef> tables = m_model.tables();
    for (const TableDef &candidate : tables) {
        if (candidate.schema != op.schema || (!op.table.isEmpty() && candidate.name != op.table))
            continue;
        TableDef *def = m_model.table(candidate.name, candidate.schema);
        if (def->indexes.removeIf([&](const IndexDef &index) { return index.name.text() == name; }) > 0)
            return;
        // Column(index=True) indexes are named ix_<table>_<column>.
        for (ColumnDef &column : def->columns) {
            if (column.index.value_or(false) &&
                QStringLiteral("ix_%1_%2").arg(def->name, column.name) == name) {
                column.index = false;
                return;
            }
        }
    }
}

void SchemaApplier::addConstraint(const OperationBase &op, const QString &table, const QString &schema,
                                  const ConstraintDef &constraint, const QStringList &columns)
{
    TableDef *def = requireTable(op, table, schema);
    if (!def || !requireColumns(op, *def, columns))
        return;
    const ObjectName &name = constraintName(constraint);
    if (name.isSet()) {
        def->constraints.removeIf(
            [&](const ConstraintDef &c) { return constraintName(c).text() == name.text(); });
    }
    def->constraints << constraint;
}

void SchemaApplier::dropConstraint(const DropConstraint &op)
{
    TableDef *def = requireTable(op, op.table, op.schema);
    if (!def)
        return;
    const QString name = op.name.text();
    def->constraints.removeIf([&](const ConstraintDef &c) { return constraintName(c).text() == name; });
    for (ColumnDef &column : def->columns)
        column.foreignKeys.removeIf([&](const ForeignKeyDef &fk) { return fk.name.isSet() && fk.name.text() == name; });
}

void SchemaApplier::setComment(const OperationBase &op, const QString &table, const QString &schema,
                               const std::optional<QString> &comment)
{
    if (TableDef *def = requireTable(op, table, schema))
        def->comment = comment;
}

} // namespace Retort
