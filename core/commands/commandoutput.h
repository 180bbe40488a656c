// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Retort {

// What one retort-cli invocation produced: the text for stdout and stderr and the exit
// status. Commands return it instead of printing, so the GUI and the tests can run them
// in-process. Value type.
struct CommandOutput
{
    // Alembic exits with status 255 (sys.exit(-1)) after "FAILED: <message>".
    static constexpr int failureExitCode = 255;
    // argparse exits with status 2 on a bad command line.
    static constexpr int usageExitCode = 2;

    QString standardOutput;
    QString standardError;
    int exitCode = 0;

    bool succeeded() const { return exitCode == 0; }

    static CommandOutput success(const QString &text)
    {
        CommandOutput out;
        out.standardOutput = text;
        return out;
    }
    // Alembic's CommandError: "FAILED: <message>" on stdout, status 255.
    static CommandOutput failure(const QString &message)
    {
        CommandOutput out;
        out.standardOutput = QStringLiteral("FAILED: ") + message + QLatin1Char('\n');
        out.exitCode = failureExitCode;
        return out;
    }
    // A database that cannot be reached or read: "FAILED: <message>" as well, but status 1,
    // the status Alembic ends with when the driver raises (an uncaught exception there).
    static CommandOutput databaseFailure(const QString &message)
    {
        CommandOutput out = failure(message);
        out.exitCode = 1;
        return out;
    }
};

} // namespace Retort
