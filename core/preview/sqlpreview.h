// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "preview/sqlrisk.h"
#include "revision/migrationplan.h"
#include "revision/revisionmap.h"
#include "sql/sqldialect.h"
#include "util/diagnostic.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Retort {

// What to preview: one migration's upgrade() or downgrade(), or the range a database at
// `current` would run to reach `target`. Value type; holds the (implicitly shared)
// RevisionMap so that it can be rendered on a worker thread.
struct SqlPreviewRequest
{
    enum class Kind { Migration, Range };

    RevisionMap map;
    Kind kind = Kind::Migration;
    MigrationStep::Direction direction = MigrationStep::Direction::Upgrade;
    QString revision;    // Kind::Migration: the revision id
    QStringList current; // Kind::Range: the database's revisions (empty = nothing applied)
    QString target;      // Kind::Range: any identifier Alembic accepts ("head", "base", "ab12")
    SqlDialect dialect = SqlDialect::Sqlite;
    quint64 generation = 0; // handed back unchanged, so that callers drop stale results

    static SqlPreviewRequest migration(const RevisionMap &map, const QString &revision,
                                       MigrationStep::Direction direction, SqlDialect dialect);
    static SqlPreviewRequest range(const RevisionMap &map, const QStringList &current,
                                   const QString &target, MigrationStep::Direction direction,
                                   SqlDialect dialect);
};

// The outcome of a preview. On success `sql` is the script exactly as
// `retort-cli upgrade/downgrade FROM:TO --sql --dialect D` prints it (the plan through
// OfflineScriptWriter, the bodies through MigrationSqlSource). On failure `errorString`
// says why; when a migration cannot be rendered natively, `diagnostics` hold the
// interpreter's findings with file:line:col. `risks` are listed either way for the
// migrations that could be interpreted.
struct SqlPreviewResult
{
    quint64 generation = 0;
    bool ok = false;
    QString sql;
    QString errorString;
    Diagnostics diagnostics;
    SqlRisks risks;
    MigrationPlan plan; // the steps that run (empty when planning failed)
    SqlDialect dialect = SqlDialect::Sqlite;

    // The revisions whose scripts run, in run order (stamp steps left out).
    QStringList scriptRevisions() const;
};

// Renders SQL previews for the GUI. Stateless: render() reads only its request, so it
// may run on any thread (QtConcurrent) and several renders may run in parallel.
// Never throws or prints; every failure is in the result.
class SqlPreview
{
public:
    static SqlPreviewResult render(const SqlPreviewRequest &request);

    // The plan of one migration alone: its upgrade() from its down revisions (parents and
    // dependencies assumed applied), or its downgrade() back to them. For a migration
    // with one parent this is `upgrade PARENT:REV --sql` / `downgrade REV:PARENT --sql`.
    static MigrationPlan singleMigrationPlan(const RevisionMap &map, const QString &revision,
                                             MigrationStep::Direction direction);
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::SqlPreviewResult)
