// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

namespace Retort {

// `retort-cli revision [-m MESSAGE] [--head H] [--splice] [--branch-label L]
// [--version-path P] [--rev-id ID] [--depends-on D]...`: writes a new revision file
// as `alembic revision` does (RevisionWriter) and prints "Generating <path> ...  done".
// --autogenerate is not offered (it needs the application's models); --sql fails with
// Alembic's message. Stateless.
class RevisionCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
};

} // namespace Retort
