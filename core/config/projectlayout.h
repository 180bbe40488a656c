// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/alembicconfig.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

// Where an Alembic project's pieces are, as found by ProjectLocator. Plain value type
// (copyable, safe to pass between threads by value). Every path is absolute and
// cleaned (no symlinks resolved, like Python's os.path.abspath).
struct ProjectLayout
{
    enum class Kind {
        IniFile, // an alembic.ini (or another ini file) names the script directory
        ScriptDirectory, // a folder with env.py and versions/, no ini
        VersionsFolder, // a bare folder of revision files: no ini, no env.py
    };

    Kind kind = Kind::IniFile;
    // The folder the project was opened from: the ini's folder, the script directory's
    // parent when it was found one level down, the script directory, or the bare folder.
    QString projectPath;
    // The ini file (absolute); empty unless kind == IniFile.
    QString iniPath;
    // The parsed configuration (section and -x arguments applied); set iff kind == IniFile.
    std::optional<AlembicConfig> config;
    // The script directory (env.py, script.py.mako, versions/); empty for a bare folder.
    QString scriptLocation;
    // The version directories to read, configured order, only those that exist
    // (Alembic skips missing listed directories silently).
    QStringList versionLocations;
    // Every configured version directory, existing or not, in configured order (the
    // `revision` command creates a missing one when it is chosen).
    QStringList configuredVersionLocations;
    // recursive_version_locations = true: read sub-directories too.
    bool recursiveVersionLocations = false;
    // -x arguments as given (also available through config when there is one).
    QStringList xArguments;
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::ProjectLayout)
