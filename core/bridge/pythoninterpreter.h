// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Retort {

// One Python interpreter as probed by PythonInterpreterFinder: where it is, why it was
// chosen, and which Alembic it imports (empty alembicVersion = `import alembic` failed).
// Value type; any thread.
struct PythonInterpreter
{
    QString path;          // the executable, absolute
    QString origin;        // "$VIRTUAL_ENV", ".venv in /a/b", "PATH", "--python", ...
    QString pythonVersion; // "3.11.2"
    QString alembicVersion;// "1.8.1"; empty when Alembic is not importable
    QString importError;   // the last line of the import's traceback when it failed

    bool hasAlembic() const { return !alembicVersion.isEmpty(); }
    // Whether the Alembic version is at least major.minor (false without Alembic).
    bool alembicAtLeast(int major, int minor) const;
    // `alembic check` exists from Alembic 1.9 on.
    bool supportsCheck() const { return alembicAtLeast(1, 9); }
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::PythonInterpreter)
