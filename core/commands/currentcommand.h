// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"
#include "util/result.h"

#include <QStringList>

namespace Retort {

// `retort-cli current [-v]`: the database's current revisions, as `alembic current` prints
// them (shared/spec/revisions.md §6.6, commands.md §7): the version table's rows expanded to
// their branch heads, one-line form with (head) / (effective head) / (branchpoint) /
// (mergepoint) marks, or the verbose form after "Current revision(s) for <url>:" with -v.
// Alembic prints several heads in Python set order; Retort prints them in map order.
// The URL comes from DatabaseUrlResolver (--url, -x, env.py's environment variable, ini).
// Reads only: never creates the version table.
//
// Stateless; connects in the calling thread.
class CurrentCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);

    // What the online listing commands need from the database.
    struct DatabaseRevisions
    {
        QStringList rows;   // the version table's rows, in the database's order
        QString displayUrl; // the URL with its password masked
    };
    // Resolves the URL, connects and reads the version table (creating it first when
    // ensureVersionTable is set and it is missing, as every Alembic command but `current`
    // does). The rows are not checked against the scripts (Alembic's `history -i` does not
    // either); when one names no revision, *hint (when given) receives advice for stderr.
    // The error is the text for FAILED:.
    static Result<DatabaseRevisions> readDatabaseRevisions(const CommandContext &context,
                                                           const CliArguments &arguments,
                                                           bool ensureVersionTable,
                                                           QString *hint = nullptr);
};

} // namespace Retort
