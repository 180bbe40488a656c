// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/mergecommand.h"

#include "script/revisionwriter.h"

namespace Retort {

CommandOutput MergeCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    RevisionRequest request;
    if (arguments.messageGiven)
        request.message = arguments.message;
    request.merge = true;
    request.heads = arguments.revisions;
    request.branchLabel = arguments.branchLabel;
    request.revisionId = arguments.revId;
    const Result<RevisionFile> file =
        RevisionWriter(context.layout(), context.map()).write(request);
    if (!file)
        return CommandOutput::failure(file.error());
    return CommandOutput::success(QStringLiteral("Generating %1 ...  done\n").arg(file->path));
}

} // namespace Retort
