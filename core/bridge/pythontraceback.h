// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

// A Python traceback as the interpreter prints it on stderr ("Traceback (most recent call
// last):", `  File "path", line N, in function` frames, then "Type: message"), read back
// from the lines of a process's output. Chained tracebacks: the last one (the exception
// that ended the process) is kept. Value type; any thread.
struct PythonTraceback
{
    struct Frame
    {
        QString file;
        int line = 0;
        QString function; // empty for the frame of a SyntaxError
        QString code;     // the source line Python printed, trimmed
    };

    QList<Frame> frames; // outermost first, as printed
    QString exceptionType; // "KeyError", "sqlalchemy.exc.OperationalError"
    QString message;       // the rest of the exception line(s)

    // "KeyError: 'DATABASE_URL'"
    QString summary() const;
    // The frame to point the user at: the innermost one in a file under directory (the
    // user's env.py or migration), else the innermost one.
    const Frame *userFrame(const QString &directory) const;
    // That frame as a Diagnostic (file, line, summary()).
    Diagnostic diagnostic(const QString &directory) const;

    // The last traceback in lines; nullopt when there is none.
    static std::optional<PythonTraceback> parse(const QStringList &lines);
};

} // namespace Retort
