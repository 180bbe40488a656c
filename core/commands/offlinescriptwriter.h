// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/migrationplan.h"
#include "revision/versiontablesql.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace Retort {

class RevisionMap;

// Renders a plan as the script `alembic upgrade/downgrade/stamp ... --sql` prints
// (Alembic 1.13 with SQLAlchemy 2.0, shared/spec/offline-sql.md §3, §5): BEGIN;/COMMIT;
// for transactional dialects, CREATE TABLE alembic_version while no row is assumed,
// a `-- Running <step>` comment per step, the step's own statements, the version-table
// statements, and DROP TABLE alembic_version when no row is left.
//
// The statements of the migration bodies come from a hook (setStepStatements); without
// one, steps have no body statements (the plan part of the script only). The hook
// returns the compiled statements without terminator; the writer applies Alembic's
// post-processing (TAB -> 4 spaces, strip, terminator).
//
// Holds a reference to the map, which must outlive it. Not thread-safe; cheap to create.
class OfflineScriptWriter
{
public:
    using StepStatements = std::function<Result<QStringList>(const MigrationStep &step)>;

    OfflineScriptWriter(const RevisionMap &map, VersionTableSql versionTable);

    void setStepStatements(StepStatements statements) { m_stepStatements = std::move(statements); }
    // env.py's transaction_per_migration: BEGIN;/COMMIT; around each step instead of the run.
    void setTransactionPerMigration(bool on) { m_transactionPerMigration = on; }
    // Alembic < 1.19 drops the version table when a run ends with no row (default on).
    void setDropEmptyVersionTable(bool on) { m_dropEmptyVersionTable = on; }

    // The whole script; fails with the hook's message or where the version-table
    // bookkeeping cannot follow the plan.
    Result<QString> write(const MigrationPlan &plan) const;

private:
    const RevisionMap &m_map;
    VersionTableSql m_versionTable;
    StepStatements m_stepStatements;
    bool m_transactionPerMigration = false;
    bool m_dropEmptyVersionTable = true;
};

} // namespace Retort
