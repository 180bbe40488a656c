// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/operations.h"
#include "sql/sqldialect.h"
#include "util/result.h"

#include <QStringList>

#include <memory>

namespace Retort {

// Renders typed migration operations as the SQL statements Alembic 1.13 with
// SQLAlchemy 2.0 prints for them in offline (--sql) mode, for one dialect.
//
// Statements come back as compiled, without the terminator and before Alembic's
// post-processing (TAB -> 4 spaces, strip, ';'), which OfflineScriptWriter applies.
// A failure carries what Alembic reports for an operation it cannot run offline
// (e.g. "All MySQL CHANGE/MODIFY COLUMN operations require the existing type." or
// "NotImplementedError: No support for ALTER of constraints in SQLite dialect. ...").
//
// Implementations are immutable after construction; render() is const and may be
// called from several threads.
class SqlRenderer
{
public:
    virtual ~SqlRenderer();

    virtual SqlDialect dialect() const = 0;
    virtual Result<QStringList> render(const Operation &operation) const = 0;

    // All operations in order; stops at the first failure.
    Result<QStringList> renderAll(const Operations &operations) const;

    // The renderer for a dialect (PostgreSqlRenderer, MySqlRenderer, SqliteRenderer).
    static std::unique_ptr<SqlRenderer> create(SqlDialect dialect);
};

} // namespace Retort
