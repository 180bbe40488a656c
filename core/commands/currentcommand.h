// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

namespace Retort {

// `retort-cli current [-v]`: needs the database's version table, which retort-cli cannot
// read yet: reported as such.
// Stateless; reads the context only.
class CurrentCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
};

} // namespace Retort
