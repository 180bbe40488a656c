// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

namespace Retort {

// `retort-cli check-drift [--url URL]` (not an alembic command): reads the revisions in
// the database's version table, replays the migrations up to them (SchemaReplayer, the
// database's dialect), reads the live schema (LiveSchemaReader) and lists every
// difference (SchemaComparison), one line each. Exit status 0 when there is none, 1 when
// there are differences; FAILED (255) when the database cannot be read, has no version
// table, or names a revision the scripts do not have (with a hint to `stamp`).
// Migrations that cannot be replayed natively are listed on stderr: the differences
// they cause are then expected. Only reads the database. Stateless.
class CheckDriftCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
};

} // namespace Retort
