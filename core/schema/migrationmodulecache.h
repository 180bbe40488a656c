// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"

#include <QHash>
#include <QString>

#include <memory>

namespace Retort {

class PythonModule;

// Parsed migration scripts by path, each file read and parsed once, so that replaying
// several revisions or dialects does not parse a script again. Not thread-safe; load()
// is (it touches no cache), for callers that parse scripts in parallel.
class MigrationModuleCache
{
public:
    MigrationModuleCache();
    ~MigrationModuleCache();

    // The parsed script, or nullptr with *error set when it cannot be read or parsed.
    const PythonModule *module(const QString &path, Diagnostic *error);

    // Reads and parses one script without caching it; nullptr with *error set (the
    // same error module() reports) when it cannot be read or parsed.
    static std::unique_ptr<PythonModule> load(const QString &path, Diagnostic *error);

private:
    QHash<QString, std::shared_ptr<PythonModule>> m_modules;
    QHash<QString, Diagnostic> m_errors;
};

} // namespace Retort
