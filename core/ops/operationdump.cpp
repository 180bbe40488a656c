// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/operationdump.h"

#include <QStringList>

namespace Retort {

namespace {

template<typename... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

QString str(const QString &s)
{
    return SqlValue::fromString(s).pythonRepr();
}

QString boolText(bool b)
{
    return b ? QStringLiteral("True") : QStringLiteral("False");
}

QString nameText(const ObjectName &name)
{
    if (!name.isSet())
        return QStringLiteral("None");
    return name.fromOpF ? QStringLiteral("f(") + str(*name.name) + QLatin1Char(')') : str(*name.name);
}

QString listText(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(str(item));
    return QLatin1Char('[') + quoted.join(QLatin1String(", ")) + QLatin1Char(']');
}

QString optionText(const DialectOption &option)
{
    switch (option.kind) {
    case DialectOption::Kind::Scalar:
        return option.key + QLatin1Char('=') + option.value.pythonRepr();
    case DialectOption::Kind::List: {
        QStringList items;
        for (const SqlValue &v : option.list)
            items.append(v.pythonRepr());
        return option.key + QStringLiteral("=[") + items.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    case DialectOption::Kind::Dict: {
        QStringList items;
        for (const auto &entry : option.dict)
            items.append(str(entry.first) + QStringLiteral(": ") + entry.second.pythonRepr());
        return option.key + QStringLiteral("={") + items.join(QLatin1String(", ")) + QLatin1Char('}');
    }
    case DialectOption::Kind::Expression:
        return option.key + QLatin1Char('=') +
               (option.expression ? option.expression->toDebugString() : QString());
    }
    return QString();
}

void addOptions(QStringList *parts, const DialectOptions &options)
{
    for (const DialectOption &option : options)
        parts->append(optionText(option));
}

template<typename T>
void addOptional(QStringList *parts, const char *key, const std::optional<T> &value)
{
    if (!value)
        return;
    if constexpr (std::is_same_v<T, bool>)
        parts->append(QLatin1String(key) + QLatin1Char('=') + boolText(*value));
    else if constexpr (std::is_same_v<T, QString>)
        parts->append(QLatin1String(key) + QLatin1Char('=') + str(*value));
    else
        parts->append(QLatin1String(key) + QLatin1Char('=') + QString::number(*value));
}

QString constraintOptionsText(const ConstraintOptions &options)
{
    QStringList parts;
    addOptional(&parts, "deferrable", options.deferrable);
    if (!options.initially.isEmpty())
        parts.append(QStringLiteral("initially=") + str(options.initially));
    addOptions(&parts, options.dialectOptions);
    return parts.isEmpty() ? QString() : QStringLiteral(", ") + parts.join(QLatin1String(", "));
}

QString foreignKeyText(const ForeignKeyDef &fk)
{
    QStringList parts;
    parts.append(QStringLiteral("name=") + nameText(fk.name));
    parts.append(QStringLiteral("columns=") + listText(fk.columns));
    parts.append(QStringLiteral("referred=") +
                 str((fk.referredSchema.isEmpty() ? QString() : fk.referredSchema + QLatin1Char('.')) +
                     fk.referredTable) +
                 listText(fk.referredColumns));
    if (!fk.onDelete.isEmpty())
        parts.append(QStringLiteral("ondelete=") + str(fk.onDelete));
    if (!fk.onUpdate.isEmpty())
        parts.append(QStringLiteral("onupdate=") + str(fk.onUpdate));
    if (!fk.match.isEmpty())
        parts.append(QStringLiteral("match=") + str(fk.match));
    if (fk.useAlter)
        parts.append(QStringLiteral("use_alter=True"));
    return QStringLiteral("ForeignKey(") + parts.join(QLatin1String(", ")) +
           constraintOptionsText(fk.options) + QLatin1Char(')');
}

QString constraintText(const ConstraintDef &constraint)
{
    return std::visit(
        Overloaded{
            [](const PrimaryKeyDef &pk) -> QString {
                return QStringLiteral("PrimaryKey(name=") + nameText(pk.name) +
                       QStringLiteral(", columns=") + listText(pk.columns) +
                       constraintOptionsText(pk.options) + QLatin1Char(')');
            },
            [](const ForeignKeyDef &fk) -> QString { return foreignKeyText(fk); },
            [](const UniqueDef &u) -> QString {
                return QStringLiteral("Unique(name=") + nameText(u.name) +
                       QStringLiteral(", columns=") + listText(u.columns) +
                       constraintOptionsText(u.options) + QLatin1Char(')');
            },
            [](const CheckDef &c) -> QString {
                return QStringLiteral("Check(name=") + nameText(c.name) +
                       QStringLiteral(", sqltext=") + c.sqltext.toDebugString() +
                       constraintOptionsText(c.options) + QLatin1Char(')');
            },
        },
        constraint);
}

QString columnText(const ColumnDef &c)
{
    QStringList parts;
    parts.append(str(c.name));
    parts.append(typeSpecDump(c.type));
    addOptional(&parts, "nullable", c.nullable);
    if (c.primaryKey)
        parts.append(QStringLiteral("primary_key=True"));
    if (c.autoincrement != ColumnDef::Autoincrement::Auto)
        parts.append(QStringLiteral("autoincrement=") +
                     boolText(c.autoincrement == ColumnDef::Autoincrement::True));
    if (c.serverDefault)
        parts.append(QStringLiteral("server_default=") + c.serverDefault->toDebugString());
    if (c.serverOnUpdate)
        parts.append(QStringLiteral("server_onupdate=") + c.serverOnUpdate->toDebugString());
    if (c.defaultValue)
        parts.append(QStringLiteral("default=") + c.defaultValue->toDebugString());
    addOptional(&parts, "unique", c.unique);
    addOptional(&parts, "index", c.index);
    addOptional(&parts, "comment", c.comment);
    if (!c.key.isEmpty())
        parts.append(QStringLiteral("key=") + str(c.key));
    if (c.systemColumn)
        parts.append(QStringLiteral("system=True"));
    if (c.identity) {
        const IdentityDef &i = *c.identity;
        QStringList id;
        if (i.always)
            id.append(QStringLiteral("always=True"));
        addOptional(&id, "on_null", i.onNull);
        addOptional(&id, "start", i.start);
        addOptional(&id, "increment", i.increment);
        addOptional(&id, "minvalue", i.minValue);
        addOptional(&id, "maxvalue", i.maxValue);
        if (i.noMinValue)
            id.append(QStringLiteral("nominvalue=True"));
        if (i.noMaxValue)
            id.append(QStringLiteral("nomaxvalue=True"));
        addOptional(&id, "cycle", i.cycle);
        addOptional(&id, "cache", i.cache);
        addOptional(&id, "order", i.order);
        parts.append(QStringLiteral("Identity(") + id.join(QLatin1String(", ")) + QLatin1Char(')'));
    }
    if (c.computed) {
        QString computed = QStringLiteral("Computed(") + c.computed->sqltext.toDebugString();
        if (c.computed->persisted)
            computed += QStringLiteral(", persisted=") + boolText(*c.computed->persisted);
        parts.append(computed + QLatin1Char(')'));
    }
    for (const ForeignKeyDef &fk : c.foreignKeys)
        parts.append(foreignKeyText(fk));
    addOptions(&parts, c.dialectOptions);
    return QStringLiteral("Column(") + parts.join(QLatin1String(", ")) + QLatin1Char(')');
}

QString indexText(const IndexDef &index)
{
    QStringList expressions;
    for (const SqlExpression &e : index.expressions)
        expressions.append(e.kind == SqlExpression::Kind::Column ? str(e.text) : e.toDebugString());
    QStringList parts;
    parts.append(QStringLiteral("name=") + nameText(index.name));
    parts.append(QStringLiteral("table=") + str(index.table));
    if (!index.schema.isEmpty())
        parts.append(QStringLiteral("schema=") + str(index.schema));
    parts.append(QStringLiteral("expressions=[") + expressions.join(QLatin1String(", ")) +
                 QLatin1Char(']'));
    if (index.unique)
        parts.append(QStringLiteral("unique=True"));
    addOptions(&parts, index.dialectOptions);
    return QStringLiteral("Index(") + parts.join(QLatin1String(", ")) + QLatin1Char(')');
}

class Writer
{
public:
    void line(int indent, const QString &text)
    {
        m_text += QString(indent * 2, QLatin1Char(' ')) + text + QLatin1Char('\n');
    }
    void field(int indent, const char *key, const QString &value)
    {
        line(indent, QLatin1String(key) + QStringLiteral(": ") + value);
    }
    void stringField(int indent, const char *key, const QString &value)
    {
        if (!value.isEmpty())
            field(indent, key, str(value));
    }
    template<typename T>
    void setting(int indent, const char *key, const Setting<T> &value)
    {
        if (value.isUnset())
            return;
        if (value.isNone()) {
            field(indent, key, QStringLiteral("None"));
            return;
        }
        if constexpr (std::is_same_v<T, bool>)
            field(indent, key, boolText(value.value));
        else if constexpr (std::is_same_v<T, QString>)
            field(indent, key, str(value.value));
        else if constexpr (std::is_same_v<T, TypeSpec>)
            field(indent, key, typeSpecDump(value.value));
        else
            field(indent, key, value.value.toDebugString());
    }
    void options(int indent, const char *key, const DialectOptions &options)
    {
        if (options.isEmpty())
            return;
        QStringList parts;
        addOptions(&parts, options);
        field(indent, key, parts.join(QLatin1String(", ")));
    }
    void table(int indent, const TableDef &t)
    {
        field(indent, "table", str(t.name));
        stringField(indent, "schema", t.schema);
        for (const ColumnDef &c : t.columns)
            line(indent, columnText(c));
        for (const ConstraintDef &c : t.constraints)
            line(indent, constraintText(c));
        for (const IndexDef &i : t.indexes)
            line(indent, indexText(i));
        if (t.comment)
            field(indent, "comment", str(*t.comment));
        if (!t.prefixes.isEmpty())
            field(indent, "prefixes", listText(t.prefixes));
        options(indent, "options", t.dialectOptions);
    }
    void tableClause(int indent, const TableClause &t)
    {
        QStringList columns;
        for (const TableClause::Column &c : t.columns)
            columns.append(str(c.name) + (c.type.isNull() ? QString() : QLatin1Char(' ') + typeSpecDump(c.type)));
        field(indent, "table", str(t.name) + (t.schema.isEmpty() ? QString() : QStringLiteral(" schema=") + str(t.schema)) +
                                   QStringLiteral(" columns=[") + columns.join(QLatin1String(", ")) +
                                   QLatin1Char(']'));
    }
    void header(int indent, const QString &name, const OperationBase &op, const QString &table,
                const QString &schema)
    {
        QString text = name + QStringLiteral(" @") + QString::number(op.range.start.line) +
                       QLatin1Char(':') + QString::number(op.range.start.column);
        if (!table.isEmpty())
            text += QStringLiteral(" table=") + str(table);
        if (!schema.isEmpty())
            text += QStringLiteral(" schema=") + str(schema);
        line(indent, text);
    }

    template<typename Op>
    void operation(int indent, const Op &operation);

    QString m_text;
};

template<typename Op>
void Writer::operation(int in, const Op &o)
{
    const int body = in + 1;
    if constexpr (std::is_same_v<Op, CreateTable>) {
        header(in, QStringLiteral("create_table"), o, QString(), QString());
        table(body, o.table);
        if (o.ifNotExists)
            field(body, "if_not_exists", QStringLiteral("True"));
    } else if constexpr (std::is_same_v<Op, DropTable>) {
        header(in, QStringLiteral("drop_table"), o, o.table, o.schema);
        if (o.ifExists)
            field(body, "if_exists", QStringLiteral("True"));
        options(body, "options", o.dialectOptions);
    } else if constexpr (std::is_same_v<Op, AddColumn>) {
        header(in, QStringLiteral("add_column"), o, o.table, o.schema);
        line(body, columnText(o.column));
        stringField(body, "insert_before", o.insertBefore);
        stringField(body, "insert_after", o.insertAfter);
    } else if constexpr (std::is_same_v<Op, DropColumn>) {
        header(in, QStringLiteral("drop_column"), o, o.table, o.schema);
        field(body, "column", str(o.column));
        options(body, "options", o.dialectOptions);
    } else if constexpr (std::is_same_v<Op, AlterColumn>) {
        header(in, QStringLiteral("alter_column"), o, o.table, o.schema);
        field(body, "column", str(o.column));
        setting(body, "nullable", o.nullable);
        setting(body, "comment", o.comment);
        setting(body, "server_default", o.serverDefault);
        setting(body, "new_column_name", o.newColumnName);
        setting(body, "type_", o.type);
        setting(body, "autoincrement", o.autoincrement);
        setting(body, "existing_type", o.existingType);
        setting(body, "existing_nullable", o.existingNullable);
        setting(body, "existing_server_default", o.existingServerDefault);
        setting(body, "existing_comment", o.existingComment);
        setting(body, "existing_autoincrement", o.existingAutoincrement);
        stringField(body, "insert_before", o.insertBefore);
        stringField(body, "insert_after", o.insertAfter);
        options(body, "options", o.dialectOptions);
    } else if constexpr (std::is_same_v<Op, CreateIndex>) {
        header(in, QStringLiteral("create_index"), o, QString(), QString());
        line(body, indexText(o.index));
        if (o.ifNotExists)
            field(body, "if_not_exists", QStringLiteral("True"));
    } else if constexpr (std::is_same_v<Op, DropIndex>) {
        header(in, QStringLiteral("drop_index"), o, o.table, o.schema);
        field(body, "name", nameText(o.name));
        if (o.ifExists)
            field(body, "if_exists", QStringLiteral("True"));
        options(body, "options", o.dialectOptions);
    } else if constexpr (std::is_same_v<Op, RenameTable>) {
        header(in, QStringLiteral("rename_table"), o, o.table, o.schema);
        field(body, "new_name", str(o.newName));
    } else if constexpr (std::is_same_v<Op, CreatePrimaryKey>) {
        header(in, QStringLiteral("create_primary_key"), o, o.table, o.schema);
        line(body, constraintText(o.constraint));
    } else if constexpr (std::is_same_v<Op, CreateForeignKey>) {
        header(in, QStringLiteral("create_foreign_key"), o, o.table, o.schema);
        line(body, constraintText(o.constraint));
    } else if constexpr (std::is_same_v<Op, CreateUniqueConstraint>) {
        header(in, QStringLiteral("create_unique_constraint"), o, o.table, o.schema);
        line(body, constraintText(o.constraint));
    } else if constexpr (std::is_same_v<Op, CreateCheckConstraint>) {
        header(in, QStringLiteral("create_check_constraint"), o, o.table, o.schema);
        line(body, constraintText(o.constraint));
    } else if constexpr (std::is_same_v<Op, DropConstraint>) {
        header(in, QStringLiteral("drop_constraint"), o, o.table, o.schema);
        field(body, "name", nameText(o.name));
        stringField(body, "type_", o.type);
    } else if constexpr (std::is_same_v<Op, CreateTableComment>) {
        header(in, QStringLiteral("create_table_comment"), o, o.table, o.schema);
        field(body, "comment", str(o.comment));
        setting(body, "existing_comment", o.existingComment);
    } else if constexpr (std::is_same_v<Op, DropTableComment>) {
        header(in, QStringLiteral("drop_table_comment"), o, o.table, o.schema);
        setting(body, "existing_comment", o.existingComment);
    } else if constexpr (std::is_same_v<Op, Execute>) {
        header(in, QStringLiteral("execute"), o, QString(), QString());
        if (o.kind == Execute::Kind::RawString) {
            field(body, "sql", str(o.sql));
        } else if (o.kind == Execute::Kind::Text) {
            field(body, "text", str(o.sql));
        } else {
            static const char *const kinds[] = {"insert", "update", "delete"};
            field(body, "dml", QLatin1String(kinds[int(o.dml.kind)]));
            tableClause(body, o.dml.table);
            for (const auto &value : o.dml.values)
                field(body, "set", str(value.first) + QStringLiteral(" = ") + value.second.toDebugString());
            if (o.dml.where)
                field(body, "where", o.dml.where->toDebugString());
        }
        options(body, "execution_options", o.executionOptions);
    } else if constexpr (std::is_same_v<Op, BulkInsert>) {
        header(in, QStringLiteral("bulk_insert"), o, QString(), QString());
        tableClause(body, o.table);
        if (!o.multiinsert)
            field(body, "multiinsert", QStringLiteral("False"));
        for (const auto &row : o.rows) {
            QStringList cells;
            for (const auto &cell : row)
                cells.append(str(cell.first) + QStringLiteral(": ") + cell.second.toDebugString());
            field(body, "row", QLatin1Char('{') + cells.join(QLatin1String(", ")) + QLatin1Char('}'));
        }
    } else if constexpr (std::is_same_v<Op, CreateEnumType> || std::is_same_v<Op, DropEnumType>) {
        header(in, std::is_same_v<Op, CreateEnumType> ? QStringLiteral("create_enum_type")
                                                      : QStringLiteral("drop_enum_type"),
               o, QString(), QString());
        field(body, "type", typeSpecDump(o.type));
        field(body, "checkfirst", boolText(o.checkFirst));
    } else if constexpr (std::is_same_v<Op, AutocommitBlockBegin>) {
        header(in, QStringLiteral("autocommit_block begin"), o, QString(), QString());
    } else if constexpr (std::is_same_v<Op, AutocommitBlockEnd>) {
        header(in, QStringLiteral("autocommit_block end"), o, QString(), QString());
    } else if constexpr (std::is_same_v<Op, BatchAlterTable>) {
        header(in, QStringLiteral("batch_alter_table"), o, o.table, o.schema);
        if (o.recreate != QLatin1String("auto"))
            field(body, "recreate", str(o.recreate));
        if (o.copyFrom) {
            line(body, QStringLiteral("copy_from:"));
            table(body + 1, *o.copyFrom);
        }
        for (const ConstraintDef &c : o.tableArgs)
            field(body, "table_arg", constraintText(c));
        options(body, "table_kwargs", o.tableKwargs);
        for (const ColumnDef &c : o.reflectArgs)
            field(body, "reflect_arg", columnText(c));
        options(body, "naming_convention", o.namingConvention);
        for (const QStringList &order : o.partialReordering)
            field(body, "partial_reordering", listText(order));
        for (const BatchOperation &batchOp : o.operations)
            std::visit([this, body](const auto &inner) { this->operation(body, inner); }, batchOp);
    }
}

} // namespace

QString typeSpecDump(const TypeSpec &type)
{
    if (type.isNull())
        return QStringLiteral("NullType");
    QStringList parts;
    for (const QString &value : type.enumValues)
        parts.append(str(value));
    addOptional(&parts, "length", type.length);
    addOptional(&parts, "precision", type.precision);
    addOptional(&parts, "scale", type.scale);
    addOptional(&parts, "asdecimal", type.asDecimal);
    addOptional(&parts, "decimal_return_scale", type.decimalReturnScale);
    addOptional(&parts, "timezone", type.timezone);
    addOptional(&parts, "fsp", type.fsp);
    if (!type.intervalFields.isEmpty())
        parts.append(QStringLiteral("fields=") + str(type.intervalFields));
    addOptional(&parts, "display_width", type.displayWidth);
    if (type.isUnsigned)
        parts.append(QStringLiteral("unsigned=True"));
    if (type.zerofill)
        parts.append(QStringLiteral("zerofill=True"));
    if (!type.charset.isEmpty())
        parts.append(QStringLiteral("charset=") + str(type.charset));
    if (!type.collation.isEmpty())
        parts.append(QStringLiteral("collation=") + str(type.collation));
    if (type.national)
        parts.append(QStringLiteral("national=True"));
    if (type.binary)
        parts.append(QStringLiteral("binary=True"));
    addOptional(&parts, "name", type.enumName);
    addOptional(&parts, "schema", type.enumSchema);
    addOptional(&parts, "native_enum", type.nativeEnum);
    addOptional(&parts, "create_constraint", type.createConstraint);
    addOptional(&parts, "create_type", type.createType);
    addOptional(&parts, "inherit_schema", type.inheritSchema);
    if (type.itemType)
        parts.append(QStringLiteral("item_type=") + typeSpecDump(*type.itemType));
    addOptional(&parts, "dimensions", type.dimensions);
    addOptional(&parts, "as_tuple", type.asTuple);
    if (type.astextType)
        parts.append(QStringLiteral("astext_type=") + typeSpecDump(*type.astextType));
    addOptional(&parts, "none_as_null", type.noneAsNull);
    addOptional(&parts, "as_uuid", type.asUuid);
    addOptions(&parts, type.otherArguments);
    QString text = type.qualifiedName() + QLatin1Char('(') + parts.join(QLatin1String(", ")) +
                   QLatin1Char(')');
    for (const TypeSpec::Variant &variant : type.variants)
        text += QStringLiteral(".with_variant(") + typeSpecDump(*variant.type) + QStringLiteral(", ") +
                str(variant.dialect) + QLatin1Char(')');
    return text;
}

QString operationDump(const Operation &operation)
{
    Writer writer;
    std::visit([&writer](const auto &op) { writer.operation(0, op); }, operation);
    return writer.m_text;
}

QString operationDump(const Operations &operations)
{
    QString text;
    for (const Operation &operation : operations)
        text += operationDump(operation);
    return text;
}

} // namespace Retort
