// SPDX-License-Identifier: GPL-3.0-or-later
#include "schemadescription.h"

#include "sql/identifierpreparer.h"
#include "sql/typecompiler.h"

#include <QCoreApplication>

#include <variant>

namespace Retort {

namespace {

QString columnsText(const QStringList &columns)
{
    return QLatin1Char('(') + columns.join(QLatin1String(", ")) + QLatin1Char(')');
}

QString nameOf(const ObjectName &name)
{
    return name.isSet() ? name.text()
                        : QCoreApplication::translate("Retort::SchemaDescription", "(unnamed)");
}

// SQL-like text for a default or a check: text as written, a string as a quoted literal
// (defaults) or verbatim (checks), functions with parentheses; the rest as Python shows it.
QString expressionText(const SqlExpression &expression, bool quoteStrings)
{
    switch (expression.kind) {
    case SqlExpression::Kind::Text:
        return expression.text;
    case SqlExpression::Kind::String:
        return quoteStrings ? QLatin1Char('\'') + expression.text + QLatin1Char('\'') : expression.text;
    case SqlExpression::Kind::Function:
        if (expression.operands.empty())
            return expression.text + QStringLiteral("()");
        break;
    case SqlExpression::Kind::True:
        return QStringLiteral("true");
    case SqlExpression::Kind::False:
        return QStringLiteral("false");
    default:
        break;
    }
    return expression.toDebugString();
}

QString columnDetail(const ColumnDef &column, const TypeCompiler &types)
{
    const Result<QString> type = types.compile(column.type);
    QStringList parts;
    parts << (type ? type.value() : column.type.qualifiedName());
    if (column.primaryKey)
        parts << QStringLiteral("PRIMARY KEY");
    if (!column.effectiveNullable())
        parts << QStringLiteral("NOT NULL");
    if (column.unique.value_or(false))
        parts << QStringLiteral("UNIQUE");
    if (column.serverDefault)
        parts << QStringLiteral("DEFAULT ") + expressionText(*column.serverDefault, true);
    for (const ForeignKeyDef &fk : column.foreignKeys)
        parts << QStringLiteral("→ %1.%2").arg(fk.referredTable, fk.referredColumns.join(QLatin1String(", ")));
    return parts.join(QLatin1Char(' '));
}

SchemaObject constraintObject(const ConstraintDef &constraint)
{
    return std::visit(
        [](const auto &c) -> SchemaObject {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, PrimaryKeyDef>) {
                return {SchemaObject::Kind::PrimaryKey, nameOf(c.name),
                        QStringLiteral("PRIMARY KEY ") + columnsText(c.columns)};
            } else if constexpr (std::is_same_v<T, ForeignKeyDef>) {
                QString referred = c.referredSchema.isEmpty()
                                       ? c.referredTable
                                       : c.referredSchema + QLatin1Char('.') + c.referredTable;
                QString detail = QStringLiteral("FOREIGN KEY %1 → %2 %3")
                                     .arg(columnsText(c.columns), referred,
                                          columnsText(c.referredColumns));
                if (!c.onDelete.isEmpty())
                    detail += QStringLiteral(" ON DELETE ") + c.onDelete;
                if (!c.onUpdate.isEmpty())
                    detail += QStringLiteral(" ON UPDATE ") + c.onUpdate;
                return {SchemaObject::Kind::ForeignKey, nameOf(c.name), detail};
            } else if constexpr (std::is_same_v<T, UniqueDef>) {
                return {SchemaObject::Kind::Unique, nameOf(c.name),
                        QStringLiteral("UNIQUE ") + columnsText(c.columns)};
            } else {
                return {SchemaObject::Kind::Check, nameOf(c.name),
                        QStringLiteral("CHECK (%1)").arg(expressionText(c.sqltext, false))};
            }
        },
        constraint);
}

SchemaObject indexObject(const IndexDef &index)
{
    QStringList columns;
    if (!index.columnNames(&columns)) {
        columns.clear();
        for (const SqlExpression &expression : index.expressions)
            columns << expression.toDebugString();
    }
    return {SchemaObject::Kind::Index, nameOf(index.name),
            (index.unique ? QStringLiteral("UNIQUE INDEX ") : QStringLiteral("INDEX ")) +
                columnsText(columns)};
}

} // namespace

QList<TableDescription> SchemaDescription::describe(const SchemaModel &schema, SqlDialect dialect)
{
    const IdentifierPreparer preparer(dialect);
    const TypeCompiler types(preparer);
    QList<TableDescription> tables;
    const QList<TableDef> defs = schema.tables();
    for (const TableDef &table : defs) {
        TableDescription description;
        description.name = SchemaModel::qualifiedName(table.name, table.schema);
        description.comment = table.comment.value_or(QString());
        for (const ColumnDef &column : table.columns)
            description.objects.append({SchemaObject::Kind::Column, column.name, columnDetail(column, types)});
        for (const ConstraintDef &constraint : table.constraints)
            description.objects.append(constraintObject(constraint));
        for (const IndexDef &index : table.indexes)
            description.objects.append(indexObject(index));
        tables << description;
    }
    return tables;
}

QString SchemaDescription::kindName(SchemaObject::Kind kind)
{
    const char *text = "";
    switch (kind) {
    case SchemaObject::Kind::Column:
        text = QT_TRANSLATE_NOOP("Retort::SchemaDescription", "Column");
        break;
    case SchemaObject::Kind::PrimaryKey:
        text = QT_TRANSLATE_NOOP("Retort::SchemaDescription", "Primary key");
        break;
    case SchemaObject::Kind::ForeignKey:
        text = QT_TRANSLATE_NOOP("Retort::SchemaDescription", "Foreign key");
        break;
    case SchemaObject::Kind::Unique:
        text = QT_TRANSLATE_NOOP("Retort::SchemaDescription", "Unique constraint");
        break;
    case SchemaObject::Kind::Check:
        text = QT_TRANSLATE_NOOP("Retort::SchemaDescription", "Check constraint");
        break;
    case SchemaObject::Kind::Index:
        text = QT_TRANSLATE_NOOP("Retort::SchemaDescription", "Index");
        break;
    }
    return QCoreApplication::translate("Retort::SchemaDescription", text);
}

} // namespace Retort
