// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

namespace Retort {

// `retort-cli schema REV [--dialect D]`: the schema after REV (replayed from base) as
// CREATE TABLE / CREATE INDEX statements of the dialect (--dialect, else the URL's,
// else sqlite), tables sorted by name. What kept the replay from being complete goes
// to stderr as "file:line:col: message" lines, with exit status 1.
class SchemaCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
};

} // namespace Retort
