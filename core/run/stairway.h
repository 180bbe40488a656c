// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/revisionmap.h"
#include "revision/versiontablesql.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Retort {

// The stairway test (beyond Alembic): on an empty scratch database, walks the history
// from base to heads one revision at a time — upgrade one step, downgrade it, upgrade it
// again — and compares the live schema (LiveSchemaReader) after each downgrade with the
// schema before the upgrade, and after the second upgrade with the first. Stops at the
// first migration whose downgrade does not reverse its upgrade, or that fails.
//
// Runs synchronously in the calling thread (MigrationRunner::run for each step, and its
// own connection for reading schemas). Refuses a database that has tables. Errors that
// keep the walk from starting come back as a failed Result; a migration that breaks the
// stairway is a Report with passed == false.
class Stairway
{
public:
    struct StepResult
    {
        QString revision;
        QString description; // "upgrade a -> b, message"
        bool passed = false;
        QString failure;          // what went wrong (empty when passed)
        QStringList differences;  // schema differences, one line each
    };
    struct Report
    {
        QList<StepResult> steps; // in walk order; the last one failed when !passed
        bool passed = false;
        QString url;             // masked
    };
    using Progress = std::function<void(const StepResult &step, int index, int count)>;

    explicit Stairway(RevisionMap map);

    void setVersionTable(const VersionTableSql::Table &table) { m_versionTable = table; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // url: the scratch database; empty = a temporary SQLite file, deleted afterwards.
    Result<Report> run(const QString &url = QString()) const;

private:
    Result<Report> walk(const QString &url) const;

    RevisionMap m_map;
    VersionTableSql::Table m_versionTable;
    Progress m_progress;
};

} // namespace Retort
