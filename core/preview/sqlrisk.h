// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/migrationstep.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Retort {

// One statement of a migration that may destroy data or lock a table for long, found
// by SqlRiskAnalyzer in the typed operations. Plain value type (copyable, safe to pass
// between threads). line/column are 1-based (0 = unknown) and point at the op.* call.
struct SqlRisk
{
    enum class Kind {
        DropTable,        // op.drop_table: the table and its rows are gone
        DropColumn,       // op.drop_column: the column's values are gone
        NarrowingType,    // alter_column to a type that holds less (String(100) -> String(50))
        NotNullExisting,  // alter_column nullable=False on a column of an existing table
        NotNullNoDefault, // add_column NOT NULL without server_default
        IndexLocksTable,  // CREATE INDEX without CONCURRENTLY on PostgreSQL
        TableRewrite,     // the table is copied: SQLite batch move-and-copy, ALTER ... TYPE
    };

    Kind kind = Kind::DropTable;
    QString revision;                                           // the migration
    MigrationStep::Direction direction = MigrationStep::Direction::Upgrade;
    QString file;                                               // the migration's script
    int line = 0;
    int column = 0;
    QString operation; // Alembic's directive name: "drop_column", "batch_alter_table", ...
    QString target;    // what it acts on: "users", "users.email", "ix_users_email"
    QString summary;   // what happens, one line: "drops column users.email"
    QString reason;    // why it matters, one short sentence

    // "file:line: summary (reason)", as a compiler would print a warning.
    QString toString() const;
    // A short stable name of the kind ("drop-table", "narrowing-type", ...).
    static QString kindName(Kind kind);

    bool operator==(const SqlRisk &other) const = default;
};

using SqlRisks = QList<SqlRisk>;

} // namespace Retort

Q_DECLARE_METATYPE(Retort::SqlRisk)
