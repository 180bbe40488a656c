// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/directives.h"

#include "ops/sqlalchemycalls.h"

#include <QSet>

namespace Retort {

namespace {

using Arg = CallArguments::Argument;

const Arg &required(const CallArguments &args, const char *name)
{
    return *args.get(QLatin1String(name));
}

QString stringArgument(const CallArguments &args, const char *name)
{
    const Arg *a = args.get(QLatin1String(name));
    if (!a || a->value.isNone())
        return QString();
    if (!a->value.isString())
        args.fail(*a, QStringLiteral("%1(): %2 must be a string, not %3")
                          .arg(args.callee(), QLatin1String(name), a->value.typeName()));
    return a->value.scalar.text;
}

ObjectName nameArgument(const CallArguments &args, const char *name)
{
    const Arg *a = args.get(QLatin1String(name));
    if (!a)
        return ObjectName();
    return SqlAlchemyCalls::toName(a->value, a->range, QLatin1String(name));
}

QStringList namesArgument(const CallArguments &args, const char *name)
{
    const Arg *a = args.get(QLatin1String(name));
    if (!a || a->value.isNone())
        return {};
    return SqlAlchemyCalls::columnNames(a->value, a->range, QLatin1String(name));
}

// Alembic hands unknown keywords to the dialect, which only knows `<dialect>_<option>`;
// anything else is a typo that Alembic would silently ignore.
void checkDialectKeyword(const CallArguments &args, const QString &key, const Arg &argument)
{
    static const QStringList dialects = {QStringLiteral("postgresql_"), QStringLiteral("mysql_"),
                                         QStringLiteral("mariadb_"), QStringLiteral("sqlite_"),
                                         QStringLiteral("mssql_"), QStringLiteral("oracle_")};
    for (const QString &prefix : dialects) {
        if (key.startsWith(prefix) && key.size() > prefix.size())
            return;
    }
    args.fail(argument, QStringLiteral("%1() got an unexpected keyword argument '%2'")
                            .arg(args.callee(), key));
}

DialectOptions extraOptions(const CallArguments &args, const QSet<QString> &skip = {})
{
    DialectOptions options;
    for (const auto &keyword : args.extraKeywords()) {
        if (!skip.contains(keyword.first))
            checkDialectKeyword(args, keyword.first, keyword.second);
        if (!skip.contains(keyword.first))
            options.append(SqlAlchemyCalls::toOption(keyword.first, keyword.second.value,
                                                     keyword.second.range));
    }
    return options;
}

const Arg *extraKeyword(const CallArguments &args, const QString &name)
{
    for (const auto &keyword : args.extraKeywords()) {
        if (keyword.first == name)
            return &keyword.second;
    }
    return nullptr;
}

ConstraintOptions constraintOptions(const CallArguments &args)
{
    ConstraintOptions options;
    const QSet<QString> own = {QStringLiteral("deferrable"), QStringLiteral("initially")};
    if (const Arg *a = args.get(QStringLiteral("deferrable")); a && !a->value.isNone())
        options.deferrable = args.optionalBool(QStringLiteral("deferrable"));
    else if (const Arg *k = extraKeyword(args, QStringLiteral("deferrable")); k && !k->value.isNone())
        options.deferrable = k->value.isBool() ? k->value.scalar.boolean : true;
    if (const Arg *a = args.get(QStringLiteral("initially")); a && a->value.isString())
        options.initially = a->value.scalar.text;
    else if (const Arg *k = extraKeyword(args, QStringLiteral("initially")); k && k->value.isString())
        options.initially = k->value.scalar.text;
    options.dialectOptions = extraOptions(args, own);
    return options;
}

SqlExpression conditionArgument(const CallArguments &args, const char *name)
{
    const Arg &a = required(args, name);
    return SqlAlchemyCalls::toExpression(a.value, a.range, QLatin1String(name));
}

Setting<bool> boolSetting(const CallArguments &args, const char *name, bool noneIsUnset)
{
    const Arg *a = args.get(QLatin1String(name));
    if (!a)
        return {};
    if (a->value.isNone())
        return noneIsUnset ? Setting<bool>() : Setting<bool>::none();
    return Setting<bool>::of(args.boolean(QLatin1String(name), false));
}

// Alembic's alter_column uses False as "not given" for server_default, comment and
// existing_server_default, and None as "not given" for the others.
bool isFalse(const PyValue &value)
{
    return value.isBool() && !value.scalar.boolean;
}

Setting<QString> stringSetting(const CallArguments &args, const char *name, bool falseIsUnset)
{
    const Arg *a = args.get(QLatin1String(name));
    if (!a || (falseIsUnset && isFalse(a->value)))
        return {};
    if (a->value.isNone())
        return falseIsUnset ? Setting<QString>::none() : Setting<QString>();
    return Setting<QString>::of(stringArgument(args, name));
}

Setting<SqlExpression> defaultSetting(const CallArguments &args, const char *name)
{
    const Arg *a = args.get(QLatin1String(name));
    if (!a || isFalse(a->value))
        return {};
    if (a->value.isNone())
        return Setting<SqlExpression>::none();
    return Setting<SqlExpression>::of(SqlAlchemyCalls::toServerDefault(a->value, a->range));
}

Setting<TypeSpec> typeSetting(const CallArguments &args, const char *name)
{
    const Arg *a = args.get(QLatin1String(name));
    if (!a || a->value.isNone())
        return {};
    return Setting<TypeSpec>::of(SqlAlchemyCalls::toType(a->value, a->range, QLatin1String(name)));
}

QString tableOf(const CallArguments &args, const BatchAlterTable *batch, const char *name = "table_name")
{
    return batch ? batch->table : stringArgument(args, name);
}

QString schemaOf(const CallArguments &args, const BatchAlterTable *batch)
{
    return batch ? batch->schema : stringArgument(args, "schema");
}

template<typename T>
T withRange(T op, const CallArguments &args)
{
    op.range = args.callRange();
    return op;
}

AddColumn addColumn(CallArguments &args, const BatchAlterTable *batch)
{
    args.bind(batch ? QStringLiteral("column, *, insert_before=, insert_after=, if_not_exists=")
                    : QStringLiteral("table_name, column, *, schema=, if_not_exists="));
    AddColumn op;
    op.table = tableOf(args, batch);
    op.schema = schemaOf(args, batch);
    const Arg &column = required(args, "column");
    op.column = SqlAlchemyCalls::toColumn(column.value, column.range, QStringLiteral("column"));
    op.insertBefore = stringArgument(args, "insert_before");
    op.insertAfter = stringArgument(args, "insert_after");
    return withRange(op, args);
}

DropColumn dropColumn(CallArguments &args, const BatchAlterTable *batch)
{
    args.bind(batch ? QStringLiteral("column_name, **kw")
                    : QStringLiteral("table_name, column_name, *, schema=, **kw"));
    DropColumn op;
    op.table = tableOf(args, batch);
    op.schema = schemaOf(args, batch);
    op.column = stringArgument(args, "column_name");
    op.dialectOptions = extraOptions(args);
    return withRange(op, args);
}

AlterColumn alterColumn(CallArguments &args, const BatchAlterTable *batch)
{
    const QString options = QStringLiteral(
        "nullable=, comment=, server_default=, new_column_name=, type_=, existing_type=, "
        "existing_server_default=, existing_nullable=, existing_comment=, ");
    args.bind(batch ? QStringLiteral("column_name, *, ") + options +
                          QStringLiteral("insert_before=, insert_after=, **kw")
                    : QStringLiteral("table_name, column_name, *, ") + options +
                          QStringLiteral("schema=, **kw"));
    AlterColumn op;
    op.table = tableOf(args, batch);
    op.schema = schemaOf(args, batch);
    op.column = stringArgument(args, "column_name");
    op.nullable = boolSetting(args, "nullable", true);
    op.comment = stringSetting(args, "comment", true);
    op.serverDefault = defaultSetting(args, "server_default");
    op.newColumnName = stringSetting(args, "new_column_name", false);
    op.type = typeSetting(args, "type_");
    op.existingType = typeSetting(args, "existing_type");
    op.existingNullable = boolSetting(args, "existing_nullable", true);
    op.existingServerDefault = defaultSetting(args, "existing_server_default");
    op.existingComment = stringSetting(args, "existing_comment", false);
    op.insertBefore = stringArgument(args, "insert_before");
    op.insertAfter = stringArgument(args, "insert_after");
    DialectOptions rest;
    for (const auto &keyword : args.extraKeywords()) {
        const QString &key = keyword.first;
        const PyValue &value = keyword.second.value;
        if (key == QLatin1String("autoincrement") || key == QLatin1String("existing_autoincrement")) {
            Setting<bool> setting;
            if (value.isBool())
                setting = Setting<bool>::of(value.scalar.boolean);
            else if (!value.isNone())
                args.fail(keyword.second, QStringLiteral("%1(): %2 must be True or False, not %3")
                                              .arg(args.callee(), key, value.repr()));
            (key == QLatin1String("autoincrement") ? op.autoincrement : op.existingAutoincrement) =
                setting;
        } else {
            checkDialectKeyword(args, key, keyword.second);
            rest.append(SqlAlchemyCalls::toOption(key, value, keyword.second.range));
        }
    }
    op.dialectOptions = rest;
    return withRange(op, args);
}

CreateIndex createIndex(CallArguments &args, const BatchAlterTable *batch)
{
    args.bind(batch ? QStringLiteral("index_name, columns, **kw")
                    : QStringLiteral("index_name, table_name, columns, *, schema=, unique=, "
                                     "if_not_exists=, **kw"));
    CreateIndex op;
    op.index.name = nameArgument(args, "index_name");
    op.index.table = tableOf(args, batch);
    op.index.schema = schemaOf(args, batch);
    const Arg &columns = required(args, "columns");
    const QList<PyValue> items = columns.value.isSequence() ? columns.value.items
                                                            : QList<PyValue>{columns.value};
    for (const PyValue &item : items) {
        op.index.expressions.append(item.isString()
                                        ? SqlExpression::makeColumn(item.scalar.text)
                                        : SqlAlchemyCalls::toExpression(item, columns.range,
                                                                        QStringLiteral("columns")));
    }
    QSet<QString> skip;
    bool unique = args.boolean(QStringLiteral("unique"), false);
    bool ifNotExists = args.boolean(QStringLiteral("if_not_exists"), false);
    if (batch) {
        // batch_op.create_index passes unique= and friends through **kw.
        if (const Arg *a = extraKeyword(args, QStringLiteral("unique")))
            unique = a->value.isBool() && a->value.scalar.boolean;
        if (const Arg *a = extraKeyword(args, QStringLiteral("if_not_exists")))
            ifNotExists = a->value.isBool() && a->value.scalar.boolean;
        skip = {QStringLiteral("unique"), QStringLiteral("if_not_exists")};
    }
    op.index.unique = unique;
    op.ifNotExists = ifNotExists;
    op.index.dialectOptions = extraOptions(args, skip);
    return withRange(op, args);
}

DropIndex dropIndex(CallArguments &args, const BatchAlterTable *batch)
{
    args.bind(batch ? QStringLiteral("index_name, **kw")
                    : QStringLiteral("index_name, table_name=, *, schema=, if_exists=, **kw"));
    DropIndex op;
    op.name = nameArgument(args, "index_name");
    op.table = tableOf(args, batch);
    op.schema = schemaOf(args, batch);
    op.ifExists = args.boolean(QStringLiteral("if_exists"), false);
    QSet<QString> skip;
    if (batch) {
        if (const Arg *a = extraKeyword(args, QStringLiteral("if_exists")))
            op.ifExists = a->value.isBool() && a->value.scalar.boolean;
        skip = {QStringLiteral("if_exists")};
    }
    op.dialectOptions = extraOptions(args, skip);
    return withRange(op, args);
}

CreatePrimaryKey createPrimaryKey(CallArguments &args, const BatchAlterTable *batch)
{
    args.bind(batch ? QStringLiteral("constraint_name, columns")
                    : QStringLiteral("constraint_name, table_name, columns, *, schema="));
    CreatePrimaryKey op;
    op.table = tableOf(args, batch);
    op.schema = schemaOf(args, batch);
    op.constraint.name = nameArgument(args, "constraint_name");
    op.constraint.columns = namesArgument(args, "columns");
    return withRange(op, args);
}

CreateForeignKey createForeignKey(CallArguments &args, const BatchAlterTable *batch)
{
    const QString options = QStringLiteral(
        "onupdate=, ondelete=, deferrable=, initially=, match=, ");
    args.bind(batch ? QStringLiteral("constraint_name, referent_table, local_cols, remote_cols, *, "
                                     "referent_schema=, ") +
                          options + QStringLiteral("**dialect_kw")
                    : QStringLiteral("constraint_name, source_table, referent_table, local_cols, "
                                     "remote_cols, *, ") +
                          options +
                          QStringLiteral("source_schema=, referent_schema=, **dialect_kw"));
    CreateForeignKey op;
    op.table = tableOf(args, batch, "source_table");
    op.schema = batch ? batch->schema : stringArgument(args, "source_schema");
    ForeignKeyDef &fk = op.constraint;
    fk.name = nameArgument(args, "constraint_name");
    fk.columns = namesArgument(args, "local_cols");
    fk.referredTable = stringArgument(args, "referent_table");
    fk.referredSchema = stringArgument(args, "referent_schema");
    fk.referredColumns = namesArgument(args, "remote_cols");
    fk.onUpdate = stringArgument(args, "onupdate");
    fk.onDelete = stringArgument(args, "ondelete");
    fk.match = stringArgument(args, "match");
    fk.options = constraintOptions(args);
    return withRange(op, args);
}

CreateUniqueConstraint createUnique(CallArguments &args, const BatchAlterTable *batch)
{
    args.bind(batch ? QStringLiteral("constraint_name, columns, **kw")
                    : QStringLiteral("constraint_name, table_name, columns, *, schema=, **kw"));
    CreateUniqueConstraint op;
    op.table = tableOf(args, batch);
    op.schema = schemaOf(args, batch);
    op.constraint.name = nameArgument(args, "constraint_name");
    op.constraint.columns = namesArgument(args, "columns");
    op.constraint.options = constraintOptions(args);
    return withRange(op, args);
}

CreateCheckConstraint createCheck(CallArguments &args, const BatchAlterTable *batch)
{
    args.bind(batch ? QStringLiteral("constraint_name, condition, **kw")
                    : QStringLiteral("constraint_name, table_name, condition, *, schema=, **kw"));
    CreateCheckConstraint op;
    op.table = tableOf(args, batch);
    op.schema = schemaOf(args, batch);
    op.constraint.name = nameArgument(args, "constraint_name");
    op.constraint.sqltext = conditionArgument(args, "condition");
    op.constraint.options = constraintOptions(args);
    return withRange(op, args);
}

DropConstraint dropConstraint(CallArguments &args, const BatchAlterTable *batch)
{
    args.bind(batch ? QStringLiteral("constraint_name, type_=")
                    : QStringLiteral("constraint_name, table_name, type_=, *, schema="));
    DropConstraint op;
    op.table = tableOf(args, batch);
    op.schema = schemaOf(args, batch);
    op.name = nameArgument(args, "constraint_name");
    op.type = stringArgument(args, "type_");
    static const QSet<QString> types = {QStringLiteral("foreignkey"), QStringLiteral("primary"),
                                        QStringLiteral("unique"), QStringLiteral("check")};
    if (!op.type.isEmpty() && !types.contains(op.type))
        args.fail(required(args, "type_"),
                  QStringLiteral("%1(): type_ must be one of 'foreignkey', 'primary', 'unique', "
                                 "'check', not '%2'")
                      .arg(args.callee(), op.type));
    return withRange(op, args);
}

CreateTableComment createTableComment(CallArguments &args, const BatchAlterTable *batch)
{
    args.bind(batch ? QStringLiteral("comment, *, existing_comment=")
                    : QStringLiteral("table_name, comment, *, existing_comment=, schema="));
    CreateTableComment op;
    op.table = tableOf(args, batch);
    op.schema = schemaOf(args, batch);
    op.comment = stringArgument(args, "comment");
    op.existingComment = stringSetting(args, "existing_comment", false);
    return withRange(op, args);
}

DropTableComment dropTableComment(CallArguments &args, const BatchAlterTable *batch)
{
    args.bind(batch ? QStringLiteral("*, existing_comment=")
                    : QStringLiteral("table_name, *, existing_comment=, schema="));
    DropTableComment op;
    op.table = tableOf(args, batch);
    op.schema = schemaOf(args, batch);
    op.existingComment = stringSetting(args, "existing_comment", false);
    return withRange(op, args);
}

Execute execute(CallArguments &args)
{
    args.bind(QStringLiteral("sqltext, *, execution_options="));
    Execute op;
    const Arg &sql = required(args, "sqltext");
    if (sql.value.isString()) {
        op.kind = Execute::Kind::RawString;
        op.sql = sql.value.scalar.text;
    } else if (const SqlExpression *e = sql.value.get<SqlExpression>();
               e && e->kind == SqlExpression::Kind::Text) {
        op.kind = Execute::Kind::Text;
        op.sql = e->text;
    } else if (const DmlStatement *dml = sql.value.get<DmlStatement>()) {
        op.kind = Execute::Kind::Dml;
        op.dml = *dml;
    } else if (sql.value.kind == PyValue::Kind::Opaque) {
        throw InterpretError{sql.range,
                             QStringLiteral("op.execute() of %1 needs the Python bridge to render "
                                            "natively")
                                 .arg(sql.value.name),
                             sql.value.reported};
    } else {
        args.fail(sql, QStringLiteral("%1(): expected a SQL string, sa.text() or an "
                                      "insert/update/delete statement, not %2")
                           .arg(args.callee(), sql.value.typeName()));
    }
    if (const Arg *a = args.get(QStringLiteral("execution_options")); a && !a->value.isNone()) {
        if (a->value.kind != PyValue::Kind::Dict)
            args.fail(*a, QStringLiteral("%1(): execution_options must be a dict").arg(args.callee()));
        for (qsizetype i = 0; i + 1 < a->value.items.size(); i += 2)
            op.executionOptions.append(SqlAlchemyCalls::toOption(
                a->value.items.at(i).scalar.text, a->value.items.at(i + 1), a->range));
    }
    return withRange(op, args);
}

CreateTable createTable(CallArguments &args)
{
    args.bind(QStringLiteral("table_name, *columns, **kw"));
    CreateTable op;
    TableDef &table = op.table;
    table.name = stringArgument(args, "table_name");
    for (const auto &keyword : args.extraKeywords()) {
        const QString &key = keyword.first;
        const PyValue &value = keyword.second.value;
        if (key == QLatin1String("schema")) {
            if (!value.isNone())
                table.schema = SqlAlchemyCalls::columnName(value, keyword.second.range, key);
        } else if (key == QLatin1String("comment")) {
            if (!value.isNone())
                table.comment = SqlAlchemyCalls::columnName(value, keyword.second.range, key);
        } else if (key == QLatin1String("prefixes")) {
            table.prefixes = SqlAlchemyCalls::columnNames(value, keyword.second.range, key);
        } else if (key == QLatin1String("if_not_exists")) {
            op.ifNotExists = value.isBool() && value.scalar.boolean;
        } else if (key == QLatin1String("info") || key == QLatin1String("keep_existing") ||
                   key == QLatin1String("extend_existing")) {
            continue;
        } else {
            checkDialectKeyword(args, key, keyword.second);
            table.dialectOptions.append(SqlAlchemyCalls::toOption(key, value, keyword.second.range));
        }
    }
    for (const Arg &item : args.extraPositional())
        SqlAlchemyCalls::addTableItem(&table, item.value, item.range);
    return withRange(op, args);
}

DropTable dropTable(CallArguments &args)
{
    args.bind(QStringLiteral("table_name, *, schema=, if_exists=, **kw"));
    DropTable op;
    op.table = stringArgument(args, "table_name");
    op.schema = stringArgument(args, "schema");
    op.ifExists = args.boolean(QStringLiteral("if_exists"), false);
    op.dialectOptions = extraOptions(args);
    return withRange(op, args);
}

RenameTable renameTable(CallArguments &args)
{
    args.bind(QStringLiteral("old_table_name, new_table_name, *, schema="));
    RenameTable op;
    op.table = stringArgument(args, "old_table_name");
    op.newName = stringArgument(args, "new_table_name");
    op.schema = stringArgument(args, "schema");
    return withRange(op, args);
}

BulkInsert bulkInsert(CallArguments &args)
{
    args.bind(QStringLiteral("table, rows, *, multiinsert="));
    BulkInsert op;
    const Arg &table = required(args, "table");
    op.table = SqlAlchemyCalls::toTableClause(table.value, table.range, QStringLiteral("table"));
    op.multiinsert = args.boolean(QStringLiteral("multiinsert"), true);
    const Arg &rows = required(args, "rows");
    if (!rows.value.isSequence())
        args.fail(rows, QStringLiteral("%1(): rows must be a list of dictionaries, not %2")
                            .arg(args.callee(), rows.value.typeName()));
    for (const PyValue &row : rows.value.items) {
        if (row.kind != PyValue::Kind::Dict)
            args.fail(rows, QStringLiteral("%1(): each row must be a dictionary, not %2")
                                .arg(args.callee(), row.typeName()));
        QList<QPair<QString, SqlExpression>> values;
        for (qsizetype i = 0; i + 1 < row.items.size(); i += 2) {
            const PyValue &key = row.items.at(i);
            if (!key.isString())
                args.fail(rows, QStringLiteral("%1(): row keys must be column names, not %2")
                                    .arg(args.callee(), key.typeName()));
            values.append({key.scalar.text,
                           SqlAlchemyCalls::toValue(row.items.at(i + 1), rows.range,
                                                    key.scalar.text)});
        }
        op.rows.append(values);
    }
    return withRange(op, args);
}

} // namespace

bool Directives::isOperation(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("create_table"), QStringLiteral("drop_table"),
        QStringLiteral("add_column"), QStringLiteral("drop_column"),
        QStringLiteral("alter_column"), QStringLiteral("create_index"),
        QStringLiteral("drop_index"), QStringLiteral("rename_table"),
        QStringLiteral("create_primary_key"), QStringLiteral("create_foreign_key"),
        QStringLiteral("create_unique_constraint"), QStringLiteral("create_check_constraint"),
        QStringLiteral("drop_constraint"), QStringLiteral("create_table_comment"),
        QStringLiteral("drop_table_comment"), QStringLiteral("execute"),
        QStringLiteral("bulk_insert")};
    return names.contains(name);
}

