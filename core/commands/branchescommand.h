// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

namespace Retort {

// `retort-cli branches [-v]`: every branch point with its children, as `alembic branches`.
// Stateless; reads the context only.
class BranchesCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
};

} // namespace Retort
