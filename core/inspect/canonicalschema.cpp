// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/canonicalschema.h"

#include <QRegularExpression>

#include <algorithm>

namespace Retort {

namespace {

// Values without spaces or quotes print bare; the rest in double quotes with \" \\ \n
// escaped, so that every item stays on one line and the text diffs cleanly.
QString printable(const QString &value)
{
    static const QRegularExpression bare(QStringLiteral("^[A-Za-z0-9_.,:()\\[\\]<>+*/-]+$"));
    if (bare.match(value).hasMatch())
        return value;
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + QString(c);
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

// Columns sort by their position in the table (the order CREATE TABLE gives them),
// everything else by key.
bool lessThan(const SchemaItem &a, const SchemaItem &b)
{
    if (a.table != b.table)
        return a.table < b.table;
    if (a.kind != b.kind)
        return a.kind < b.kind;
    if (a.kind == SchemaItem::Kind::Column) {
        const int pa = a.attribute(QStringLiteral("position")).toInt();
        const int pb = b.attribute(QStringLiteral("position")).toInt();
        if (pa != pb)
            return pa < pb;
    }
    return a.key < b.key;
}

QString unverifiableKey(SchemaItem::Kind kind, const QString &table)
{
    return QString::number(int(kind)) + QLatin1Char(' ') + table;
}

} // namespace

bool SchemaItem::hasAttribute(const QString &name) const
{
    return std::any_of(attributes.cbegin(), attributes.cend(),
                       [&](const auto &a) { return a.first == name; });
}

QString SchemaItem::attribute(const QString &name) const
{
    for (const auto &a : attributes) {
        if (a.first == name)
            return a.second;
    }
    return QString();
}

void SchemaItem::setAttribute(const QString &name, const QString &value)
{
    for (auto &a : attributes) {
        if (a.first == name) {
            a.second = value;
            return;
        }
    }
    attributes.append({name, value});
}

void SchemaItem::removeAttribute(const QString &name)
{
    attributes.removeIf([&](const auto &a) { return a.first == name; });
}

QString SchemaItem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::EnumType:
        return QStringLiteral("enum");
    case Kind::Table:
        return QStringLiteral("table");
    case Kind::Column:
        return QStringLiteral("column");
    case Kind::PrimaryKey:
        return QStringLiteral("primary_key");
    case Kind::Unique:
        return QStringLiteral("unique");
    case Kind::ForeignKey:
        return QStringLiteral("foreign_key");
    case Kind::Check:
        return QStringLiteral("check");
    case Kind::Index:
        return QStringLiteral("index");
    }
    return QString();
}

SchemaItem SchemaItem::make(Kind kind, const QString &table, const QString &key)
{
    SchemaItem item;
    item.kind = kind;
    item.table = table;
    item.key = key;
    return item;
}

QString SchemaItem::columnsKey(const QStringList &columns)
{
    return QLatin1Char('(') + columns.join(QLatin1Char(',')) + QLatin1Char(')');
}

QString SchemaItem::foreignKeyKey(const QStringList &columns, const QString &referredTable,
                                  const QStringList &referredColumns)
{
    return columnsKey(columns) + QStringLiteral("->") + referredTable + columnsKey(referredColumns);
}

QString SchemaItem::label() const
{
    QString where;
    if (kind == Kind::EnumType || kind == Kind::Table)
        where = key;
    else if (key.isEmpty())
        where = table;
    else
        where = table + QLatin1Char('.') + key;
    return kindName(kind) + QLatin1Char(' ') + printable(where);
}

QString SchemaItem::toLine() const
{
    QString line = label();
    for (const auto &a : attributes)
        line += QLatin1Char(' ') + a.first + QLatin1Char('=') + printable(a.second);
    return line;
}

void CanonicalSchema::add(const SchemaItem &item)
{
    const auto at = std::upper_bound(m_items.begin(), m_items.end(), item, lessThan);
    m_items.insert(at, item);
}

const SchemaItem *CanonicalSchema::find(SchemaItem::Kind kind, const QString &table,
                                        const QString &key) const
{
    for (const SchemaItem &item : m_items) {
        if (item.kind == kind && item.table == table && item.key == key)
            return &item;
    }
    return nullptr;
}

QStringList CanonicalSchema::tableNames() const
{
    QStringList names;
    for (const SchemaItem &item : m_items) {
        if (item.kind == SchemaItem::Kind::Table)
            names.append(item.key);
    }
    return names;
}

void CanonicalSchema::setUnverifiable(SchemaItem::Kind kind, const QString &table)
{
    m_unverifiable.insert(unverifiableKey(kind, table));
}

bool CanonicalSchema::isUnverifiable(SchemaItem::Kind kind, const QString &table) const
{
    return m_unverifiable.contains(unverifiableKey(kind, table));
}

QString CanonicalSchema::toText() const
{
    QString text;
    for (const SchemaItem &item : m_items)
        text += item.toLine() + QLatin1Char('\n');
    return text;
}

} // namespace Retort
