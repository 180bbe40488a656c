// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/operations.h"
#include "preview/sqlrisk.h"
#include "sql/sqldialect.h"

namespace Retort {

// Finds the destructive or locking statements of a migration in its typed operations
// (the Interpreter's output for one function and dialect, as MigrationSqlSource renders
// them): DROP TABLE, DROP COLUMN, narrowing type changes, NOT NULL on existing columns
// or new NOT NULL columns without a server default, CREATE INDEX without CONCURRENTLY
// on PostgreSQL, and table rewrites (SQLite batch move-and-copy, PostgreSQL
// ALTER COLUMN TYPE).
//
// Pure computation: stateless, thread-safe, never fails (an operation it does not know
// is simply not a risk). Types are compared as SQLAlchemy spells them; a change whose
// old type is not given (no existing_type) cannot be judged as narrowing and is only
// reported when the dialect rewrites the table for it.
class SqlRiskAnalyzer
{
public:
    // Where the operations come from, copied into every SqlRisk.
    struct Origin
    {
        QString revision;
        MigrationStep::Direction direction = MigrationStep::Direction::Upgrade;
        QString file;
    };

    static SqlRisks analyze(const Operations &operations, SqlDialect dialect,
                            const Origin &origin);
};

} // namespace Retort
