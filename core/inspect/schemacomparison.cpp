// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/schemacomparison.h"

#include <QHash>
#include <QSet>

namespace Retort {

namespace {

QString identity(const SchemaItem &item)
{
    return QString::number(int(item.kind)) + QChar(0x1f) + item.table + QChar(0x1f) + item.key;
}

// Items by identity, so that comparing large schemas (the stairway compares one per
// migration) stays linear.
QHash<QString, const SchemaItem *> indexed(const CanonicalSchema &schema)
{
    QHash<QString, const SchemaItem *> out;
    out.reserve(schema.items().size());
    for (const SchemaItem &item : schema.items())
        out.insert(identity(item), &item);
    return out;
}

QString shown(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("(none)") : value;
}

} // namespace

SchemaComparison::SchemaComparison(QString expectedLabel, QString actualLabel)
    : m_expectedLabel(std::move(expectedLabel))
    , m_actualLabel(std::move(actualLabel))
{ }

QList<SchemaDifference> SchemaComparison::compare(const CanonicalSchema &expected,
                                                  const CanonicalSchema &actual) const
{
    using Kind = SchemaItem::Kind;
    const QStringList expectedTables = expected.tableNames();
    const QStringList actualTables = actual.tableNames();
    const QSet<QString> onlyExpected = QSet<QString>(expectedTables.cbegin(), expectedTables.cend()) -
                                       QSet<QString>(actualTables.cbegin(), actualTables.cend());
    const QSet<QString> onlyActual = QSet<QString>(actualTables.cbegin(), actualTables.cend()) -
                                     QSet<QString>(expectedTables.cbegin(), expectedTables.cend());
    // The parts of a table that one side does not have at all are not listed one by one.
    const auto insideMissingTable = [&](const SchemaItem &item, const QSet<QString> &tables) {
        return item.kind != Kind::Table && item.kind != Kind::EnumType && tables.contains(item.table);
    };

    const QHash<QString, const SchemaItem *> expectedItems = indexed(expected);
    const QHash<QString, const SchemaItem *> actualItems = indexed(actual);
    QList<SchemaDifference> out;
    for (const SchemaItem &item : expected.items()) {
        if (insideMissingTable(item, onlyExpected))
            continue;
        const SchemaItem *other = actualItems.value(identity(item));
        if (!other) {
            SchemaDifference d;
            d.kind = SchemaDifference::Kind::Missing;
            d.item = item;
            d.text = QStringLiteral("%1: only in %2, not in %3").arg(item.label(), m_expectedLabel, m_actualLabel);
            out.append(d);
            continue;
        }
        for (const auto &[name, value] : item.attributes) {
            if (!other->hasAttribute(name))
                continue;
            const QString otherValue = other->attribute(name);
            if (otherValue == value)
                continue;
            SchemaDifference d;
            d.kind = SchemaDifference::Kind::Changed;
            d.item = item;
            d.attribute = name;
            d.expected = value;
            d.actual = otherValue;
            d.text = QStringLiteral("%1: %2 is %3 in %4, %5 in %6")
                         .arg(item.label(), name, shown(value), m_expectedLabel, shown(otherValue), m_actualLabel);
            out.append(d);
        }
    }
    for (const SchemaItem &item : actual.items()) {
        if (insideMissingTable(item, onlyActual))
            continue;
        if (expectedItems.contains(identity(item)))
            continue;
        if (expected.isUnverifiable(item.kind, item.table) && !onlyActual.contains(item.table))
            continue;
        SchemaDifference d;
        d.kind = SchemaDifference::Kind::Extra;
        d.item = item;
        d.text = QStringLiteral("%1: only in %2, not in %3").arg(item.label(), m_actualLabel, m_expectedLabel);
        out.append(d);
    }
    return out;
}

QStringList SchemaComparison::lines(const CanonicalSchema &expected, const CanonicalSchema &actual) const
{
    QStringList out;
    for (const SchemaDifference &d : compare(expected, actual))
        out.append(d.text);
    return out;
}

} // namespace Retort
