// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

#include <optional>

namespace Retort {

// `retort-cli history [-r RANGE] [-v] [-i]`: revisions newest first, as `alembic history`.
// -i (`(current)` marks) and a `current` end of the range read the database's version table
// (CurrentCommand::readDatabaseRevisions), creating it when missing, as Alembic does.
// Stateless; reads the context only.
class HistoryCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
    // The range's shape, checked before the scripts are read.
    static std::optional<CommandOutput> checkArguments(const CliArguments &arguments);
};

} // namespace Retort
