// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schema/schemadescription.h"

#include <QList>
#include <QString>

namespace Retort {

// One difference between the schemas at two revisions: a table or one of its objects
// added, removed, or changed (same name, other definition).
struct SchemaChange
{
    enum class Change { Added, Removed, Changed };
    Change change = Change::Added;
    QString table;
    bool isTable = false;  // the whole table; otherwise `object` names what changed in it
    SchemaObject::Kind kind = SchemaObject::Kind::Column;
    QString object;
    QString before; // the old definition (Removed, Changed)
    QString after;  // the new definition (Added, Changed)

    bool operator==(const SchemaChange &) const = default;
};

// Compares two described schemas: tables by name, their objects by kind and name.
// Tables in name order; inside a table, objects in the newer schema's order, removed
// ones after. Pure function; any thread.
class SchemaDiff
{
public:
    static QList<SchemaChange> compare(const QList<TableDescription> &from,
                                       const QList<TableDescription> &to);
};

} // namespace Retort
