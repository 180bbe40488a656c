// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/currentcommand.h"

namespace Retort {

CommandOutput CurrentCommand::run(const CommandContext &, const CliArguments &)
{
    return CommandOutput::databaseRequired(QStringLiteral("current"));
}

} // namespace Retort
