// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/historycommand.h"

#include "revision/revisionformatter.h"

namespace Retort {

std::optional<CommandOutput> HistoryCommand::checkArguments(const CliArguments &arguments)
{
    if (arguments.revRangeGiven) {
        const QString &range = arguments.revRange;
        if (!range.contains(QLatin1Char(':')))
            return CommandOutput::failure(
                QStringLiteral("History range requires [start]:[end], [start]:, or :[end]"));
        // Alembic unpacks split(':') into two names and crashes on a third part.
        const QStringList ends = range.trimmed().split(QLatin1Char(':'));
        if (ends.size() != 2)
            return CommandOutput::failure(
                QStringLiteral("History range '%1' contains more than one ':'").arg(range));
        if (ends.contains(QStringLiteral("current")))
            return CommandOutput::databaseRequired(
                QStringLiteral("history with 'current' in the range"));
    }
    if (arguments.indicateCurrent)
        return CommandOutput::databaseRequired(QStringLiteral("history --indicate-current"));
    return std::nullopt;
}

CommandOutput HistoryCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    if (const std::optional<CommandOutput> invalid = checkArguments(arguments))
        return *invalid;
    const QString range = arguments.revRangeGiven ? arguments.revRange.trimmed() : QString();
    const RevisionResult<QString> text =
        RevisionFormatter(context.map()).history(range, arguments.verbose);
    if (!text)
        return CommandOutput::failure(text.errorString());
    return CommandOutput::success(text.value());
}

} // namespace Retort
