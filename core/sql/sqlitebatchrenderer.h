// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/operations.h"
#include "sql/sqlitebatchplan.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace Retort {

class DdlCompiler;

// Renders a `with op.batch_alter_table(...)` block as Alembic 1.13 does offline.
//
// When the batch is not recreated (SqliteBatchPlanner::requiresRecreate: always on
// PostgreSQL and MySQL unless recreate='always'; on SQLite for create_index,
// drop_index and plain add_column), each operation is rendered by the dialect's
// compiler exactly like the same op.* call outside a batch. Otherwise the table is
// rebuilt by "move and copy": CREATE TABLE _alembic_tmp_<t> with the altered
// definition, INSERT INTO _alembic_tmp_<t> (...) SELECT ... FROM <t>, DROP TABLE <t>,
// ALTER TABLE _alembic_tmp_<t> RENAME TO <t>, then the indexes (PostgreSQL first
// drops the named constraints the new table re-creates). batch_op.execute() runs at
// once in Alembic, so its statements come before the block's others.
//
// Statements are returned like SqlRenderer's: no terminator, TABs kept. Failures carry
// Alembic's message (e.g. the "This operation cannot proceed in --sql mode; ..."
// CommandError when a rebuild has no copy_from). Borrows the compiler, which must
// outlive it; const and thread-safe like the compiler.
class SqliteBatchRenderer
{
public:
    explicit SqliteBatchRenderer(const DdlCompiler &compiler);

    Result<QStringList> render(const BatchAlterTable &batch) const;

    // The pieces, for tests and for callers that plan themselves.
    Result<QStringList> renderRecreate(const BatchAlterTable &batch,
                                       const SqliteBatchPlan &plan) const;
    Result<QString> insertFromSelect(const SqliteBatchPlan &plan) const;

private:
    const DdlCompiler &m_compiler;
};

} // namespace Retort
