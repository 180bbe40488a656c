// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/pythoninterpreter.h"

#include <QFuture>
#include <QString>

namespace Retort {

// The Python interpreter of a project for the GUI: the user's remembered choice
// (QSettings, per project folder) when there is one, else PythonInterpreterFinder's.
// lookup() probes on a worker thread (QtConcurrent); the rest is GUI-thread code.
class InterpreterChoice
{
public:
    struct Lookup
    {
        bool ok = false;
        PythonInterpreter interpreter;
        QString errorString;
    };

    static QString remembered(const QString &projectPath);
    // An empty path forgets the choice.
    static void remember(const QString &projectPath, const QString &pythonPath);
    static QFuture<Lookup> lookup(const QString &projectPath);
    // Blocking form of lookup() for one path the user picked.
    static Lookup probe(const QString &pythonPath);

private:
    static QString key(const QString &projectPath);
};

} // namespace Retort
