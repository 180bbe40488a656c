// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/clirunner.h"

#include "commands/basescommand.h"
#include "commands/branchescommand.h"
#include "commands/checkdriftcommand.h"
#include "commands/checknativecommand.h"
#include "commands/cliargumentparser.h"
#include "commands/commandcontext.h"
#include "commands/currentcommand.h"
#include "commands/headscommand.h"
#include "commands/historycommand.h"
#include "commands/inspectcommand.h"
#include "commands/mergecommand.h"
#include "commands/migrationcommand.h"
#include "commands/onlinemigrationcommand.h"
#include "commands/revisioncommand.h"
#include "commands/schemacommand.h"
#include "commands/showcommand.h"
#include "commands/stairwaycommand.h"

#include <functional>

namespace Retort {

namespace {

using CommandFunction = std::function<CommandOutput(const CommandContext &, const CliArguments &)>;

CommandFunction commandFunction(const QString &name)
{
    if (name == QLatin1String("heads"))
        return &HeadsCommand::run;
    if (name == QLatin1String("branches"))
        return &BranchesCommand::run;
    if (name == QLatin1String("history"))
        return &HistoryCommand::run;
    if (name == QLatin1String("show"))
        return &ShowCommand::run;
    if (name == QLatin1String("bases"))
        return &BasesCommand::run;
    if (name == QLatin1String("current"))
        return &CurrentCommand::run;
    if (name == QLatin1String("upgrade") || name == QLatin1String("downgrade") ||
        name == QLatin1String("stamp"))
        return &MigrationCommand::run;
    if (name == QLatin1String("schema"))
        return &SchemaCommand::run;
    if (name == QLatin1String("check-native"))
        return &CheckNativeCommand::run;
    if (name == QLatin1String("stairway"))
        return &StairwayCommand::run;
    if (name == QLatin1String("check-drift"))
        return &CheckDriftCommand::run;
    if (name == QLatin1String("inspect"))
        return &InspectCommand::run;
    if (name == QLatin1String("revision"))
        return &RevisionCommand::run;
    if (name == QLatin1String("merge"))
        return &MergeCommand::run;
    return {};
}

// Checks Alembic makes on the arguments alone, after reading the configuration and
// before it reads any revision file.
std::optional<CommandOutput> checkArguments(const CliArguments &arguments)
{
    if (OnlineMigrationCommand::handles(arguments))
        return OnlineMigrationCommand::checkArguments(arguments);
    if (arguments.command == QLatin1String("history"))
        return HistoryCommand::checkArguments(arguments);
    if (arguments.command == QLatin1String("upgrade") ||
        arguments.command == QLatin1String("downgrade") ||
        arguments.command == QLatin1String("stamp"))
        return MigrationCommand::checkArguments(arguments);
    return std::nullopt;
}

CommandOutput quietened(CommandOutput output, bool quiet)
{
    if (quiet)
        output.standardOutput.clear();
    return output;
}

} // namespace

CommandOutput CliRunner::run(const QStringList &arguments)
{
    const CliParseResult parsed = CliArgumentParser().parse(arguments);
    switch (parsed.outcome) {
    case CliParseResult::Outcome::Help:
    case CliParseResult::Outcome::Version:
        return CommandOutput::success(parsed.text);
    case CliParseResult::Outcome::UsageError: {
        CommandOutput out;
        out.standardError = parsed.text;
        out.exitCode = CommandOutput::usageExitCode;
        return out;
    }
    case CliParseResult::Outcome::Run:
        break;
    }
    const CliArguments &args = parsed.arguments;

    // `inspect --url URL` reads any database: no project needed.
    if (args.command == QLatin1String("inspect") && !args.url.isEmpty() && args.project.isEmpty() &&
        args.configFile.isEmpty())
        return quietened(InspectCommand::runWithoutProject(args), args.quiet);

    const Result<ProjectLayout> layout = CommandContext::locate(args);
    if (!layout)
        return quietened(CommandOutput::failure(layout.error()), args.quiet);
    if (const std::optional<CommandOutput> invalid = checkArguments(args))
        return quietened(*invalid, args.quiet);

    Diagnostic where;
    const Result<CommandContext> context = CommandContext::fromLayout(layout.value(), &where);
    if (!context) {
        CommandOutput failure = CommandOutput::failure(context.error());
        // Alembic's words do not always say which file is at fault: stderr does.
        if (!where.file.isEmpty() && !context.error().contains(where.file))
            failure.standardError = where.toString() + QLatin1Char('\n');
        return quietened(failure, args.quiet);
    }

    CommandOutput output = OnlineMigrationCommand::handles(args)
                               ? OnlineMigrationCommand::run(context.value(), args)
                               : commandFunction(args.command)(context.value(), args);
    for (const Diagnostic &warning : context->warnings())
        output.standardError.prepend(QStringLiteral("warning: ") + warning.toString() +
                                     QLatin1Char('\n'));
    return quietened(output, args.quiet);
}

} // namespace Retort
