// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

namespace Retort {

// `retort-cli stairway [--url URL]` (not an Alembic command): runs the Stairway test on
// a scratch database (a temporary SQLite file unless --url names an empty database) and
// prints one line per migration ("ok  upgrade a -> b, message"); the first migration
// whose downgrade does not reverse its upgrade, or that fails, ends the walk with
// "FAILED: ..." and the schema differences (status 255). Stateless.
class StairwayCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
};

} // namespace Retort
