// SPDX-License-Identifier: GPL-3.0-or-later
#include "mysqlrenderer.h"

#include <algorithm>

namespace Retort {

namespace {

bool isDateTimeAffinity(const TypeSpec &type)
{
    return type.name == QLatin1String("DateTime") || type.name == QLatin1String("DATETIME")
        || type.name == QLatin1String("TIMESTAMP");
}

} // namespace

MySqlRenderer::MySqlRenderer()
    : DdlCompiler(SqlDialect::MySql)
{
}

Result<QString> MySqlRenderer::columnSpecification(const ColumnDef &column, const TableDef *table) const
{
    const Result<QString> type = types().compile(column.type);
    if (!type)
        return type;
    QStringList spec{preparer().quote(column.name), type.value()};
    if (column.computed) {
        const Result<QString> text = expressions().compile(column.computed->sqltext, ExpressionCompiler::Context::Verbatim);
        if (!text)
            return text;
        QString generated = QStringLiteral("GENERATED ALWAYS AS (") + text.value() + QLatin1Char(')');
        if (column.computed->persisted)
            generated += *column.computed->persisted ? QStringLiteral(" STORED") : QStringLiteral(" VIRTUAL");
        spec << generated;
    }
    const bool nullable = isNullable(column, table);
    if (!nullable)
        spec << QStringLiteral("NOT NULL");
    else if (types().effective(column.type).name == QLatin1String("TIMESTAMP"))
        spec << QStringLiteral("NULL");
    if (column.comment && !column.comment->isEmpty())
        spec << QStringLiteral("COMMENT ") + preparer().stringLiteral(*column.comment);
    if (table && autoincrementColumn(*table) == &column && !column.serverDefault) {
        spec << QStringLiteral("AUTO_INCREMENT");
    } else {
        const Result<std::optional<QString>> def = defaultClause(column.serverDefault);
        if (!def)
            return Result<QString>::failure(def.error());
        if (def.value())
            spec << QStringLiteral("DEFAULT ") + *def.value();
    }
    return spec.join(QLatin1Char(' '));
}

// mysql_engine='InnoDB' -> ENGINE=InnoDB, mysql_charset -> CHARSET=..., mysql_collate ->
// COLLATE x, comment -> COMMENT='...'; partitioning options last. SQLAlchemy keeps them
// in a set; the oracle pins them sorted by option name (COLLATE after a charset).
QString MySqlRenderer::tableOptions(const TableDef &table) const
{
    // SQLAlchemy spells the two directory options with a space here, so they stay unquoted.
    static const QStringList stringOptions{QStringLiteral("COMMENT"), QStringLiteral("DATA DIRECTORY"),
                                           QStringLiteral("INDEX DIRECTORY"), QStringLiteral("PASSWORD"),
                                           QStringLiteral("CONNECTION")};
    static const QStringList partitionKeys{QStringLiteral("PARTITION_BY"), QStringLiteral("PARTITIONS"),
                                           QStringLiteral("SUBPARTITION_BY"), QStringLiteral("SUBPARTITIONS")};
    static const QStringList charsetKeys{QStringLiteral("DEFAULT_CHARSET"), QStringLiteral("DEFAULT_CHARACTER_SET"),
                                         QStringLiteral("CHARSET"), QStringLiteral("CHARACTER_SET")};
    QList<QPair<QString, QString>> options;
    for (const DialectOption &option : table.dialectOptions) {
        if (!option.key.startsWith(QLatin1String("mysql_")))
            continue;
        const QString key = option.key.mid(6).toUpper();
        const QString value = option.value.kind == SqlValue::Kind::String ? option.value.text : option.value.pythonRepr();
        options.removeIf([&key](const QPair<QString, QString> &o) { return o.first == key; });
        options << qMakePair(key, value);
    }
    if (table.comment) {
        options.removeIf([](const QPair<QString, QString> &o) { return o.first == QLatin1String("COMMENT"); });
        options << qMakePair(QStringLiteral("COMMENT"), *table.comment);
    }
    QList<QPair<QString, QString>> plain;
    QList<QPair<QString, QString>> partitions;
    for (const auto &o : options)
        (partitionKeys.contains(o.first) ? partitions : plain) << o;
    std::sort(plain.begin(), plain.end());
    // SQLAlchemy's topological sort emits COLLATE in a second round after a charset.
    const auto collate = std::find_if(plain.begin(), plain.end(), [](const auto &o) { return o.first == QLatin1String("COLLATE"); });
    const bool hasCharset = std::any_of(plain.begin(), plain.end(), [](const auto &o) { return charsetKeys.contains(o.first); });
    if (collate != plain.end() && hasCharset)
        std::rotate(collate, collate + 1, plain.end());
    std::sort(partitions.begin(), partitions.end(), [](const auto &a, const auto &b) {
        return partitionKeys.indexOf(a.first) < partitionKeys.indexOf(b.first);
    });
    QStringList rendered;
    for (const auto &o : plain) {
        QString key = o.first;
        const QString arg = stringOptions.contains(key) ? preparer().stringLiteral(o.second) : o.second;
        if (key == QLatin1String("DATA_DIRECTORY") || key == QLatin1String("INDEX_DIRECTORY")
            || key == QLatin1String("DEFAULT_CHARACTER_SET") || key == QLatin1String("CHARACTER_SET")
            || key == QLatin1String("DEFAULT_CHARSET") || key == QLatin1String("DEFAULT_COLLATE"))
            key.replace(QLatin1Char('_'), QLatin1Char(' '));
        const bool spaced = key == QLatin1String("TABLESPACE") || key == QLatin1String("DEFAULT CHARACTER SET")
            || key == QLatin1String("CHARACTER SET") || key == QLatin1String("COLLATE");
        rendered << key + (spaced ? QLatin1Char(' ') : QLatin1Char('=')) + arg;
    }
    for (const auto &o : partitions) {
        QString key = o.first;
        key.replace(QLatin1Char('_'), QLatin1Char(' '));
        rendered << key + QLatin1Char(' ') + (stringOptions.contains(o.first) ? preparer().stringLiteral(o.second) : o.second);
    }
    return rendered.join(QLatin1Char(' '));
}

Result<QStringList> MySqlRenderer::alterColumn(const AlterColumn &op) const
{
    const TypeSpec type = op.type.hasValue() ? op.type.value : op.existingType.hasValue() ? op.existingType.value : TypeSpec();
    const bool functionalDefault = !type.isNull() && isDateTimeAffinity(types().effective(type)) && !op.serverDefault.isNone();
    const bool change = op.newColumnName.hasValue() || functionalDefault;
    const bool modify = op.nullable.hasValue() || op.type.hasValue() || op.autoincrement.hasValue() || op.comment.isSet();
    if (change || modify) {
        if (type.isNull())
            return Result<QStringList>::failure(QStringLiteral("All MySQL CHANGE/MODIFY COLUMN operations require the existing type."));
        const bool nullable = op.nullable.hasValue() ? op.nullable.value
            : op.existingNullable.hasValue()         ? op.existingNullable.value
                                                     : true;
        const Result<QString> typeSql = types().compile(type);
        if (!typeSql)
            return Result<QStringList>::failure(typeSql.error());
        QString spec = typeSql.value() + (nullable ? QStringLiteral(" NULL") : QStringLiteral(" NOT NULL"));
        const bool autoincrement = op.autoincrement.hasValue() ? op.autoincrement.value
                                                               : op.existingAutoincrement.hasValue() && op.existingAutoincrement.value;
        if (autoincrement)
            spec += QStringLiteral(" AUTO_INCREMENT");
        const Setting<SqlExpression> &def = op.serverDefault.isSet() ? op.serverDefault : op.existingServerDefault;
        if (def.hasValue()) {
            const Result<std::optional<QString>> sql = defaultClause(def.value);
            if (!sql)
                return Result<QStringList>::failure(sql.error());
            spec += QStringLiteral(" DEFAULT ") + sql.value().value_or(QString());
        }
        const Setting<QString> &comment = op.comment.isSet() ? op.comment : op.existingComment;
        if (comment.hasValue() && !comment.value.isEmpty())
            spec += QStringLiteral(" COMMENT ") + preparer().stringLiteral(comment.value);
        const QString column = preparer().quote(op.column);
        if (change)
            return QStringList{alterTable(op.table, op.schema) + QStringLiteral(" CHANGE ") + column + QLatin1Char(' ')
                               + preparer().quote(op.newColumnName.hasValue() ? op.newColumnName.value : op.column)
                               + QLatin1Char(' ') + spec};
        return QStringList{alterTable(op.table, op.schema) + QStringLiteral(" MODIFY ") + column + QLatin1Char(' ') + spec};
    }
    if (op.serverDefault.isSet()) {
        QString action = QStringLiteral("DROP DEFAULT");
        if (op.serverDefault.hasValue()) {
            const Result<std::optional<QString>> sql = defaultClause(op.serverDefault.value);
            if (!sql)
                return Result<QStringList>::failure(sql.error());
            action = QStringLiteral("SET DEFAULT ") + sql.value().value_or(QString());
        }
        return QStringList{alterTable(op.table, op.schema) + QStringLiteral(" ALTER COLUMN ") + preparer().quote(op.column)
                           + QLatin1Char(' ') + action};
    }
    return QStringList();
}

QString MySqlRenderer::indexColumn(const IndexDef &index, const QString &sql, const SqlExpression &expression) const
{
    using Kind = SqlExpression::Kind;
    // MySQL functional key parts need their own parentheses; text() is taken as written.
    if (expression.kind != Kind::Column && expression.kind != Kind::Text && expression.kind != Kind::String
        && expression.kind != Kind::Desc && expression.kind != Kind::Asc)
        return QLatin1Char('(') + sql + QLatin1Char(')');
    const DialectOption *length = index.dialectOptions.find(QStringLiteral("mysql_length"));
    if (!length || expression.kind != Kind::Column)
        return sql;
    if (length->kind == DialectOption::Kind::Dict) {
        for (const auto &pair : length->dict) {
            if (pair.first == expression.text)
                return sql + QStringLiteral("(%1)").arg(pair.second.text);
        }
        return sql;
    }
    if (length->value.kind == SqlValue::Kind::Int)
        return sql + QStringLiteral("(%1)").arg(length->value.text);
    return sql;
}

Result<QStringList> MySqlRenderer::dropIndex(const DropIndex &op) const
{
    return QStringList{QStringLiteral("DROP INDEX ") + preparer().quote(op.name.text()) + QStringLiteral(" ON ")
                       + (op.table.isEmpty() ? QStringLiteral("no_table") : tableName(op.table, op.schema))};
}

Result<QStringList> MySqlRenderer::dropConstraint(const DropConstraint &op) const
{
    const QString table = alterTable(op.table, op.schema);
    const QString name = preparer().quote(op.name.text());
    if (op.type == QLatin1String("foreignkey"))
        return QStringList{table + QStringLiteral(" DROP FOREIGN KEY ") + name};
    if (op.type == QLatin1String("primary"))
        return QStringList{table + QStringLiteral(" DROP PRIMARY KEY")};
    if (op.type == QLatin1String("unique"))
        return QStringList{table + QStringLiteral(" DROP INDEX ") + name};
    if (op.type == QLatin1String("check"))
        return QStringList{table + QStringLiteral(" DROP CHECK ") + name};
    return Result<QStringList>::failure(
        QStringLiteral("NotImplementedError: No generic 'DROP CONSTRAINT' in MySQL - please specify constraint type"));
}

Result<QStringList> MySqlRenderer::tableComment(const QString &table, const QString &schema,
                                                const std::optional<QString> &comment) const
{
    return QStringList{alterTable(table, schema) + QStringLiteral(" COMMENT ") + preparer().stringLiteral(comment.value_or(QString()))};
}

} // namespace Retort
