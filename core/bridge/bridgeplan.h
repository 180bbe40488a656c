// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/migrationplan.h"
#include "revision/revisionmap.h"

#include <QStringList>

namespace Retort {

// Which migrations of a plan Retort's interpreter cannot run for a dialect (their
// upgrade() or downgrade() goes beyond the native subset): a plan with any of them runs
// through `alembic upgrade/downgrade` (BridgeRunner) instead of MigrationRunner.
// Stateless; reads the scripts; any thread.
class BridgePlan
{
public:
    static QStringList nonNativeRevisions(const RevisionMap &map, const MigrationPlan &plan,
                                          const QString &dialect);
};

} // namespace Retort
