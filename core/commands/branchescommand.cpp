// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/branchescommand.h"

#include "revision/revisionformatter.h"

namespace Retort {

CommandOutput BranchesCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    return CommandOutput::success(RevisionFormatter(context.map()).branches(arguments.verbose));
}

} // namespace Retort
