// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

#include <functional>
#include <optional>

namespace Retort {

// `retort-cli upgrade|downgrade REVISION` and `stamp [--purge] REVISIONS...` against a
// live database (no --sql): runs MigrationRunner in the calling thread and reports as
// Alembic does — its INFO log lines on stderr ("Running upgrade a -> b, message"), plus
// a progress line per migration with its time (and a progress bar on a terminal).
// Exit status 0; 255 with "FAILED: <message>" for what Alembic reports as a
// CommandError (bad target, unknown revision in the table); 1 with "FAILED: ..." when
// the database refused a statement or the connection failed.
//
// stderr text is collected into the CommandOutput, or — when setLiveOutput() installed
// a sink (retort-cli's main) — written through it as the run progresses.
class OnlineMigrationCommand
{
public:
    using LiveOutput = std::function<void(const QString &text)>;

    // Whether the arguments ask for an online run (upgrade/downgrade/stamp without --sql).
    static bool handles(const CliArguments &arguments);
    static std::optional<CommandOutput> checkArguments(const CliArguments &arguments);
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);

    // Process-wide: where stderr text goes while a run progresses; `terminal` turns the
    // progress bar on. Set once at start-up, before any run.
    static void setLiveOutput(LiveOutput output, bool terminal);

    // The database URL as env.py would find it (DatabaseUrlResolver: --url, -x, the
    // environment variable env.py reads, sqlalchemy.url).
    static Result<QString> databaseUrl(const CommandContext &context, const CliArguments &arguments);
};

} // namespace Retort
