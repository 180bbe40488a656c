// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/basescommand.h"

namespace Retort {

CommandOutput BasesCommand::run(const CommandContext &context, const CliArguments &)
{
    QString text;
    for (const QString &id : context.map().bases())
        text += id + QLatin1Char('\n');
    return CommandOutput::success(text);
}

} // namespace Retort
