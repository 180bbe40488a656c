// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/sqlitebatchtypeaffinity.h"

#include <QHash>

namespace Retort {

namespace {

// Type class (as written, without module) -> affinity, for the sqlalchemy module and
// the postgresql / mysql / sqlite dialect modules; read off SQLAlchemy 2.0.
const QHash<QString, QString> &affinities()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        auto add = [&t](const char *affinity, std::initializer_list<const char *> names) {
            for (const char *name : names)
                t.insert(QLatin1String(name), QLatin1String(affinity));
        };
        add("String",
            {"String", "Text", "Unicode", "UnicodeText", "VARCHAR", "NVARCHAR", "CHAR", "NCHAR",
             "TEXT", "CLOB", "Enum", "CITEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "SET"});
        add("Integer", {"Integer", "SmallInteger", "BigInteger", "INTEGER", "INT", "SMALLINT",
                        "BIGINT", "TINYINT", "MEDIUMINT"});
        add("Numeric", {"Numeric", "Float", "Double", "DOUBLE", "DOUBLE_PRECISION", "REAL", "FLOAT",
                        "NUMERIC", "DECIMAL"});
        add("Boolean", {"Boolean", "BOOLEAN"});
        add("Date", {"Date", "DATE"});
        add("DateTime", {"DateTime", "DATETIME", "TIMESTAMP"});
        add("Time", {"Time", "TIME"});
        add("Interval", {"Interval", "INTERVAL"});
        add("_Binary", {"LargeBinary", "BINARY", "VARBINARY", "BLOB", "TINYBLOB", "MEDIUMBLOB",
                        "LONGBLOB", "BYTEA"});
        add("JSON", {"JSON", "JSONB"});
        add("Uuid", {"Uuid", "UUID"});
        add("ARRAY", {"ARRAY"});
        return t;
    }();
    return table;
}

} // namespace

QString SqliteBatchTypeAffinity::of(const TypeSpec &type)
{
    // Dialect classes whose affinity is the class itself, unlike their generic
    // namesakes: mysql.ENUM (sa.Enum is a String), postgresql.ENUM (a named type).
    if (type.name == QLatin1String("ENUM"))
        return type.qualifiedName();
    if (type.isNull())
        return QStringLiteral("NullType");
    return affinities().value(type.name, type.qualifiedName());
}

bool SqliteBatchTypeAffinity::isJson(const TypeSpec &type)
{
    return type.name == QLatin1String("JSON") || type.name == QLatin1String("JSONB");
}

} // namespace Retort
