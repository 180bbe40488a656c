// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/migrationstep.h"
#include "revision/versiontablesql.h"
#include "run/runstatement.h"
#include "schema/migrationmodulecache.h"
#include "schema/schemamodel.h"
#include "sql/sqldialect.h"
#include "sql/sqlrenderer.h"
#include "util/result.h"


#include <memory>

namespace Retort {

class RevisionMap;

// The statements an online run executes for one migration step: the body of the
// step's upgrade()/downgrade(), interpreted and rendered operation by operation with
// the same SqlRenderer the SQL preview (MigrationSqlSource) uses — so what runs is what
// the preview shows — each tagged with its file and the line of its op.* call; and the
// version-table statements (VersionTableSql) of the step's row changes.
//
// SQLite batch operations (render_as_batch, batch_alter_table) need the table as it is
// ("move and copy"): Alembic reflects it from the live database; here the schema is
// replayed from the migrations up to the run's start (setStartHeads) and kept up to
// date step by step, and a batch without copy_from gets that table as its copy_from.
//
// autocommit_block() markers are not rendered (the offline COMMIT/BEGIN lines): the
// statements inside are flagged `autocommit` and the runner leaves its transaction.
//
// Holds a reference to the map, which must outlive it. Not thread-safe (caches); one
// per run, created in the thread that runs.
class StepStatementSource
{
public:
    StepStatementSource(const RevisionMap &map, SqlDialect dialect, VersionTableSql versionTable);
    ~StepStatementSource();

    // The revisions the database is at before the first step (SQLite batch support).
    void setStartHeads(const QStringList &heads);

    // The body statements of a step, in execution order (call once per step, in plan
    // order: the replayed schema follows the steps) (none for a stamp step). Fails with
    // "file:line:col: message" lines when the migration cannot be interpreted natively
    // or with the renderer's message (prefixed with file:line) when an operation cannot
    // be rendered.
    Result<RunStatements> bodyStatements(const MigrationStep &step) const;
    RunStatement versionStatement(const VersionRowChange &change) const;
    RunStatement createVersionTable() const;
    RunStatement purgeVersionTable() const;

    const VersionTableSql &versionTable() const { return m_versionTable; }

private:
    const RevisionMap &m_map;
    SqlDialect m_dialect;
    VersionTableSql m_versionTable;
    std::unique_ptr<SqlRenderer> m_renderer;
    mutable MigrationModuleCache m_modules;
    mutable SchemaModel m_schema; // SQLite: the schema as the steps leave it
};

} // namespace Retort
