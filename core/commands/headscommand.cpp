// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/headscommand.h"

#include "revision/revisionformatter.h"

namespace Retort {

CommandOutput HeadsCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    return CommandOutput::success(
        RevisionFormatter(context.map()).heads(arguments.verbose, arguments.resolveDependencies));
}

} // namespace Retort
