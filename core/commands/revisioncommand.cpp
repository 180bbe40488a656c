// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/revisioncommand.h"

#include "script/revisionwriter.h"

namespace Retort {

CommandOutput RevisionCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    if (arguments.sql)
        return CommandOutput::failure(
            QStringLiteral("Using --sql with the revision command when revision_environment is "
                           "not configured does not make any sense"));
    RevisionRequest request;
    if (arguments.messageGiven)
        request.message = arguments.message;
    if (!arguments.head.isEmpty())
        request.heads = {arguments.head};
    request.splice = arguments.splice;
    request.branchLabel = arguments.branchLabel;
    request.dependsOn = arguments.dependsOn;
    request.revisionId = arguments.revId;
    request.versionPath = arguments.versionPath;
    const Result<RevisionFile> file =
        RevisionWriter(context.layout(), context.map()).write(request);
    if (!file)
        return CommandOutput::failure(file.error());
    return CommandOutput::success(QStringLiteral("Generating %1 ...  done\n").arg(file->path));
}

} // namespace Retort
