// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/showcommand.h"

#include "commands/currentcommand.h"
#include "revision/revisionformatter.h"

namespace Retort {

CommandOutput ShowCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    const QString identifier = arguments.revision();
    const RevisionFormatter formatter(context.map());
    // `show current` shows each revision the database is at, in the version table's order
    // (nothing for an empty one).
    if (identifier == QLatin1String("current")) {
        QString hint;
        const Result<CurrentCommand::DatabaseRevisions> database =
            CurrentCommand::readDatabaseRevisions(context, arguments, true, &hint);
        if (!database)
            return CommandOutput::databaseFailure(database.error());
        QString out;
        for (const QString &row : database->rows) {
            const RevisionResult<QString> text = formatter.show(row);
            if (!text) {
                CommandOutput failure = CommandOutput::failure(text.errorString());
                failure.standardError = hint.isEmpty() ? QString() : hint + QLatin1Char('\n');
                return failure;
            }
            out += text.value();
        }
        return CommandOutput::success(out);
    }
    const RevisionResult<QString> text = formatter.show(identifier);
    if (!text)
        return CommandOutput::failure(text.errorString());
    return CommandOutput::success(text.value());
}

} // namespace Retort
