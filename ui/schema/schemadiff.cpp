// SPDX-License-Identifier: GPL-3.0-or-later
#include "schemadiff.h"

#include <QMap>

namespace Retort {

namespace {

const SchemaObject *findObject(const TableDescription &table, const SchemaObject &like)
{
    for (const SchemaObject &object : table.objects) {
        if (object.kind == like.kind && object.name == like.name)
            return &object;
    }
    return nullptr;
}

void compareTable(const TableDescription &from, const TableDescription &to, QList<SchemaChange> *changes)
{
    for (const SchemaObject &object : to.objects) {
        const SchemaObject *old = findObject(from, object);
        SchemaChange change;
        change.table = to.name;
        change.kind = object.kind;
        change.object = object.name;
        change.after = object.detail;
        if (!old) {
            change.change = SchemaChange::Change::Added;
        } else if (old->detail != object.detail) {
            change.change = SchemaChange::Change::Changed;
            change.before = old->detail;
        } else {
            continue;
        }
        changes->append(change);
    }
    for (const SchemaObject &object : from.objects) {
        if (findObject(to, object))
            continue;
        SchemaChange change;
        change.change = SchemaChange::Change::Removed;
        change.table = to.name;
        change.kind = object.kind;
        change.object = object.name;
        change.before = object.detail;
        changes->append(change);
    }
}

} // namespace

QList<SchemaChange> SchemaDiff::compare(const QList<TableDescription> &from,
                                        const QList<TableDescription> &to)
{
    QMap<QString, const TableDescription *> oldTables;
    QMap<QString, const TableDescription *> newTables;
    for (const TableDescription &table : from)
        oldTables.insert(table.name, &table);
    for (const TableDescription &table : to)
        newTables.insert(table.name, &table);

    QStringList names = oldTables.keys() + newTables.keys();
    names.sort();
    names.removeDuplicates();

    QList<SchemaChange> changes;
    for (const QString &name : std::as_const(names)) {
        const TableDescription *before = oldTables.value(name);
        const TableDescription *after = newTables.value(name);
        if (before && after) {
            compareTable(*before, *after, &changes);
            continue;
        }
        SchemaChange change;
        change.change = after ? SchemaChange::Change::Added : SchemaChange::Change::Removed;
        change.table = name;
        change.isTable = true;
        changes.append(change);
    }
    return changes;
}

} // namespace Retort
