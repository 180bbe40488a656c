// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/operations.h"
#include "schema/migrationmodulecache.h"
#include "schema/schemamodel.h"
#include "util/diagnostic.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace Retort {

class RevisionMap;

// The schema after a revision, with what got in the way of building it.
struct SchemaReplay
{
    SchemaModel schema;
    QStringList revisions;   // the upgrades replayed, in order
    Diagnostics diagnostics; // migrations not interpretable, objects that were missing

    bool isComplete() const { return diagnostics.isEmpty(); }
};

// Replays upgrade() of every revision from base to a target, in the order
// `alembic upgrade <target>` runs them (branches and merges included), for one
// dialect (the `if dialect` branches of a script differ), and so tells the tables,
// columns, indexes and constraints the database has after that revision.
//
// A migration that cannot be interpreted natively contributes its diagnostics and no
// operations; an operation on a missing table or column contributes a diagnostic
// (SchemaApplier). Either way the replay goes on with the next operation.
//
// Holds references to the map and the cache (which must outlive it). Not thread-safe.
class SchemaReplayer
{
public:
    // dialect: "sqlite", "postgresql" or "mysql" (as `dialect.name` reads).
    SchemaReplayer(const RevisionMap &map, const QString &dialect, MigrationModuleCache &cache);

    // target: anything `alembic upgrade` accepts ("heads", an id or prefix, label@head,
    // "base"). Fails with Alembic's message when the target cannot be planned.
    Result<SchemaReplay> replay(const QString &target) const;

    // The schema of a database whose version table holds `revisions` (one row per branch):
    // every revision up to them, dependencies included, replayed once in the order
    // `upgrade heads` runs them. An empty list is the empty schema at base.
    Result<SchemaReplay> replayAt(const QStringList &revisions) const;

    // The revisions `upgrade target` runs from base, in order.
    Result<QStringList> upgradeOrder(const QString &target) const;

    // Interprets `function` ("upgrade"/"downgrade") of a revision and applies it to
    // the model; returns the diagnostics (no operations are applied when the
    // function is not interpretable).
    Diagnostics apply(SchemaModel &model, const QString &revision, const QString &function) const;

    // The operations of `function` of a revision for this replayer's dialect, with the
    // script's path; diagnostics (with that path) instead when it is not interpretable.
    struct Interpreted
    {
        QString path;
        Operations operations;
        Diagnostics diagnostics;
    };
    Interpreted interpret(const QString &revision, const QString &function) const;

private:
    const RevisionMap &m_map;
    QString m_dialect;
    MigrationModuleCache &m_cache;
};

} // namespace Retort
