// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

namespace Retort {

// `retort-cli inspect [--url URL]` (not an alembic command): the live schema of the
// database as LiveSchemaReader reads it, one line per item (CanonicalSchema::toText),
// then one `version <id>` line per row of the version table, sorted. Stable text, made
// for diffing two databases (the interop tests compare Alembic's and Retort's this way).
// With --url no project is needed; without it the project's URL is used (env.py's -x
// key or variable, else sqlalchemy.url). Only reads the database. Stateless.
class InspectCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
    // `inspect --url URL` outside any project: the version table is alembic_version.
    static CommandOutput runWithoutProject(const CliArguments &arguments);
};

} // namespace Retort
