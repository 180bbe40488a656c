// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresqlrenderer.h"

#include <QSet>

namespace Retort {

PostgreSqlRenderer::PostgreSqlRenderer()
    : DdlCompiler(SqlDialect::PostgreSql)
{
}

QString PostgreSqlRenderer::identity(const IdentityDef &def) const
{
    QStringList options;
    if (def.increment)
        options << QStringLiteral("INCREMENT BY %1").arg(*def.increment);
    if (def.start)
        options << QStringLiteral("START WITH %1").arg(*def.start);
    if (def.minValue)
        options << QStringLiteral("MINVALUE %1").arg(*def.minValue);
    if (def.maxValue)
        options << QStringLiteral("MAXVALUE %1").arg(*def.maxValue);
    if (def.noMinValue)
        options << QStringLiteral("NO MINVALUE");
    if (def.noMaxValue)
        options << QStringLiteral("NO MAXVALUE");
    if (def.cache)
        options << QStringLiteral("CACHE %1").arg(*def.cache);
    if (def.cycle)
        options << (*def.cycle ? QStringLiteral("CYCLE") : QStringLiteral("NO CYCLE"));
    QString text = QStringLiteral("GENERATED %1 AS IDENTITY").arg(def.always ? QStringLiteral("ALWAYS") : QStringLiteral("BY DEFAULT"));
    if (!options.isEmpty())
        text += QStringLiteral(" (") + options.join(QLatin1Char(' ')) + QLatin1Char(')');
    return text;
}

Result<QString> PostgreSqlRenderer::columnSpecification(const ColumnDef &column, const TableDef *table) const
{
    QString spec = preparer().quote(column.name);
    const TypeSpec &type = types().effective(column.type);
    const bool serial = table && autoincrementColumn(*table) == &column && !column.identity && !column.serverDefault;
    if (serial) {
        if (type.name == QLatin1String("BigInteger") || type.name == QLatin1String("BIGINT"))
            spec += QStringLiteral(" BIGSERIAL");
        else if (type.name == QLatin1String("SmallInteger") || type.name == QLatin1String("SMALLINT"))
            spec += QStringLiteral(" SMALLSERIAL");
        else
            spec += QStringLiteral(" SERIAL");
    } else {
        const Result<QString> compiled = types().compile(column.type);
        if (!compiled)
            return compiled;
        spec += QLatin1Char(' ') + compiled.value();
        const Result<std::optional<QString>> def = defaultClause(column.serverDefault);
        if (!def)
            return Result<QString>::failure(def.error());
        if (def.value())
            spec += QStringLiteral(" DEFAULT ") + *def.value();
    }
    if (column.computed) {
        const Result<QString> text = expressions().compile(column.computed->sqltext, ExpressionCompiler::Context::Verbatim);
        if (!text)
            return text;
        spec += QStringLiteral(" GENERATED ALWAYS AS (") + text.value() + QStringLiteral(") STORED");
    }
    if (column.identity)
        spec += QLatin1Char(' ') + identity(*column.identity);
    if (!isNullable(column, table) && !column.identity)
        spec += QStringLiteral(" NOT NULL");
    return spec;
}

Result<QStringList> PostgreSqlRenderer::beforeCreateTable(const TableDef &table) const
{
    QStringList out;
    QSet<QString> seen;
    for (const ColumnDef &column : table.columns) {
        if (!types().isNativeEnum(column.type))
            continue;
        const TypeSpec &type = types().effective(column.type);
        if (!type.createType.value_or(true))
            continue;
        const QString name = type.enumName.value_or(QString());
        if (seen.contains(name))
            continue;
        seen.insert(name);
        const Result<QStringList> create = enumType(type, true);
        if (!create)
            return create;
        out += create.value();
    }
    return out;
}

Result<QStringList> PostgreSqlRenderer::afterCreateTable(const TableDef &table) const
{
    QStringList out;
    if (table.comment && !table.comment->isEmpty())
        out += tableComment(table.name, table.schema, table.comment).value();
    for (const ColumnDef &column : table.columns) {
        if (column.comment && !column.comment->isEmpty())
            out += columnComment(table.name, table.schema, column.name, column.comment).value();
    }
    return out;
}

Result<QStringList> PostgreSqlRenderer::alterColumn(const AlterColumn &op) const
{
    QStringList out;
    const SqlValue usingClause = op.dialectOptions.scalar(QStringLiteral("postgresql_using"));
    if (!usingClause.isNone() && !op.type.hasValue())
        return Result<QStringList>::failure(QStringLiteral("postgresql_using must be used with the type_ parameter"));
    if (op.type.hasValue()) {
        const Result<QString> type = types().compile(op.type.value);
        if (!type)
            return Result<QStringList>::failure(type.error());
        QString sql = alterTable(op.table, op.schema) + QStringLiteral(" ALTER COLUMN ") + preparer().quote(op.column)
            + QStringLiteral(" TYPE ") + type.value();
        if (!usingClause.isNone())
            sql += QStringLiteral(" USING ") + usingClause.text;
        out << sql;
    }
    AlterColumn rest = op;
    rest.type = Setting<TypeSpec>();
    const Result<QStringList> others = DdlCompiler::alterColumn(rest);
    if (!others)
        return others;
    return out + others.value();
}

Result<QString> PostgreSqlRenderer::createIndex(const IndexDef &index, bool ifNotExists) const
{
    QStringList parts;
    const DialectOption *ops = index.dialectOptions.find(QStringLiteral("postgresql_ops"));
    for (const SqlExpression &e : index.expressions) {
        const Result<QString> sql = expressions().compile(e, ExpressionCompiler::Context::Verbatim);
        if (!sql)
            return sql;
        QString part = sql.value();
        if (ops && e.kind == SqlExpression::Kind::Column) {
            for (const auto &pair : ops->dict) {
                if (pair.first == e.text)
                    part += QLatin1Char(' ') + pair.second.text;
            }
        }
        parts << part;
    }
    QString text = QStringLiteral("CREATE ");
    if (index.unique)
        text += QStringLiteral("UNIQUE ");
    text += QStringLiteral("INDEX ");
    if (index.dialectOptions.scalar(QStringLiteral("postgresql_concurrently")).boolean)
        text += QStringLiteral("CONCURRENTLY ");
    if (ifNotExists)
        text += QStringLiteral("IF NOT EXISTS ");
    text += preparer().quote(index.name.text()) + QStringLiteral(" ON ") + tableName(index.table, index.schema) + QLatin1Char(' ');
    const SqlValue usingClause = index.dialectOptions.scalar(QStringLiteral("postgresql_using"));
    if (usingClause.kind == SqlValue::Kind::String)
        text += QStringLiteral("USING ") + usingClause.text.toLower() + QLatin1Char(' ');
    text += QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (const DialectOption *include = index.dialectOptions.find(QStringLiteral("postgresql_include"))) {
        QStringList names;
        for (const SqlValue &v : include->list)
            names << preparer().quote(v.text);
        if (!names.isEmpty())
            text += QStringLiteral(" INCLUDE (") + names.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (const DialectOption *where = index.dialectOptions.find(QStringLiteral("postgresql_where"))) {
        Result<QString> condition = where->expression
            ? expressions().compile(*where->expression, ExpressionCompiler::Context::Verbatim)
            : Result<QString>(where->value.text);
        if (!condition)
            return condition;
        text += QStringLiteral(" WHERE ") + condition.value();
    }
    return text;
}

Result<QStringList> PostgreSqlRenderer::dropIndex(const DropIndex &op) const
{
    QString text = QStringLiteral("DROP INDEX ");
    if (op.dialectOptions.scalar(QStringLiteral("postgresql_concurrently")).boolean)
        text += QStringLiteral("CONCURRENTLY ");
    if (op.ifExists)
        text += QStringLiteral("IF EXISTS ");
    text += op.schema.isEmpty() ? preparer().quote(op.name.text())
                                : preparer().quote(op.schema) + QLatin1Char('.') + preparer().quote(op.name.text());
    return QStringList{text};
}

Result<QStringList> PostgreSqlRenderer::enumType(const TypeSpec &input, bool create) const
{
    const TypeSpec &type = types().effective(input);
    QString name = preparer().quote(type.enumName.value_or(QString()));
    if (type.enumSchema)
        name = preparer().quote(*type.enumSchema) + QLatin1Char('.') + name;
    if (!create)
        return QStringList{QStringLiteral("DROP TYPE ") + name};
    QStringList values;
    for (const QString &v : type.enumValues)
        values << preparer().stringLiteral(v);
    return QStringList{QStringLiteral("CREATE TYPE ") + name + QStringLiteral(" AS ENUM (") + values.join(QStringLiteral(", "))
                       + QLatin1Char(')')};
}

Result<QStringList> PostgreSqlRenderer::autocommitBlock(bool begin) const
{
    return QStringList{begin ? QStringLiteral("COMMIT") : QStringLiteral("BEGIN")};
}

} // namespace Retort