bool Directives::isBatchOperation(const QString &name)
{
    return isOperation(name) && name != QLatin1String("create_table") &&
           name != QLatin1String("drop_table") && name != QLatin1String("rename_table") &&
           name != QLatin1String("bulk_insert");
}

Operation Directives::operation(const QString &name, CallArguments &args)
{
    if (name == QLatin1String("create_table"))
        return createTable(args);
    if (name == QLatin1String("drop_table"))
        return dropTable(args);
    if (name == QLatin1String("rename_table"))
        return renameTable(args);
    if (name == QLatin1String("bulk_insert"))
        return bulkInsert(args);
    if (name == QLatin1String("execute"))
        return execute(args);
    if (name == QLatin1String("add_column"))
        return addColumn(args, nullptr);
    if (name == QLatin1String("drop_column"))
        return dropColumn(args, nullptr);
    if (name == QLatin1String("alter_column"))
        return alterColumn(args, nullptr);
    if (name == QLatin1String("create_index"))
        return createIndex(args, nullptr);
    if (name == QLatin1String("drop_index"))
        return dropIndex(args, nullptr);
    if (name == QLatin1String("create_primary_key"))
        return createPrimaryKey(args, nullptr);
    if (name == QLatin1String("create_foreign_key"))
        return createForeignKey(args, nullptr);
    if (name == QLatin1String("create_unique_constraint"))
        return createUnique(args, nullptr);
    if (name == QLatin1String("create_check_constraint"))
        return createCheck(args, nullptr);
    if (name == QLatin1String("drop_constraint"))
        return dropConstraint(args, nullptr);
    if (name == QLatin1String("create_table_comment"))
        return createTableComment(args, nullptr);
    return dropTableComment(args, nullptr);
}

