// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/typespec.h"
#include "sql/identifierpreparer.h"
#include "util/result.h"

#include <QString>

namespace Retort {

// Renders a column type as SQLAlchemy 2.0's type compiler does for a dialect: the
// with_variant for the dialect is picked first, then generic types map to the
// dialect's spelling (sa.DateTime -> TIMESTAMP WITHOUT TIME ZONE on PostgreSQL,
// DATETIME elsewhere; sa.Boolean -> BOOL on MySQL; sa.Enum -> the type name on
// PostgreSQL, ENUM(...) on MySQL, VARCHAR(n) on SQLite). Fails with SQLAlchemy's
// message where SQLAlchemy cannot render the type (MySQL VARCHAR without length,
// a dialect type on another dialect). Stateless; thread-safe.
class TypeCompiler
{
public:
    explicit TypeCompiler(const IdentifierPreparer &preparer);

    Result<QString> compile(const TypeSpec &type) const;
    // The type SQLAlchemy uses on this dialect (with_variant applied).
    const TypeSpec &effective(const TypeSpec &type) const;
    // True for a native PostgreSQL ENUM, whose CREATE TYPE precedes CREATE TABLE.
    bool isNativeEnum(const TypeSpec &type) const;
    // Integer-family type (for SERIAL / AUTO_INCREMENT decisions).
    static bool isIntegerType(const TypeSpec &type);

private:
    Result<QString> compileGeneric(const TypeSpec &type) const;
    Result<QString> compilePostgreSql(const TypeSpec &type) const;
    Result<QString> compileMySql(const TypeSpec &type) const;
    QString enumVarchar(const TypeSpec &type) const;
    QString mysqlString(const QString &base, const TypeSpec &type, bool lengthRequired) const;
    static QString withLength(const QString &base, const TypeSpec &type);
    static QString numeric(const QString &base, const TypeSpec &type);
    Result<QString> cannotRender(const TypeSpec &type) const;

    const IdentifierPreparer &m_preparer;
    SqlDialect m_dialect;
};

} // namespace Retort
