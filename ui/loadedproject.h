// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/projectlayout.h"
#include "graph/graphlayout.h"
#include "revision/revisionmap.h"
#include "revision/versiontablesql.h"
#include "util/diagnostic.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace Retort {

// Everything the GUI shows about one project after loading it: where it is, its
// revision graph, and what went wrong on the way. Plain value type, made on a worker
// thread and handed to the GUI thread by value.
struct LoadedProject
{
    QString requestedPath;               // the path the user opened, as given
    std::optional<ProjectLayout> layout; // empty when no project was found there
    RevisionMap map;                     // empty when nothing could be read
    GraphLayout graph;                   // the lanes of map, computed with it off the GUI thread
    Diagnostics diagnostics;             // file:line:col problems, errors and warnings
    QString errorString;                 // why the project could not be opened at all

    // The database the project itself uses (DatabaseUrlResolver: env.py, the environment,
    // the ini), resolved with the project: the URL (password included: never show it),
    // where it came from ("from $DATABASE_URL"), or why none was found.
    QString databaseUrl;
    QString databaseUrlSource;
    QString databaseUrlError;
    VersionTableSql::Table versionTable;

    // A project was found and its graph is usable (some files may still have failed).
    bool isOpen() const { return layout.has_value() && map.isValid(); }
    bool hasErrors() const;
    // The folder to show to the user: the project's, or the requested path.
    QString displayPath() const;
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::LoadedProject)
