// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/migrationstep.h"

#include <QList>
#include <QMetaType>
#include <QStringList>

namespace Retort {

// The outcome of planning: the revisions assumed current before the first step (the
// version table's rows, or the offline FROM revision) and the steps in run order.
struct MigrationPlan
{
    QStringList startHeads;
    QList<MigrationStep> steps;
    bool purge = false;   // stamp --purge: all rows are deleted before the steps
    QStringList warnings; // what Alembic warns about (UserWarning text), e.g. `downgrade -1`
                          // from several heads

    bool operator==(const MigrationPlan &other) const = default;
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::MigrationPlan)
