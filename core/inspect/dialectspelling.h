// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Retort {

// Brings the different spellings of one thing to the one a database reports, per
// dialect ("sqlite", "postgresql", "mysql"), so that a type or default written in a
// migration (as SQLAlchemy renders it into DDL) compares equal to what the database
// says it holds:
// - types: PostgreSQL as format_type() prints them (VARCHAR(50) -> character varying(50),
//   SERIAL -> integer, TIMESTAMP WITH TIME ZONE -> timestamp with time zone), MySQL/MariaDB
//   as information_schema.COLUMNS.COLUMN_TYPE (INTEGER -> int, BOOL -> tinyint(1),
//   NUMERIC(12, 2) -> decimal(12,2); integer display widths dropped since MySQL 8 no
//   longer reports them; CHARACTER SET / COLLATE dropped), SQLite as declared (upper
//   case, whitespace collapsed).
// - server defaults: casts PostgreSQL appends ('x'::character varying), the NULL MariaDB
//   reports for "no default", CURRENT_TIMESTAMP / current_timestamp() / now() spellings,
//   true/false (MariaDB stores 1/0), quoted numbers ('0' and 0 are the same default of a
//   numeric column on every server) and trailing decimal zeros (MariaDB reports 0 as 0.00
//   for DECIMAL(12,2)), redundant outer parentheses. Other expressions are compared as
//   the server spells them: a re-spelled default shows up as a difference.
// - referential actions: each server's way of saying "none given" becomes "".
// Stateless functions; thread-safe.
class DialectSpelling
{
public:
    static QString type(const QString &dialect, const QString &spelling);
    static QString serverDefault(const QString &dialect, const QString &expression);
    static QString referentialAction(const QString &dialect, const QString &action);
    // Whitespace collapsed, outer parentheses and a leading CHECK removed.
    static QString checkExpression(const QString &expression);
    // Whitespace collapsed; used for index expressions and WHERE clauses.
    static QString expression(const QString &expression);
};

} // namespace Retort
