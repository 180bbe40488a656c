// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

namespace Retort {

// `retort-cli merge [-m MESSAGE] [--branch-label L] [--rev-id ID] REVISIONS...`: writes
// a merge revision as `alembic merge` does (RevisionWriter with the revisions as its
// parents) and prints "Generating <path> ...  done". Stateless.
class MergeCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
};

} // namespace Retort
