// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/offlinescriptwriter.h"
#include "revision/migrationstep.h"
#include "schema/migrationmodulecache.h"
#include "sql/sqldialect.h"
#include "sql/sqlrenderer.h"
#include "util/diagnostic.h"
#include "util/result.h"

#include <QHash>
#include <QStringList>

#include <memory>

namespace Retort {

class RevisionMap;

// The body statements of each migration step for `upgrade/downgrade ... --sql`: reads
// the revision's script (parsed once per file and cached), interprets upgrade() or
// downgrade() for the dialect, and renders the operations with the dialect's
// SqlRenderer. Stamp steps have no body.
//
// hook() hands the statements to OfflineScriptWriter, whose write() fails as a whole
// (no partial script) when a step cannot be rendered: a migration the interpreter
// cannot decide natively fails with one "file:line:col: message" line per construct,
// an operation Alembic refuses offline with Alembic's message.
//
// Holds a reference to the map, which must outlive it. Not thread-safe (the caches).
class MigrationSqlSource
{
public:
    MigrationSqlSource(const RevisionMap &map, SqlDialect dialect);
    ~MigrationSqlSource();

    // The statements of one step (rendered and cached on first use).
    Result<QStringList> statements(const MigrationStep &step) const;
    // OfflineScriptWriter's per-step hook; borrows this object.
    OfflineScriptWriter::StepStatements hook() const;

private:
    static QString diagnosticsText(const Diagnostics &diagnostics);

    const RevisionMap &m_map;
    SqlDialect m_dialect;
    std::unique_ptr<SqlRenderer> m_renderer;
    mutable MigrationModuleCache m_modules;
    mutable QHash<QString, QStringList> m_rendered; // "<direction>:<revision>" -> statements
};

} // namespace Retort
