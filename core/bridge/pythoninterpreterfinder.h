// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/pythoninterpreter.h"
#include "util/result.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace Retort {

// Finds the Python that has a project's dependencies, in this order: $VIRTUAL_ENV; a
// `.venv`, `venv` or `env` virtual environment in the project's folder or any folder above
// it (`.venv` is also where Poetry, PDM and uv put theirs); then every `python3` and `python`
// on PATH. Each candidate is probed (it runs: `import alembic`, its version); the first that
// imports Alembic wins. Remembering a user's own choice per project is the GUI's business.
//
// Blocking: probe() starts a process and waits for it, so call it off the GUI thread (or
// accept a short wait). Errors: a failed find()/probe() says what was tried and what to do.
class PythonInterpreterFinder
{
public:
    struct Candidate
    {
        QString path;
        QString origin;
    };

    explicit PythonInterpreterFinder(
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    // The executables worth probing for a project, in discovery order, each once; only
    // those that exist.
    QList<Candidate> candidates(const QString &projectDirectory) const;
    // The first candidate that imports Alembic; else why none does.
    Result<PythonInterpreter> find(const QString &projectDirectory) const;
    // One interpreter the user named (--python PATH, the GUI's choice): it must run and
    // import Alembic.
    Result<PythonInterpreter> use(const QString &path, const QString &origin) const;
    // Runs `path` and reads its Python and Alembic versions; fails only when it does not
    // run as a Python interpreter (a missing Alembic is reported in the result).
    Result<PythonInterpreter> probe(const QString &path, const QString &origin) const;

    void setProbeTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

private:
    QProcessEnvironment m_environment;
    int m_timeoutMs = 20000;
};

} // namespace Retort
