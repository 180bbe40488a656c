// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Retort {

// What SQLite's PRAGMAs do not tell about a table, read from the CREATE TABLE text that
// sqlite_master keeps: constraint names (PRIMARY KEY, UNIQUE, FOREIGN KEY), CHECK
// constraints (table and column level), and AUTOINCREMENT columns. Likewise the
// expressions and WHERE clause of a CREATE INDEX.
//
// A small tokenizer that knows SQLite's quoting ("x", `x`, [x], 'literal') and nested
// parentheses; text it does not understand is skipped, never an error (the PRAGMAs stay
// the authority on columns). Value type.
struct SqliteTableSql
{
    struct Constraint
    {
        QString name;        // "" = unnamed
        QStringList columns; // PRIMARY KEY / UNIQUE / FOREIGN KEY: the local columns
        QString expression;  // CHECK: the text inside CHECK (...)
    };

    QString primaryKeyName;
    QList<Constraint> uniques;
    QList<Constraint> foreignKeys;
    QList<Constraint> checks;
    QSet<QString> autoincrementColumns;

    static SqliteTableSql parse(const QString &createTable);

    // The name a constraint with exactly these columns has in `list`, or "".
    static QString nameFor(const QList<Constraint> &list, const QStringList &columns);
};

struct SqliteIndexSql
{
    QStringList expressions; // one per indexed term, identifiers unquoted, ASC/DESC kept
    QString where;           // partial index condition, "" = none

    static SqliteIndexSql parse(const QString &createIndex);
};

} // namespace Retort
