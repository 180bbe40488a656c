// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"

#include <QString>
#include <QStringList>

namespace Retort {

// Lists the revision files of a project in Alembic's discovery order ("file order"),
// which decides heads order and every topological tie-break:
// - the version locations in configured order (a location that does not exist is skipped);
// - in each directory, every file whose name ends in ".py" and does not start with
//   "__init__" or ".#", sorted by name in code-point order;
// - with recursion on, after a directory's files its sub-directories in sorted order,
//   depth first, skipping directories whose name ends in "__pycache__" (symbolic links
//   to directories are not followed, as Python's os.walk does not follow them);
// - a file reached twice by its real path is listed once, with a warning.
// The paths returned are real (canonical) paths, as Alembic 1.13 reports them.
// Pure function of its inputs and the file system; safe on any thread.
class RevisionFileFinder
{
public:
    RevisionFileFinder(QStringList versionLocations, bool recursive);

    // Warnings (duplicate sightings) are appended to `warnings` when given.
    QStringList find(Diagnostics *warnings = nullptr) const;

    // True for the names Alembic considers revision files ("x.py", not "__init__.py").
    static bool isRevisionFileName(const QString &fileName);

private:
    QStringList m_locations;
    bool m_recursive = false;
};

} // namespace Retort
