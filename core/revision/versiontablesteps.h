// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/migrationstep.h"
#include "revision/revisionerror.h"
#include "revision/versionrowchange.h"

#include <QStringList>

namespace Retort {

class RevisionMap;

// Alembic's bookkeeping of alembic_version (its HeadMaintainer): starting from the
// current rows, works out for each step of a plan which rows are inserted, updated and
// deleted, and keeps the set of current heads up to date. Dialect-free: the offline
// writer turns the changes into SQL text, an online runner into statements it executes.
//
// Follows Alembic 1.13 with the ordering rules of shared/oracle/README.md §1 rule 4
// (merge: delete all but the last remaining parent in down_revision + dependency
// order, update the last; unmerge: insert all but the last, then update to the last;
// parents that are ancestors of another current head are left out, and when the merge
// is the only head also parents that are ancestors of another parent).
//
// Holds a reference to the map, which must outlive it. Not thread-safe (one plan at a
// time); cheap to create.
class VersionTableSteps
{
public:
    VersionTableSteps(const RevisionMap &map, const QStringList &heads);

    // The rows as they stand (insertion order; Alembic's set has no order).
    const QStringList &heads() const { return m_heads; }

    // The changes of one step, in execution order; updates heads(). Fails (heads left
    // unchanged) where Alembic's bookkeeping would crash: a row to update or delete
    // that is not current, or a row to insert that already is.
    RevisionResult<VersionRowChanges> apply(const MigrationStep &step);

    // stamp --purge: every row is deleted.
    VersionRowChange purge();

private:
    VersionRowChanges scriptUpgrade(const MigrationStep &step) const;
    VersionRowChanges scriptDowngrade(const MigrationStep &step) const;
    VersionRowChanges stampChanges(const MigrationStep &step) const;
    QStringList unmergeTargets(const QString &revision) const;
    QStringList othersExcept(const QStringList &excluded) const;
    QStringList withoutAncestorsOf(const QStringList &candidates, const QStringList &others) const;

    const RevisionMap &m_map;
    QStringList m_heads;
};

} // namespace Retort
