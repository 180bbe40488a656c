// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Retort {

// One step of an upgrade, downgrade or stamp plan, as Alembic's runner sees it.
// Plain value type (copyable, safe to pass between threads).
//
// For a script step `revision` is the migration whose upgrade()/downgrade() body runs;
// `fromRevisions`/`toRevisions` are what the log line shows (versioned parents only,
// never dependencies). The version-table bookkeeping needs the normalised down
// revisions (parents + dependencies) as well; VersionTableSteps reads those from the
// RevisionMap for script steps. A stamp step runs no script: its from/to sets are
// exactly the rows it moves, and `branchMove` marks a step that inserts (upgrade) or
// deletes (downgrade) a row instead of moving one.
struct MigrationStep
{
    enum class Direction { Upgrade, Downgrade };

    Direction direction = Direction::Upgrade;
    bool stamp = false;
    bool branchMove = false;   // stamp only: create (upgrade) or delete (downgrade) a row
    QString revision;          // script steps: the revision applied or removed
    QStringList fromRevisions; // log line, left of "->"
    QStringList toRevisions;   // log line, right of "->"

    bool isUpgrade() const { return direction == Direction::Upgrade; }
    bool isDowngrade() const { return direction == Direction::Downgrade; }

    // "upgrade", "downgrade" or "stamp_revision" (the name of the function that runs).
    QString name() const
    {
        if (stamp)
            return QStringLiteral("stamp_revision");
        return isUpgrade() ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
    }

    // Alembic's short log: "upgrade a, b -> c", "upgrade  -> base1" (empty from-part),
    // "downgrade c -> " (empty to-part, trailing space kept).
    QString description() const
    {
        return name() + QLatin1Char(' ') + fromRevisions.join(QLatin1String(", ")) +
               QLatin1String(" -> ") + toRevisions.join(QLatin1String(", "));
    }

    bool operator==(const MigrationStep &other) const = default;
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::MigrationStep)
