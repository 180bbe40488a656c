// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/migrationplan.h"
#include "revision/revisionerror.h"

#include <QString>
#include <QStringList>

namespace Retort {

class RevisionMap;

// Works out what `alembic upgrade`, `downgrade` and `stamp` would run: the ordered
// steps from a set of current revisions (the rows of alembic_version, or the offline
// FROM revision) to a target identifier (revisions.md §4.6, §4.7, §8, §9;
// versioning.md §6).
//
// Errors come back already worded as the alembic command line prints them after
// "FAILED: " (errorString() of the result); cases where Alembic itself crashes are
// reported with Kind::Unsupported and a message of Retort's own.
//
// Holds a reference to the map, which must outlive it. Const and stateless otherwise,
// so one planner may be used from several threads.
class MigrationPlanner
{
public:
    explicit MigrationPlanner(const RevisionMap &map);

    // `alembic upgrade target` with the database at `current`.
    RevisionResult<MigrationPlan> upgrade(const QStringList &current, const QString &target) const;
    // `alembic downgrade target` with the database at `current`.
    RevisionResult<MigrationPlan> downgrade(const QStringList &current,
                                            const QString &target) const;
    // `alembic stamp targets... [--purge]` with the database at `current`.
    RevisionResult<MigrationPlan> stamp(const QStringList &current, const QStringList &targets,
                                        bool purge = false) const;

    // The REVISION argument of upgrade/downgrade: `TO` or `FROM:TO`.
    struct Range
    {
        bool hasFrom = false;
        QString from;
        QString to;
    };
    // Alembic's checks: a range needs --sql ("Range revision not allowed"), and an
    // offline downgrade needs one ("downgrade with --sql requires <fromrev>:<torev>").
    static RevisionResult<Range> parseRange(MigrationStep::Direction direction,
                                            const QString &argument, bool sql);

    // The revisions an offline run assumes current for FROM: none for "base" (or no
    // FROM), else the single revision FROM resolves to.
    RevisionResult<QStringList> offlineStartHeads(const QString &from) const;

    // `upgrade/downgrade [FROM:]TO --sql` in one call.
    RevisionResult<MigrationPlan> offline(MigrationStep::Direction direction,
                                          const QString &argument) const;
    // `stamp [FROM:]TO... --sql`: every FROM must be the same ("Stamp operation with --sql
    // only supports a single starting revision at a time"); --purge is refused.
    RevisionResult<MigrationPlan> offlineStamp(const QStringList &arguments,
                                               bool purge = false) const;

private:
    RevisionResult<MigrationPlan> plan(MigrationStep::Direction direction,
                                       const QStringList &current, const QString &target) const;
    MigrationStep scriptStep(MigrationStep::Direction direction, const QString &revision) const;

    const RevisionMap &m_map;
};

} // namespace Retort
