// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/showcommand.h"

#include "revision/revisionformatter.h"

namespace Retort {

CommandOutput ShowCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    const QString identifier = arguments.revision();
    // `show current` shows the database's revisions.
    if (identifier == QLatin1String("current"))
        return CommandOutput::databaseRequired(QStringLiteral("show current"));
    const RevisionResult<QString> text = RevisionFormatter(context.map()).show(identifier);
    if (!text)
        return CommandOutput::failure(text.errorString());
    return CommandOutput::success(text.value());
}

} // namespace Retort
