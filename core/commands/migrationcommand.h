// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

#include <optional>

namespace Retort {

// `retort-cli upgrade|downgrade REVISION` and `stamp REVISIONS...`. With --sql: the
// offline script Alembic prints (planned by MigrationPlanner, written by
// OfflineScriptWriter in the dialect of CommandContext::offlineDialect()). Without
// --sql the command needs a live database, which retort-cli cannot use yet: reported
// as a failure. Stateless; reads the context only.
class MigrationCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
    // Alembic's checks on the arguments alone ("Range revision not allowed", "downgrade
    // with --sql requires <fromrev>:<torev>", online mode), made before the scripts are read.
    static std::optional<CommandOutput> checkArguments(const CliArguments &arguments);
};

} // namespace Retort
