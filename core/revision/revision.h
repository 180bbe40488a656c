// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Retort {

// One migration script as Alembic sees it: the module-level header values and the
// docstring. Plain value type (copyable, thread-safe to pass by value); the graph
// relations computed from these live in RevisionMap.
struct Revision
{
    QString id;                 // `revision`, or the hex file name of a legacy script
    QStringList downRevisions;  // normalised `down_revision`, declaration order; empty = base
    QStringList dependsOn;      // `depends_on` exactly as declared (ids, prefixes or labels)
    QStringList branchLabels;   // `branch_labels` as declared on this script
    QString longDoc;            // module docstring, stripped; empty when there is none
    QString path;               // absolute path of the script file

    // The message shown in listings: longDoc up to the first "\n\n".
    QString doc() const
    {
        const qsizetype end = longDoc.indexOf(QLatin1String("\n\n"));
        return end < 0 ? longDoc : longDoc.left(end);
    }

    bool isBase() const { return downRevisions.isEmpty(); }
    bool isMergePoint() const { return downRevisions.size() > 1; }
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::Revision)
