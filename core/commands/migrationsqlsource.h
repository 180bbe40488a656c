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
// prepare() renders the steps of a whole plan up front, in parallel (each migration is
// read, parsed, interpreted and rendered independently); statements() then answers
// from the cache with exactly what it would have computed itself, so the script is
// byte-identical to a sequential run.
//
// Holds a reference to the map, which must outlive it. Not thread-safe (the caches):
// prepare() uses worker threads internally but returns only when they are done.
class MigrationSqlSource
{
public:
    MigrationSqlSource(const RevisionMap &map, SqlDialect dialect);
    ~MigrationSqlSource();

    // The statements of one step (rendered and cached on first use).
    Result<QStringList> statements(const MigrationStep &step) const;
    // Renders (and caches) the statements of all these steps, using up to
    // QThread::idealThreadCount() threads. Failures are cached too and reported by
    // statements() for their step.
    void prepare(const QList<MigrationStep> &steps) const;
    // OfflineScriptWriter's per-step hook; borrows this object.
    OfflineScriptWriter::StepStatements hook() const;

private:
    static QString diagnosticsText(const Diagnostics &diagnostics);
    static QString cacheKey(const MigrationStep &step);
    // The statements of one script step, given its parsed module (or the error of
    // reading/parsing it). Touches no cache: safe to call from several threads.
    Result<QStringList> render(const MigrationStep &step, const PythonModule *module,
                               const Diagnostic &moduleError) const;
    Result<QStringList> renderUncached(const MigrationStep &step) const;

    const RevisionMap &m_map;
    SqlDialect m_dialect;
    std::unique_ptr<SqlRenderer> m_renderer;
    mutable MigrationModuleCache m_modules;
    mutable QHash<QString, QStringList> m_rendered; // "<direction>:<revision>" -> statements
    mutable QHash<QString, QString> m_failed;       // "<direction>:<revision>" -> error
};

} // namespace Retort
