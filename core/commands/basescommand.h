// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

namespace Retort {

// `retort-cli bases` (not an alembic command): the base revisions, one id per line, in
// file order (ScriptDirectory.get_bases() of Alembic).
// Stateless; reads the context only.
class BasesCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
};

} // namespace Retort
