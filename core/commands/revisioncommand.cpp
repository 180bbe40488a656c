// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/revisioncommand.h"

#include "bridge/alembicinvocation.h"
#include "bridge/alembicprocess.h"
#include "bridge/pythoninterpreterfinder.h"
#include "script/revisionwriter.h"

namespace Retort {

CommandOutput RevisionCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    if (arguments.sql)
        return CommandOutput::failure(
            QStringLiteral("Using --sql with the revision command when revision_environment is "
                           "not configured does not make any sense"));
    if (arguments.autogenerate)
        return autogenerate(context, arguments);
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

CommandOutput RevisionCommand::autogenerate(const CommandContext &context,
                                            const CliArguments &arguments)
{
    const PythonInterpreterFinder finder;
    const Result<PythonInterpreter> python =
        arguments.python.isEmpty() ? finder.find(context.layout().projectPath)
                                   : finder.use(arguments.python, QStringLiteral("--python"));
    if (!python)
        return CommandOutput::failure(python.error());

    QStringList alembicArguments{QStringLiteral("revision"), QStringLiteral("--autogenerate")};
    if (arguments.messageGiven)
        alembicArguments << QStringLiteral("-m") << arguments.message;
    if (!arguments.head.isEmpty())
        alembicArguments << QStringLiteral("--head") << arguments.head;
    if (arguments.splice)
        alembicArguments << QStringLiteral("--splice");
    if (!arguments.branchLabel.isEmpty())
        alembicArguments << QStringLiteral("--branch-label") << arguments.branchLabel;
    if (!arguments.versionPath.isEmpty())
        alembicArguments << QStringLiteral("--version-path") << arguments.versionPath;
    if (!arguments.revId.isEmpty())
        alembicArguments << QStringLiteral("--rev-id") << arguments.revId;
    for (const QString &dependency : arguments.dependsOn)
        alembicArguments << QStringLiteral("--depends-on") << dependency;

    const AlembicResult result = AlembicProcess::run(AlembicInvocation::forProject(
        context.layout(), python->path, alembicArguments, arguments.url));
    if (result.status == AlembicResult::Status::FailedToStart)
        return CommandOutput::failure(result.errorString);

    CommandOutput output;
    for (const QString &line : result.standardOutput)
        output.standardOutput += line + QLatin1Char('\n');
    for (const QString &line : result.standardError)
        output.standardError += line + QLatin1Char('\n');
    if (!result.ok()) {
        // Alembic's own output first (its traceback or FAILED: line), then what it means.
        output.standardError += QStringLiteral("retort-cli: ") + result.errorString + QLatin1Char('\n');
        output.exitCode = result.exitCode > 0 ? result.exitCode : CommandOutput::failureExitCode;
    }
    return output;
}

} // namespace Retort
