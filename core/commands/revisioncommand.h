// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

namespace Retort {

// `retort-cli revision [-m MESSAGE] [--head H] [--splice] [--branch-label L]
// [--version-path P] [--rev-id ID] [--depends-on D]... [--autogenerate]`: writes a new
// revision file as `alembic revision` does (RevisionWriter) and prints
// "Generating <path> ...  done". --autogenerate needs the application's models, so it runs
// `python -m alembic revision --autogenerate ...` through the Python bridge (the
// interpreter of --python, else the one PythonInterpreterFinder finds), with --url handed
// to env.py, and passes Alembic's output through. --sql fails with Alembic's message.
// Stateless; blocks until the bridge's process ends.
class RevisionCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);

private:
    static CommandOutput autogenerate(const CommandContext &context, const CliArguments &arguments);
};

} // namespace Retort
