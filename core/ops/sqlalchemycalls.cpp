// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/sqlalchemycalls.h"

#include <QHash>
#include <QSet>

namespace Retort {

namespace {

const QString Sa = QStringLiteral("sqlalchemy.");
const QString Dialects = QStringLiteral("sqlalchemy.dialects.");

struct TypeClass
{
    QString dialect;
    QString name;
    QString signature;
};

const QString StringSig = QStringLiteral("length=, collation=");
const QString EnumSig = QStringLiteral(
    "*enums, name=, native_enum=, create_constraint=, length=, schema=, inherit_schema=, "
    "metadata=, validate_strings=, values_callable=, quote=, omit_aliases=, sort_key_function=");
const QString NumericSig = QStringLiteral("precision=, scale=, decimal_return_scale=, asdecimal=");
const QString FloatSig = QStringLiteral("precision=, asdecimal=, decimal_return_scale=");
const QString MysqlStringSig = QStringLiteral(
    "length=, *, charset=, collation=, national=, binary=, ascii=, unicode=");
const QString MysqlIntSig = QStringLiteral("display_width=, *, unsigned=, zerofill=");
const QString MysqlRealSig =
    QStringLiteral("precision=, scale=, asdecimal=, *, unsigned=, zerofill=");

QHash<QString, TypeClass> buildTypeClasses()
{
    QHash<QString, TypeClass> table;
    auto add = [&table](const QString &dialect, const QStringList &names, const QString &sig) {
        for (const QString &name : names) {
            const QString key = (dialect.isEmpty() ? Sa : Dialects + dialect + QLatin1Char('.')) +
                                name;
            table.insert(key, TypeClass{dialect, name, sig});
        }
    };
    const QString none;
    // Generic and SQL-standard types of sqlalchemy itself.
    const QStringList plain = {QStringLiteral("Integer"), QStringLiteral("BigInteger"),
                               QStringLiteral("SmallInteger"), QStringLiteral("INTEGER"),
                               QStringLiteral("INT"), QStringLiteral("BIGINT"),
                               QStringLiteral("SMALLINT"), QStringLiteral("Date"),
                               QStringLiteral("DATE"), QStringLiteral("NullType")};
    add(none, plain, QString());
    const QStringList strings = {QStringLiteral("String"), QStringLiteral("Unicode"),
                                 QStringLiteral("Text"), QStringLiteral("UnicodeText"),
                                 QStringLiteral("VARCHAR"), QStringLiteral("NVARCHAR"),
                                 QStringLiteral("CHAR"), QStringLiteral("NCHAR"),
                                 QStringLiteral("TEXT"), QStringLiteral("CLOB")};
    add(none, strings, StringSig);
    add(none, {QStringLiteral("Boolean"), QStringLiteral("BOOLEAN")},
        QStringLiteral("create_constraint=, name="));
    add(none, {QStringLiteral("DateTime"), QStringLiteral("DATETIME"), QStringLiteral("TIMESTAMP"),
               QStringLiteral("Time"), QStringLiteral("TIME")},
        QStringLiteral("timezone="));
    add(none, {QStringLiteral("Interval")},
        QStringLiteral("native=, second_precision=, day_precision="));
    add(none, {QStringLiteral("Numeric"), QStringLiteral("NUMERIC"), QStringLiteral("DECIMAL")},
        NumericSig);
    add(none, {QStringLiteral("Float"), QStringLiteral("FLOAT"), QStringLiteral("REAL"),
               QStringLiteral("Double"), QStringLiteral("DOUBLE"), QStringLiteral("DOUBLE_PRECISION")},
        FloatSig);
    add(none, {QStringLiteral("LargeBinary"), QStringLiteral("BLOB"), QStringLiteral("BINARY"),
               QStringLiteral("VARBINARY")},
        QStringLiteral("length="));
    add(none, {QStringLiteral("Enum")}, EnumSig);
    add(none, {QStringLiteral("JSON")}, QStringLiteral("none_as_null="));
    add(none, {QStringLiteral("Uuid")}, QStringLiteral("as_uuid=, native_uuid="));
    add(none, {QStringLiteral("UUID")}, QStringLiteral("as_uuid="));
    add(none, {QStringLiteral("ARRAY")},
        QStringLiteral("item_type, as_tuple=, dimensions=, zero_indexes="));

    // Dialect modules re-export the generic classes: same class, so same TypeClass.
    const QStringList dialects = {QStringLiteral("postgresql"), QStringLiteral("mysql"),
                                  QStringLiteral("sqlite")};
    const QStringList reexported = {
        QStringLiteral("INTEGER"), QStringLiteral("BIGINT"), QStringLiteral("SMALLINT"),
        QStringLiteral("VARCHAR"), QStringLiteral("CHAR"), QStringLiteral("NCHAR"),
        QStringLiteral("NVARCHAR"), QStringLiteral("TEXT"), QStringLiteral("BOOLEAN"),
        QStringLiteral("DATE"), QStringLiteral("NUMERIC"), QStringLiteral("DECIMAL"),
        QStringLiteral("FLOAT"), QStringLiteral("REAL"), QStringLiteral("DOUBLE_PRECISION"),
        QStringLiteral("DOUBLE"), QStringLiteral("BLOB"), QStringLiteral("BINARY"),
        QStringLiteral("VARBINARY"), QStringLiteral("UUID"), QStringLiteral("TIMESTAMP"),
        QStringLiteral("TIME"), QStringLiteral("DATETIME"), QStringLiteral("JSON"),
        QStringLiteral("CLOB")};
    for (const QString &dialect : dialects) {
        for (const QString &name : reexported) {
            const auto generic = table.constFind(Sa + name);
            if (generic == table.constEnd())
                continue;
            // A copy: inserting may rehash and free the node generic points to.
            const TypeClass type = *generic;
            table.insert(Dialects + dialect + QLatin1Char('.') + name, type);
        }
    }

    const QString pg = QStringLiteral("postgresql");
    add(pg, {QStringLiteral("JSON"), QStringLiteral("JSONB")},
        QStringLiteral("none_as_null=, astext_type="));
    add(pg, {QStringLiteral("ARRAY")},
        QStringLiteral("item_type, as_tuple=, dimensions=, zero_indexes="));
    add(pg, {QStringLiteral("ENUM")}, EnumSig + QStringLiteral(", create_type="));
    add(pg, {QStringLiteral("INET"), QStringLiteral("CIDR"), QStringLiteral("MACADDR"),
             QStringLiteral("MACADDR8"), QStringLiteral("MONEY"), QStringLiteral("OID"),
             QStringLiteral("REGCLASS"), QStringLiteral("REGCONFIG"), QStringLiteral("TSVECTOR"),
             QStringLiteral("TSQUERY"), QStringLiteral("CITEXT"), QStringLiteral("INT4RANGE"),
             QStringLiteral("INT8RANGE"), QStringLiteral("NUMRANGE"), QStringLiteral("DATERANGE"),
             QStringLiteral("TSRANGE"), QStringLiteral("TSTZRANGE")},
        QString());
    add(pg, {QStringLiteral("HSTORE")}, QStringLiteral("text_type="));
    add(pg, {QStringLiteral("BIT")}, QStringLiteral("length=, varying="));
    add(pg, {QStringLiteral("BYTEA")}, QStringLiteral("length="));
    add(pg, {QStringLiteral("INTERVAL")}, QStringLiteral("precision=, fields="));
    add(pg, {QStringLiteral("TIMESTAMP"), QStringLiteral("TIME")},
        QStringLiteral("timezone=, precision="));

    const QString my = QStringLiteral("mysql");
    add(my, {QStringLiteral("BIGINT"), QStringLiteral("INTEGER"), QStringLiteral("MEDIUMINT"),
             QStringLiteral("SMALLINT"), QStringLiteral("TINYINT")},
        MysqlIntSig);
    add(my, {QStringLiteral("YEAR")}, QStringLiteral("display_width="));
    add(my, {QStringLiteral("VARCHAR"), QStringLiteral("CHAR"), QStringLiteral("NVARCHAR"),
             QStringLiteral("NCHAR"), QStringLiteral("TEXT")},
        MysqlStringSig);
    add(my, {QStringLiteral("TINYTEXT"), QStringLiteral("MEDIUMTEXT"), QStringLiteral("LONGTEXT")},
        QStringLiteral("*, charset=, collation=, national=, binary=, ascii=, unicode="));
    add(my, {QStringLiteral("DATETIME"), QStringLiteral("TIMESTAMP"), QStringLiteral("TIME")},
        QStringLiteral("timezone=, fsp="));
    add(my, {QStringLiteral("DECIMAL"), QStringLiteral("NUMERIC"), QStringLiteral("DOUBLE"),
             QStringLiteral("FLOAT"), QStringLiteral("REAL")},
        MysqlRealSig);
    add(my, {QStringLiteral("BIT")}, QStringLiteral("length="));
    add(my, {QStringLiteral("TINYBLOB"), QStringLiteral("MEDIUMBLOB"), QStringLiteral("LONGBLOB")},
        QString());
    add(my, {QStringLiteral("ENUM")},
        EnumSig + QStringLiteral(", charset=, collation=, national=, binary=, ascii=, unicode="));
    add(my, {QStringLiteral("SET")},
        QStringLiteral("*values, retrieve_as_bitwise=, charset=, collation=, national=, binary=, "
                       "ascii=, unicode="));
    add(my, {QStringLiteral("JSON")}, QStringLiteral("none_as_null="));

    const QString lite = QStringLiteral("sqlite");
    add(lite, {QStringLiteral("DATE"), QStringLiteral("DATETIME"), QStringLiteral("TIME")},
        QStringLiteral("*, storage_format=, regexp=, truncate_microseconds="));
    add(lite, {QStringLiteral("JSON")}, QStringLiteral("none_as_null="));
    return table;
}

const QHash<QString, TypeClass> &typeClasses()
{
    static const QHash<QString, TypeClass> table = buildTypeClasses();
    return table;
}

QString displayName(const QString &qualified)
{
    QString shortName = qualified;
    if (shortName.startsWith(Dialects))
        return shortName.mid(Dialects.size());
    if (shortName.startsWith(Sa))
        return QStringLiteral("sa.") + shortName.mid(Sa.size());
    return shortName;
}

std::optional<bool> optionalBoolValue(const CallArguments &args, const QString &name)
{
    return args.optionalBool(name);
}

std::optional<int> optionalIntValue(const CallArguments &args, const QString &name)
{
    const std::optional<qint64> v = args.optionalInt(name);
    if (!v)
        return std::nullopt;
    return int(*v);
}

TypeSpec makeType(const QString &qualified, CallArguments &args)
{
    const TypeClass &cls = typeClasses().value(qualified);
    args.bind(cls.signature);
    TypeSpec type;
    type.name = cls.name;
    type.dialect = cls.dialect;
    const bool isEnum = cls.name == QLatin1String("ENUM") || cls.name == QLatin1String("Enum") ||
                        cls.name == QLatin1String("SET");
    if (isEnum) {
        for (const CallArguments::Argument &argument : args.extraPositional()) {
            if (argument.value.isString()) {
                type.enumValues.append(argument.value.scalar.text);
            } else if (argument.value.isSequence() && args.extraPositional().size() == 1) {
                for (const PyValue &item : argument.value.items) {
                    if (!item.isString())
                        args.fail(argument, QStringLiteral("%1(): enum values must be strings, not %2")
                                                .arg(args.callee(), item.typeName()));
                    type.enumValues.append(item.scalar.text);
                }
            } else if (argument.value.kind == PyValue::Kind::Opaque) {
                throw InterpretError{argument.range,
                                     QStringLiteral("%1() of %2 needs the Python bridge to render "
                                                    "natively")
                                         .arg(args.callee(), argument.value.name),
                                     argument.value.reported};
            } else {
                args.fail(argument, QStringLiteral("%1(): enum values must be strings, not %2")
                                        .arg(args.callee(), argument.value.typeName()));
            }
        }
        type.enumName = args.optionalString(QStringLiteral("name"));
        type.enumSchema = args.optionalString(QStringLiteral("schema"));
        type.nativeEnum = optionalBoolValue(args, QStringLiteral("native_enum"));
        type.createConstraint = optionalBoolValue(args, QStringLiteral("create_constraint"));
        type.createType = optionalBoolValue(args, QStringLiteral("create_type"));
        type.inheritSchema = optionalBoolValue(args, QStringLiteral("inherit_schema"));
        type.length = optionalIntValue(args, QStringLiteral("length"));
        for (const char *unsupported : {"values_callable", "sort_key_function"}) {
            if (const CallArguments::Argument *a = args.get(QLatin1String(unsupported)))
                args.fail(*a, QStringLiteral("%1(%2=...) needs the Python bridge to render natively")
                                  .arg(args.callee(), QLatin1String(unsupported)));
        }
        for (const char *extra : {"validate_strings", "quote", "omit_aliases",
                                  "retrieve_as_bitwise"}) {
            if (const CallArguments::Argument *a = args.get(QLatin1String(extra)))
                type.otherArguments.append(SqlAlchemyCalls::toOption(QLatin1String(extra), a->value,
                                                                     a->range));
        }
    } else if (cls.name == QLatin1String("Boolean") || cls.name == QLatin1String("BOOLEAN")) {
        type.createConstraint = optionalBoolValue(args, QStringLiteral("create_constraint"));
        type.enumName = args.optionalString(QStringLiteral("name"));
    } else {
        type.length = optionalIntValue(args, QStringLiteral("length"));
        type.precision = optionalIntValue(args, QStringLiteral("precision"));
        type.scale = optionalIntValue(args, QStringLiteral("scale"));
        type.decimalReturnScale = optionalIntValue(args, QStringLiteral("decimal_return_scale"));
        type.asDecimal = optionalBoolValue(args, QStringLiteral("asdecimal"));
        type.timezone = optionalBoolValue(args, QStringLiteral("timezone"));
        type.fsp = optionalIntValue(args, QStringLiteral("fsp"));
        type.displayWidth = optionalIntValue(args, QStringLiteral("display_width"));
        type.dimensions = optionalIntValue(args, QStringLiteral("dimensions"));
        type.asTuple = optionalBoolValue(args, QStringLiteral("as_tuple"));
        type.noneAsNull = optionalBoolValue(args, QStringLiteral("none_as_null"));
        type.asUuid = optionalBoolValue(args, QStringLiteral("as_uuid"));
        type.intervalFields = args.string(QStringLiteral("fields"));
        if (const CallArguments::Argument *a = args.get(QStringLiteral("item_type")))
            type.itemType = std::make_shared<const TypeSpec>(
                SqlAlchemyCalls::toType(a->value, a->range, QStringLiteral("item_type")));
        if (const CallArguments::Argument *a = args.get(QStringLiteral("astext_type")))
            type.astextType = std::make_shared<const TypeSpec>(
                SqlAlchemyCalls::toType(a->value, a->range, QStringLiteral("astext_type")));
        for (const char *extra : {"native", "second_precision", "day_precision", "varying",
                                  "native_uuid", "zero_indexes", "storage_format", "regexp",
                                  "truncate_microseconds", "ascii", "unicode"}) {
            if (const CallArguments::Argument *a = args.get(QLatin1String(extra)))
                type.otherArguments.append(SqlAlchemyCalls::toOption(QLatin1String(extra), a->value,
                                                                     a->range));
        }
        if (const CallArguments::Argument *a = args.get(QStringLiteral("text_type")))
            args.fail(*a, QStringLiteral("%1(text_type=...) is not supported natively")
                              .arg(args.callee()));
    }
    type.isUnsigned = args.boolean(QStringLiteral("unsigned"), false);
    type.zerofill = args.boolean(QStringLiteral("zerofill"), false);
    type.national = args.boolean(QStringLiteral("national"), false);
    type.binary = args.boolean(QStringLiteral("binary"), false);
    type.charset = args.string(QStringLiteral("charset"));
    type.collation = args.string(QStringLiteral("collation"));
    return type;
}

ConstraintOptions constraintOptions(const CallArguments &args)
{
    ConstraintOptions options;
    options.deferrable = args.optionalBool(QStringLiteral("deferrable"));
    options.initially = args.string(QStringLiteral("initially"));
    for (const auto &keyword : args.extraKeywords())
        options.dialectOptions.append(
            SqlAlchemyCalls::toOption(keyword.first, keyword.second.value, keyword.second.range));
    return options;
}

ObjectName nameArgument(const CallArguments &args, const QString &name)
{
    const CallArguments::Argument *a = args.get(name);
    if (!a)
        return ObjectName();
    return SqlAlchemyCalls::toName(a->value, a->range, name);
}

ForeignKeyDef foreignKeyTargets(ForeignKeyDef fk, const QStringList &targets)
{
    for (const QString &spec : targets) {
        const ForeignKeyTarget target = ForeignKeyTarget::parse(spec);
        fk.referredTable = target.table;
        fk.referredSchema = target.schema;
        fk.referredColumns.append(target.column);
    }
    return fk;
}

void foreignKeyOptions(ForeignKeyDef *fk, const CallArguments &args)
{
    fk->name = nameArgument(args, QStringLiteral("name"));
    fk->onDelete = args.string(QStringLiteral("ondelete"));
    fk->onUpdate = args.string(QStringLiteral("onupdate"));
    fk->match = args.string(QStringLiteral("match"));
    fk->useAlter = args.boolean(QStringLiteral("use_alter"), false);
    fk->options = constraintOptions(args);
}

QStringList varColumnNames(const CallArguments &args)
{
    QStringList names;
    for (const CallArguments::Argument &a : args.extraPositional())
        names.append(SqlAlchemyCalls::columnName(a.value, a.range, args.callee()));
    return names;
}

PyValue makeColumn(CallArguments &args)
{
    args.bind(QStringLiteral(
        "*args, name=, type_=, autoincrement=, default=, insert_default=, doc=, key=, index=, "
        "unique=, info=, nullable=, onupdate=, primary_key=, server_default=, server_onupdate=, "
        "quote=, system=, comment=, insert_sentinel=, sort_order=, **kw"));
    ColumnDef column;
    QList<CallArguments::Argument> rest = args.extraPositional();
    if (!rest.isEmpty() && rest.first().value.isString()) {
        column.name = rest.takeFirst().value.scalar.text;
    } else if (args.hasValue(QStringLiteral("name"))) {
        column.name = args.string(QStringLiteral("name"));
    }
    if (!rest.isEmpty()) {
        const PyValue &first = rest.first().value;
        if (first.get<TypeSpec>() ||
            (first.kind == PyValue::Kind::Symbol && SqlAlchemyCalls::isTypeClass(first.name))) {
            column.type = SqlAlchemyCalls::toType(first, rest.first().range, QStringLiteral("type"));
            rest.removeFirst();
        }
    }
    if (const CallArguments::Argument *a = args.get(QStringLiteral("type_")); a && !a->value.isNone())
        column.type = SqlAlchemyCalls::toType(a->value, a->range, QStringLiteral("type_"));
    for (const CallArguments::Argument &item : rest) {
        if (const ForeignKeyDef *fk = item.value.get<ForeignKeyDef>()) {
            ForeignKeyDef copy = *fk;
            copy.columns = QStringList{column.name};
            column.foreignKeys.append(copy);
        } else if (const IdentityDef *identity = item.value.get<IdentityDef>()) {
            column.identity = *identity;
        } else if (const ComputedDef *computed = item.value.get<ComputedDef>()) {
            column.computed = *computed;
        } else if (item.value.kind == PyValue::Kind::Opaque) {
            throw InterpretError{item.range,
                                 QStringLiteral("sa.Column() argument %1 needs the Python bridge "
                                                "to render natively")
                                     .arg(item.value.name),
                                 item.value.reported};
        } else {
            args.fail(item, QStringLiteral("sa.Column(): unsupported argument %1 (only a name, a "
                                           "type, ForeignKey, Identity and Computed are understood)")
                                .arg(item.value.repr()));
        }
    }
    column.nullable = args.optionalBool(QStringLiteral("nullable"));
    column.primaryKey = args.boolean(QStringLiteral("primary_key"), false);
    if (const CallArguments::Argument *a = args.get(QStringLiteral("autoincrement"))) {
        if (a->value.isString() && (a->value.scalar.text == QLatin1String("auto") ||
                                    a->value.scalar.text == QLatin1String("ignore_fk"))) {
            column.autoincrement = ColumnDef::Autoincrement::Auto;
            if (a->value.scalar.text == QLatin1String("ignore_fk"))
                column.dialectOptions.append(
                    SqlAlchemyCalls::toOption(QStringLiteral("autoincrement"), a->value, a->range));
        } else {
            column.autoincrement = args.boolean(QStringLiteral("autoincrement"), true)
                                       ? ColumnDef::Autoincrement::True
                                       : ColumnDef::Autoincrement::False;
        }
    }
    if (const CallArguments::Argument *a = args.get(QStringLiteral("server_default")); a && !a->value.isNone())
        column.serverDefault = SqlAlchemyCalls::toServerDefault(a->value, a->range);
    if (const CallArguments::Argument *a = args.get(QStringLiteral("server_onupdate")); a && !a->value.isNone())
        column.serverOnUpdate = SqlAlchemyCalls::toServerDefault(a->value, a->range);
    if (const CallArguments::Argument *a = args.get(QStringLiteral("default")); a && !a->value.isNone()) {
        // A Python-side default never reaches DDL; keep it when it is a plain value.
        if (a->value.kind == PyValue::Kind::Scalar || a->value.get<SqlExpression>())
            column.defaultValue = SqlAlchemyCalls::toExpression(a->value, a->range,
                                                                QStringLiteral("default"));
    }
    column.unique = args.optionalBool(QStringLiteral("unique"));
    column.index = args.optionalBool(QStringLiteral("index"));
    column.comment = args.optionalString(QStringLiteral("comment"));
    column.key = args.string(QStringLiteral("key"));
    column.systemColumn = args.boolean(QStringLiteral("system"), false);
    for (const auto &keyword : args.extraKeywords())
        column.dialectOptions.append(
            SqlAlchemyCalls::toOption(keyword.first, keyword.second.value, keyword.second.range));
    return PyValue::fromObject(column);
}

PyValue makeTable(CallArguments &args)
{
    args.bind(QStringLiteral(
        "name, metadata, *args, schema=, quote=, quote_schema=, autoload_with=, "
        "autoload_replace=, keep_existing=, extend_existing=, resolve_fks=, include_columns=, "
        "implicit_returning=, comment=, info=, listeners=, prefixes=, must_exist=, **kw"));
    if (const CallArguments::Argument *a = args.get(QStringLiteral("autoload_with")))
        args.fail(*a, QStringLiteral("sa.Table(autoload_with=...) reflects the table from the "
                                     "database; this migration needs the Python bridge to render "
                                     "natively"));
    const CallArguments::Argument *metadata = args.get(QStringLiteral("metadata"));
    const PyValue::MetaData *md = metadata->value.get<PyValue::MetaData>();
    if (!md) {
        if (metadata->value.kind == PyValue::Kind::Opaque)
            throw InterpretError{metadata->range,
                                 QStringLiteral("sa.Table() with the metadata of %1 needs the "
                                                "Python bridge to render natively")
                                     .arg(metadata->value.name),
                                 metadata->value.reported};
        args.fail(*metadata, QStringLiteral("sa.Table(): metadata must be a sa.MetaData(), not %1")
                                 .arg(metadata->value.typeName()));
    }
    if (md->hasNamingConvention)
        args.fail(*metadata, QStringLiteral("sa.MetaData(naming_convention=...) is not supported "
                                            "natively yet; this migration needs the Python bridge"));
    TableDef table;
    table.name = args.string(QStringLiteral("name"));
    table.schema = args.optionalString(QStringLiteral("schema")).value_or(md->schema);
    for (const CallArguments::Argument &item : args.extraPositional())
        SqlAlchemyCalls::addTableItem(&table, item.value, item.range);
    table.comment = args.optionalString(QStringLiteral("comment"));
    if (const CallArguments::Argument *a = args.get(QStringLiteral("prefixes")))
        table.prefixes = SqlAlchemyCalls::columnNames(a->value, a->range, QStringLiteral("prefixes"));
    for (const auto &keyword : args.extraKeywords())
        table.dialectOptions.append(
            SqlAlchemyCalls::toOption(keyword.first, keyword.second.value, keyword.second.range));
    return PyValue::fromObject(table);
}

SqlExpression makeFunction(const QString &name, const CallArguments &args)
{
    SqlExpression e;
    e.kind = SqlExpression::Kind::Function;
    e.text = name;
    for (const CallArguments::Argument &a : args.positional())
        e.operands.push_back(SqlAlchemyCalls::toValue(a.value, a.range, name));
    if (!args.keywords().isEmpty()) {
        const auto &keyword = args.keywords().first();
        if (keyword.first != QLatin1String("type_"))
            args.fail(keyword.second, QStringLiteral("sa.func.%1() got an unexpected keyword "
                                                     "argument '%2'")
                                          .arg(name, keyword.first));
        e.type = SqlAlchemyCalls::toType(keyword.second.value, keyword.second.range,
                                         QStringLiteral("type_"));
    }
    return e;
}

SqlExpression boolList(const QString &op, const CallArguments &args)
{
    SqlExpression e;
    e.kind = SqlExpression::Kind::BoolList;
    e.text = op;
    for (const CallArguments::Argument &a : args.positional())
        e.operands.push_back(SqlAlchemyCalls::toExpression(a.value, a.range, args.callee()));
    return e;
}

} // namespace

QString SqlAlchemyCalls::normalize(const QString &qualifiedName)
{
    static const QStringList saSubmodules = {
        QStringLiteral("sqlalchemy.types."),          QStringLiteral("sqlalchemy.sql.sqltypes."),
        QStringLiteral("sqlalchemy.sql.expression."), QStringLiteral("sqlalchemy.sql.schema."),
        QStringLiteral("sqlalchemy.sql.elements."),   QStringLiteral("sqlalchemy.sql.functions."),
        QStringLiteral("sqlalchemy.sql.type_api."),   QStringLiteral("sqlalchemy.sql."),
        QStringLiteral("sqlalchemy.schema."),         QStringLiteral("sqlalchemy.engine.")};
    for (const QString &prefix : saSubmodules) {
        if (qualifiedName.startsWith(prefix))
            return Sa + qualifiedName.mid(prefix.size());
    }
    if (qualifiedName.startsWith(Dialects)) {
        // sqlalchemy.dialects.<d>.<submodule>.<Name> -> sqlalchemy.dialects.<d>.<Name>
        const QStringList parts = qualifiedName.split(QLatin1Char('.'));
        if (parts.size() == 5 && parts.at(4).at(0).isUpper())
            return Dialects + parts.at(2) + QLatin1Char('.') + parts.at(4);
    }
    return qualifiedName;
}

bool SqlAlchemyCalls::isTypeClass(const QString &qualifiedName)
{
    return typeClasses().contains(qualifiedName);
}

bool SqlAlchemyCalls::isKnown(const QString &qualifiedName)
{
    static const QSet<QString> constructors = {
        QStringLiteral("sqlalchemy.Column"),      QStringLiteral("sqlalchemy.ForeignKey"),
        QStringLiteral("sqlalchemy.ForeignKeyConstraint"),
        QStringLiteral("sqlalchemy.PrimaryKeyConstraint"),
        QStringLiteral("sqlalchemy.UniqueConstraint"),
        QStringLiteral("sqlalchemy.CheckConstraint"), QStringLiteral("sqlalchemy.Index"),
        QStringLiteral("sqlalchemy.Identity"),    QStringLiteral("sqlalchemy.Computed"),
        QStringLiteral("sqlalchemy.Table"),       QStringLiteral("sqlalchemy.MetaData"),
        QStringLiteral("sqlalchemy.table"),       QStringLiteral("sqlalchemy.column"),
        QStringLiteral("sqlalchemy.text"),        QStringLiteral("sqlalchemy.literal_column"),
        QStringLiteral("sqlalchemy.literal"),     QStringLiteral("sqlalchemy.true"),
        QStringLiteral("sqlalchemy.false"),       QStringLiteral("sqlalchemy.null"),
        QStringLiteral("sqlalchemy.and_"),        QStringLiteral("sqlalchemy.or_"),
        QStringLiteral("sqlalchemy.not_"),        QStringLiteral("sqlalchemy.cast"),
        QStringLiteral("sqlalchemy.desc"),        QStringLiteral("sqlalchemy.asc"),
        QStringLiteral("sqlalchemy.update"),      QStringLiteral("sqlalchemy.insert"),
        QStringLiteral("sqlalchemy.delete")};
    return constructors.contains(qualifiedName) || isTypeClass(qualifiedName) ||
           qualifiedName.startsWith(QLatin1String("sqlalchemy.func."));
}

PyValue SqlAlchemyCalls::call(const QString &q, CallArguments &args)
{
    if (isTypeClass(q))
        return PyValue::fromObject(makeType(q, args));
    if (q.startsWith(QLatin1String("sqlalchemy.func."))) {
        const QString name = q.mid(QStringLiteral("sqlalchemy.func.").size());
        return PyValue::fromObject(makeFunction(name, args));
    }
    const QString name = q.mid(Sa.size());
    if (name == QLatin1String("Column"))
        return makeColumn(args);
    if (name == QLatin1String("Table"))
        return makeTable(args);
    if (name == QLatin1String("MetaData")) {
        args.bind(QStringLiteral("schema=, quote_schema=, naming_convention=, info="));
        PyValue::MetaData md;
        md.schema = args.string(QStringLiteral("schema"));
        md.hasNamingConvention = args.hasValue(QStringLiteral("naming_convention"));
        return PyValue::fromObject(md);
    }
    if (name == QLatin1String("ForeignKey")) {
        args.bind(QStringLiteral("column, _constraint=, use_alter=, name=, onupdate=, ondelete=, "
                                 "deferrable=, initially=, link_to_name=, match=, info=, comment=, "
                                 "**kw"));
        const CallArguments::Argument *target = args.get(QStringLiteral("column"));
        ForeignKeyDef fk;
        foreignKeyOptions(&fk, args);
        fk = foreignKeyTargets(fk, {columnName(target->value, target->range,
                                               QStringLiteral("sa.ForeignKey()"))});
        return PyValue::fromObject(fk);
    }
    if (name == QLatin1String("ForeignKeyConstraint")) {
        args.bind(QStringLiteral("columns, refcolumns, name=, onupdate=, ondelete=, deferrable=, "
                                 "initially=, use_alter=, link_to_name=, match=, table=, info=, "
                                 "comment=, **kw"));
        const CallArguments::Argument *columns = args.get(QStringLiteral("columns"));
        const CallArguments::Argument *refs = args.get(QStringLiteral("refcolumns"));
        ForeignKeyDef fk;
        foreignKeyOptions(&fk, args);
        fk.columns = columnNames(columns->value, columns->range, QStringLiteral("columns"));
        fk = foreignKeyTargets(fk, columnNames(refs->value, refs->range,
                                               QStringLiteral("refcolumns")));
        if (fk.columns.size() != fk.referredColumns.size())
            args.fail(QStringLiteral("sa.ForeignKeyConstraint(): columns and refcolumns differ in "
                                     "length"));
        return PyValue::fromObject(ConstraintDef(fk));
    }
    if (name == QLatin1String("PrimaryKeyConstraint")) {
        args.bind(QStringLiteral("*columns, name=, deferrable=, initially=, info=, **kw"));
        PrimaryKeyDef pk;
        pk.name = nameArgument(args, QStringLiteral("name"));
        pk.columns = varColumnNames(args);
        pk.options = constraintOptions(args);
        return PyValue::fromObject(ConstraintDef(pk));
    }
    if (name == QLatin1String("UniqueConstraint")) {
        args.bind(QStringLiteral("*columns, name=, deferrable=, initially=, info=, **kw"));
        UniqueDef unique;
        unique.name = nameArgument(args, QStringLiteral("name"));
        unique.columns = varColumnNames(args);
        unique.options = constraintOptions(args);
        return PyValue::fromObject(ConstraintDef(unique));
    }
    if (name == QLatin1String("CheckConstraint")) {
        args.bind(QStringLiteral("sqltext, name=, deferrable=, initially=, table=, info=, **kw"));
        CheckDef check;
        check.name = nameArgument(args, QStringLiteral("name"));
        const CallArguments::Argument *text = args.get(QStringLiteral("sqltext"));
        check.sqltext = toExpression(text->value, text->range, QStringLiteral("sqltext"));
        check.options = constraintOptions(args);
        return PyValue::fromObject(ConstraintDef(check));
    }
    if (name == QLatin1String("Index")) {
        args.bind(QStringLiteral("name, *expressions, unique=, quote=, info=, _table=, **kw"));
        IndexDef index;
        index.name = nameArgument(args, QStringLiteral("name"));
        for (const CallArguments::Argument &a : args.extraPositional()) {
            SqlExpression e = a.value.isString() ? SqlExpression::makeColumn(a.value.scalar.text)
                                                 : toExpression(a.value, a.range, QStringLiteral("sa.Index()"));
            index.expressions.append(e);
        }
        index.unique = args.boolean(QStringLiteral("unique"), false);
        for (const auto &keyword : args.extraKeywords())
            index.dialectOptions.append(
                toOption(keyword.first, keyword.second.value, keyword.second.range));
        return PyValue::fromObject(index);
    }
    if (name == QLatin1String("Identity")) {
        args.bind(QStringLiteral("always=, on_null=, start=, increment=, minvalue=, maxvalue=, "
                                 "nominvalue=, nomaxvalue=, cycle=, cache=, order="));
        IdentityDef identity;
        identity.always = args.boolean(QStringLiteral("always"), false);
        identity.onNull = args.optionalBool(QStringLiteral("on_null"));
        identity.start = args.optionalInt(QStringLiteral("start"));
        identity.increment = args.optionalInt(QStringLiteral("increment"));
        identity.minValue = args.optionalInt(QStringLiteral("minvalue"));
        identity.maxValue = args.optionalInt(QStringLiteral("maxvalue"));
        identity.noMinValue = args.boolean(QStringLiteral("nominvalue"), false);
        identity.noMaxValue = args.boolean(QStringLiteral("nomaxvalue"), false);
        identity.cycle = args.optionalBool(QStringLiteral("cycle"));
        identity.cache = args.optionalInt(QStringLiteral("cache"));
        identity.order = args.optionalBool(QStringLiteral("order"));
        return PyValue::fromObject(identity);
    }
    if (name == QLatin1String("Computed")) {
        args.bind(QStringLiteral("sqltext, persisted="));
        ComputedDef computed;
        const CallArguments::Argument *text = args.get(QStringLiteral("sqltext"));
        computed.sqltext = toExpression(text->value, text->range, QStringLiteral("sqltext"));
        computed.persisted = args.optionalBool(QStringLiteral("persisted"));
        return PyValue::fromObject(computed);
    }
    if (name == QLatin1String("table")) {
        args.bind(QStringLiteral("name, *columns, schema="));
        TableClause table;
        table.name = args.string(QStringLiteral("name"));
        table.schema = args.string(QStringLiteral("schema"));
        for (const CallArguments::Argument &a : args.extraPositional()) {
            if (const PyValue::ColumnClause *c = a.value.get<PyValue::ColumnClause>())
                table.columns.append({c->name, c->type});
            else if (const ColumnDef *c = a.value.get<ColumnDef>())
                table.columns.append({c->name, c->type});
            else
                args.fail(a, QStringLiteral("sa.table(): expected sa.column(...), not %1")
                                 .arg(a.value.typeName()));
        }
        return PyValue::fromObject(table);
    }
    if (name == QLatin1String("column")) {
        args.bind(QStringLiteral("text, type_=, is_literal=, _selectable="));
        PyValue::ColumnClause column;
        column.name = args.string(QStringLiteral("text"));
        if (const CallArguments::Argument *a = args.get(QStringLiteral("type_")); a && !a->value.isNone())
            column.type = toType(a->value, a->range, QStringLiteral("type_"));
        return PyValue::fromObject(column);
    }
    if (name == QLatin1String("text")) {
        args.bind(QStringLiteral("text"));
        const CallArguments::Argument *a = args.get(QStringLiteral("text"));
        if (!a->value.isString())
            args.fail(*a, QStringLiteral("sa.text() takes a string, not %1").arg(a->value.typeName()));
        return PyValue::fromObject(SqlExpression::makeText(a->value.scalar.text));
    }
    if (name == QLatin1String("literal_column")) {
        args.bind(QStringLiteral("text, type_="));
        SqlExpression e = SqlExpression::makeText(args.string(QStringLiteral("text")));
        if (const CallArguments::Argument *a = args.get(QStringLiteral("type_")); a && !a->value.isNone())
            e.type = toType(a->value, a->range, QStringLiteral("type_"));
        return PyValue::fromObject(e);
    }
    if (name == QLatin1String("literal")) {
        args.bind(QStringLiteral("value, type_=, literal_execute="));
        const CallArguments::Argument *a = args.get(QStringLiteral("value"));
        SqlExpression e = toValue(a->value, a->range, QStringLiteral("sa.literal()"));
        if (const CallArguments::Argument *t = args.get(QStringLiteral("type_")); t && !t->value.isNone())
            e.type = toType(t->value, t->range, QStringLiteral("type_"));
        return PyValue::fromObject(e);
    }
    if (name == QLatin1String("true") || name == QLatin1String("false") ||
        name == QLatin1String("null")) {
        args.bind(QString());
        SqlExpression e;
        e.kind = name == QLatin1String("true")    ? SqlExpression::Kind::True
                 : name == QLatin1String("false") ? SqlExpression::Kind::False
                                                  : SqlExpression::Kind::Null;
        return PyValue::fromObject(e);
    }
    if (name == QLatin1String("and_") || name == QLatin1String("or_")) {
        args.bind(QStringLiteral("*clauses"));
        return PyValue::fromObject(
            boolList(name == QLatin1String("and_") ? QStringLiteral("AND") : QStringLiteral("OR"), args));
    }
    if (name == QLatin1String("not_") || name == QLatin1String("desc") ||
        name == QLatin1String("asc")) {
        args.bind(QStringLiteral("clause"));
        SqlExpression e;
        e.kind = name == QLatin1String("not_")   ? SqlExpression::Kind::Not
                 : name == QLatin1String("desc") ? SqlExpression::Kind::Desc
                                                 : SqlExpression::Kind::Asc;
        const CallArguments::Argument *a = args.get(QStringLiteral("clause"));
        e.operands.push_back(toExpression(a->value, a->range, args.callee()));
        return PyValue::fromObject(e);
    }
    if (name == QLatin1String("cast")) {
        args.bind(QStringLiteral("expression, type_"));
        SqlExpression e;
        e.kind = SqlExpression::Kind::Cast;
        const CallArguments::Argument *a = args.get(QStringLiteral("expression"));
        const CallArguments::Argument *t = args.get(QStringLiteral("type_"));
        e.operands.push_back(toExpression(a->value, a->range, args.callee()));
        e.type = toType(t->value, t->range, QStringLiteral("type_"));
        return PyValue::fromObject(e);
    }
    if (name == QLatin1String("update") || name == QLatin1String("insert") ||
        name == QLatin1String("delete")) {
        args.bind(QStringLiteral("table"));
        const CallArguments::Argument *a = args.get(QStringLiteral("table"));
        DmlStatement dml;
        dml.kind = name == QLatin1String("update")   ? DmlStatement::Kind::Update
                   : name == QLatin1String("insert") ? DmlStatement::Kind::Insert
                                                     : DmlStatement::Kind::Delete;
        dml.table = toTableClause(a->value, a->range, args.callee());
        return PyValue::fromObject(dml);
    }
    fail(args.callRange(), QStringLiteral("%1() is not supported natively").arg(displayName(q)));
}

TypeSpec SqlAlchemyCalls::toType(const PyValue &value, const SourceRange &range, const QString &what)
{
    if (const TypeSpec *type = value.get<TypeSpec>())
        return *type;
    if (value.kind == PyValue::Kind::Symbol && isTypeClass(value.name)) {
        CallArguments none(displayName(value.name), range);
        return makeType(value.name, none);
    }
    if (value.kind == PyValue::Kind::Opaque)
        throw InterpretError{range,
                             QStringLiteral("the type %1 needs the Python bridge to render natively")
                                 .arg(value.name),
                             value.reported};
    if (value.kind == PyValue::Kind::Symbol || value.kind == PyValue::Kind::Module)
        fail(range, QStringLiteral("unknown type %1; this migration needs the Python bridge to "
                                   "render natively")
                        .arg(displayName(value.name)));
    fail(range, QStringLiteral("%1 must be a SQLAlchemy type, not %2").arg(what, value.typeName()));
}

SqlExpression SqlAlchemyCalls::toExpression(const PyValue &value, const SourceRange &range,
                                            const QString &what)
{
    if (const SqlExpression *e = value.get<SqlExpression>())
        return *e;
    if (value.isString())
        return SqlExpression::makeString(value.scalar.text);
    if (value.isNone()) {
        SqlExpression e;
        e.kind = SqlExpression::Kind::Null;
        return e;
    }
    if (value.kind == PyValue::Kind::Scalar)
        return SqlExpression::makeLiteral(value.scalar, false);
    if (const PyValue::ColumnClause *c = value.get<PyValue::ColumnClause>()) {
        SqlExpression e = SqlExpression::makeColumn(c->name);
        e.type = c->type;
        return e;
    }
    if (const ColumnDef *c = value.get<ColumnDef>()) {
        SqlExpression e = SqlExpression::makeColumn(c->name);
        e.type = c->type;
        return e;
    }
    if (value.kind == PyValue::Kind::Opaque)
        throw InterpretError{range,
                             QStringLiteral("%1 needs the Python bridge to render natively")
                                 .arg(value.name),
                             value.reported};
    fail(range, QStringLiteral("%1: expected a SQL expression, not %2").arg(what, value.typeName()));
}

SqlExpression SqlAlchemyCalls::toValue(const PyValue &value, const SourceRange &range,
                                       const QString &what)
{
    if (value.isString())
        return SqlExpression::makeLiteral(value.scalar, false);
    return toExpression(value, range, what);
}

SqlExpression SqlAlchemyCalls::toServerDefault(const PyValue &value, const SourceRange &range)
{
    if (value.isString())
        return SqlExpression::makeString(value.scalar.text);
    if (const SqlExpression *e = value.get<SqlExpression>())
        return *e;
    if (value.kind == PyValue::Kind::Opaque)
        throw InterpretError{range,
                             QStringLiteral("server_default %1 needs the Python bridge to render "
                                            "natively")
                                 .arg(value.name),
                             value.reported};
    fail(range, QStringLiteral("server_default must be a string, sa.text() or a SQL expression, "
                               "not %1")
                    .arg(value.typeName()));
}

ObjectName SqlAlchemyCalls::toName(const PyValue &value, const SourceRange &range, const QString &what)
{
    if (value.isNone())
        return ObjectName();
    if (value.isString())
        return ObjectName{value.scalar.text, false};
    if (const ObjectName *name = value.get<ObjectName>())
        return *name;
    if (value.kind == PyValue::Kind::Opaque)
        throw InterpretError{range,
                             QStringLiteral("%1 needs the Python bridge to render natively").arg(value.name),
                             value.reported};
    fail(range, QStringLiteral("%1 must be a string or None, not %2").arg(what, value.typeName()));
}

QString SqlAlchemyCalls::columnName(const PyValue &value, const SourceRange &range, const QString &what)
{
    if (value.isString())
        return value.scalar.text;
    if (const PyValue::ColumnClause *c = value.get<PyValue::ColumnClause>())
        return c->name;
    if (const ColumnDef *c = value.get<ColumnDef>())
        return c->name;
    if (const SqlExpression *e = value.get<SqlExpression>();
        e && e->kind == SqlExpression::Kind::Column)
        return e->table.isEmpty() ? e->text : e->table + QLatin1Char('.') + e->text;
    if (value.kind == PyValue::Kind::Opaque)
        throw InterpretError{range,
                             QStringLiteral("%1 needs the Python bridge to render natively").arg(value.name),
                             value.reported};
    fail(range, QStringLiteral("%1: expected a column name, not %2").arg(what, value.typeName()));
}

QStringList SqlAlchemyCalls::columnNames(const PyValue &value, const SourceRange &range,
                                         const QString &what)
{
    if (!value.isSequence())
        return {columnName(value, range, what)};
    QStringList names;
    for (const PyValue &item : value.items)
        names.append(columnName(item, range, what));
    return names;
}

DialectOption SqlAlchemyCalls::toOption(const QString &key, const PyValue &value,
                                        const SourceRange &range)
{
    DialectOption option;
    option.key = key;
    if (value.kind == PyValue::Kind::Scalar) {
        option.value = value.scalar;
    } else if (value.isSequence()) {
        option.kind = DialectOption::Kind::List;
        for (const PyValue &item : value.items) {
            if (item.kind == PyValue::Kind::Scalar)
                option.list.append(item.scalar);
            else
                option.list.append(SqlValue::fromString(columnName(item, range, key)));
        }
    } else if (value.kind == PyValue::Kind::Dict) {
        option.kind = DialectOption::Kind::Dict;
        for (qsizetype i = 0; i + 1 < value.items.size(); i += 2) {
            const PyValue &k = value.items.at(i);
            const PyValue &v = value.items.at(i + 1);
            if (v.kind != PyValue::Kind::Scalar)
                fail(range, QStringLiteral("%1: dictionary values must be plain values").arg(key));
            option.dict.append({k.isString() ? k.scalar.text : columnName(k, range, key), v.scalar});
        }
    } else {
        option.kind = DialectOption::Kind::Expression;
        option.expression = std::make_shared<const SqlExpression>(toExpression(value, range, key));
    }
    return option;
}

ColumnDef SqlAlchemyCalls::toColumn(const PyValue &value, const SourceRange &range, const QString &what)
{
    if (const ColumnDef *c = value.get<ColumnDef>())
        return *c;
    if (value.kind == PyValue::Kind::Opaque)
        throw InterpretError{range,
                             QStringLiteral("%1 needs the Python bridge to render natively").arg(value.name),
                             value.reported};
    fail(range, QStringLiteral("%1 must be a sa.Column(...), not %2").arg(what, value.typeName()));
}

void SqlAlchemyCalls::addTableItem(TableDef *table, const PyValue &value, const SourceRange &range)
{
    if (const ColumnDef *c = value.get<ColumnDef>()) {
        table->columns.append(*c);
    } else if (const ConstraintDef *c = value.get<ConstraintDef>()) {
        table->constraints.append(*c);
    } else if (const IndexDef *i = value.get<IndexDef>()) {
        IndexDef index = *i;
        index.table = table->name;
        index.schema = table->schema;
        table->indexes.append(index);
    } else if (value.kind == PyValue::Kind::Opaque) {
        throw InterpretError{range,
                             QStringLiteral("%1 needs the Python bridge to render natively").arg(value.name),
                             value.reported};
    } else {
        fail(range, QStringLiteral("expected a column, constraint or index, not %1")
                        .arg(value.typeName()));
    }
}

ConstraintDef SqlAlchemyCalls::toConstraint(const PyValue &value, const SourceRange &range,
                                            const QString &what)
{
    if (const ConstraintDef *c = value.get<ConstraintDef>())
        return *c;
    fail(range, QStringLiteral("%1: expected a constraint, not %2").arg(what, value.typeName()));
}

TableClause SqlAlchemyCalls::toTableClause(const PyValue &value, const SourceRange &range,
                                           const QString &what)
{
    if (const TableClause *t = value.get<TableClause>())
        return *t;
    if (const TableDef *t = value.get<TableDef>()) {
        TableClause clause;
        clause.name = t->name;
        clause.schema = t->schema;
        for (const ColumnDef &c : t->columns)
            clause.columns.append({c.name, c.type});
        return clause;
    }
    if (value.kind == PyValue::Kind::Opaque)
        throw InterpretError{range,
                             QStringLiteral("%1 needs the Python bridge to render natively").arg(value.name),
                             value.reported};
    fail(range, QStringLiteral("%1: expected a table (sa.table(...) or sa.Table(...)), not %2")
                    .arg(what, value.typeName()));
}

void SqlAlchemyCalls::fail(const SourceRange &range, const QString &message)
{
    throw InterpretError{range, message, false};
}

} // namespace Retort
