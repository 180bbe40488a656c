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
// prepare() starts rendering the steps of a whole plan in the background, in parallel
// (each migration is read, parsed, interpreted and rendered independently), and returns
// at once; statements() then answers with exactly what it would have computed itself,
// waiting for a step still being rendered, so the script is byte-identical to a
// sequential run while the writer puts it together as the steps arrive (in plan order,
// the order the workers take them in).
//
// Holds a reference to the map, which must outlive it. Not thread-safe (the caches): one
// caller at a time. The worker threads prepare() starts touch only their own jobs; the
// destructor stops them (steps not started yet are dropped) and waits for them.
class MigrationSqlSource
{
public:
    MigrationSqlSource(const RevisionMap &map, SqlDialect dialect);
    ~MigrationSqlSource();

    // The statements of one step (rendered and cached on first use).
    Result<QStringList> statements(const MigrationStep &step) const;
    // Starts rendering the statements of all these steps on QThread::idealThreadCount()
    // worker threads and returns; statements() waits for them as needed. Failures are
    // kept too and reported by statements() for their step. A second prepare() first
    // waits for the work of the previous one.
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
    // The jobs prepare() started, until statements() has taken every result.
    struct Background;
    // Waits for the job of `key` when prepare() started one, and moves every finished
    // result into m_rendered / m_failed.
    void collect(const QString &key) const;
    mutable std::unique_ptr<Background> m_background;
};

} // namespace Retort
