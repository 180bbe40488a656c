// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/migrationplan.h"
#include "revision/revisionmap.h"
#include "revision/versiontablesql.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

// What a MigrationRunner is asked to do: which database, which command and target(s),
// and how. The revision map travels with the request (implicitly shared, read-only),
// so the request is a plain value that may cross threads.
struct RunRequest
{
    enum class Kind { Upgrade, Downgrade, Stamp };
    // WholeRun: one transaction for the whole run, as Alembic with transactional DDL
    // (used on PostgreSQL and SQLite). PerMigration: a commit after every migration, as
    // env.py's transaction_per_migration. MySQL/MariaDB always commit per migration:
    // their DDL commits implicitly anyway.
    enum class TransactionMode { WholeRun, PerMigration };

    QString url; // SQLAlchemy URL
    Kind kind = Kind::Upgrade;
    QStringList targets; // upgrade/downgrade: one; stamp: one or more
    bool purge = false;  // stamp --purge
    TransactionMode transactionMode = TransactionMode::WholeRun;
    int lockTimeoutMs = 30000; // waiting for another run's lock
    int connectTimeoutSeconds = 10;
    VersionTableSql::Table versionTable;
    RevisionMap map;
    // A ready plan instead of kind/targets (the stairway's single steps): it runs only
    // when the version table holds exactly plan->startHeads (as a set).
    std::optional<MigrationPlan> plan;
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::RunRequest)
