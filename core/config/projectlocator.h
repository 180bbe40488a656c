// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/projectlayout.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace Retort {

// Finds the Alembic project behind a path the user names, and where its scripts are.
// Accepted forms, tried in this order (the conformance oracle's order):
//   1. an ini file (any regular file, usually alembic.ini);
//   2. a directory containing alembic.ini;
//   3. a script directory: env.py + versions/;
//   4. a bare folder of revision files (a *.py, not __init__*, with a line
//      `revision = ...` or `down_revision = ...`), or any folder named "versions";
//   5. a directory containing exactly one script directory (sub-folder with env.py +
//      versions/).
// For an ini, the section (-n) and -x arguments are applied and the configuration is
// validated the way Alembic validates it (script_location present and existing,
// version_locations splittable). `sourceless = true` is refused: Retort reads source,
// it cannot read .pyc bytecode.
//
// Stateless; all functions are reentrant and touch only the file system. Errors are
// returned, never printed.
class ProjectLocator
{
public:
    // path: as the user gave it (relative to the working directory). Errors:
    // "Cannot open the project '<path>': no such file or directory."; "'<path>' is not
    // an Alembic project: looked for ..."; "'<path>' holds several script directories
    // (a, b): ..."; for an ini, everything fromConfigFile() reports. The section and
    // -x arguments only matter when an ini file is found.
    static Result<ProjectLayout> locate(const QString &path,
                                        const QString &section = AlembicConfig::defaultSection(),
                                        const QStringList &xArguments = {});

    // The `-c FILE` form: configFile must be an ini file; a missing file or section gives
    // Alembic's "No config file '<configFile>' found, or file has no '[<section>]'
    // section". Then, in Alembic's order, the options ScriptDirectory.from_config()
    // reads are checked (its messages: "No 'script_location' key found in
    // configuration.", int() of truncate_slug_length, the separator message,
    // interpolation errors, "Path doesn't exist: ..."), and last
    // "<ini>:<line>: the option 'sourceless = true' asks for ... bytecode ...".
    static Result<ProjectLayout>
    fromConfigFile(const QString &configFile,
                   const QString &section = AlembicConfig::defaultSection(),
                   const QStringList &xArguments = {});

    // Whether a folder holds at least one file that looks like an Alembic revision
    // (rule 4 above, without the "versions" name rule).
    static bool looksLikeVersionsFolder(const QString &directory);
    // Whether a folder is a script directory (env.py file + versions/ folder).
    static bool isScriptDirectory(const QString &directory);
};

} // namespace Retort
