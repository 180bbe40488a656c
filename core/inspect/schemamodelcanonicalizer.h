// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/canonicalschema.h"
#include "schema/schemamodel.h"
#include "sql/ddlcompiler.h"
#include "sql/sqldialect.h"

namespace Retort {

// Turns the schema replayed from the migrations (SchemaModel, see SchemaReplayer) into
// the CanonicalSchema a LiveSchemaReader would read from a database those migrations
// built, for one dialect: types compiled as SQLAlchemy renders them, then spelled as the
// server reports them (DialectSpelling); nullability, defaults, SERIAL/AUTO_INCREMENT/
// identity, the indexes Column(index=True) creates, MySQL's unique indexes and the
// index MySQL adds for a foreign key without one.
//
// What cannot be predicted reliably is left out, so SchemaComparison does not compare it:
// - names the server chooses for unnamed constraints (MySQL foreign keys; PostgreSQL
//   names are predicted by its rule <table>_<columns>_pkey/_key/_fkey when they fit
//   in 63 characters); unnamed CHECKs on PostgreSQL and MySQL (their live checks on that
//   table are then marked unverifiable);
// - CHECK and computed-column expressions on PostgreSQL and MySQL, which the server
//   stores re-spelled (pg_get_constraintdef adds casts and parentheses);
// - comments on SQLite (it keeps none); CHECKs created by a type with
//   create_constraint=True (the table's checks become unverifiable);
// - tables in another schema than the default one (the reader reads one schema);
// - MySQL index prefix lengths (mysql_length).
// Server defaults are compared after DialectSpelling::serverDefault; an expression
// default the server re-spells (other than casts, CURRENT_TIMESTAMP, booleans and
// quoted numbers) shows up as a difference, which says what to look at.
//
// Stateless after construction; thread-safe.
class SchemaModelCanonicalizer
{
public:
    explicit SchemaModelCanonicalizer(SqlDialect dialect);

    CanonicalSchema canonicalize(const SchemaModel &model) const;

private:
    void addTable(CanonicalSchema &schema, const TableDef &table) const;
    QString dialectName() const;
    QString compiledExpression(const SqlExpression &expression, bool asDefault) const;
    QString indexTerm(const SqlExpression &expression) const;
    // PostgreSQL's name for an unnamed constraint, "" when it cannot be predicted.
    QString postgresqlName(const QString &table, const QStringList &columns, const QString &suffix) const;

    SqlDialect m_dialect;
    DdlCompiler m_ddl;
};

} // namespace Retort
