// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/migrationmodulecache.h"

#include "python/pythonast.h"
#include "python/pythonparser.h"

#include <QFile>

namespace Retort {

MigrationModuleCache::MigrationModuleCache() = default;
MigrationModuleCache::~MigrationModuleCache() = default;

const PythonModule *MigrationModuleCache::module(const QString &path, Diagnostic *error)
{
    if (const auto it = m_modules.constFind(path); it != m_modules.constEnd())
        return it->get();
    if (const auto it = m_errors.constFind(path); it != m_errors.constEnd()) {
        *error = *it;
        return nullptr;
    }
    Diagnostic loadError;
    std::unique_ptr<PythonModule> parsed = load(path, &loadError);
    if (!parsed) {
        m_errors.insert(path, loadError);
        *error = loadError;
        return nullptr;
    }
    std::shared_ptr<PythonModule> shared(std::move(parsed));
    m_modules.insert(path, shared);
    return shared.get();
}

std::unique_ptr<PythonModule> MigrationModuleCache::load(const QString &path, Diagnostic *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Diagnostic d;
        d.file = path;
        d.message = QStringLiteral("cannot read the script: ") + file.errorString();
        *error = d;
        return nullptr;
    }
    Diagnostic parseError;
    std::unique_ptr<PythonModule> parsed = PythonParser::parseBytes(file.readAll(), path, &parseError);
    if (!parsed) {
        if (parseError.file.isEmpty())
            parseError.file = path;
        *error = parseError;
        return nullptr;
    }
    return parsed;
}

} // namespace Retort
