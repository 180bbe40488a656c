// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/indexdef.h"
#include "ops/operations.h"
#include "ops/tabledef.h"
#include "ops/typespec.h"

#include <QList>
#include <QString>

namespace Retort {

// What a batch "move and copy" does, worked out by SqliteBatchPlanner before any SQL
// is rendered: the table to create under the temporary name, which old columns fill
// which new ones, and the indexes to create once the new table has the old name.
//
// Value type, safe to copy across threads.
struct SqliteBatchPlan
{
    // One column of the INSERT INTO <temp> (...) SELECT ... FROM <table>.
    struct Transfer
    {
        QString targetColumn; // the column's name in the new table
        QString sourceColumn; // its name in the old table (also the CAST's label)
        // CAST(<old> AS <type>) wrappers, innermost first: one per alter_column that
        // changed the type to another type affinity (JSON targets excepted).
        QList<TypeSpec> casts;
        bool operator==(const Transfer &) const = default;
    };

    TableDef originalTable; // copy_from, as given
    // The table under its temporary name (_alembic_tmp_<name>, cut to 50 characters):
    // columns in their final order, every constraint table-level in Alembic's order
    // (primary key, the named ones, the unnamed ones), no indexes.
    TableDef newTable;
    QList<Transfer> transfers;
    // Created after the rename, on the original table name: the copy_from indexes that
    // survive (sorted by name), then those created in the batch (in call order).
    QList<IndexDef> indexes;
    // Named constraints of copy_from that the new table keeps under the same name, in
    // declaration order. PostgreSQL drops them on the old table before the CREATE.
    QStringList keptConstraintNames;

    bool operator==(const SqliteBatchPlan &) const = default;
};

} // namespace Retort
