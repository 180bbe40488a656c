// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/sqlitebatchrenderer.h"

#include "sql/ddlcompiler.h"
#include "sql/sqlitebatchplanner.h"

namespace Retort {

namespace {

// The same call as a plain op.* operation (inside a batch the operations already
// carry the batch's table and schema).
Operation asOperation(const BatchOperation &operation)
{
    return std::visit([](const auto &op) -> Operation { return op; }, operation);
}

bool appendRendered(QStringList *statements, const Result<QStringList> &rendered, QString *error)
{
    if (!rendered) {
        *error = rendered.error();
        return false;
    }
    *statements += rendered.value();
    return true;
}

} // namespace

SqliteBatchRenderer::SqliteBatchRenderer(const DdlCompiler &compiler)
    : m_compiler(compiler)
{ }

Result<QStringList> SqliteBatchRenderer::render(const BatchAlterTable &batch) const
{
    const SqlDialect dialect = m_compiler.dialect();
    QStringList statements;
    QString error;

    // Alembic refuses insert_before/insert_after at the add_column call when the
    // operations seen so far would not rebuild the table.
    for (qsizetype i = 0; i < batch.operations.size(); ++i) {
        const auto *add = std::get_if<AddColumn>(&batch.operations.at(i));
        if (add && (!add->insertBefore.isEmpty() || !add->insertAfter.isEmpty()) &&
            !SqliteBatchPlanner::requiresRecreate(batch, dialect, i))
            return Result<QStringList>::failure(QStringLiteral(
                "Can't specify insert_before or insert_after when using ALTER; please specify "
                "recreate='always'"));
    }

    // batch_op.execute() is not deferred to the end of the block like the others.
    for (const BatchOperation &operation : batch.operations) {
        if (std::holds_alternative<Execute>(operation) &&
            !appendRendered(&statements, m_compiler.render(asOperation(operation)), &error))
            return Result<QStringList>::failure(error);
    }

    if (!SqliteBatchPlanner::requiresRecreate(batch, dialect)) {
        for (const BatchOperation &operation : batch.operations) {
            if (!std::holds_alternative<Execute>(operation) &&
                !appendRendered(&statements, m_compiler.render(asOperation(operation)), &error))
                return Result<QStringList>::failure(error);
        }
        return statements;
    }

    const Result<SqliteBatchPlan> plan = SqliteBatchPlanner::plan(batch, dialect);
    if (!plan)
        return Result<QStringList>::failure(plan.error());
    const Result<QStringList> rebuilt = renderRecreate(batch, plan.value());
    if (!rebuilt)
        return rebuilt;
    statements += rebuilt.value();
    return statements;
}

Result<QStringList> SqliteBatchRenderer::renderRecreate(const BatchAlterTable &batch,
                                                        const SqliteBatchPlan &plan) const
{
    QStringList statements;
    QString error;
    const TableDef &table = plan.originalTable;

    // PostgreSQL constraint names are unique per schema: free them on the old table.
    if (m_compiler.dialect() == SqlDialect::PostgreSql) {
        for (const QString &name : plan.keptConstraintNames) {
            DropConstraint drop;
            drop.range = batch.range;
            drop.name.name = name;
            drop.table = table.name;
            drop.schema = table.schema;
            if (!appendRendered(&statements, m_compiler.render(drop), &error))
                return Result<QStringList>::failure(error);
        }
    }

    if (!appendRendered(&statements, m_compiler.createTableStatements(plan.newTable), &error))
        return Result<QStringList>::failure(error);

    const Result<QString> insert = insertFromSelect(plan);
    if (!insert)
        return Result<QStringList>::failure(insert.error());
    statements << insert.value();

    DropTable drop;
    drop.range = batch.range;
    drop.table = table.name;
    drop.schema = table.schema;
    if (!appendRendered(&statements, m_compiler.render(drop), &error))
        return Result<QStringList>::failure(error);

    RenameTable rename;
    rename.range = batch.range;
    rename.table = plan.newTable.name;
    rename.newName = table.name;
    rename.schema = table.schema;
    if (!appendRendered(&statements, m_compiler.render(rename), &error))
        return Result<QStringList>::failure(error);

    for (const IndexDef &index : plan.indexes) {
        const Result<QString> created = m_compiler.createIndex(index);
        if (!created)
            return Result<QStringList>::failure(created.error());
        statements << created.value();
    }
    return statements;
}

Result<QString> SqliteBatchRenderer::insertFromSelect(const SqliteBatchPlan &plan) const
{
    const IdentifierPreparer &preparer = m_compiler.preparer();
    const QString source = m_compiler.tableName(plan.originalTable.name, plan.originalTable.schema);
    QStringList targets;
    QStringList selected;
    for (const SqliteBatchPlan::Transfer &transfer : plan.transfers) {
        targets << preparer.quote(transfer.targetColumn);
        QString expression = source + QLatin1Char('.') + preparer.quote(transfer.sourceColumn);
        for (const TypeSpec &type : transfer.casts) {
            const Result<QString> typeSql = m_compiler.types().compile(type);
            if (!typeSql)
                return Result<QString>::failure(typeSql.error());
            expression = QStringLiteral("CAST(%1 AS %2)").arg(expression, typeSql.value());
        }
        if (!transfer.casts.isEmpty())
            expression += QStringLiteral(" AS ") + preparer.quote(transfer.sourceColumn);
        selected << expression;
    }
    return QString(QStringLiteral("INSERT INTO ") +
                   m_compiler.tableName(plan.newTable.name, plan.newTable.schema) +
                   QStringLiteral(" (") + targets.join(QStringLiteral(", ")) +
                   QStringLiteral(") SELECT ") + selected.join(QStringLiteral(", ")) +
                   QStringLiteral(" \nFROM ") + source);
}

} // namespace Retort
