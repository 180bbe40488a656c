// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <utility>

namespace Retort {

// One comparable fact about a schema: a table, a column, a constraint, an index or a
// PostgreSQL enum type. kind + table + key identify it (a column's key is its name, an
// index's its name, a foreign key's its columns and target, an unnamed unique
// constraint's its columns); attributes are the properties compared, in printing order.
//
// An attribute that one side does not have is not compared: the schema replayed from the
// migrations leaves out what it cannot predict (the name the database gives an unnamed
// constraint, the spelling the server gives a CHECK expression), a live reader sets
// every attribute it can read (an empty value means "none", e.g. no default).
struct SchemaItem
{
    enum class Kind { EnumType, Table, Column, PrimaryKey, Unique, ForeignKey, Check, Index };

    Kind kind = Kind::Table;
    QString table; // "" for enum types
    QString key;
    QList<std::pair<QString, QString>> attributes;

    bool hasAttribute(const QString &name) const;
    QString attribute(const QString &name) const;
    // Sets (or replaces) an attribute, keeping the position of an existing one.
    void setAttribute(const QString &name, const QString &value);
    void removeAttribute(const QString &name);

    // "column users.email", "index users.ix_users_email", "enum status", ...
    QString label() const;
    // The line `retort-cli inspect` prints: label, then name=value per attribute.
    QString toLine() const;

    static QString kindName(Kind kind);
    static SchemaItem make(Kind kind, const QString &table, const QString &key);
    // The keys the readers and the canonicalizer share: "(a,b)", "(a)->t(id)".
    static QString columnsKey(const QStringList &columns);
    static QString foreignKeyKey(const QStringList &columns, const QString &referredTable,
                                 const QStringList &referredColumns);
    static QString yesNo(bool value) { return value ? QStringLiteral("yes") : QStringLiteral("no"); }
    bool operator==(const SchemaItem &) const = default;
};

// A schema as a sorted list of SchemaItems: the common form that a live database
// (LiveSchemaReader) and the migrations' replayed schema (ReplayedSchemaCanonicalizer)
// are both turned into, so that SchemaComparison and a plain text diff can compare them.
//
// Value type. Items are kept in a deterministic order (enum types, then per table
// name: the table, its columns by position, primary key, unique constraints, foreign
// keys, checks, indexes, each group by key).
class CanonicalSchema
{
public:
    QString dialect() const { return m_dialect; }
    void setDialect(const QString &dialect) { m_dialect = dialect; }

    void add(const SchemaItem &item);
    const QList<SchemaItem> &items() const { return m_items; }
    const SchemaItem *find(SchemaItem::Kind kind, const QString &table, const QString &key) const;
    QStringList tableNames() const;
    bool isEmpty() const { return m_items.isEmpty(); }

    // Items of this kind on this table that only the database has are not differences:
    // the replayed side could not name them (e.g. unnamed CHECK constraints on
    // PostgreSQL / MariaDB, whose names the server chooses).
    void setUnverifiable(SchemaItem::Kind kind, const QString &table);
    bool isUnverifiable(SchemaItem::Kind kind, const QString &table) const;

    // One line per item (SchemaItem::toLine), each ending in '\n'.
    QString toText() const;

private:
    QString m_dialect;
    QList<SchemaItem> m_items;
    QSet<QString> m_unverifiable;
};

} // namespace Retort
