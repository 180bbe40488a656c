// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "commands/commandoutput.h"

namespace Retort {

// `retort-cli check-native [RANGE] [--dialect D]`: every migration of the upgrade range
// (default base:heads) whose upgrade or downgrade cannot be rendered natively, for
// sqlite, postgresql and mysql (or just --dialect): one "file:line:col: message" line
// per finding, then a summary line. Exit status 0 when everything is native, else 1.
class CheckNativeCommand
{
public:
    static CommandOutput run(const CommandContext &context, const CliArguments &arguments);
};

} // namespace Retort
