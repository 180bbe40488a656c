// SPDX-License-Identifier: GPL-3.0-or-later
#include "typecompiler.h"

#include <QStringList>

namespace Retort {

namespace {

bool isOneOf(const QString &name, std::initializer_list<const char *> names)
{
    for (const char *n : names) {
        if (name == QLatin1String(n))
            return true;
    }
    return false;
}

} // namespace

TypeCompiler::TypeCompiler(const IdentifierPreparer &preparer)
    : m_preparer(preparer)
    , m_dialect(preparer.dialect())
{
}

const TypeSpec &TypeCompiler::effective(const TypeSpec &type) const
{
    return type.forDialect(sqlDialectName(m_dialect));
}

bool TypeCompiler::isIntegerType(const TypeSpec &type)
{
    return isOneOf(type.name, {"Integer", "INTEGER", "INT", "BigInteger", "BIGINT", "SmallInteger", "SMALLINT",
                               "TINYINT", "MEDIUMINT"});
}

bool TypeCompiler::isNativeEnum(const TypeSpec &input) const
{
    const TypeSpec &type = effective(input);
    if (m_dialect != SqlDialect::PostgreSql)
        return false;
    if (type.name == QLatin1String("ENUM") && type.dialect == QLatin1String("postgresql"))
        return true;
    return (type.name == QLatin1String("Enum") || type.name == QLatin1String("ENUM")) && type.dialect.isEmpty()
        && type.nativeEnum.value_or(true);
}

Result<QString> TypeCompiler::compile(const TypeSpec &input) const
{
    const TypeSpec &type = effective(input);
    if (type.dialect.isEmpty() || type.dialect == sqlDialectName(m_dialect)) {
        if (m_dialect == SqlDialect::PostgreSql)
            return compilePostgreSql(type);
        if (m_dialect == SqlDialect::MySql)
            return compileMySql(type);
        return compileGeneric(type);
    }
    // A dialect's own type elsewhere renders only when it is a plain SQL type there too.
    if (isOneOf(type.name, {"JSONB", "INET", "CIDR", "TSVECTOR", "BYTEA", "ARRAY", "MACADDR", "MONEY", "SET",
                            "LONGTEXT", "MEDIUMTEXT", "TINYTEXT", "TINYINT", "MEDIUMINT", "YEAR", "LONGBLOB",
                            "MEDIUMBLOB", "TINYBLOB", "INTERVAL", "HSTORE"}))
        return cannotRender(type);
    TypeSpec generic = type;
    generic.dialect.clear();
    return compile(generic);
}

Result<QString> TypeCompiler::cannotRender(const TypeSpec &type) const
{
    const QString compiler = m_dialect == SqlDialect::PostgreSql ? QStringLiteral("postgresql.base.PGTypeCompiler")
        : m_dialect == SqlDialect::MySql ? QStringLiteral("mysql.base.MySQLTypeCompiler")
                                         : QStringLiteral("sqlite.base.SQLiteTypeCompiler");
    return Result<QString>::failure(
        QStringLiteral("sqlalchemy.exc.CompileError: Compiler <sqlalchemy.dialects.%1> can't render element of type %2")
            .arg(compiler, type.name));
}

QString TypeCompiler::withLength(const QString &base, const TypeSpec &type)
{
    return type.length ? QStringLiteral("%1(%2)").arg(base).arg(*type.length) : base;
}

QString TypeCompiler::numeric(const QString &base, const TypeSpec &type)
{
    if (!type.precision)
        return base;
    if (!type.scale)
        return QStringLiteral("%1(%2)").arg(base).arg(*type.precision);
    return QStringLiteral("%1(%2, %3)").arg(base).arg(*type.precision).arg(*type.scale);
}

QString TypeCompiler::enumVarchar(const TypeSpec &type) const
{
    qsizetype longest = 0;
    for (const QString &value : type.enumValues)
        longest = std::max(longest, value.size());
    const int length = type.length.value_or(int(longest));
    return QStringLiteral("VARCHAR(%1)").arg(length);
}

// The SQL standard spellings SQLite (and the fallbacks of the other dialects) use.
Result<QString> TypeCompiler::compileGeneric(const TypeSpec &type) const
{
    const QString &n = type.name;
    if (n.isEmpty())
        return QStringLiteral("NULL");
    if (isOneOf(n, {"Integer", "INTEGER", "INT"}))
        return QStringLiteral("INTEGER");
    if (isOneOf(n, {"BigInteger", "BIGINT"}))
        return QStringLiteral("BIGINT");
    if (isOneOf(n, {"SmallInteger", "SMALLINT"}))
        return QStringLiteral("SMALLINT");
    if (isOneOf(n, {"String", "Unicode", "VARCHAR"})) {
        QString sql = withLength(QStringLiteral("VARCHAR"), type);
        if (!type.collation.isEmpty())
            sql += QStringLiteral(" COLLATE ") + m_preparer.forceQuote(type.collation);
        return sql;
    }
    if (isOneOf(n, {"NVARCHAR"}))
        return withLength(QStringLiteral("NVARCHAR"), type);
    if (isOneOf(n, {"CHAR"}))
        return withLength(QStringLiteral("CHAR"), type);
    if (isOneOf(n, {"NCHAR"}))
        return withLength(QStringLiteral("NCHAR"), type);
    if (isOneOf(n, {"Text", "UnicodeText", "TEXT"}))
        return withLength(QStringLiteral("TEXT"), type);
    if (n == QLatin1String("CLOB"))
        return withLength(QStringLiteral("CLOB"), type);
    if (isOneOf(n, {"Boolean", "BOOLEAN"}))
        return QStringLiteral("BOOLEAN");
    if (isOneOf(n, {"Date", "DATE"}))
        return QStringLiteral("DATE");
    if (isOneOf(n, {"DateTime", "DATETIME", "Interval"}))
        return QStringLiteral("DATETIME");
    if (n == QLatin1String("TIMESTAMP"))
        return QStringLiteral("TIMESTAMP");
    if (isOneOf(n, {"Time", "TIME"}))
        return QStringLiteral("TIME");
    if (isOneOf(n, {"Numeric", "NUMERIC"}))
        return numeric(QStringLiteral("NUMERIC"), type);
    if (isOneOf(n, {"DECIMAL"}))
        return numeric(QStringLiteral("DECIMAL"), type);
    if (isOneOf(n, {"Float", "FLOAT"}))
        return m_dialect == SqlDialect::Sqlite ? QStringLiteral("FLOAT") : numeric(QStringLiteral("FLOAT"), type);
    if (isOneOf(n, {"Double", "DOUBLE"}))
        return QStringLiteral("DOUBLE");
    if (n == QLatin1String("DOUBLE_PRECISION"))
        return QStringLiteral("DOUBLE PRECISION");
    if (n == QLatin1String("REAL"))
        return QStringLiteral("REAL");
    if (isOneOf(n, {"LargeBinary", "BLOB", "PickleType"}))
        return QStringLiteral("BLOB");
    if (n == QLatin1String("BINARY"))
        return withLength(QStringLiteral("BINARY"), type);
    if (n == QLatin1String("VARBINARY"))
        return withLength(QStringLiteral("VARBINARY"), type);
    if (n == QLatin1String("JSON"))
        return QStringLiteral("JSON");
    if (n == QLatin1String("Uuid"))
        return QStringLiteral("CHAR(32)");
    if (n == QLatin1String("UUID"))
        return QStringLiteral("UUID");
    if (isOneOf(n, {"Enum", "ENUM"}))
        return enumVarchar(type);
    return cannotRender(type);
}

Result<QString> TypeCompiler::compilePostgreSql(const TypeSpec &type) const
{
    const QString &n = type.name;
    const QString zone = type.timezone.value_or(false) ? QStringLiteral(" WITH TIME ZONE")
                                                       : QStringLiteral(" WITHOUT TIME ZONE");
    if (isOneOf(n, {"DateTime", "TIMESTAMP"})) {
        const QString p = type.precision ? QStringLiteral("(%1)").arg(*type.precision) : QString();
        return QString(QStringLiteral("TIMESTAMP") + p + zone);
    }
    if (isOneOf(n, {"Time", "TIME"})) {
        const QString p = type.precision ? QStringLiteral("(%1)").arg(*type.precision) : QString();
        return QString(QStringLiteral("TIME") + p + zone);
    }
    if (isOneOf(n, {"Interval", "INTERVAL"})) {
        QString sql = QStringLiteral("INTERVAL");
        if (!type.intervalFields.isEmpty())
            sql += QLatin1Char(' ') + type.intervalFields;
        if (type.precision)
            sql += QStringLiteral(" (%1)").arg(*type.precision);
        return sql;
    }
    if (isOneOf(n, {"LargeBinary", "BYTEA"}))
        return QStringLiteral("BYTEA");
    if (isOneOf(n, {"Double", "DOUBLE_PRECISION"}))
        return QStringLiteral("DOUBLE PRECISION");
    if (n == QLatin1String("Uuid"))
        return type.otherArguments.contains(QStringLiteral("native_uuid")) ? compileGeneric(type) : QStringLiteral("UUID");
    if (isOneOf(n, {"JSONB", "INET", "CIDR", "TSVECTOR", "MACADDR", "MONEY", "HSTORE", "OID", "CITEXT"}))
        return n;
    if (isOneOf(n, {"Enum", "ENUM"}) && isNativeEnum(type)) {
        QString name = m_preparer.quote(type.enumName.value_or(QString()));
        if (type.enumSchema)
            name = m_preparer.quote(*type.enumSchema) + QLatin1Char('.') + name;
        return name;
    }
    if (n == QLatin1String("ARRAY")) {
        if (!type.itemType)
            return cannotRender(type);
        const Result<QString> item = compile(*type.itemType);
        if (!item)
            return item;
        return QString(item.value() + QStringLiteral("[]").repeated(type.dimensions.value_or(1)));
    }
    return compileGeneric(type);
}

QString TypeCompiler::mysqlString(const QString &base, const TypeSpec &type, bool lengthRequired) const
{
    QString sql = (type.national ? QStringLiteral("NATIONAL ") : QString()) + base;
    if (type.length || lengthRequired)
        sql += QStringLiteral("(%1)").arg(type.length.value_or(0));
    if (type.binary)
        sql += QStringLiteral(" BINARY");
    if (!type.charset.isEmpty())
        sql += QStringLiteral(" CHARACTER SET ") + type.charset;
    if (!type.collation.isEmpty())
        sql += QStringLiteral(" COLLATE ") + type.collation;
    return sql;
}

Result<QString> TypeCompiler::compileMySql(const TypeSpec &type) const
{
    const QString &n = type.name;
    if (isOneOf(n, {"String", "Unicode", "VARCHAR", "NVARCHAR"})) {
        if (!type.length)
            return Result<QString>::failure(QStringLiteral("sqlalchemy.exc.CompileError: VARCHAR requires a length on dialect mysql"));
        TypeSpec t = type;
        t.national = type.national || n == QLatin1String("NVARCHAR");
        return mysqlString(QStringLiteral("VARCHAR"), t, true);
    }
    if (isOneOf(n, {"CHAR", "NCHAR"})) {
        TypeSpec t = type;
        t.national = type.national || n == QLatin1String("NCHAR");
        return mysqlString(QStringLiteral("CHAR"), t, false);
    }
    if (isOneOf(n, {"Text", "UnicodeText", "TEXT"}))
        return mysqlString(QStringLiteral("TEXT"), type, false);
    if (isOneOf(n, {"TINYTEXT", "MEDIUMTEXT", "LONGTEXT"}))
        return mysqlString(n, type, false);
    if (isOneOf(n, {"Boolean", "BOOLEAN"}))
        return QStringLiteral("BOOL");
    if (isOneOf(n, {"DateTime", "DATETIME", "Interval", "TIMESTAMP", "Time", "TIME"})) {
        QString base = n == QLatin1String("TIMESTAMP") ? QStringLiteral("TIMESTAMP")
            : (n == QLatin1String("Time") || n == QLatin1String("TIME")) ? QStringLiteral("TIME")
                                                                           : QStringLiteral("DATETIME");
        if (type.fsp)
            base += QStringLiteral("(%1)").arg(*type.fsp);
        return base;
    }
    if (isOneOf(n, {"Integer", "INTEGER", "INT", "BigInteger", "BIGINT", "SmallInteger", "SMALLINT", "TINYINT",
                    "MEDIUMINT"})) {
        QString base = isOneOf(n, {"Integer", "INTEGER", "INT"}) ? QStringLiteral("INTEGER")
            : isOneOf(n, {"BigInteger", "BIGINT"})             ? QStringLiteral("BIGINT")
            : isOneOf(n, {"SmallInteger", "SMALLINT"})          ? QStringLiteral("SMALLINT")
                                                                : n;
        if (type.displayWidth)
            base += QStringLiteral("(%1)").arg(*type.displayWidth);
        if (type.isUnsigned)
            base += QStringLiteral(" UNSIGNED");
        if (type.zerofill)
            base += QStringLiteral(" ZEROFILL");
        return base;
    }
    if (isOneOf(n, {"Double", "DOUBLE"}))
        return numeric(QStringLiteral("DOUBLE"), type);
    if (isOneOf(n, {"LargeBinary", "BLOB"}))
        return withLength(QStringLiteral("BLOB"), type);
    if (isOneOf(n, {"TINYBLOB", "MEDIUMBLOB", "LONGBLOB"}))
        return n;
    if (n == QLatin1String("Uuid"))
        return QStringLiteral("CHAR(32)");
    if (isOneOf(n, {"Enum", "ENUM", "SET"})) {
        if (n == QLatin1String("Enum") && !type.nativeEnum.value_or(true))
            return enumVarchar(type);
        QStringList quoted;
        for (const QString &value : type.enumValues)
            quoted << m_preparer.stringLiteral(value);
        TypeSpec t = type;
        t.length.reset();
        return mysqlString((n == QLatin1String("SET") ? QStringLiteral("SET(") : QStringLiteral("ENUM("))
                               + quoted.join(QLatin1Char(',')) + QLatin1Char(')'),
                           t, false);
    }
    if (n == QLatin1String("YEAR"))
        return type.displayWidth ? QStringLiteral("YEAR(%1)").arg(*type.displayWidth) : QStringLiteral("YEAR");
    return compileGeneric(type);
}

} // namespace Retort
