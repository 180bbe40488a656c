// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/schemawriter.h"

#include "sql/ddlcompiler.h"

namespace Retort {

Result<QStringList> SchemaWriter::statements(const SchemaModel &schema, SqlDialect dialect)
{
    const std::unique_ptr<SqlRenderer> renderer = SqlRenderer::create(dialect);
    const auto *compiler = dynamic_cast<const DdlCompiler *>(renderer.get());
    if (!compiler)
        return Result<QStringList>::failure(QStringLiteral("no DDL compiler for dialect %1").arg(sqlDialectName(dialect)));
    QStringList out;
    for (const TableDef &table : schema.tables()) {
        const Result<QStringList> sql = compiler->createTableStatements(table);
        if (!sql)
            return Result<QStringList>::failure(
                QStringLiteral("table %1: %2").arg(SchemaModel::qualifiedName(table.name, table.schema), sql.error()));
        out += sql.value();
    }
    return out;
}

Result<QString> SchemaWriter::script(const SchemaModel &schema, SqlDialect dialect)
{
    const Result<QStringList> sql = statements(schema, dialect);
    if (!sql)
        return Result<QString>::failure(sql.error());
    QString text;
    for (const QString &statement : sql.value())
        text += QString(statement).replace(QLatin1Char('\t'), QLatin1String("    ")).trimmed() +
                QLatin1String(";\n\n");
    return text;
}

} // namespace Retort
