// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/historycommand.h"

#include "commands/currentcommand.h"
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
    }
    return std::nullopt;
}

CommandOutput HistoryCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    if (const std::optional<CommandOutput> invalid = checkArguments(arguments))
        return *invalid;
    const QString range = arguments.revRangeGiven ? arguments.revRange.trimmed() : QString();
    // -i and a `current` end read the database, and like Alembic create the version table
    // when it is missing.
    QStringList currentRows;
    QString hint;
    if (arguments.indicateCurrent || range.split(QLatin1Char(':')).contains(QStringLiteral("current"))) {
        const Result<CurrentCommand::DatabaseRevisions> database =
            CurrentCommand::readDatabaseRevisions(context, arguments, true, &hint);
        if (!database)
            return CommandOutput::databaseFailure(database.error());
        currentRows = database->rows;
    }
    const RevisionResult<QString> text = RevisionFormatter(context.map())
                                             .history(range, arguments.verbose,
                                                      arguments.indicateCurrent, currentRows);
    CommandOutput output = text ? CommandOutput::success(text.value()) : CommandOutput::failure(text.errorString());
    if (!hint.isEmpty())
        output.standardError = QStringLiteral("warning: ") + hint + QLatin1Char('\n');
    return output;
}

} // namespace Retort
