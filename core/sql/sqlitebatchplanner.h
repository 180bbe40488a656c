// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/operations.h"
#include "sql/sqldialect.h"
#include "sql/sqlitebatchplan.h"
#include "util/result.h"

#include <QString>

namespace Retort {

// Applies the operations of a `with op.batch_alter_table(...)` block to its copy_from
// table, as Alembic 1.13's batch "move and copy" does: columns added (after the last
// existing column, or where insert_before/insert_after say), dropped, renamed, retyped
// (with a CAST in the copy when the type affinity changes), nullable / server default /
// comment / autoincrement changed; constraints added and dropped (named ones by name,
// unnamed ones kept as they are); indexes dropped and created.
//
// Pure computation, no SQL: SqliteBatchRenderer turns the plan into statements.
// Operations that name a column, constraint or index the table does not have fail with
// a message (Alembic's own text where it has one). Stateless; thread-safe.
class SqliteBatchPlanner
{
public:
    // Whether Alembic rebuilds the table for this batch on this dialect. recreate='auto'
    // rebuilds only on SQLite, and there only for operations ALTER cannot do:
    // everything except create_index, drop_index, and add_column of a column without
    // a SQL-expression server default, persisted Computed, UNIQUE, FOREIGN KEY or
    // type CHECK (execute runs at once and does not count).
    static bool requiresRecreate(const BatchAlterTable &batch, SqlDialect dialect);
    // The same for the first `count` operations only: Alembic decides at each add_column
    // whether insert_before/insert_after is allowed with what it has seen so far.
    static bool requiresRecreate(const BatchAlterTable &batch, SqlDialect dialect, qsizetype count);

    // "_alembic_tmp_<table>", cut to 50 characters.
    static QString temporaryTableName(const QString &table);

    // Alembic's CommandError for a rebuild without copy_from (offline, the table cannot
    // be reflected).
    static QString reflectionRequiredMessage(const QString &dialectName, const QString &table);

    // The plan for a batch that is recreated. Without batch.copyFrom it fails with
    // reflectionRequiredMessage().
    static Result<SqliteBatchPlan> plan(const BatchAlterTable &batch, SqlDialect dialect);
};

} // namespace Retort
