// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/alembiclogline.h"
#include "bridge/pythontraceback.h"
#include "util/diagnostic.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

// How one Alembic process ended. On any failure `errorString` is complete on its own (what
// happened, where — file:line for a traceback — and what to do); `diagnostics` hold the
// traceback's location for editors. Value type; any thread.
struct AlembicResult
{
    enum class Status {
        Succeeded,
        Failed,        // non-zero exit (traceback, FAILED: ..., argparse error)
        FailedToStart, // the interpreter could not be started
        Cancelled,     // cancel() stopped it
        TimedOut,      // the time limit stopped it
    };

    Status status = Status::Failed;
    int exitCode = -1;
    QString command; // AlembicInvocation::displayCommand()
    QStringList standardOutput; // lines
    QStringList standardError;  // lines
    QString errorString;
    Diagnostics diagnostics;
    std::optional<PythonTraceback> traceback;
    QStringList generatedFiles;        // "Generating PATH ...  done"
    QList<AlembicLogLine> migrations;  // "Running upgrade a -> b, message", in order
    QList<AlembicLogLine> detected;    // autogenerate's "Detected ..." lines

    bool ok() const { return status == Status::Succeeded; }
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::AlembicResult)