BatchOperation Directives::batchOperation(const QString &name, CallArguments &args,
                                          const BatchAlterTable &batch)
{
    if (name == QLatin1String("execute"))
        return execute(args);
    if (name == QLatin1String("add_column"))
        return addColumn(args, &batch);
    if (name == QLatin1String("drop_column"))
        return dropColumn(args, &batch);
    if (name == QLatin1String("alter_column"))
        return alterColumn(args, &batch);
    if (name == QLatin1String("create_index"))
        return createIndex(args, &batch);
    if (name == QLatin1String("drop_index"))
        return dropIndex(args, &batch);
    if (name == QLatin1String("create_primary_key"))
        return createPrimaryKey(args, &batch);
    if (name == QLatin1String("create_foreign_key"))
        return createForeignKey(args, &batch);
    if (name == QLatin1String("create_unique_constraint"))
        return createUnique(args, &batch);
    if (name == QLatin1String("create_check_constraint"))
        return createCheck(args, &batch);
    if (name == QLatin1String("drop_constraint"))
        return dropConstraint(args, &batch);
    if (name == QLatin1String("create_table_comment"))
        return createTableComment(args, &batch);
    return dropTableComment(args, &batch);
}

BatchAlterTable Directives::batchAlterTable(CallArguments &args)
{
    args.bind(QStringLiteral("table_name, schema=, recreate=, partial_reordering=, copy_from=, "
                             "table_args=, table_kwargs=, reflect_args=, reflect_kwargs=, "
                             "naming_convention="));
    BatchAlterTable op;
    op.table = stringArgument(args, "table_name");
    op.schema = stringArgument(args, "schema");
    if (args.hasValue(QStringLiteral("recreate"))) {
        op.recreate = stringArgument(args, "recreate");
        if (op.recreate != QLatin1String("auto") && op.recreate != QLatin1String("always") &&
            op.recreate != QLatin1String("never"))
            args.fail(required(args, "recreate"),
                      QStringLiteral("%1(): recreate may be one of 'auto', 'always', or 'never'.")
                          .arg(args.callee()));
    }
    if (const Arg *a = args.get(QStringLiteral("copy_from")); a && !a->value.isNone()) {
        const TableDef *table = a->value.get<TableDef>();
        if (!table) {
            if (a->value.kind == PyValue::Kind::Opaque)
                throw InterpretError{a->range,
                                     QStringLiteral("copy_from=%1 needs the Python bridge to render "
                                                    "natively")
                                         .arg(a->value.name),
                                     a->value.reported};
            args.fail(*a, QStringLiteral("%1(): copy_from must be a sa.Table(...), not %2")
                              .arg(args.callee(), a->value.typeName()));
        }
        op.copyFrom = *table;
    }
    for (const char *sequenceName : {"table_args", "reflect_args", "partial_reordering"}) {
        const Arg *a = args.get(QLatin1String(sequenceName));
        if (a && !a->value.isNone() && !a->value.isSequence())
            args.fail(*a, QStringLiteral("%1(): %2 must be a list or tuple, not %3")
                              .arg(args.callee(), QLatin1String(sequenceName), a->value.typeName()));
    }
    if (const Arg *a = args.get(QStringLiteral("table_args")); a && !a->value.isNone()) {
        for (const PyValue &item : a->value.items)
            op.tableArgs.append(SqlAlchemyCalls::toConstraint(item, a->range, QStringLiteral("table_args")));
    }
    for (const char *dictName : {"table_kwargs", "naming_convention"}) {
        const Arg *a = args.get(QLatin1String(dictName));
        if (!a || a->value.isNone())
            continue;
        if (a->value.kind != PyValue::Kind::Dict)
            args.fail(*a, QStringLiteral("%1(): %2 must be a dict").arg(args.callee(), QLatin1String(dictName)));
        DialectOptions &target = QLatin1String(dictName) == QLatin1String("table_kwargs")
                                     ? op.tableKwargs
                                     : op.namingConvention;
        for (qsizetype i = 0; i + 1 < a->value.items.size(); i += 2)
            target.append(SqlAlchemyCalls::toOption(
                SqlAlchemyCalls::columnName(a->value.items.at(i), a->range, QLatin1String(dictName)),
                a->value.items.at(i + 1), a->range));
    }
    if (const Arg *a = args.get(QStringLiteral("reflect_args")); a && !a->value.isNone()) {
        for (const PyValue &item : a->value.items)
            op.reflectArgs.append(SqlAlchemyCalls::toColumn(item, a->range, QStringLiteral("reflect_args")));
    }
    if (const Arg *a = args.get(QStringLiteral("reflect_kwargs")); a && !a->value.isNone() &&
                                                                   !a->value.items.isEmpty())
        args.fail(*a, QStringLiteral("%1(): reflect_kwargs reflect from the database; this migration "
                                     "needs the Python bridge to render natively")
                          .arg(args.callee()));
    if (const Arg *a = args.get(QStringLiteral("partial_reordering")); a && !a->value.isNone()) {
        for (const PyValue &item : a->value.items)
            op.partialReordering.append(
                SqlAlchemyCalls::columnNames(item, a->range, QStringLiteral("partial_reordering")));
    }
    op.range = args.callRange();
    return op;
}

} // namespace Retort
