// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/dialectoptions.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Retort {

// A column type as the migration spelled it: sa.String(length=50), sa.Numeric(12, 2),
// postgresql.JSONB(astext_type=sa.Text()), mysql.VARCHAR(20, charset='utf8mb4'),
// sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), ...
//
// name is the SQLAlchemy class name exactly as written ("Integer", "INTEGER",
// "String", "VARCHAR", "JSONB", "ENUM", "DOUBLE_PRECISION"); dialect is "" for the
// classes of `sqlalchemy` itself (generic CamelCase and uppercase SQL standard
// types) and "postgresql", "mysql" or "sqlite" for the classes of
// sqlalchemy.dialects.<d>. A type written without parentheses (sa.Integer) is the
// same as one called without arguments. Renderers apply SQLAlchemy's defaults to
// the fields below that are unset.
//
// Value type, safe to copy across threads (nested types are shared and immutable).
struct TypeSpec
{
    QString name;    // "" = no type given (SQLAlchemy's NullType)
    QString dialect; // "", "postgresql", "mysql", "sqlite"

    // String family (String, Unicode, VARCHAR, CHAR, Text, mysql.VARCHAR, ...),
    // LargeBinary, Enum(length=), BIT, ...
    std::optional<int> length;
    // Numeric/DECIMAL/Float/REAL/Double/mysql types; for mysql.DATETIME etc. see fsp.
    std::optional<int> precision;
    std::optional<int> scale;
    std::optional<bool> asDecimal;
    std::optional<int> decimalReturnScale;
    // DateTime/TIMESTAMP/Time/postgresql.TIMESTAMP/TIME
    std::optional<bool> timezone;
    // mysql DATETIME/TIMESTAMP/TIME(fsp=), postgresql INTERVAL(precision=) uses precision
    std::optional<int> fsp;
    QString intervalFields; // postgresql.INTERVAL(fields='DAY TO SECOND')
    // mysql integer types: INTEGER(display_width=11, unsigned=True, zerofill=True)
    std::optional<int> displayWidth;
    bool isUnsigned = false;
    bool zerofill = false;
    // mysql string types and generic String(collation=)
    QString charset;
    QString collation;
    bool national = false; // mysql NVARCHAR/NCHAR via national=True
    bool binary = false;   // mysql VARCHAR(binary=True)

    // Enum / postgresql.ENUM / mysql.ENUM / mysql.SET: the values in order, the
    // type's name (PostgreSQL CREATE TYPE name, CHECK constraint name) and options.
    QStringList enumValues;
    std::optional<QString> enumName;
    std::optional<QString> enumSchema;
    std::optional<bool> nativeEnum;       // SQLAlchemy default True
    std::optional<bool> createConstraint; // SQLAlchemy default False
    std::optional<bool> createType;       // postgresql.ENUM(create_type=), default True
    std::optional<bool> inheritSchema;
    // Boolean(create_constraint=) uses createConstraint and enumName (name=).

    // ARRAY(item_type, dimensions=), postgresql.ARRAY; JSONB/JSON(astext_type=).
    std::shared_ptr<const TypeSpec> itemType;
    std::optional<int> dimensions;
    std::optional<bool> asTuple;
    std::shared_ptr<const TypeSpec> astextType;
    std::optional<bool> noneAsNull; // JSON(none_as_null=)

    // Uuid(as_uuid=), postgresql.UUID(as_uuid=)
    std::optional<bool> asUuid;

    // Any other keyword given (name -> value), in source order; e.g. mysql_length.
    DialectOptions otherArguments;

    // with_variant(type, 'dialect') in call order. A later variant for the same
    // dialect replaces an earlier one, as in SQLAlchemy.
    struct Variant
    {
        QString dialect;
        std::shared_ptr<const TypeSpec> type;
    };
    QList<Variant> variants;

    bool isNull() const { return name.isEmpty(); }
    // The type SQLAlchemy uses on the given dialect ("postgresql", ...): the last
    // with_variant for it, else this type itself (without its variants).
    const TypeSpec &forDialect(const QString &dialectName) const;
    // The class as written: "sa.String" for generic ones, "postgresql.JSONB".
    QString qualifiedName() const;

    bool operator==(const TypeSpec &other) const;
};

} // namespace Retort
